"""Errors keep their message apart from its values, so pages can translate them."""

from __future__ import annotations

from palais.errors import Conflict


def test_the_detail_is_the_english_message_filled_with_its_values() -> None:
    error = Conflict("%(symbol)s is already issued", symbol="A/HRC/41/G/7")
    assert error.detail == "A/HRC/41/G/7 is already issued"
    assert str(error) == error.detail


def test_a_catalogue_translates_the_message_and_keeps_the_values() -> None:
    catalogue = {"%(symbol)s is already issued": "%(symbol)s est déjà publié"}
    error = Conflict("%(symbol)s is already issued", symbol="A/HRC/41/G/7")
    assert error.translated(lambda m: catalogue.get(m, m)) == "A/HRC/41/G/7 est déjà publié"


def test_a_message_without_values_is_taken_literally_even_with_a_percent_sign() -> None:
    error = Conflict("100% of the passages are translated")
    assert error.translated(lambda m: m) == "100% of the passages are translated"

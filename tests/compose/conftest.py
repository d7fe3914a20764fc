"""Composed versions of the bundled samples, made once for the compose tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from palais.compose import ComposedVersion, compose
from palais.languages import ALL, Language
from palais.model import Document
from palais.samples import NAMES, load

GOLDEN = Path(__file__).parent.parent / "fixtures" / "golden" / "compose"


def sample_name(name: str) -> str:
    return name.removesuffix(".json")


@pytest.fixture(scope="session")
def samples() -> dict[str, Document]:
    return {sample_name(n): d for n, d in zip(NAMES, load(), strict=True)}


@pytest.fixture(scope="session")
def versions(samples: dict[str, Document]) -> dict[tuple[str, Language], ComposedVersion]:
    """All twelve versions (two samples x six languages)."""
    return {(name, lang): compose(doc, lang) for name, doc in samples.items() for lang in ALL}

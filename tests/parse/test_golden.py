"""Both seeds parse to their hand-written golden records, field by field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from palais.parse import parse_text
from palais.records import to_record

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEEDS = ("ru_a_hrc_41_2019", "fr_hrc_47_2021")


def _pair(name: str) -> tuple[dict, dict]:
    text = (FIXTURES / "seeds" / f"{name}.txt").read_text(encoding="utf-8")
    golden = json.loads((FIXTURES / "golden" / f"{name}.json").read_text(encoding="utf-8"))
    golden.pop("_notes")
    return to_record(parse_text(text, source_name=name)), golden


@pytest.mark.parametrize("name", SEEDS)
def test_seed_matches_golden_field_by_field(name: str) -> None:
    record, golden = _pair(name)
    assert set(record) == set(golden)
    for key, expected in golden.items():
        if key == "annexes":
            continue
        assert record[key] == expected, key


@pytest.mark.parametrize("name", SEEDS)
def test_seed_annexes_match_golden(name: str) -> None:
    record, golden = _pair(name)
    assert len(record["annexes"]) == len(golden["annexes"])
    for got, want in zip(record["annexes"], golden["annexes"], strict=True):
        assert got["language"] == want["language"]
        assert got["title"] == want["title"]
        assert got["subtitle"] == want["subtitle"]
        assert got["paragraphs"] == want["paragraphs"]


def test_parse_source_keeps_page_boundaries() -> None:
    from dataclasses import dataclass

    from palais.parse import parse_source, parse_tree

    @dataclass
    class Source:  # the shape palais.intake.SourceText has
        text: str
        pages: tuple[str, ...]

    text = (FIXTURES / "seeds" / "fr_hrc_47_2021.txt").read_text(encoding="utf-8")
    cover, annex = text.split("   Annex to the note", 1)
    pages = (cover, "   Annex to the note" + annex)
    doc = parse_source(Source("\f".join(pages), pages))
    assert doc.session == 47 and len(doc.annexes) == 1
    tree = parse_tree("\f".join(pages)).tree
    assert tree.pages == 2 and tree.annexes[0].page == 2

"""The index is derived data: rebuilt from documents, updated, checked for drift."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from palais.errors import InvalidInput
from palais.model import Part
from palais.parse import parse_text
from palais.search import SearchIndex, expected_fingerprint, open_index
from palais.search.embedded import TantivyIndex
from palais.symbols import Symbol
from tests.search.documents import issued


def test_rebuild_replaces_everything_and_the_fingerprint_matches(index: SearchIndex) -> None:
    index.add(issued(9, "An old document that the store no longer has."))
    docs = [issued(1, "Water supply."), issued(2, "Mine clearance.")]
    assert index.rebuild(docs) == 2
    assert index.symbols() == {"A/HRC/47/G/1", "A/HRC/47/G/2"}
    assert index.fingerprint() == expected_fingerprint(docs)
    assert not index.drift(docs)


def test_drift_names_missing_extra_and_stale_documents(index: SearchIndex) -> None:
    one, two, three = (issued(n, f"Text {n}.") for n in (1, 2, 3))
    index.rebuild([one, two])
    edited = dataclasses.replace(
        two, parts=(Part(two.cover.kind, two.cover.language, ("New text.",)),)
    )
    drift = index.drift([edited, three])
    assert drift.missing == {"A/HRC/47/G/3"}
    assert drift.extra == {"A/HRC/47/G/1"}
    assert drift.stale == {"A/HRC/47/G/2"}
    assert index.fingerprint() != expected_fingerprint([edited, three])


def test_adding_again_replaces_and_removing_forgets(index: SearchIndex) -> None:
    doc = issued(1, "Landmines near the village.")
    index.add(doc)
    index.add(
        dataclasses.replace(doc, parts=(Part(doc.cover.kind, doc.cover.language, ("Water.",)),))
    )
    assert index.search("landmines").total == 0
    assert index.search("water").total == 1
    index.remove(Symbol.parse("A/HRC/47/G/1"))
    index.remove("A/HRC/47/G/404")
    assert index.search("water").total == 0
    assert index.symbols() == frozenset()


def test_a_document_without_a_symbol_is_refused(index: SearchIndex) -> None:
    with pytest.raises(InvalidInput, match="symbol"):
        index.add(dataclasses.replace(issued(1, "Text."), symbol=None))


def test_the_seeds_are_found_by_the_place_in_both_spellings(
    index: SearchIndex, seeds_dir: Path
) -> None:
    french = parse_text((seeds_dir / "fr_hrc_47_2021.txt").read_text(encoding="utf-8"))
    russian = parse_text((seeds_dir / "ru_a_hrc_41_2019.txt").read_text(encoding="utf-8"))
    index.rebuild(
        [
            dataclasses.replace(french, symbol=Symbol.parse("A/HRC/47/G/7")),
            dataclasses.replace(russian, symbol=Symbol.parse("A/HRC/41/G/7")),
        ]
    )
    for query in ("Kalbajar", "Кельбаджар"):
        assert {h.symbol for h in index.search(query).hits} == {"A/HRC/47/G/7", "A/HRC/41/G/7"}
    (hit,) = index.search("Кельбаджарского", filters={"language": "ru"}).hits
    assert hit.symbol == "A/HRC/41/G/7"


def test_the_embedded_index_lives_in_the_data_directory_and_reopens(tmp_path: Path) -> None:
    settings = SimpleNamespace(database_url="sqlite:///archive.db", data_dir=tmp_path)
    first = open_index(settings)
    assert isinstance(first, TantivyIndex)
    first.add(issued(1, "Persistent text."))
    first.close()
    assert (tmp_path / "search").is_dir()
    assert open_index(settings).search("persistent").total == 1


@pytest.mark.parametrize("url", ["mysql://db/palais", "nonsense"])
def test_an_unknown_database_gets_a_clear_error(url: str, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="search engine"):
        open_index(url, tmp_path)


def test_the_embedded_index_needs_a_data_directory() -> None:
    with pytest.raises(InvalidInput, match="data directory"):
        open_index("sqlite:///archive.db")


def test_a_failed_rebuild_leaves_the_old_index(index: SearchIndex) -> None:
    index.rebuild([issued(1, "Old text.")])
    broken = (
        d for d in (issued(2, "New text."), dataclasses.replace(issued(3, "X."), symbol=None))
    )
    with pytest.raises(InvalidInput):
        index.rebuild(broken)
    assert index.symbols() == {"A/HRC/47/G/1"}


def test_a_second_process_waits_for_the_writer(tmp_path: Path) -> None:
    first = open_index("sqlite:///a.db", tmp_path)
    second = open_index("sqlite:///a.db", tmp_path)
    assert isinstance(first, TantivyIndex)
    held = first._index.writer(16_000_000, 1)
    releaser = threading.Timer(0.3, lambda: (held.rollback(), held.wait_merging_threads()))
    releaser.start()
    second.add(issued(1, "Written once the other writer is done."))
    releaser.join()
    first._index.reload()
    assert first.search("written").total == 1

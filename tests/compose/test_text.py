"""The plain-text manifestation: the seeds' own wording, read back by the parser."""

from __future__ import annotations

import itertools
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from palais.compose import ComposedVersion, compose, render
from palais.compose.text import WIDTH, wrap
from palais.languages import ALL, Language
from palais.model import Document, Format
from palais.parse import parse_text
from palais.records import to_record
from tests.compose.conftest import GOLDEN

SEEDS = Path(__file__).parent.parent / "fixtures" / "seeds"

# Each sample and the seed it was read from (the sample's own language is the seed's).
SEED_OF = {
    "note_verbale_aze_2019_ru": ("ru_a_hrc_41_2019.txt", Language.RU),
    "note_verbale_aze_2021_fr": ("fr_hrc_47_2021.txt", Language.FR),
}
ROUND_TRIP_FIELDS = (
    "body",
    "session",
    "session_dates",
    "agenda_items",
    "doc_type",
    "doc_date",
    "sender_state",
    "language",
)


def words(text: str) -> list[str]:
    """The words of ``text``, with words broken at a printed line's end joined again
    ("counter-" / "measures"), as the record keeps them."""
    return re.sub(r"(?<=\w)-[ \t]*\n\s*(?=[a-zа-яё])", "", text).split()


def seed_parts(name: str) -> tuple[list[str], list[str]]:
    """The seed's cover words and annex words."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    at = text.index("Annex to the note verbale")
    return words(text[:at]), words(text[at:])


@pytest.mark.parametrize("sample", sorted(SEED_OF))
def test_the_seed_language_version_carries_the_seed_word_for_word(
    sample: str, versions: dict[tuple[str, Language], ComposedVersion]
) -> None:
    seed, lang = SEED_OF[sample]
    cover, annex = seed_parts(seed)
    text = render(versions[sample, lang], Format.TXT).decode()
    page_one, annex_page = text.split("\f")
    rendered = page_one.split()
    # The seed extract starts at the Council's name: the masthead above it is extra.
    start = rendered.index(cover[0])
    assert rendered[start:] == cover
    assert annex_page.split() == annex


@pytest.mark.parametrize("lang", ALL, ids=str)
@pytest.mark.parametrize("sample", sorted(SEED_OF))
def test_the_parser_reads_every_version_back(
    sample: str,
    lang: Language,
    samples: dict[str, Document],
    versions: dict[tuple[str, Language], ComposedVersion],
) -> None:
    expected = to_record(samples[sample])
    expected["language"] = lang.value
    text = render(versions[sample, lang], Format.TXT).decode()
    read = to_record(parse_text(text))
    assert {k: read[k] for k in ROUND_TRIP_FIELDS} == {k: expected[k] for k in ROUND_TRIP_FIELDS}
    assert read["annexes"] == expected["annexes"]


@pytest.mark.parametrize("lang", ALL, ids=str)
@pytest.mark.parametrize("sample", sorted(SEED_OF))
def test_text_matches_its_golden_file(
    sample: str, lang: Language, versions: dict[tuple[str, Language], ComposedVersion]
) -> None:
    check_golden(GOLDEN / sample / f"{lang.value}.txt", render(versions[sample, lang], Format.TXT))


def check_golden(path: Path, data: bytes) -> None:
    """Compare with the golden file; PALAIS_UPDATE_GOLDEN=1 rewrites it (then review
    the diff before committing)."""
    if os.environ.get("PALAIS_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert data.decode("utf-8") == path.read_text(encoding="utf-8")


def test_an_annex_starts_a_new_page(versions: dict[tuple[str, Language], ComposedVersion]) -> None:
    text = render(versions["note_verbale_aze_2021_fr", Language.AR], Format.TXT).decode()
    cover, annex = text.split("\f")
    assert "Annex to the note verbale" in annex
    assert "Annex to the note verbale" not in cover


_TEXT = st.lists(
    st.one_of(
        st.text(alphabet="abcXYZ.,;", min_size=1, max_size=12),
        st.text(alphabet="阿塞拜疆。", min_size=1, max_size=40),
    ),
    min_size=1,
    max_size=60,
).map(" ".join)


@given(_TEXT)
def test_wrap_keeps_every_word_in_order(paragraph: str) -> None:
    lines = wrap(paragraph)
    assert " ".join(lines).split() == paragraph.split()
    for line in lines:
        assert len(line) <= WIDTH or " " not in line


@given(_TEXT)
def test_wrap_never_ends_a_line_on_a_sentence_before_a_capital(paragraph: str) -> None:
    lines = wrap(paragraph)
    for line, following in itertools.pairwise(lines):
        ends = line.endswith((".", ";")) and following[0] in "XYZ"
        assert not ends or " " not in line


def test_the_job_number_is_read_back_apart_from_the_footnote(
    samples: dict[str, Document],
) -> None:
    doc = samples["note_verbale_aze_2021_fr"]
    version = compose(doc, Language.FR, job_number="GE.21-08238(F)")
    read = parse_text(render(version, Format.TXT).decode())
    assert read.job_number is not None and "GE.21-08238(F)".startswith(read.job_number)
    assert read.footnotes == doc.footnotes

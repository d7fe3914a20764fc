"""Which submissions repeat one already sent: the measure, and the registry's use of it."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from palais.errors import UnconfirmedDuplicate
from palais.model import DocType, Document, Part, PartKind
from palais.registry import Registry
from palais.registry.duplicates import (
    MIN_WORDS,
    NEARLY_THE_SAME,
    Candidate,
    repeated,
    resemblance,
)
from tests.registry.conftest import People
from tests.support.notes import note_text
from tests.support.records import RECORD

DAY = date(2025, 2, 20)


def note(text: str, day: date | None = DAY) -> Document:
    paragraphs = tuple(p for p in text.split("\n\n") if p.strip())
    return Document(DocType.NOTE_VERBALE, (Part(PartKind.COVER, None, paragraphs),),
                    doc_date=day)


def test_a_retyped_note_is_nearly_the_same_and_another_note_is_not() -> None:
    text = note_text("en_aze_wrapped")
    retyped = text.replace("compliments", "complements").replace("honour", "honor")
    assert resemblance(note(text), note(retyped)) >= NEARLY_THE_SAME
    other = note_text("en_ken_president_noannex")
    assert resemblance(note(text), note(other)) < NEARLY_THE_SAME


def test_chinese_is_compared_character_by_character() -> None:
    text = note_text("zh_chn_noheading")
    one_changed = text.replace("人权", "人權", 1)
    assert one_changed != text
    assert resemblance(note(text), note(one_changed)) >= NEARLY_THE_SAME


def test_short_texts_are_compared_by_file_alone() -> None:
    short = note("The Permanent Mission presents its compliments.")
    assert resemblance(short, short) == 0.0
    words = " ".join(f"w{i}" for i in range(MIN_WORDS))
    assert resemblance(note(words), note(words)) == 1.0


def test_same_file_counts_whatever_the_date_and_text_needs_the_same_date() -> None:
    text = note_text("en_aze_wrapped")
    earlier = [Candidate(1, "a" * 64, note("unrelated", None)),
               Candidate(2, None, note(text)),
               Candidate(3, None, note(text, date(2025, 2, 21)))]
    found = repeated(note(text), "a" * 64, earlier)
    assert [(d.id, d.reason) for d in found] == [(1, "file"), (2, "text")]


@given(st.lists(st.sampled_from(["note", "verbale", "mission", "council", "rights", "human",
                                 "session", "geneva", "item", "agenda"]),
                min_size=MIN_WORDS, max_size=80),
       st.lists(st.sampled_from(["state", "report", "annex"]), min_size=MIN_WORDS,
                max_size=80))
def test_resemblance_is_symmetric_and_between_zero_and_one(a: list[str], b: list[str]) -> None:
    first, second = note(" ".join(a)), note(" ".join(b))
    assert resemblance(first, second) == resemblance(second, first)
    assert 0.0 <= resemblance(first, second) <= 1.0
    assert resemblance(first, first) == 1.0
    assert resemblance(first, second) == 0.0, "no word in common, no shingle in common"


def long_record(**changes: object) -> dict[str, object]:
    paragraphs = [note_text("en_aze_wrapped")]
    return {**RECORD, "paragraphs": paragraphs, **changes}


def test_registering_a_repeat_needs_confirmation(registry: Registry, people: People) -> None:
    first = registry.submit_record(people.aze, long_record())
    again = registry.submit_record(people.aze, long_record())
    other_day = registry.submit_record(people.aze, long_record(doc_date="2019-06-07"))
    other_state = registry.submit_record(people.fra, long_record(sender_state="FRA"))
    assert again.duplicate_of == (first.id,)
    assert other_day.duplicate_of == () and other_state.duplicate_of == ()
    with pytest.raises(UnconfirmedDuplicate) as refused:
        registry.register(people.officer, again.id)
    assert refused.value.duplicates == (first.id,)
    assert registry.get(people.officer, again.id).symbol is None
    done = registry.register(people.officer, again.id, confirm_duplicate=True)
    assert done.symbol is not None
    assert registry.audit(people.officer, again.id)[-1].after == {
        "state": "registered", "symbol": str(done.symbol), "job_number": done.job_number,
        "confirmed_duplicate_of": [first.id]}


def test_a_rejected_original_needs_no_confirmation(registry: Registry, people: People) -> None:
    first = registry.submit_record(people.aze, long_record())
    again = registry.submit_record(people.aze, long_record())
    registry.reject(people.officer, first.id, "sent twice")
    assert registry.register(people.officer, again.id).symbol is not None


def test_a_submission_held_for_preview_is_told_what_it_repeats(
    registry: Registry, people: People
) -> None:
    data = note_text("en_aze_wrapped").encode("utf-8")
    first = registry.submit_file(people.aze, "note.txt", data)
    held = registry.hold_upload(people.aze, "again.txt", data)
    assert [(r.id, r.reason) for r in held.repeats] == [(first.id, "file")]
    retyped = registry.hold_upload(people.aze, "retyped.txt",
                                   data.replace(b"honour", b"honor"))
    assert [(r.id, r.reason) for r in retyped.repeats] == [(first.id, "text")]
    assert registry.hold_upload(people.fra, "fra.txt",
                                data.replace(b"Azerbaijan", b"France")).repeats == ()

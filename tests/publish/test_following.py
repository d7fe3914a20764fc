"""The search index follows the store: every printed word findable, withdrawals gone at
once, nothing lost when a process dies between the store's commit and the index.

Walked as a reader does: the search and browse pages over HTTP, on a real registry
(SQLite with the embedded index, PostgreSQL with its own search tables).
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import event

from palais import samples
from palais.errors import Conflict
from palais.publish.following import IndexFollower
from palais.publish.samples import issue_samples
from palais.records import to_record
from palais.registry import Registry, State
from palais.search import open_index
from tests.support.bundles import current_bundle
from tests.support.records import RECORD as _RECORD
from tests.web.harness import Api

# Words only composition prints (cover lines from the conventions, composed titles,
# formulaic paragraphs), per language; none is in either sample's record.
PRINTED = {
    "A/HRC/41/G/7": [
        "Forty-first session",
        "Quarante et unième session",
        "Note verbale datée du 6 juin 2019",
        "41er período de sesiones",
        "الدورة الحادية والأربعون",
        "第四十一届会议",
        "Distr. générale",
    ],
    "A/HRC/47/G/1": [
        "forty-seventh",
        "第四十七届会议",
        "Сорок седьмая сессия",
        "47º período de sesiones",
        "Note verbale dated 8 June 2021",
    ],
}


def _found(api: Api, q: str) -> set[str]:
    page = api.get(None, "/search", params={"q": q})
    assert page.status_code == 200
    return set(re.findall(r'href="/documents/(A/HRC/\d+/G/\d+)[/"]', page.text))


def _session_count(api: Api, number: int) -> int:
    """The count the browse page's table shows in a session's row (a link only when it has
    any documents)."""
    page = api.get(None, "/browse").text
    found = re.search(
        rf'href="/browse/sessions/{number}">[^<]*</a></td>\s*<td>[^<]*</td>\s*'
        r'<td class="count">(\d+)</td>', page,
    )
    return int(found[1]) if found else 0


def _issue_samples(api: Api) -> None:
    officer = api.registry.actor("officer")
    placed = list(issue_samples(api.registry, officer, follower=api.app.state.follower))
    assert sorted(str(p.issued.symbol) for p in placed) == sorted(PRINTED)


def test_a_word_printed_only_by_composition_finds_the_document_in_every_language(
    api: Api,
) -> None:
    _issue_samples(api)
    for symbol, phrases in PRINTED.items():
        for phrase in phrases:
            assert symbol in _found(api, f'"{phrase}"'), phrase
    # Both Chinese versions print the Council's name.
    assert _found(api, "人权理事会") == set(PRINTED)


def test_a_withdrawn_document_leaves_search_facets_and_browse_at_once(api: Api) -> None:
    _issue_samples(api)
    assert _found(api, "Kalbajar") == set(PRINTED)
    assert _session_count(api, 41) == 1
    sid = api.registry.document("A/HRC/41/G/7")  # the public value names no submission
    officer = api.registry.actor("officer")
    items, _ = api.registry.list(officer, state=State.ISSUED)
    [submission] = [s for s in items if str(s.symbol) == str(sid.symbol)]
    withdrawn = api.post(
        "officer", f"/api/submissions/{submission.id}/withdrawal", json={"reason": "sent twice"}
    )
    assert withdrawn.status_code == 200, withdrawn.text
    assert _found(api, "Kalbajar") == {"A/HRC/47/G/1"}
    assert _found(api, "人权理事会") == {"A/HRC/47/G/1"}
    assert _session_count(api, 41) == 0 and _session_count(api, 47) == 1
    browse = api.get(None, "/browse/sessions/41").text
    assert "A/HRC/41/G/7" not in browse
    everything = api.get(None, "/search", params={"session": "41"}).text
    assert "A/HRC/41/G/7" not in everything


def test_an_edit_while_composing_refuses_the_issue_and_changes_nothing(api: Api) -> None:
    officer = api.registry.actor("officer")
    sid = api.registry.submit_record(officer, api.record).id
    api.registry.register(officer, sid)
    stale = current_bundle(api.registry, sid)
    edited = {**to_record(api.registry.get(officer, sid).document), "title": "A new title"}
    api.registry.update_record(officer, sid, edited)
    before = api.snapshot()
    with pytest.raises(Conflict, match="changed while it was being composed"):
        api.registry.issue(officer, sid, stale)
    assert api.snapshot() == before
    assert api.registry.get(officer, sid).state is State.REGISTERED
    # Composed again from the record as it is, it goes through.
    assert api.registry.issue(officer, sid, current_bundle(api.registry, sid)).symbol


def test_an_index_that_is_current_costs_one_query_to_check(api: Api) -> None:
    _issue_samples(api)
    follower: IndexFollower = api.app.state.follower
    follower.stop()  # the app's own polling thread: only this catch-up is counted
    follower.catch_up()
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(api.registry.engine, "before_cursor_execute", listener)
    try:
        assert follower.catch_up() == 0
    finally:
        event.remove(api.registry.engine, "before_cursor_execute", listener)
    queries = [s for s in statements if s not in ("BEGIN", "COMMIT", "ROLLBACK")]
    assert len(queries) == 1 and "FROM changes" in queries[0]


_ISSUE_THEN_DIE = textwrap.dedent(
    """
    import os, signal, sys
    from datetime import date
    from palais.compose import compose_bundle
    from palais.publish.following import IndexFollower
    from palais.registry import Registry
    from palais.search import open_index
    from palais.settings import Settings

    settings = Settings.load()
    registry = Registry.open(settings)
    follower = IndexFollower(registry, open_index(settings))
    officer = registry.actor("officer")
    sid = int(sys.argv[1])
    bundle = compose_bundle(registry.get(officer, sid).document, date(2021, 6, 10))
    registry.issue(officer, sid, bundle)  # committed
    print("committed", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)  # before the index hears of it
    follower.catch_up()
    """
)


def test_a_process_killed_between_the_commit_and_the_index_loses_nothing(
    api: Api,
) -> None:
    # The app's own follower would apply the change in the background: this test is
    # about a process that starts after the crash.
    api.app.state.follower.stop()
    officer = api.registry.actor("officer")
    sample = samples.load()[0]  # with its translations, so it composes in six languages
    sid = api.registry.submit_record(officer, to_record(sample)).id
    api.registry.register(officer, sid, symbol=sample.symbol)
    settings = api.app.state.settings
    env = {
        **os.environ,
        "PALAIS_DATABASE_URL": settings.database_url,
        "PALAIS_DATA_DIR": str(settings.data_dir),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    run = subprocess.run(
        [sys.executable, "-c", _ISSUE_THEN_DIE, str(sid)], env=env, capture_output=True,
        text=True, timeout=120,
    )
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert "committed" in run.stdout
    assert api.registry.get(officer, sid).state is State.ISSUED
    # A fresh process over the same store and index (a restarted server) catches up.
    registry = Registry.open(settings)
    index = open_index(settings)
    try:
        behind = index.mark()
        assert behind is None or behind.position < registry.latest_change()
        follower = IndexFollower(registry, index)
        assert follower.catch_up() >= 1
        symbol = str(registry.get(officer, sid).symbol)
        assert [h.symbol for h in index.search("Kalbajar").hits] == [symbol]
    finally:
        index.close()
        registry.close()


def test_a_polling_follower_sees_what_another_process_issued(
    api: Api, tmp_path: Path
) -> None:
    """A second node's index (its own folder) follows the shared store in the background."""
    from palais.search.embedded import TantivyIndex

    other = IndexFollower(api.registry, TantivyIndex(tmp_path / "node-b"))
    other.catch_up()
    other.poll(interval=0.1)
    try:
        officer = api.registry.actor("officer")
        sid = api.registry.submit_record(officer, {**_RECORD, "title": "Quarvendish"}).id
        api.registry.register(officer, sid)
        symbol = str(api.registry.issue(officer, sid, current_bundle(api.registry, sid)).symbol)
        deadline = time.monotonic() + 5
        while symbol not in other.index.symbols():
            assert time.monotonic() < deadline, "the polling follower did not catch up"
            time.sleep(0.05)
    finally:
        other.stop()
    assert other._poller is None
    assert [h.symbol for h in other.index.search("quarvendish").hits] == [symbol]

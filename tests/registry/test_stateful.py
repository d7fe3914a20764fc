"""Random sequences of actions by every role, checked against the workflow's rules.

hypothesis drives the registry through any order of submissions, edits,
registrations, translations, issues, rejections, withdrawals and new versions,
by any user. After every step: an allowed action changed the state as the
rules say and added exactly one audit entry; a refused one changed nothing;
and every symbol series is numbered 1, 2, 3 ... with no gap.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from palais.errors import PalaisError
from palais.languages import Language
from palais.registry import Registry, State
from palais.registry.workflow import RULES
from palais.symbols import ModifierKind
from tests.registry.conftest import People, settings_for
from tests.support.bundles import current_bundle
from tests.support.records import RECORD, version_request

USERS = ("aze", "fra", "officer", "translator", "arabic")


class Workflow(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.registry = Registry.open(settings_for(None, Path(self.folder.name)))
        people = People(self.registry)
        self.actors = {a.username: a for a in people.all()}
        self.officer = people.officer
        self.ids: list[int] = []

    def teardown(self) -> None:
        self.registry.close()
        self.folder.cleanup()

    def _trail(self, sid: int) -> int:
        return len(self.registry.audit(self.officer, sid))

    @rule(who=st.sampled_from(("aze", "fra", "officer", "translator")))
    def submit(self, who: str) -> None:
        record = {**RECORD, "sender_state": "FRA" if who == "fra" else "AZE"}
        try:
            self.ids.append(self.registry.submit_record(self.actors[who], record).id)
        except PalaisError:
            assert who == "translator"

    @precondition(lambda self: self.ids)
    @rule(
        who=st.sampled_from(USERS),
        pick=st.integers(min_value=0),
        action=st.sampled_from(("register", "issue", "reject", "withdraw", "edit")),
    )
    def transition(self, who: str, pick: int, action: str) -> None:
        sid = self.ids[pick % len(self.ids)]
        actor = self.actors[who]
        before = self.registry.get(self.officer, sid)
        trail = self._trail(sid)
        record = {**RECORD, "sender_state": before.mission or "AZE"}
        calls = {
            "register": lambda: self.registry.register(actor, sid),
            "issue": lambda: self.registry.issue(actor, sid, current_bundle(self.registry, sid)),
            "reject": lambda: self.registry.reject(actor, sid, "a reason"),
            "withdraw": lambda: self.registry.withdraw(actor, sid, "a reason"),
            "edit": lambda: self.registry.update_record(actor, sid, record),
        }
        allowed = before.state in RULES[action].allowed.get(actor.role, frozenset())
        visible = actor.role.value != "mission" or actor.state == before.mission
        try:
            calls[action]()
        except PalaisError:
            after = self.registry.get(self.officer, sid)
            assert (after.state, after.symbol, self._trail(sid)) == (
                before.state, before.symbol, trail,
            ), (who, action)
            assert not (allowed and visible), (who, action, before.state)
            return
        assert allowed and visible, (who, action, before.state)
        after = self.registry.get(self.officer, sid)
        assert after.state is (RULES[action].target or before.state)
        assert self._trail(sid) == trail + 1

    @precondition(lambda self: self.ids)
    @rule(pick=st.integers(min_value=0), lang=st.sampled_from(list(Language)))
    def translate(self, pick: int, lang: Language) -> None:
        sid = self.ids[pick % len(self.ids)]
        before = self.registry.get(self.officer, sid)
        try:
            done = self.registry.set_translation(
                self.actors["translator"], sid, "cover.paragraph.1", lang, "text"
            )
        except PalaisError:
            after = self.registry.get(self.officer, sid)
            assert after.document == before.document
            return
        assert lang in self.actors["translator"].languages
        assert done.state in (State.IN_TRANSLATION, State.READY)

    @precondition(lambda self: self.ids)
    @rule(pick=st.integers(min_value=0), kind=st.sampled_from(list(ModifierKind)))
    def new_version(self, pick: int, kind: ModifierKind) -> None:
        sid = self.ids[pick % len(self.ids)]
        try:
            made = self.registry.start_version(self.officer, sid, version_request(kind))
        except PalaisError:
            return
        assert made.parent_id == sid and made.state is State.REGISTERED
        self.ids.append(made.id)

    @invariant()
    def series_have_no_gaps(self) -> None:
        items, _ = self.registry.list(self.officer, limit=None)
        numbers: dict[str, list[int]] = defaultdict(list)
        for item in items:
            if item.symbol is not None:
                text = str(item.symbol)
                series, _, number = text.rpartition("/")
                if "." in number:  # Corr.2 -> series .../Corr
                    kind, _, number = number.partition(".")
                    series = f"{series}/{kind}"
                numbers[series].append(int(number))
        for series, found in numbers.items():
            assert sorted(found) == list(range(1, len(found) + 1)), series


TestWorkflow = Workflow.TestCase
TestWorkflow.settings = settings(max_examples=12, stateful_step_count=25, deadline=None)

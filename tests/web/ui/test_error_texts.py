"""Error messages raised anywhere in palais are in the page catalogues, so pages say them
in the reader's language."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

from palais.errors import InvalidInput, PayloadTooLarge
from palais.languages import Language
from palais.web.ui.error_texts import messages
from palais.web.ui.i18n import translations

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = ROOT / "palais"
POT = PACKAGE / "web" / "i18n" / "messages.pot"


def test_the_extractor_finds_error_messages_and_skips_f_strings() -> None:
    source = (
        'raise InvalidInput("the file is larger than %(limit)s", limit=1)\n'
        'raise Conflict(f"cannot {x}")\n'
        'raise ValueError("not ours")\n'
        'errors.NotFound("no such %(thing)s", thing="x")\n'
    )
    assert [m for _, m in messages(source)] == [
        "the file is larger than %(limit)s", "no such %(thing)s"]


def test_every_error_message_outside_the_command_line_is_in_the_catalogue() -> None:
    with POT.open("rb") as handle:
        catalogue = {m.id for m in read_po(handle) if m.id}
    found = {
        message
        for path in PACKAGE.rglob("*.py") if "cli" not in path.relative_to(PACKAGE).parts
        for _, message in messages(path.read_text(encoding="utf-8"), str(path))
    }
    assert found, "the extractor found nothing"
    missing = sorted(found - catalogue)
    assert missing == [], "run the pybabel commands of palais/web/i18n/README.md"


def test_a_page_says_an_error_in_its_language() -> None:
    french = translations(Language.FR).gettext
    assert PayloadTooLarge("the file is larger than the limit of %(limit)s bytes",
                           limit=5).translated(french) == "le fichier dépasse la limite de 5 octets"
    assert InvalidInput("not in any catalogue %(x)s", x=1).translated(french) == (
        "not in any catalogue 1")

"""The bundled sample documents: two real notes verbales as records.

Each sample is a record in the :mod:`palais.records` contract, read from a
real cover (the extracts in tests/fixtures/seeds) and checked field by field by
hand; its annex is reproduced exactly as printed. The free-text passages of
each cover carry translations into the six languages, so that every language
version of both samples can be composed and issued (``palais demo``).

* ``note_verbale_aze_2019_ru.json``: note verbale of 6 June 2019 from
  Azerbaijan, Council's forty-first session, cover in Russian. Symbol
  A/HRC/41/G/7 as recorded for this document by the project's parse fixtures
  (the extract itself prints no symbol).
* ``note_verbale_aze_2021_fr.json``: note verbale of 8 June 2021 from
  Azerbaijan, forty-seventh session, cover in French. The extract prints no
  symbol and none could be verified (it is not A/HRC/47/G/10, another note of
  the same date), so the record has none: registration gives it one.

Neither extract prints an "Original:" line, so ``original_language`` is null
rather than guessed.

The translations were written for palais and checked against UN wording:
English against A/HRC/47/G/10 (the same mission's note of 8 June 2021:
"submits information provided by the Press Service Department ... (see
annex)"); French and Russian against the two seeds themselves; Spanish
against the UN's correspondence formulae as printed in A/AC.154/383 ("saluda
atentamente a ... y tiene el honor de", "tenga a bien ... distribuir",
"(véase el anexo)"); Arabic and Chinese follow the conventions' note-verbale
formulae, which are inferred (no Arabic or Chinese Council note verbale was
found to compare with).
"""

from __future__ import annotations

import json
from importlib import resources

from palais.model import Document
from palais.records import from_record

__all__ = ["NAMES", "load", "record"]

NAMES = ("note_verbale_aze_2019_ru.json", "note_verbale_aze_2021_fr.json")


def record(name: str) -> dict[str, object]:
    """The raw record of sample ``name`` (one of :data:`NAMES`)."""
    text = resources.files(__name__).joinpath(name).read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def load() -> list[Document]:
    """The sample documents, in the order of :data:`NAMES`."""
    return [from_record(record(name)) for name in NAMES]

"""The job number of each language version, and its barcode line, from ``data/masthead.yaml``.

The registry gives a document one job number ("GE.21-07654"); each language
version prints it with its own language letter ("GE.21-07654(E)", "(F)",
"(R)" ...), in the form of the cover's period, and under the barcode the job
digits between asterisks ("*2107654*").
"""

from __future__ import annotations

import functools
import re
from datetime import date

from palais.conventions.data import language, load
from palais.conventions.periods import Fact, facts, select
from palais.errors import InvalidInput
from palais.languages import Language

__all__ = ["barcode_line", "base_job_number", "job_number"]

_JOB = re.compile(r"^\s*((?:GE\.)?\d{2}-\d{5,6})(?:\s*\([A-Z]\))?(?:\s+\d{6})*\s*$")
"""A job number as the registry gives it, or as printed with a letter and date stamps."""


@functools.cache
def _forms() -> tuple[Fact, ...]:
    return facts(load("masthead")["job_number_forms"])


def base_job_number(printed: str) -> str:
    """The registry's number within a printed one: "GE.21-07654(E)" -> "GE.21-07654"."""
    m = _JOB.match(printed)
    if not m:
        raise InvalidInput(
            "not a UN job number: %(printed)r (expected e.g. GE.21-07654)",
            printed=printed,
        )
    return m[1]


def job_number(number: str, lang: Language | str, on: date | None = None) -> str:
    """The job number the ``lang`` version prints: "GE.21-07654(E)" (today's form, or that
    of covers dated ``on``)."""
    lang = language(lang)
    letter = load("masthead")["job_letters"][lang.value]
    fact = select(_forms(), on or date.today(), lang)
    form = str(fact.value) if fact is not None else "{number}({letter})"
    return form.format(number=base_job_number(number), letter=letter)


def barcode_line(number: str) -> str:
    """The line under the barcode: the job digits between asterisks ("*2107654*")."""
    digits = re.sub(r"\D", "", base_job_number(number))
    return str(load("masthead")["barcode_line"]).format(digits=digits)

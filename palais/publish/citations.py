"""How to cite an issued document: in the UN's own form and as BibTeX, RIS and CSL-JSON.

The UN cites a document by its title followed by its symbol in parentheses
(``… (A/HRC/41/G/7)``): the symbol is what identifies it, in every language. The
exports name the Council as corporate author and the United Nations as publisher,
and carry the symbol as the document's number and its page as URL, so reference
managers keep what a librarian would.
"""

from __future__ import annotations

import json
from typing import Any

from palais.languages import Language

AUTHOR = "Human Rights Council"
PUBLISHER = "United Nations"


def un_citation(issued: Any, reader: Language) -> str:
    """The title in the reader's language (else the original) and the symbol."""
    shown = issued.title_for(reader)
    title = shown.text if shown else str(issued.document.doc_type.value).replace("_", " ")
    return f"{title} ({issued.symbol})"


def _fields(issued: Any, base_url: str) -> dict[str, Any]:
    doc = issued.document
    shown = issued.title_for(Language.EN)
    return {
        "key": str(issued.symbol).replace("/", "_").replace(".", ""),
        "title": shown.text if shown else str(issued.symbol),
        "language": shown.language.info.bcp47 if shown and shown.language else None,
        "date": doc.doc_date,
        "url": f"{base_url.rstrip('/')}/documents/{issued.symbol}",
        "symbol": str(issued.symbol),
    }


def bibtex(issued: Any, base_url: str) -> str:
    f = _fields(issued, base_url)
    lines = [
        f"@misc{{{f['key']},",
        f"  author = {{{{{AUTHOR}}}}},",
        f"  title = {{{{{_tex(f['title'])}}}}},",
        f"  publisher = {{{PUBLISHER}}},",
        f"  number = {{{f['symbol']}}},",
        f"  howpublished = {{UN document {f['symbol']}}},",
        f"  url = {{{f['url']}}},",
    ]
    if f["date"] is not None:
        lines += [f"  year = {{{f['date'].year}}},", f"  date = {{{f['date'].isoformat()}}},"]
    if f["language"]:
        lines.append(f"  language = {{{f['language']}}},")
    return "\n".join(lines) + "\n}\n"


def ris(issued: Any, base_url: str) -> str:
    f = _fields(issued, base_url)
    lines = ["TY  - GOVDOC", f"TI  - {f['title']}", f"AU  - {AUTHOR}", f"PB  - {PUBLISHER}",
             f"M1  - {f['symbol']}", f"UR  - {f['url']}"]
    if f["date"] is not None:
        lines += [f"PY  - {f['date'].year}", f"DA  - {f['date'].strftime('%Y/%m/%d')}"]
    if f["language"]:
        lines.append(f"LA  - {f['language']}")
    return "\r\n".join([*lines, "ER  - ", ""])


def csl_json(issued: Any, base_url: str) -> str:
    f = _fields(issued, base_url)
    item: dict[str, Any] = {
        "id": f["symbol"], "type": "document", "title": f["title"],
        "author": [{"literal": AUTHOR}], "publisher": PUBLISHER, "number": f["symbol"],
        "URL": f["url"],
    }
    if f["date"] is not None:
        item["issued"] = {"date-parts": [[f["date"].year, f["date"].month, f["date"].day]]}
    if f["language"]:
        item["language"] = f["language"]
    return json.dumps([item], ensure_ascii=False, indent=2)


def _tex(text: str) -> str:
    return "".join("\\" + c if c in "&%$#_{}" else c for c in text)


FORMATS = {
    "bib": (bibtex, "application/x-bibtex"),
    "ris": (ris, "application/x-research-info-systems"),
    "json": (csl_json, "application/vnd.citationstyles.csl+json"),
}

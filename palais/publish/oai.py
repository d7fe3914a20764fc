"""OAI-PMH 2.0: the archive as library harvesters read it.

The six verbs over the issued documents, in the order they entered the store:
``Identify``, ``ListMetadataFormats`` (``oai_dc`` and ``marcxml``, the two the UN
Digital Library offers), ``ListSets`` (``session:<n>`` and ``agenda:<n>``),
``ListIdentifiers``, ``ListRecords`` and ``GetRecord``, with ``from``/``until`` on
the datestamp (the moment of issue, to the second) and resumption tokens that
carry the position reached. A withdrawn document leaves the archive, so deleted
records are ``transient``. Errors are OAI-PMH errors in a 200 response, as the
protocol has them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from lxml import etree

from palais import conventions
from palais.errors import PalaisError
from palais.languages import Language
from palais.publish.marc import MARC_NS, MARC_SCHEMA, marc_record

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
OAI_SCHEMA = "http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"
DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_SCHEMA = "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"
DC = "http://purl.org/dc/elements/1.1/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ID_PREFIX = "oai:palais.un-hrc:"
FORMATS = {"oai_dc": (DC_SCHEMA, DC_NS), "marcxml": (MARC_SCHEMA, MARC_NS)}
EARLIEST = datetime(2006, 6, 19, tzinfo=UTC)  # the Council's first session opened
_ARGS = {
    "Identify": ({"verb"}, set()),
    "ListMetadataFormats": ({"verb"}, {"identifier"}),
    "ListSets": ({"verb"}, {"resumptionToken"}),
    "GetRecord": ({"verb", "identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"verb", "metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"verb", "metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
}


class OaiError(Exception):
    """An OAI-PMH error: its code and a message for the harvester's log."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True, slots=True)
class Archive:
    """What the protocol reads: the issued documents after a store position, each with its
    position, in store order; one by symbol; the sets; and where the server is."""

    documents: Callable[[int], Iterable[tuple[int, Any]]]
    document: Callable[[str], Any | None]
    sets: Callable[[], list[tuple[str, str]]]
    base_url: str
    page_size: int = 100


def respond(archive: Archive, args: Mapping[str, str]) -> bytes:
    """The XML answer to one OAI-PMH request."""
    root = etree.Element(f"{{{OAI_NS}}}OAI-PMH", nsmap={None: OAI_NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{OAI_NS} {OAI_SCHEMA}")
    etree.SubElement(root, f"{{{OAI_NS}}}responseDate").text = _stamp(datetime.now(UTC))
    request = etree.SubElement(root, f"{{{OAI_NS}}}request")
    request.text = f"{archive.base_url.rstrip('/')}/oai"
    try:
        verb = _check(args)
        for name, value in args.items():
            request.set(name, value)
        root.append(_VERBS[verb](archive, args))
    except OaiError as error:
        failure = etree.SubElement(root, f"{{{OAI_NS}}}error", code=error.code)
        failure.text = str(error)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _check(args: Mapping[str, str]) -> str:
    verb = args.get("verb", "")
    if verb not in _ARGS:
        raise OaiError("badVerb", f"unknown or missing verb {verb!r}")
    required, optional = _ARGS[verb]
    if "resumptionToken" in args:
        required, optional = {"verb"}, {"resumptionToken"}
    extra = set(args) - required - optional
    missing = required - set(args)
    if extra or missing:
        raise OaiError(
            "badArgument", f"{verb}: missing {sorted(missing)}, not allowed {sorted(extra)}"
        )
    if "metadataPrefix" in args and args["metadataPrefix"] not in FORMATS:
        raise OaiError("cannotDisseminateFormat", f"no format {args['metadataPrefix']!r}")
    return verb


def _identify(archive: Archive, _args: Mapping[str, str]) -> etree._Element:
    out = etree.Element(f"{{{OAI_NS}}}Identify")
    for name, value in (
        ("repositoryName", "Documents of the Human Rights Council (palais)"),
        ("baseURL", f"{archive.base_url.rstrip('/')}/oai"),
        ("protocolVersion", "2.0"),
        ("adminEmail", "hrc-documents@palais.invalid"),
        ("earliestDatestamp", _stamp(EARLIEST)),
        ("deletedRecord", "transient"),
        ("granularity", "YYYY-MM-DDThh:mm:ssZ"),
    ):
        etree.SubElement(out, f"{{{OAI_NS}}}{name}").text = value
    return out


def _formats(archive: Archive, args: Mapping[str, str]) -> etree._Element:
    if "identifier" in args:
        _one(archive, args["identifier"])
    out = etree.Element(f"{{{OAI_NS}}}ListMetadataFormats")
    for prefix, (schema, namespace) in FORMATS.items():
        item = etree.SubElement(out, f"{{{OAI_NS}}}metadataFormat")
        for name, value in (("metadataPrefix", prefix), ("schema", schema),
                            ("metadataNamespace", namespace)):
            etree.SubElement(item, f"{{{OAI_NS}}}{name}").text = value
    return out


def _sets(archive: Archive, args: Mapping[str, str]) -> etree._Element:
    if "resumptionToken" in args:
        raise OaiError("badResumptionToken", "ListSets is answered in one response")
    out = etree.Element(f"{{{OAI_NS}}}ListSets")
    for spec, name in archive.sets():
        item = etree.SubElement(out, f"{{{OAI_NS}}}set")
        etree.SubElement(item, f"{{{OAI_NS}}}setSpec").text = spec
        etree.SubElement(item, f"{{{OAI_NS}}}setName").text = name
    return out


def _get_record(archive: Archive, args: Mapping[str, str]) -> etree._Element:
    issued = _one(archive, args["identifier"])
    out = etree.Element(f"{{{OAI_NS}}}GetRecord")
    out.append(_record(archive, issued, args["metadataPrefix"]))
    return out


def _list(archive: Archive, args: Mapping[str, str], *, records: bool) -> etree._Element:
    wanted = _Selection.read(args)
    verb = "ListRecords" if records else "ListIdentifiers"
    out = etree.Element(f"{{{OAI_NS}}}{verb}")
    # A page goes on from the store position where the previous one stopped, so a
    # whole harvest reads the archive once, however many pages it takes.
    chosen = ((p, d) for p, d in archive.documents(wanted.after) if wanted.keeps(d))
    shown, more, last = 0, False, wanted.after
    for position, issued in chosen:
        if shown == archive.page_size:
            more = True
            break
        out.append(_record(archive, issued, wanted.prefix) if records else _header(issued))
        shown, last = shown + 1, position
    if not shown:
        raise OaiError("noRecordsMatch", "no record matches these arguments")
    if more or wanted.cursor:
        token = etree.SubElement(out, f"{{{OAI_NS}}}resumptionToken",
                                 cursor=str(wanted.cursor))
        token.text = wanted.next_token(last, wanted.cursor + shown) if more else ""
    return out


@dataclass(frozen=True, slots=True)
class _Selection:
    """What a list asks for, and how far a resumption token had got: the store position
    of the last record sent (``after``) and how many records were sent (``cursor``)."""

    prefix: str
    set_spec: str | None
    since: datetime | None
    until: datetime | None
    after: int = 0
    cursor: int = 0

    @classmethod
    def read(cls, args: Mapping[str, str]) -> _Selection:
        if "resumptionToken" in args:
            return cls._from_token(args["resumptionToken"])
        since, until = _moment(args.get("from"), False), _moment(args.get("until"), True)
        if "from" in args and "until" in args and len(args["from"]) != len(args["until"]):
            raise OaiError("badArgument", "from and until must have the same granularity")
        if since and until and since > until:
            raise OaiError("noRecordsMatch", "from is after until")
        return cls(args["metadataPrefix"], args.get("set"), since, until)

    @classmethod
    def _from_token(cls, token: str) -> _Selection:
        try:
            prefix, set_spec, since, until, after, cursor = token.split("!")
            return cls(
                prefix if prefix in FORMATS else _bad(token), set_spec or None,
                datetime.fromisoformat(since) if since else None,
                datetime.fromisoformat(until) if until else None, int(after), int(cursor),
            )
        except (ValueError, TypeError):
            raise OaiError(
                "badResumptionToken", f"not a token of this server: {token!r}"
            ) from None

    def next_token(self, after: int, cursor: int) -> str:
        moments = [m.isoformat() if m else "" for m in (self.since, self.until)]
        return "!".join([self.prefix, self.set_spec or "", *moments, str(after), str(cursor)])

    def keeps(self, issued: Any) -> bool:
        at = issued.issued_at.astimezone(UTC).replace(microsecond=0)
        if (self.since and at < self.since) or (self.until and at > self.until):
            return False
        return self.set_spec is None or self.set_spec in set_specs(issued)


def set_specs(issued: Any) -> set[str]:
    doc = issued.document
    specs = {f"agenda:{item}" for item in doc.agenda_items}
    if doc.session is not None:
        specs.add(f"session:{doc.session}")
    return specs


def _bad(token: str) -> str:
    raise OaiError("badResumptionToken", f"not a token of this server: {token!r}")


def _moment(value: str | None, end: bool) -> datetime | None:
    if value is None:
        return None
    try:
        if len(value) == 10:
            day = datetime.fromisoformat(value).replace(tzinfo=UTC)
            return day.replace(hour=23, minute=59, second=59) if end else day
        if len(value) == 20 and value.endswith("Z"):
            return datetime.fromisoformat(value[:-1]).replace(tzinfo=UTC)
    except ValueError:
        pass
    raise OaiError("badArgument", f"not a UTC datestamp of this granularity: {value!r}")


def _one(archive: Archive, identifier: str) -> Any:
    symbol = identifier.removeprefix(ID_PREFIX)
    issued = archive.document(symbol) if identifier.startswith(ID_PREFIX) else None
    if issued is None:
        raise OaiError("idDoesNotExist", f"no record {identifier!r}")
    return issued


def _header(issued: Any) -> etree._Element:
    header = etree.Element(f"{{{OAI_NS}}}header")
    etree.SubElement(header, f"{{{OAI_NS}}}identifier").text = ID_PREFIX + str(issued.symbol)
    etree.SubElement(header, f"{{{OAI_NS}}}datestamp").text = _stamp(issued.issued_at)
    for spec in sorted(set_specs(issued)):
        etree.SubElement(header, f"{{{OAI_NS}}}setSpec").text = spec
    return header


def _record(archive: Archive, issued: Any, prefix: str) -> etree._Element:
    record = etree.Element(f"{{{OAI_NS}}}record")
    record.append(_header(issued))
    metadata = etree.SubElement(record, f"{{{OAI_NS}}}metadata")
    if prefix == "marcxml":
        metadata.append(marc_record(issued, archive.base_url))
    else:
        metadata.append(dublin_core(issued, archive.base_url))
    return record


def dublin_core(issued: Any, base_url: str) -> etree._Element:
    """The ``oai_dc`` description: titles of every version, each in its language."""
    doc = issued.document
    root = etree.Element(f"{{{DC_NS}}}dc", nsmap={"oai_dc": DC_NS, "dc": DC, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{DC_NS} {DC_SCHEMA}")

    def add(name: str, value: str, lang: Language | None = None) -> None:
        element = etree.SubElement(root, f"{{{DC}}}{name}")
        element.text = value
        if lang is not None:
            element.set(XML_LANG, lang.info.bcp47)

    shown = issued.title_for(Language.EN)
    if shown is not None:
        add("title", shown.text, shown.language)
    for lang, title in issued.titles.items():
        if shown is None or lang is not shown.language:
            add("title", title, lang)
    if doc.sender is not None:
        add("creator", _state(doc.sender.iso3))
    add("publisher", "United Nations. Human Rights Council")
    for item in doc.agenda_items:
        add("subject", f"Agenda item {item}")
    if doc.doc_date is not None:
        add("date", doc.doc_date.isoformat())
    add("type", "Text")
    add("identifier", str(issued.symbol))
    add("identifier", f"{base_url.rstrip('/')}/documents/{issued.symbol}")
    for lang in issued.languages:
        add("language", lang.info.iso639_3)
    for other in ([issued.original] if issued.original else []) + list(issued.versions):
        add("relation", str(other))
    return root


def _state(iso3: str) -> str:
    try:
        return conventions.state_name(iso3, Language.EN)
    except PalaisError:  # a code the conventions do not know is still a name
        return iso3


def _stamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_VERBS: dict[str, Callable[[Archive, Mapping[str, str]], etree._Element]] = {
    "Identify": _identify,
    "ListMetadataFormats": _formats,
    "ListSets": _sets,
    "GetRecord": _get_record,
    "ListIdentifiers": lambda a, args: _list(a, args, records=False),
    "ListRecords": lambda a, args: _list(a, args, records=True),
}


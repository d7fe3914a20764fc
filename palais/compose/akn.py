"""Akoma Ntoso 3.0 XML of a language version (OASIS LegalDocML).

One ``<doc name="noteVerbale">`` (or the kind concerned) whose identification
gives the three FRBR levels: the Work (the symbol, language-free), this
Expression (``.../rus@``) and this Manifestation (``.../rus@/!main.xml``). The
cover block is the ``preface`` (Organization and organ, symbol, status, dates,
Council, session, agenda, title), the note's paragraphs the ``mainBody`` with its footnotes as
``authorialNote`` at their markers, and each annex an ``attachment`` carrying its
own language. The output is checked against the official schema
(``palais/data/akn/akomantoso30.xsd``) in the tests.
"""

from __future__ import annotations

from lxml import etree

from palais.compose.version import ComposedFootnote, ComposedVersion, Frbr

__all__ = ["NS", "render"]

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_SOURCE = "#palais"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    node = etree.SubElement(parent, f"{{{NS}}}{tag}", {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        node.text = text
    return node


def render(version: ComposedVersion) -> bytes:
    root = etree.Element(f"{{{NS}}}akomaNtoso", nsmap={None: NS})
    doc = _el(root, "doc", name=version.frbr.doc_name)
    frbr = version.frbr
    meta = _meta(doc, frbr, f"{frbr.expression}/!main", frbr.manifestation, frbr.language_code)
    _references(meta, version)
    _preface(doc, version)
    body = _el(doc, "mainBody")
    for n, correction in enumerate(version.corrections, 1):
        _el(body, "p", correction.lead, eId=f"corr_{n}__lead", class_="correctionLead")
        _el(body, "p", correction.text, eId=f"corr_{n}")
    notes = list(enumerate(version.footnotes, 1))
    for n, paragraph in enumerate(version.paragraphs, 1):
        notes = _inline_notes(_el(body, "p", eId=f"para_{n}"), paragraph, notes)
    if notes:
        # A footnote whose marker appears in no paragraph still belongs to the cover.
        p = _el(body, "p", eId=f"para_{len(version.paragraphs) + 1}")
        for k, note in notes:
            _note(p, note, k)
    if version.annexes:
        attachments = _el(doc, "attachments")
        for n, annex in enumerate(version.annexes, 1):
            attachment = _el(attachments, "attachment", eId=f"att_{n}")
            sub = _el(attachment, "doc", name="annex")
            # The annex keeps the language it was received in (its own expression).
            _meta(
                sub,
                frbr,
                f"{frbr.expression}/!annex_{n}",
                f"{frbr.expression}/!annex_{n}.xml",
                annex.language.info.iso639_3 if annex.language else frbr.language_code,
            )
            preface = _el(sub, "preface")
            _el(_el(preface, "longTitle"), "p", annex.heading)
            if annex.subtitle:
                _el(preface, "p", annex.subtitle, class_="subtitle")
            annex_body = _el(sub, "mainBody")
            for k, paragraph in enumerate(annex.paragraphs, 1):
                _el(annex_body, "p", paragraph, eId=f"att_{n}__para_{k}")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _meta(
    doc: etree._Element, frbr: Frbr, this: str, manifestation: str, language: str
) -> etree._Element:
    """The identification block; every date is the record's, so equal records give
    byte-identical files."""
    meta = _el(doc, "meta")
    ident = _el(meta, "identification", source=_SOURCE)
    work = _el(ident, "FRBRWork")
    _el(work, "FRBRthis", value=this.replace(f"/{frbr.language_code}@", "", 1))
    _el(work, "FRBRuri", value=frbr.work)
    _el(work, "FRBRdate", date=frbr.work_date.isoformat(), name="dated")
    _el(work, "FRBRauthor", href="#sender")
    _el(work, "FRBRcountry", value="un")
    if frbr.number:
        _el(work, "FRBRnumber", value=frbr.number)
    expression = _el(ident, "FRBRExpression")
    _el(expression, "FRBRthis", value=this)
    _el(expression, "FRBRuri", value=frbr.expression)
    _el(expression, "FRBRdate", date=frbr.expression_date.isoformat(), name="issued")
    _el(expression, "FRBRauthor", href="#secretariat")
    _el(expression, "FRBRlanguage", language=language)
    if frbr.original_language_code and frbr.original_language_code != language:
        _el(
            expression,
            "FRBRtranslation",
            fromLanguage=frbr.original_language_code,
            by="#secretariat",
        )
    manif = _el(ident, "FRBRManifestation")
    _el(manif, "FRBRthis", value=manifestation)
    # Naming convention: the manifestation's URI is the expression's with its format.
    _el(manif, "FRBRuri", value=f"{frbr.expression}.akn")
    _el(manif, "FRBRdate", date=frbr.expression_date.isoformat(), name="generated")
    _el(manif, "FRBRauthor", href=_SOURCE)
    return meta


def _references(meta: etree._Element, v: ComposedVersion) -> None:
    """The people and roles the identification and the masthead point to (once per
    file: eIds are unique in the whole document, attachments included)."""
    refs = _el(meta, "references", source=_SOURCE)
    _el(refs, "TLCOrganization", eId="palais", href="/ontology/organization/un/palais",
        showAs="palais")
    _el(refs, "TLCOrganization", eId="secretariat", href="/ontology/organization/un/ohchr",
        showAs="Office of the United Nations High Commissioner for Human Rights")
    if v.organization:
        _el(refs, "TLCOrganization", eId="unitedNations", href="/ontology/organization/un",
            showAs=v.organization)
    if v.organ:
        # The principal organ the document is issued to, named in the version's language.
        _el(refs, "TLCOrganization", eId="principalOrgan",
            href="/ontology/organization/un/principalOrgan", showAs=v.organ)
    _el(refs, "TLCRole", eId="sender", href="/ontology/role/un/sender", showAs="Sender")


def _preface(doc: etree._Element, v: ComposedVersion) -> None:
    preface = _el(doc, "preface")
    # The masthead's first lines: the Organization, then the organ (both in the
    # version's language), each marked as the organization it names.
    for n, (cls, name, ref) in enumerate(
        (("organization", v.organization, "#unitedNations"), ("organ", v.organ, "#principalOrgan")),
        1,
    ):
        if name:
            _el(_el(preface, "p", class_=cls), "organization", name, eId=f"org_{n}", refersTo=ref)
    if v.symbol:
        _el(_el(preface, "p", class_="symbol"), "docNumber", v.symbol)
    _el(_el(preface, "p", class_="distribution"), "docStatus", v.distribution)
    if v.issue_date:
        _el(
            _el(preface, "p", class_="date"),
            "docDate",
            v.issue_date,
            date=v.frbr.expression_date.isoformat(),
        )
    for cls, line in (("language", v.language_line), ("original", v.original_line)):
        if line:
            _el(preface, "p", line, class_=cls)
    if v.body:
        _el(_el(preface, "p", class_="body"), "docAuthority", v.body)
    if v.session:
        _el(preface, "p", v.session, class_="session")
    for cls, line in (
        ("sessionDates", v.session_dates),
        ("agendaItem", v.agenda),
        ("agendaTitle", v.agenda_title),
    ):
        if line:
            _el(preface, "p", line, class_=cls)
    _el(_el(_el(preface, "longTitle"), "p"), "docTitle", v.title)
    if v.heading:
        _el(preface, "p", v.heading, class_="versionHeading")


def _inline_notes(
    p: etree._Element, text: str, notes: list[tuple[int, ComposedFootnote]]
) -> list[tuple[int, ComposedFootnote]]:
    """Fill ``p`` with ``text``, turning the first marker of each pending footnote into
    an ``authorialNote``; returns the footnotes not placed."""
    pending = list(notes)
    rest = text
    last: etree._Element | None = None
    while pending:
        k, note = pending[0]
        at = rest.find(note.marker)
        if at < 0:
            break
        _append_text(p, last, rest[:at])
        last = _note(p, note, k)
        rest = rest[at + len(note.marker) :]
        pending.pop(0)
    _append_text(p, last, rest)
    return pending


def _append_text(p: etree._Element, last: etree._Element | None, text: str) -> None:
    if last is None:
        p.text = (p.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def _note(p: etree._Element, note: ComposedFootnote, k: int) -> etree._Element:
    node = _el(p, "authorialNote", marker=note.marker, placement="bottom", eId=f"fnt_{k}")
    _el(node, "p", note.text)
    return node

"""Finding 6: a 359 KB .docx whose document.xml unpacks to 95 MB cost 56 s of CPU
and a gigabyte of the server's memory; DOCX reading had no helper process and
no time limit, where PDF reading had both.

A Word file of a few hundred kilobytes that unpacks to some 60 MB of paragraphs
is now read in the bounded helper process: with the time limit lowered to one
second it is stopped and refused, and the test process's memory does not grow
by what parsing it takes. Failed before the fix (the file was read in this
process, for far longer than the limit), checked by running it against the code
before the change.
"""

from __future__ import annotations

import io
import resource
import time
import zipfile

import pytest

from palais.errors import ParseError
from palais.intake import pdf, read_bytes

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def bomb(paragraphs: int) -> bytes:
    """A valid .docx of ``paragraphs`` identical paragraphs: tiny packed, huge unpacked."""
    body = "<w:p><w:r><w:t>The Permanent Mission presents its compliments.</w:t></w:r></w:p>"
    document = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>'
                + body * paragraphs + "</w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr("word/document.xml", document)
    return out.getvalue()


def test_a_docx_bomb_is_stopped_in_the_helper_process(monkeypatch: pytest.MonkeyPatch) -> None:
    data = bomb(700_000)
    assert len(data) < 1_000_000
    monkeypatch.setattr(pdf, "SECONDS", 1.0)
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.monotonic()
    with pytest.raises(ParseError, match="Word file"):
        read_bytes(data, "bomb.docx")
    assert time.monotonic() - started < 10
    after = resource.getrusage(resource.RUSAGE_SELF)
    # The parsing happened elsewhere: this process spent little CPU on it.
    assert (after.ru_utime - before.ru_utime) < 3.0
    # And an ordinary Word file is still read, by a fresh helper.
    monkeypatch.setattr(pdf, "SECONDS", 30.0)
    assert "compliments" in read_bytes(bomb(3), "note.docx").text

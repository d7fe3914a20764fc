"""Text files in the encodings missions send: told apart, decoded, or refused with a reason."""

from __future__ import annotations

import codecs
import hashlib

import pytest

from palais.errors import ParseError
from palais.intake import read_bytes
from palais.parse import parse_source
from tests.intake.documents import FIXTURES

RUSSIAN = (FIXTURES / "seeds" / "ru_a_hrc_41_2019.txt").read_text("utf-8")
ARABIC = (
    "مجلس حقوق الإنسان\nالدورة الحادية والأربعون\n24 حزيران/يونيه - 12 تموز/يوليه 2019\n"
    "البند 4 من جدول الأعمال\nحالات حقوق الإنسان التي تتطلب اهتمام المجلس\n"
    "مذكرة شفوية مؤرخة 6 حزيران/يونيه 2019 موجهة إلى مفوضية الأمم المتحدة السامية لحقوق "
    "الإنسان من البعثة الدائمة لأذربيجان لدى مكتب الأمم المتحدة في جنيف\n"
)
CHINESE = (
    "人权理事会\n第四十一届会议\n2019年6月24日至7月12日\n议程项目4\n需要理事会注意的人权状况\n"
    "2019年6月6日阿塞拜疆常驻联合国日内瓦办事处代表团给联合国人权事务高级专员办事处的普通照会\n"
)
FRENCH = (FIXTURES / "seeds" / "fr_hrc_47_2021.txt").read_text("utf-8")[:1400]
SPANISH = (
    "Consejo de Derechos Humanos\n41º período de sesiones\nTema 4 de la agenda\n"
    "Nota verbal de fecha 6 de junio de 2019 dirigida a la Oficina del Alto Comisionado de las "
    "Naciones Unidas para los Derechos Humanos por la Misión Permanente de Azerbaiyán\n"
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN.replace("–", "-"), "cp1251"),
        (RUSSIAN[:300].replace("–", "-"), "cp1251"),
        (ARABIC, "cp1256"),
        (CHINESE, "gb18030"),
        (CHINESE, "gbk"),
        (FRENCH, "cp1252"),
        (SPANISH, "cp1252"),
        (RUSSIAN, "utf-8"),
    ],
)
def test_code_pages_are_detected(text: str, encoding: str) -> None:
    src = read_bytes(text.encode(encoding), "note.txt")
    assert src.text == text
    assert src.media_type == "text/plain"
    assert src.pages is None


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (b"", "utf-16-le"),
        (b"", "utf-16-be"),
    ],
)
def test_unicode_with_and_without_byte_order_mark(bom: bytes, codec: str) -> None:
    src = read_bytes(bom + RUSSIAN.encode(codec), "note.txt")
    assert src.text == RUSSIAN
    assert parse_source(src).session == 41


def test_windows_line_ends_and_soft_hyphens_are_tidied() -> None:
    data = "Haut-Commis\u00ad\r\nsariat des Na\u00adtions Unies\r\n".encode()
    assert read_bytes(data, "n.txt").text == "Haut-Commis-\nsariat des Nations Unies\n"


def test_sha256_is_of_the_bytes_received() -> None:
    data = "Совет по правам человека\n".encode("cp1251")
    assert read_bytes(data, "n.txt").sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \r\n\t \n", "white space"),
        (bytes(range(256)) * 8, "binary"),
        (b"\x00\x01\x02\x03\x04\x05" * 100, "binary"),
        (b"Human \x01\x02\x03\x04\x05\x06\x07\x08 Rights" * 50, "binary"),
        ("Совет по правам человека".encode().decode("cp1252").encode(), "garbled"),
        ("Совет по правам человека".encode().decode("latin-1").encode(), "garbled"),
        ("Conseil des droits de l’homme, Genève".encode().decode("cp1252").encode(), "garbled"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8A\x00", "UTF-16"),
        (codecs.BOM_UTF16_LE + "".join(map(chr, range(0xE000, 0xE200))).encode("utf-16-le"),
         "binary"),
    ],
)
def test_no_document_is_a_parse_error_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        read_bytes(data, "junk.txt")


def test_utf8_cut_short_or_with_a_bad_byte_stays_utf8() -> None:
    data = RUSSIAN.encode("utf-8")
    cut = read_bytes(data[:1001], "cut.txt").text  # 1001 falls inside a Cyrillic letter
    assert cut.startswith(RUSSIAN[:400]) and cut.endswith("\ufffd")
    damaged = read_bytes(data[:500] + b"\xff" + data[500:], "bad.txt").text
    assert damaged.replace("\ufffd", "") == RUSSIAN

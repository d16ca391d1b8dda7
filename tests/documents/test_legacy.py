"""TCVN3 and VNI: the published tables, on real Vietnamese words, both ways, and their detection."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.documents.legacy import detect_legacy, from_legacy, to_legacy
from summarizer.documents.text import decode_text
from summarizer.reading.reports import read_report

# Real words as the legacy fonts hold them (Latin-1 characters of the font's bytes).
TCVN3_WORDS = {
    "Bảo Thắng": "B\xb6o Th\xbeng",
    "Thành phố": "Th\xb5nh ph\xe8",
    "Mường Khương": "M\xadêng Kh\xad\xacng",
    "ngân sách": "ng\xa9n s\xb8ch",
    "đồng": "\xae\xe5ng",
    "Đảng bộ": "\xa7\xb6ng b\xe9",
}
VNI_WORDS = {
    "Xin chào các bạn": "Xin chaøo caùc baïn",
    "Thành phố": "Thaønh phoá",
    "ngân sách": "ngaân saùch",
    "ước đạt": "öôùc ñaït",
    "tỷ đồng": "tyû ñoàng",
    "kế hoạch năm": "keá hoaïch naêm",
    "Quận ủy": "Quaän uûy",
    "ĐẢNG": "ÑAÛNG",
}

LOWER = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"


@pytest.mark.parametrize(("word", "typed"), TCVN3_WORDS.items())
def test_tcvn3_table_on_real_words(word: str, typed: str) -> None:
    assert to_legacy(word, "tcvn3") == typed
    assert from_legacy(typed, "tcvn3") == word


@pytest.mark.parametrize(("word", "typed"), VNI_WORDS.items())
def test_vni_table_on_real_words(word: str, typed: str) -> None:
    assert to_legacy(word, "vni") == typed
    assert from_legacy(typed, "vni") == word


def test_every_letter_round_trips() -> None:
    for encoding in ("tcvn3", "vni"):
        assert from_legacy(to_legacy(LOWER, encoding), encoding) == LOWER  # type: ignore[arg-type]
    upper = LOWER.upper()
    assert from_legacy(to_legacy(upper, "vni"), "vni") == upper
    assert len(set(to_legacy(c, "tcvn3") for c in LOWER)) == len(LOWER), "one TCVN3 code per lower-case letter"


def test_tcvn3_capitals_without_a_code_are_put_back_where_certain() -> None:
    """TCVN3 has no code for 'Ủ' or 'Ả': words in capitals and sentence starts get them back; a capital in the
    middle of a sentence cannot be told from a small letter and stays small."""
    text = "ĐẢNG BỘ QUẬN TÂY HỒ. Ủy ban họp. Ước đạt 5%.\nẢnh: TTXVN"
    back = from_legacy(to_legacy(text, "tcvn3"), "tcvn3")
    assert back == text
    assert from_legacy(to_legacy("của Ủy ban", "tcvn3"), "tcvn3") == "của ủy ban"


def test_detects_each_encoding_on_every_report(reports_dir: Path) -> None:
    for path in sorted(reports_dir.glob("*.txt")):
        text = read_report(path).text
        assert detect_legacy(text) is None, path.name
        for encoding in ("tcvn3", "vni"):
            assert detect_legacy(to_legacy(text, encoding)) == encoding, (path.name, encoding)  # type: ignore[arg-type]


def test_not_vietnamese_is_not_detected() -> None:
    assert detect_legacy("Café déjà très élevé, à côté du marché. " * 10) is None
    assert detect_legacy("The district committee met on Friday. " * 10) is None


def test_legacy_bytes_and_utf8_holding_the_font_letters_are_both_read(bac_tu_liem: str) -> None:
    typed = to_legacy(bac_tu_liem, "vni")
    for data in (typed.encode("cp1252"), typed.encode("utf-8")):
        text, encoding = decode_text(data, "r.txt")
        assert (text, encoding) == (bac_tu_liem, "vni")

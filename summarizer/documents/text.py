"""Bytes to text: the canonical form every span points into (``normalize_text``) and the encodings a report
may come in (UTF-8, UTF-16, Windows-1258, and the legacy font encodings TCVN3 and VNI)."""

from __future__ import annotations

import re
import unicodedata

from summarizer.documents.legacy import detect_legacy, from_legacy
from summarizer.errors import InputError

__all__ = ["VI_LETTERS", "decode_report", "decode_text", "normalize_text"]

VI_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
"""A letter only Vietnamese writes: how text is told to be Vietnamese."""


def normalize_text(raw: str) -> str:
    """NFC, no BOM, ``\\n`` line ends: the canonical text every span points into."""
    text = raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def decode_report(data: bytes, where: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1258, TCVN3 or VNI when it decodes to Vietnamese; else refuse."""
    return decode_text(data, where)[0]


def decode_text(data: bytes, where: str) -> tuple[str, str]:
    """The text and the encoding it was read in (``utf-8``, ``utf-16``, ``cp1258``, ``tcvn3`` or ``vni``); text typed
    in a legacy font encoding (bytes, or UTF-8 holding the font's Latin-1 letters) is converted to Unicode."""
    if b"\x00" in data[:8192]:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                return data.decode("utf-16"), "utf-16"
            except UnicodeDecodeError:
                pass
        raise InputError(where, "is a binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        head = data[: e.start].decode("utf-8-sig", errors="ignore")
        if e.start > 64 and VI_LETTERS.search(normalize_text(head)):
            raise InputError(where, f"is not valid UTF-8 at byte {e.start} (truncated or corrupted file?)") from None
    else:
        legacy = detect_legacy(text)
        return (from_legacy(text, legacy), legacy) if legacy else (text, "utf-8")
    latin = data.decode("cp1252", errors="replace")
    legacy = detect_legacy(latin)
    if legacy:
        return from_legacy(latin, legacy), legacy
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_vietnamese(normalize_text(text)):
        return text, "cp1258"
    raise InputError(
        where, "is not UTF-8, Windows-1258, TCVN3 or VNI Vietnamese text; save it as UTF-8 text and try again"
    )


def _looks_vietnamese(text: str) -> bool:
    """Most words with a Vietnamese letter are common syllables; legacy-font text decodes to odd symbols."""
    words = re.findall(r"[^\W\d_]+", text)
    if not words:
        return False
    vi = sum(1 for w in words if VI_LETTERS.search(w))
    odd = len(re.findall(r"[¸¹µ¶·ÞþøöõôóòñðïîíìëêéèçæåäãâáàßÝÜÛÚÙØ×ÖÕÔÓÒÑÐÏÎÍÌËÊÉÈÇÆÅÄÃÂÁÀ¿¾½¼»º¹¨§¦¥¤£¢¡]", text))
    return vi / len(words) > 0.15 and odd < vi

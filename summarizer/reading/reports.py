"""Reading reports: any supported document (``documents``) decoded, normalised, and refused with one clear line
naming the file when it cannot be read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import InputError
from summarizer.reading.documents import extract_document, sniff
from summarizer.reading.legacy import detect_legacy, from_legacy
from summarizer.reading.sentences import normalize_text
from summarizer.schema import DocumentInfo

__all__ = ["MAX_BYTES", "MAX_DOCUMENT_BYTES", "Report", "decode_report", "decode_text", "read_report"]

MAX_BYTES = 5 * 1024 * 1024
"""Largest plain-text report read."""
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
"""Largest PDF, Word or HTML file read (pictures make them large)."""
_VI_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|div|p|script)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Report:
    """One report: a name for outputs, the normalised text every span points into, and the document it was
    extracted from (None for text given in memory)."""

    name: str
    text: str
    source: str = "<memory>"
    document: DocumentInfo | None = None

    @classmethod
    def from_text(cls, text: str, name: str = "report") -> Report:
        return cls(name=name, text=_check_text(normalize_text(text), name), source="<memory>")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _check_text(text: str, where: str) -> str:
    text = _CONTROL.sub("", text)
    if not text.strip():
        raise InputError(where, "no text (empty or only whitespace)")
    if _HTML.search(text[:2000]):
        raise InputError(where, "is an HTML page, not plain report text; save the article text as .txt")
    if not re.search(r"[^\W\d_]{2,}", text):
        raise InputError(where, "holds no words")
    if len(text) > 200 and not _VI_LETTERS.search(text):
        raise InputError(
            where, "does not look like Vietnamese (no Vietnamese letters); this tool reads Vietnamese reports"
        )
    return text


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
        if e.start > 64 and _VI_LETTERS.search(normalize_text(head)):
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
    vi = sum(1 for w in words if _VI_LETTERS.search(w))
    odd = len(re.findall(r"[¸¹µ¶·ÞþøöõôóòñðïîíìëêéèçæåäãâáàßÝÜÛÚÙØ×ÖÕÔÓÒÑÐÏÎÍÌËÊÉÈÇÆÅÄÃÂÁÀ¿¾½¼»º¹¨§¦¥¤£¢¡]", text))
    return vi / len(words) > 0.15 and odd < vi


def read_report(path: str | Path) -> Report:
    """Read one report file; every failure is an ``InputError`` naming the file."""
    p = Path(path)
    where = str(path)
    try:
        if p.is_symlink():
            try:
                p.resolve(strict=True)
            except (OSError, RuntimeError):
                raise InputError(where, "is a broken symbolic link or a symlink loop") from None
        try:
            st = p.stat()
        except FileNotFoundError:
            raise InputError(where, "no such file") from None
        if p.is_dir():
            raise InputError(where, "is a directory, not a report file")
        size = st.st_size
        if size > MAX_DOCUMENT_BYTES:
            raise InputError(
                where, f"is {size / 1e6:.1f} MB; the limit is {MAX_DOCUMENT_BYTES / 1e6:.0f} MB per document"
            )
        data = p.read_bytes()
    except InputError:
        raise
    except RuntimeError as e:  # symlink loops on some Pythons
        raise InputError(where, f"cannot be read ({e})") from None
    except OSError as e:
        raise InputError(where, f"cannot be read ({e.strerror or e})") from None
    if size > MAX_BYTES and sniff(data) in ("text", "html"):
        raise InputError(where, f"is {size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB per text report")
    extracted = extract_document(data, where, decode_text)
    text = normalize_text(extracted.text)
    return Report(name=p.stem, text=_check_text(text, where), source=where, document=extracted.info)

"""Reading reports: decode, normalise and refuse bad input with one clear line naming the file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import InputError
from summarizer.numbers import normalize_text

__all__ = ["MAX_BYTES", "Report", "decode_report", "read_report"]

MAX_BYTES = 5 * 1024 * 1024
_VI_LETTERS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
_HTML = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|div|p|script)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Report:
    """One report: a name for outputs and the normalised text every span points into."""

    name: str
    text: str
    source: str = "<memory>"

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
    """UTF-8 (with or without BOM), else Windows-1258 when it decodes to Vietnamese; else refuse."""
    if b"\x00" in data[:8192]:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                return data.decode("utf-16")
            except UnicodeDecodeError:
                pass
        raise InputError(where, "is a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        head = data[: e.start].decode("utf-8-sig", errors="ignore")
        if e.start > 64 and _VI_LETTERS.search(normalize_text(head)):
            raise InputError(where, f"is not valid UTF-8 at byte {e.start} (truncated or corrupted file?)") from None
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = ""
    if text and _looks_vietnamese(normalize_text(text)):
        return text
    raise InputError(
        where,
        "is not UTF-8 and not Windows-1258 Vietnamese (VNI/TCVN3 legacy fonts?); convert it to UTF-8",
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
        if size > MAX_BYTES:
            raise InputError(where, f"is {size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB per report")
        data = p.read_bytes()
    except InputError:
        raise
    except RuntimeError as e:  # symlink loops on some Pythons
        raise InputError(where, f"cannot be read ({e})") from None
    except OSError as e:
        raise InputError(where, f"cannot be read ({e.strerror or e})") from None
    text = normalize_text(decode_report(data, where))
    return Report(name=p.stem, text=_check_text(text, where), source=where)

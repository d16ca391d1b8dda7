"""Reading reports: any supported document (``documents``) decoded, normalised, and refused with one clear line
naming the file when it cannot be read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from summarizer.documents.formats import extract_document, sniff
from summarizer.documents.text import VI_LETTERS, normalize_text
from summarizer.errors import InputError
from summarizer.reading.scans import with_misread_units
from summarizer.schema import DocumentInfo

__all__ = ["MAX_BYTES", "MAX_DOCUMENT_BYTES", "Report", "read_report"]

MAX_BYTES = 5 * 1024 * 1024
"""Largest plain-text report read."""
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
"""Largest PDF, Word or HTML file read (pictures make them large)."""
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
    if len(text) > 200 and not VI_LETTERS.search(text):
        raise InputError(
            where, "does not look like Vietnamese (no Vietnamese letters); this tool reads Vietnamese reports"
        )
    return text


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
    extracted = extract_document(data, where)
    info = with_misread_units(extracted.text, extracted.info)
    text = normalize_text(extracted.text)
    return Report(name=p.stem, text=_check_text(text, where), source=where, document=info)

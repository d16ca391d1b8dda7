"""Scans read by OCR (``documents.ocr``), with what reading knows added: a unit after a number misread with other
tones is doubtful too."""

from __future__ import annotations

import re

from summarizer.documents.ocr import OcrError, read_scan
from summarizer.errors import InputError
from summarizer.reading.language import strip_diacritics
from summarizer.reading.units import COUNT_UNITS, CURRENCIES, SCALE_WORDS
from summarizer.schema import DocumentInfo, DoubtfulSpan

__all__ = ["misread_units", "scanned"]


def scanned(data: bytes, where: str, sha: str, name: str, kind: str) -> tuple[str, DocumentInfo]:
    """A scan (a PDF of page images, or an image file) read by OCR; the doubtful words travel as spans."""
    try:
        text, info = read_scan(data, kind, name, sha)
    except OcrError as e:
        raise InputError(where, f"is a scanned {'PDF' if kind == 'pdf' else 'image'}: {e}") from None
    info.doubtful += misread_units(text)
    return text, info


_UNIT_WORDS = {strip_diacritics(w): w for w in (*SCALE_WORDS, *CURRENCIES, *COUNT_UNITS)}
_AFTER_NUMBER = re.compile(r"\d[\d.,]*\s+(\w+(?:\s+\w+)?)")


def misread_units(text: str) -> list[DoubtfulSpan]:
    """A unit after a number that OCR read with other tones ('6.842 tý đồng', '130 đơn vì'): its letters are a
    unit's, its diacritics are not, so the figure's scale or unit may be lost. Marked doubtful."""
    found = []
    for m in _AFTER_NUMBER.finditer(text):
        words = m.group(1).split()
        for n in (2, 1):
            written = " ".join(words[:n]).lower()
            unit = _UNIT_WORDS.get(strip_diacritics(written))
            if len(words) >= n and unit is not None and unit != written:
                why = f"OCR read '{written}' after a number, where '{unit}' has the same letters"
                found.append(DoubtfulSpan(start=m.start(), end=m.end(), why=why))
                break
    return found

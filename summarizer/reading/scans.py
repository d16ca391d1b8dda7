"""Scans read by OCR (``documents.ocr``), with what reading knows added: a unit after a number misread with other
tones is doubtful too."""

from __future__ import annotations

import re

from summarizer.reading.language import strip_diacritics
from summarizer.reading.units import COUNT_UNITS, CURRENCIES, SCALE_WORDS
from summarizer.schema import DocumentInfo, DoubtfulSpan

__all__ = ["misread_units", "with_misread_units"]


def with_misread_units(text: str, info: DocumentInfo | None) -> DocumentInfo | None:
    """A scan's document record with the units misread by OCR added to its doubtful spans; other documents as
    they came."""
    if info is None or not info.ocr_engine:
        return info
    info.doubtful += misread_units(text)
    return info


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

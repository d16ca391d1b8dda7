"""Knowledge as data: the words Vietnamese reports write after a number (scales, currencies, counted nouns,
quantities, percent, durations) and before a document code, with their English, from ``data/units.tsv``."""

from __future__ import annotations

from summarizer.tables import either, entries, mapping, words

__all__ = [
    "COUNT_UNITS",
    "CURRENCIES",
    "DOC_TYPES",
    "DURATION_UNITS",
    "DURATION_WORDS",
    "NUMBER_WORDS",
    "PERCENT_WORDS",
    "QUANTITY_UNITS",
    "SCALE_NAMES_EN",
    "SCALE_ONLY_NUMBERS",
    "SCALE_WORDS",
    "UNTRANSLATED_CODES",
    "UNTRANSLATED_SCALES",
    "UNTRANSLATED_WORDS",
]

SCALE_WORDS: dict[str, int] = {word: int(value) for word, value, _ in entries("units", "scale")}
"""'tỷ' -> 10**9, 'nghìn tỷ' -> 10**12."""

SCALE_NAMES_EN: dict[int, str] = dict(sorted({int(value): en for _, value, en in entries("units", "scale")}.items()))
"""A scale's English name: 10**9 -> 'billion' (smallest scale first)."""

CURRENCIES: dict[str, str] = mapping("units", "currency")
"""A currency as written after a number -> its code: 'đồng' -> 'VND'."""

COUNT_UNITS: dict[str, str] = mapping("units", "count")
"""Counting nouns: Vietnamese as written -> English unit. Longest first at match time."""

QUANTITY_UNITS: dict[str, str] = mapping("units", "quantity")

PERCENT_WORDS: dict[str, str] = mapping("units", "percent")
"""Words after a number that make it a percentage ('điểm phần trăm' -> 'pp'), tried in this order."""

DURATION_UNITS: dict[str, str] = mapping("units", "duration")
"""A duration word -> the unit a duration figure records ('năm' -> 'years')."""

DURATION_WORDS: tuple[str, ...] = tuple(DURATION_UNITS)

DOC_TYPES: str = either(words("units", "document"), escape=False)
"""The types of document whose code follows, as a regex alternation ('quyết định|...')."""

NUMBER_WORDS: dict[str, int] = {word: int(value) for word, value, _ in entries("units", "number")}
"""Numbers written as words ('tám dự án', 'một tỷ đồng'); read only before a scale word or a counted noun."""

SCALE_ONLY_NUMBERS: tuple[str, ...] = tuple(w for w, _, role in entries("units", "number") if role == "scale only")
"""Number words read as numbers only before a scale word: 'một' is also 'a', 'năm' also 'year'."""

UNTRANSLATED_SCALES: dict[str, int] = {w: int(v) for w, role, v in entries("units", "in_english") if role == "scale"}
"""Vietnamese scale words a model may leave in English text ('3.5 tỷ')."""

UNTRANSLATED_CODES: tuple[str, ...] = tuple(w for w, role, _ in entries("units", "in_english") if role == "code")
"""Vietnamese currency codes a model may leave in English text ('VNĐ'), before or after the number."""

UNTRANSLATED_WORDS: tuple[str, ...] = tuple(w for w, role, _ in entries("units", "in_english") if role == "word")
"""Vietnamese currency words a model may leave in English text after the number ('đồng')."""

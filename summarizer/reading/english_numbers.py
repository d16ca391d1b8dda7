"""Numbers in English text (the model's output and the briefing): '63,275 billion VND', '12.86%', 'two
thirds', for checking that every number said in English is one the source holds."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.reading.units import UNTRANSLATED_CODES, UNTRANSLATED_SCALES, UNTRANSLATED_WORDS
from summarizer.tables import either

__all__ = ["EnglishNumber", "parse_english_numbers"]


_EN_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}
_EN_SCALES = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    **UNTRANSLATED_SCALES,
}
# The Vietnamese currency codes ('VNĐ'), scale words ('tỷ') and currency words ('đồng') a model may leave in
# English text (``data/units.tsv``).
_VI_CODES = either(UNTRANSLATED_CODES)
_VI_SCALES = either(UNTRANSLATED_SCALES)
_VI_WORDS = either(UNTRANSLATED_WORDS)
_EN_NUMBER = re.compile(
    rf"""
    (?P<pre>(?:VND|{_VI_CODES}|USD|US\$|\$|EUR|€)\s?)?
    (?<![\w.,])(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+,\d{{1,2}}(?![\d])|\d+(?:\.\d+)?)
    (?:\s?(?P<pct>%|percent\b|per\ cent\b|percentage\ points?\b|pp\b))?
    (?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|tn|{_VI_SCALES}|[kmb](?![\w]))\b)?
    (?:\s?(?P<cur>VND|{_VI_CODES}|dong|{_VI_WORDS}|USD|US\ dollars|dollars|EUR|euros?|yuan|CNY|RMB|yen|JPY)\b)?
    (?:\s?(?:of|/|out\ of)\s?(?P<den>\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\d.,]\d))?
    """,
    re.VERBOSE,
)
_EN_WORD_NUMBER = re.compile(
    r"\b(?P<word>" + "|".join(_EN_WORDS) + r")\b(?:\s(?:of|out of)\s(?P<den>\d+|" + "|".join(_EN_WORDS) + r")\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class EnglishNumber:
    """A figure written in English notation in model output ("VND 3,594 billion", "12.86%")."""

    text: str
    start: int
    end: int
    value: float
    scale: int | None
    unit: str | None
    denominator: float | None
    from_word: bool = False

    @property
    def base_value(self) -> float:
        return self.value * (self.scale or 1)


def _currency_code(text: str) -> str:
    lowered = text.lower()
    for code, words in (
        ("USD", ("usd", "$", "dollar")),
        ("EUR", ("eur", "€")),
        ("CNY", ("yuan", "cny", "rmb")),
        ("JPY", ("yen", "jpy")),
    ):
        if any(w in lowered for w in words):
            return code
    return "VND"


def _parse_en_number(token: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", token):
        return float(token.replace(",", ""))
    if re.fullmatch(r"\d+,\d{1,2}", token):
        return float(token.replace(",", "."))
    return float(token)


def parse_english_numbers(text: str, *, words: bool = True) -> list[EnglishNumber]:
    """Every figure in English prose, with scale and unit (``63.3 trillion`` -> 6.33e13)."""
    found: list[EnglishNumber] = []
    for m in _EN_NUMBER.finditer(text):
        num = m.group("num")
        try:
            value = _parse_en_number(num)
        except ValueError:
            continue
        scale_word = (m.group("scale") or "").lower()
        scale = _EN_SCALES.get(scale_word) if scale_word else None
        pct = m.group("pct")
        unit: str | None = None
        if pct:
            unit = "pp" if pct.startswith(("percentage", "pp")) else "%"
        cur = (m.group("pre") or "") + (m.group("cur") or "")
        if cur:
            unit = _currency_code(cur)
        den = m.group("den")
        found.append(
            EnglishNumber(
                text=m.group().strip(),
                start=m.start(),
                end=m.end(),
                value=value,
                scale=scale,
                unit=unit,
                denominator=_parse_en_number(den) if den else None,
            )
        )
    if words:
        for m in _EN_WORD_NUMBER.finditer(text):
            den_tok = m.group("den")
            den_val: float | None = None
            if den_tok:
                den_val = float(_EN_WORDS.get(den_tok.lower(), 0) or den_tok)
            found.append(
                EnglishNumber(
                    m.group(), m.start(), m.end(), float(_EN_WORDS[m.group("word").lower()]), None, None, den_val, True
                )
            )
    found.sort(key=lambda n: n.start)
    return found

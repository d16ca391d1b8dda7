"""How a document writes numbers: Vietnamese (``63.275`` thousands, ``12,86`` decimals), English, or mixed,
decided per document from the tokens only one convention can read (``NumberReader``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["NumberReader", "parse_vi_number"]


_VI_CLEAN = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_EN_CLEAN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_SEPARATED = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)+")
_THOUSANDS_ONLY = re.compile(r"\d{1,3}[.,]\d{3}")


def _vi_value(token: str) -> float:
    return float(token.replace(".", "").replace(",", "."))


def _en_value(token: str) -> float:
    return float(token.replace(",", ""))


@dataclass(frozen=True, slots=True)
class NumberReader:
    """How one document writes numbers, decided from its tokens that only one convention can read.

    ``vietnamese``: ``.`` thousands, ``,`` decimals. ``english``: the reverse, shown by a comma-thousands
    token (``1,234.5``). ``mixed``: the document uses both (``4,45 triệu`` and ``18.5%`` beside ``214,447 tỷ``
    and ``75.500 tỷ``), so a single 3-digit group is a thousands group whichever separator precedes it.
    ``uncertain``: only English decimals (``12.5%``) in Vietnamese text: a number whose two readings agree is
    not ambiguous, and one 3-digit group after a point (``63.275``) is thousands, as in a mixed report (an English
    decimal with exactly three places is rare in this genre; a report of 9 right figures flagged for one '4.5 tỷ
    USD' was); what is left that the two conventions read differently is ambiguous, never read silently.
    """

    convention: str = "vietnamese"
    dot_thousands: bool = False

    @classmethod
    def for_text(cls, text: str) -> NumberReader:
        vi_only = en_only = comma_thousands = 0
        dot_thousands = False
        for m in _SEPARATED.finditer(text):
            token = m.group()
            vi, en = bool(_VI_CLEAN.fullmatch(token)), bool(_EN_CLEAN.fullmatch(token))
            if vi and not en:
                vi_only += 1
                dot_thousands = dot_thousands or "." in token
            elif en and not vi:
                en_only += 1
                comma_thousands += bool(re.search(r",\d{3}[.,]", token))
        if en_only and vi_only:
            return cls("mixed", dot_thousands)
        if en_only:
            return cls("english" if comma_thousands else "uncertain", dot_thousands)
        return cls("vietnamese", dot_thousands)

    def read(self, token: str) -> tuple[float, str | None]:
        """The value of one token, and why it is ambiguous (both readings) when the document cannot tell."""
        vi, en = bool(_VI_CLEAN.fullmatch(token)), bool(_EN_CLEAN.fullmatch(token))
        if vi and en:
            if self.convention == "mixed" and _THOUSANDS_ONLY.fullmatch(token):
                return float(re.sub(r"\D", "", token)), None
            if self.convention == "uncertain":
                vi_v, en_v = _vi_value(token), _en_value(token)
                if vi_v == en_v or _THOUSANDS_ONLY.fullmatch(token):
                    return vi_v, None  # readings agree ('27'), or one 3-digit group after a point: thousands
                return vi_v, f"'{token}' reads as {vi_v:,g} (Vietnamese) or {en_v:,g} (English); the report uses both"
            return (_en_value(token) if self.convention == "english" else _vi_value(token)), None
        if vi:
            return _vi_value(token), None
        if en:
            value = _en_value(token)
            if self.dot_thousands and re.search(r"\.\d{3}$", token):
                other = re.sub(r"\D", "", token)
                return (
                    value,
                    f"'{token}' is written the English way in a report that writes '.' for thousands: "
                    f"{value:,g} or {int(other):,}",
                )
            return value, None
        digits = re.match(r"\d+", token)
        return (float(digits.group()) if digits else 0.0), f"'{token}' is not a number in either convention"


def parse_vi_number(token: str) -> float:
    """Parse one Vietnamese-written number: ``63.275`` -> 63275, ``12,86`` -> 12.86."""
    token = token.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token):
        return float(token.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+,\d+", token):
        return float(token.replace(",", "."))
    if re.fullmatch(r"\d+(?:\.\d+)?", token):
        return float(token)
    raise ValueError(f"not a Vietnamese number: {token!r}")

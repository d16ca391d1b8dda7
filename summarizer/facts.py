"""Meeting facts found by code: session number, term and date, each tied to the words that state it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from summarizer.numbers import FigureKind, Ledger

__all__ = ["MeetingFacts", "find_meeting_facts"]

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_SESSION = re.compile(
    r"(?:kỳ họp|hội nghị|phiên họp|phiên|đại hội)(?:\s+[^\s,.;:]+){0,5}?\s+(?:lần\s+)?thứ\s+(\d{1,3}|[IVXLC]{1,7})\b",
    re.IGNORECASE,
)
_TERM = re.compile(r"nhiệm kỳ\s+((?:19|20)\d{2})\s?[-–—]\s?((?:19|20)\d{2})", re.IGNORECASE)
_DATE = re.compile(
    r"(?:^|[\s(,])(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Hh]ôm)\s+(?:ngày\s+)?(\d{1,2})[/-](\d{1,2})(?:[/-]((?:19|20)\d{2}))?"
)
_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,]\d)")


@dataclass(frozen=True)
class MeetingFacts:
    session: int | None
    session_text: str | None
    term: str | None
    date: str | None
    date_as_written: str | None
    date_year_inferred: bool

    def describe(self) -> str:
        parts = []
        if self.session is not None:
            parts.append(f"session number {self.session}")
        if self.term:
            parts.append(f"term {self.term}")
        if self.date_as_written:
            parts.append(f"date {self.date_as_written}")
        return "; ".join(parts) or "nothing"


def _roman(token: str) -> int:
    if token.isdigit():
        return int(token)
    total, prev = 0, 0
    for ch in reversed(token.upper()):
        v = _ROMAN[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _report_year(ledger: Ledger) -> int | None:
    title = ledger.sentences[0].text if ledger.sentences else ""
    in_title = _YEAR.findall(title)
    if in_title:
        return int(in_title[-1])
    years = [int(f.text) for f in ledger.figures if f.kind == FigureKind.YEAR and f.text.isdigit()]
    if not years:
        return None
    return Counter(years).most_common(1)[0][0]


def find_meeting_facts(ledger: Ledger) -> MeetingFacts:
    """Session, term and date as the report states them; the year of a bare dd/mm is inferred and says so."""
    text = ledger.text
    head = text[: max(1200, len(text) // 3)]
    s = _SESSION.search(head) or _SESSION.search(text)
    t = _TERM.search(text)
    d = _DATE.search(head)
    date_iso = date_written = None
    inferred = False
    if d:
        day, month, year = int(d.group(1)), int(d.group(2)), d.group(3)
        date_written = d.group().strip(" (,\n")
        if 1 <= day <= 31 and 1 <= month <= 12:
            y = int(year) if year else _report_year(ledger)
            inferred = year is None
            if y is not None:
                date_iso = f"{y:04d}-{month:02d}-{day:02d}"
    return MeetingFacts(
        session=_roman(s.group(1)) if s else None,
        session_text=s.group() if s else None,
        term=f"{t.group(1)}–{t.group(2)}" if t else None,
        date=date_iso,
        date_as_written=date_written,
        date_year_inferred=inferred and date_iso is not None,
    )

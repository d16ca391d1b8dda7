"""The figure ledger of a report: every figure read (``figures``), given its period (``periods``), then its
meaning (``meaning``)."""

from __future__ import annotations

from functools import lru_cache

from summarizer.reading.figures import Ledger, read_figures
from summarizer.reading.meaning import annotate
from summarizer.reading.periods import assign_periods

__all__ = ["build_ledger", "forget", "remember"]

_BUILT_ELSEWHERE: dict[str, Ledger] = {}


def remember(ledger: Ledger) -> None:
    """A ledger built in another process (the batch engine's reading pool): the next ``build_ledger`` of its
    text takes it instead of reading the text again."""
    _BUILT_ELSEWHERE[ledger.text] = ledger


def forget(text: str) -> None:
    """Drop a remembered ledger that was not asked for."""
    _BUILT_ELSEWHERE.pop(text, None)


@lru_cache(maxsize=512)
def build_ledger(text: str) -> Ledger:
    """Every figure of ``text`` (normalized) with kind, value, period, subject, basis and English name. Cached:
    every stage reads the same report, and the ledger is not changed after it is built."""
    ready = _BUILT_ELSEWHERE.pop(text, None)
    if ready is not None:
        return ready
    ledger = read_figures(text)
    assign_periods(ledger)
    annotate(ledger)
    return ledger

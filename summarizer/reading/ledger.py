"""The figure ledger of a report: every figure read (``figures``), then given its meaning (``meaning``)."""

from __future__ import annotations

from functools import lru_cache

from summarizer.reading.figures import Ledger, read_figures
from summarizer.reading.meaning import annotate

__all__ = ["build_ledger"]


@lru_cache(maxsize=512)
def build_ledger(text: str) -> Ledger:
    """Every figure of ``text`` (normalized) with kind, value, period, subject, basis and English name. Cached:
    every stage reads the same report, and the ledger is not changed after it is built."""
    ledger = read_figures(text)
    annotate(ledger)
    return ledger

"""The ledger: figures read, given their periods, then their meaning, once per text."""

from __future__ import annotations

from summarizer.reading.figures import read_figures
from summarizer.reading.ledger import build_ledger
from summarizer.reading.periods import assign_periods


def test_the_ledger_is_the_figures_read_then_given_their_meaning(tay_ho: str) -> None:
    read = read_figures(tay_ho)
    ledger = build_ledger(tay_ho)
    assert [(f.text, f.kind, f.value) for f in read.figures] == [(f.text, f.kind, f.value) for f in ledger.figures]
    assert all(f.period is None and f.label is None and f.subject is None for f in read.figures)
    assign_periods(read)
    assert [f.period for f in read.figures] == [f.period for f in ledger.figures]
    assert read.document_year == ledger.document_year == 2024
    revenue = next(f for f in ledger.figures if f.text == "2.511 tỷ đồng")
    assert (revenue.subject, revenue.label) == ("thu ngân sách", "Budget revenue")
    assert build_ledger(tay_ho) is ledger, "built once per text"

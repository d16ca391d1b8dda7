"""The ledger: figures read, given their periods, then their meaning, once per text."""

from __future__ import annotations

import pickle

from summarizer.reading.bodies import find_officials
from summarizer.reading.figures import read_figures
from summarizer.reading.language import fold
from summarizer.reading.ledger import build_ledger, folded_text, read_fully
from summarizer.reading.meeting import find_meeting_facts, officials_in
from summarizer.reading.periods import assign_periods
from summarizer.reading.terminology import is_generic_name


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


def test_what_later_stages_read_is_kept_on_the_ledger_once(tay_ho: str) -> None:
    ledger = build_ledger(tay_ho + "\n\nBản tin riêng của phép thử này.")
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert ledger.keep("probe", compute) == 1
    assert ledger.keep("probe", compute) == 1, "computed once per ledger"
    assert ledger.candidates() is ledger.candidates()
    assert folded_text(ledger) == fold(ledger.text) and folded_text(ledger) is ledger.memo["folded"]
    assert find_meeting_facts(ledger) is find_meeting_facts(ledger)


def test_a_ledger_read_fully_crosses_a_process_boundary_with_what_was_read(bac_tu_liem: str) -> None:
    """The batch engine's reading pool pickles the ledger back: the meeting facts, officials, folded text and
    candidates travel with it, so the event loop reads none of them again."""
    text = bac_tu_liem + "\n\nBản tin số 7. Riêng xyzabc qwerty đạt 300 tỷ đồng."
    sent = read_fully(text)
    assert {"meeting_facts", "officials", "folded", "candidates"} <= set(sent.memo)
    unnamed = [f for f in sent.candidates() if f.label is None or is_generic_name(f.label)]
    assert unnamed and all(f"gloss {f.id}" in sent.memo for f in unnamed), "the words the model is given, read here"
    assert not any(f"gloss {f.id}" in sent.memo for f in sent.candidates() if f not in unnamed)
    got = pickle.loads(pickle.dumps(sent))
    assert got.memo["meeting_facts"] == find_meeting_facts(sent)
    assert find_meeting_facts(got) is got.memo["meeting_facts"], "taken from the memo, not read again"
    assert officials_in(got) == find_officials(text) and officials_in(got)
    assert [f.id for f in got.candidates()] == [f.id for f in sent.candidates()]
    assert all(any(c is f for f in got.figures) for c in got.candidates()), "candidates are the ledger's figures"

"""Each pass of ``annotate`` on its own, on figures read and given their periods but not yet a meaning
(hand-written sentences in the reports' style)."""

from __future__ import annotations

from summarizer.reading.figures import Figure, Ledger, read_figures
from summarizer.reading.meaning import (
    around_of,
    find_subject,
    mark_target_and_basis,
    refine_cue_and_share,
    write_label,
)
from summarizer.reading.periods import assign_periods


def _read(text: str) -> Ledger:
    ledger = read_figures(text)
    assign_periods(ledger)
    return ledger


def _figure(text: str, written: str) -> tuple[Ledger, Figure, Figure | None]:
    ledger = _read(text)
    indicators = [f for f in ledger.figures if f.is_indicator_kind]
    k = next(i for i, f in enumerate(indicators) if f.text == written)
    return ledger, indicators[k], indicators[k - 1] if k else None


def _run(text: str, written: str, *, upto: str) -> Figure:
    """Run the passes on every indicator up to ``written``, stopping after pass ``upto`` on that one."""
    ledger = _read(text)
    previous = None
    for fig in ledger.figures:
        if not fig.is_indicator_kind:
            continue
        around = around_of(ledger, fig, previous)
        mark_target_and_basis(ledger, fig, around)
        if fig.text == written and upto == "basis":
            return fig
        find_subject(ledger, fig, previous, around)
        if fig.text == written and upto == "subject":
            return fig
        if fig.subject_en is not None:
            refine_cue_and_share(fig, previous, around)
            write_label(fig, around)
        if fig.text == written:
            return fig
        previous = fig
    raise AssertionError(written)


def test_context_sees_the_clause_and_whether_it_is_shared() -> None:
    ledger, fig, previous = _figure("Thu ngân sách ước đạt 2.511 tỷ đồng, tăng 12% so với cùng kỳ.", "12%")
    around = around_of(ledger, fig, previous)
    assert around.same_clause and "tăng" in around.tail
    assert previous is not None and previous.text == "2.511 tỷ đồng"
    assert [t.en for t in around_of(ledger, previous, None).tail_terms] == ["budget revenue"]


def test_target_and_basis_pass() -> None:
    goal = _run("Năm 2025, quận phấn đấu thu ngân sách đạt 4.000 tỷ đồng.", "4.000 tỷ đồng", upto="basis")
    assert goal.target and goal.subject is None, "target set before any subject"
    share = _run("Thu ngân sách ước đạt 2.511 tỷ đồng, bằng 89% kế hoạch năm.", "89%", upto="basis")
    assert (share.target, share.basis) == (False, "of plan")


def test_subject_pass_counted_noun_and_previous_subject() -> None:
    jobs = _run("Toàn quận giải quyết việc làm cho 6.100 lao động.", "6.100 lao động", upto="subject")
    assert jobs.subject_en is not None and "worker" in jobs.subject_en.lower()
    growth = _run("Thu ngân sách ước đạt 2.511 tỷ đồng, tăng 12% so với cùng kỳ.", "12%", upto="subject")
    assert growth.subject == "thu ngân sách" and growth.label is None


def test_cue_pass_reads_a_bare_growth_rate_as_an_increase() -> None:
    fig = _run("Tốc độ tăng trưởng kinh tế ước đạt 8,25%.", "8,25%", upto="label")
    assert fig.cue == "increase"


def test_label_pass_writes_basis_and_qualifiers() -> None:
    share = _run("Thu ngân sách ước đạt 2.511 tỷ đồng, bằng 89% kế hoạch năm.", "89%", upto="label")
    assert share.label == "Budget revenue as % of plan"
    income = _run("Thu nhập bình quân đầu người đạt 86 triệu đồng.", "86 triệu đồng", upto="label")
    assert income.label is not None and "per capita" in income.label.lower()

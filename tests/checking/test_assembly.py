"""The short answer read into a draft: ids kept, names and tasks only when whole."""

from __future__ import annotations

from summarizer.checking.assembly import draft_from_selection
from summarizer.reading.ledger import build_ledger
from summarizer.schema import FIGURE_ITEM_CHARS, TASK_CHARS, Selection

TEXT = (
    "Thu ngân sách ước đạt 2.511 tỷ đồng, bằng 89% kế hoạch năm, bằng 142% so với cùng kỳ. "
    "Toàn quận giải quyết việc làm cho 6.100 lao động."
)


def _draft(figures: list[str], tasks: list[str] | None = None) -> list[tuple[str, str]]:
    draft = draft_from_selection(Selection(figures=figures, tasks=tasks or []), build_ledger(TEXT))
    return [(d.figure, d.name) for d in draft.indicators]


def test_ids_and_names_are_read_and_unknown_ids_dropped() -> None:
    assert _draft(["F1", "F4 = Workers given new jobs", "F99 = Nothing", "F1"]) == [
        ("F1", "="),
        ("F4", "Workers given new jobs"),
    ]


def test_a_name_written_after_the_figure_as_listed_keeps_only_the_name() -> None:
    assert _draft(["F4 = 6.100 lao động = Workers given new jobs"]) == [("F4", "Workers given new jobs")]


def test_an_item_cut_at_its_bound_keeps_its_id_and_loses_its_name() -> None:
    cut = ("F4 = Capacity of projects (m3/day night, 600 m3/day night, 600 m3/day night" * 2)[:FIGURE_ITEM_CHARS]
    assert _draft([cut, "F1 = Budget revenue"]) == [("F4", "="), ("F1", "Budget revenue")]


def test_a_task_cut_at_its_bound_is_dropped() -> None:
    whole, cut = (
        "Speed up site clearance",
        ("Thực hiện nhiệm vụ kinh tế - xã hội những tháng đầu năm " * 3)[:TASK_CHARS],
    )
    draft = draft_from_selection(Selection(figures=["F1"], tasks=[whole, cut, "  "]), build_ledger(TEXT))
    assert [d.task for d in draft.directives] == [whole]

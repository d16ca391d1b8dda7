"""Goal or result, and what a figure is compared with (reading/targets.py), on whole reports' sentences."""

from __future__ import annotations

import pytest

from summarizer.reading.figures import Figure
from summarizer.reading.ledger import build_ledger


def _figure(text: str, written: str) -> Figure:
    ledger = build_ledger(text)
    return next(f for f in ledger.figures if ledger.text[f.start : f.end] == written)


@pytest.mark.parametrize(
    ("text", "written", "basis", "label"),
    [
        # corpus vietnews-train-018943: a deficit written as a percent of GDP, the whole right after it
        (
            "Bội chi ngân sách năm 2018 theo dự toán vừa được Quốc hội thông qua là 3,7% GDP, tương đương 240.000 "
            "tỉ đồng.",
            "3,7%",
            "of total",
            "Budget deficit as share of GDP",
        ),
        # seen 41: half of a tax paid for the experts, no share word before it
        (
            "Thành phố sẽ hỗ trợ 50% thuế thu nhập cá nhân cho các chuyên gia, nhà khoa học.",
            "50%",
            "of total",
            None,
        ),
        # people after a percentage make a rate, a level (seen 19: '70% số dân'), not a share of the people
        ("Số dân trong xã tham gia BHYT đạt 70% số dân.", "70%", None, None),
    ],
)
def test_a_percentage_followed_by_an_amount_is_a_share_of_it(
    text: str, written: str, basis: str | None, label: str | None
) -> None:
    fig = _figure(text, written)
    assert fig.basis == basis
    if label is not None:
        assert fig.label == label


def test_a_share_only_by_what_follows_never_names_its_subject_the_whole() -> None:
    """dev baomoi-21473396: '100% phí' exempts vehicles from a fee; 'Share of vehicles' would say the vehicles are
    the whole. Where the fee has no English the label stays the plain subject's, and its basis a share."""
    fig = _figure("Xe ô tô dưới 12 chỗ của các cơ quan được miễn 100% phí.", "100%")
    assert fig.basis == "of total"
    assert not (fig.label or "").startswith("Share of")


def test_a_goal_word_before_a_result_word_makes_a_target() -> None:
    """The pass on its own words: 'phấn đấu' is a goal, 'đã thực hiện được' a result."""
    assert _figure("Năm 2024, quận phấn đấu thu ngân sách đạt 3.500 tỷ đồng.", "3.500 tỷ đồng").target
    assert not _figure("Năm 2024, quận đã thực hiện được 3.500 tỷ đồng thu ngân sách.", "3.500 tỷ đồng").target


def test_a_goal_in_a_later_clause_does_not_make_the_earlier_figures_goals() -> None:
    """dev4 (stop 43): the 2020 horizon belongs to the forecast after the comma, not to today's amount."""
    text = (
        "Báo cáo năm 2017. Theo thống kê, năm 2010 lượng rác là 6.200 tấn/ngày, hiện nay là 8.700 tấn rác/ngày, "
        "dự kiến tới năm 2020 khoảng 10.100 tấn/ngày."
    )
    targets = {f.text: f.target for f in build_ledger(text).figures if f.unit == "tonnes"}
    assert targets == {"6.200 tấn": False, "8.700 tấn": False, "10.100 tấn": True}

"""The words right around a number: the verb before it, how exact it is, what it is measured against."""

from __future__ import annotations

import pytest

from summarizer.reading.cues import detect_basis, detect_cue, detect_qualifier


@pytest.mark.parametrize(
    ("before", "cue"),
    [
        ("thu ngân sách tăng", "increase"),
        ("tổng vốn đầu tư tăng thêm khoảng", "increase"),
        ("số hộ nghèo giảm", "decrease"),
        ("qua rà soát, sắp xếp, toàn TP đã giảm được", "decrease"),  # 57: a cut achieved
        ("số hộ nghèo giảm thêm", "decrease"),
        ("số doanh nghiệp tăng được", "increase"),
        ("thu ngân sách ước đạt", "reach"),
        ("giá trị sản xuất bằng", "equal"),
        ("dịch vụ chiếm", "share"),
        ("tỷ lệ hộ nghèo còn", "fall_to"),
        ("số dự án", None),
    ],
)
def test_the_verb_before_a_number(before: str, cue: str | None) -> None:
    assert detect_cue(before) == cue


@pytest.mark.parametrize(
    ("before", "qualifier"),
    [
        ("giải quyết việc làm cho hơn", "more than"),
        ("thu ngân sách ước thực hiện", "estimated"),
        ("đạt xấp xỉ", "approximately"),
        ("với gần", "nearly"),
        ("tổng thu", None),
        ("thuơn", None),
    ],
)
def test_how_exact_a_number_is(before: str, qualifier: str | None) -> None:
    assert detect_qualifier(before) == qualifier


@pytest.mark.parametrize(
    ("after", "basis"),
    [
        (" so với cùng kỳ năm trước", "vs same period last year"),
        (", so với năm 2020 tăng", "vs 2020"),
        (" kế hoạch năm", "of plan"),
        (" dự toán thành phố giao", "of budget estimate"),
        (" chỉ tiêu đề ra", "of target"),
        (". So với cùng kỳ", None),
    ],
)
def test_what_a_number_is_measured_against(after: str, basis: str | None) -> None:
    assert detect_basis(after) == basis

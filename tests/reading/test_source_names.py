"""A figure nobody can name in English is shown in its own Vietnamese words, as written, with its span."""

from __future__ import annotations

import pytest

from summarizer.reading.ledger import build_ledger
from summarizer.reading.source_names import source_name


@pytest.mark.parametrize(
    ("text", "figure", "vi", "status"),
    [
        ("Kim ngạch xuất khẩu cá tra vượt 2 tỷ USD.", "2 tỷ USD", "Kim ngạch xuất khẩu cá tra", "partial"),
        ("Năm nay, xyzabc qwerty đạt 300 tỷ đồng.", "300 tỷ đồng", "xyzabc qwerty", "source"),
        ("Đến nay cơ bản đánh giá hoàn thành 24/24 chỉ tiêu.", "24/24 chỉ tiêu", "hoàn thành", "partial"),
    ],
)
def test_the_words_before_a_figure_are_its_source_name(text: str, figure: str, vi: str, status: str) -> None:
    ledger = build_ledger(text)
    fig = next(f for f in ledger.figures if f.text == figure)
    found = source_name(ledger, fig)
    assert found is not None
    assert (found.vi, found.status) == (vi, status)
    assert text[found.span[0] : found.span[1]] == found.vi


def test_the_gloss_holds_only_what_the_termbase_knows() -> None:
    text = "Kim ngạch xuất khẩu cá tra vượt 2 tỷ USD."
    ledger = build_ledger(text)
    found = source_name(ledger, next(f for f in ledger.figures if f.text == "2 tỷ USD"))
    assert found is not None and "export turnover" in found.gloss.lower()


def test_the_source_name_never_starts_with_the_unit_of_the_figure_before() -> None:
    text = "Năm 2018, vốn đạt 9,55 tỷ đồng và xyzabc qwerty đạt 198 triệu USD."
    ledger = build_ledger(text)
    found = source_name(ledger, next(f for f in ledger.figures if f.text == "198 triệu USD"))
    assert found is not None and found.vi == "xyzabc qwerty"


@pytest.mark.parametrize(
    ("text", "figure"),
    [  # from the development set (eval/dev): one word before the figure is a fragment, not what it measures
        ("Ngày 16/9, huyện này thống kê thiệt hại 897 tỉ đồng, hai ngày sau nâng lên 937 tỷ đồng.", "937 tỷ đồng"),
        ("Số thu năm 2013 của thành phố chỉ đạt 14% so với dự kiến.", "14%"),
    ],
)
def test_a_one_word_fragment_is_not_a_source_name(text: str, figure: str) -> None:
    """(The clause as written is shown instead.)"""
    ledger = build_ledger(text)
    fig = next(f for f in ledger.figures if f.text == figure)
    found = source_name(ledger, fig)
    assert found is None or len(found.vi.split()) > 1, found


@pytest.mark.parametrize(
    ("text", "figure"),
    [  # from the 500-article corpus sample: a place or a name alone says whose figure it is, not what it measures
        ("Cho tới nay, tổng vốn đầu tư của Nestlé tại Việt Nam là 520 triệu USD.", "520 triệu USD"),
        ("Báo cáo PCI năm 2018 của VCCI cho thấy 29% doanh nghiệp FDI đánh giá tốt.", "29%"),
        ("Năm nay, Xyzabc đạt 300 tỷ đồng.", "300 tỷ đồng"),
    ],
)
def test_names_alone_are_not_a_source_name(text: str, figure: str) -> None:
    ledger = build_ledger(text)
    assert source_name(ledger, next(f for f in ledger.figures if f.text == figure)) is None


@pytest.mark.parametrize(
    ("text", "figure"),
    [  # the 500-article corpus sample's commonest untranslated windows (stop 38): a head noun alone says nothing
        ("Khu đô thị mới có diện tích 599.066 ha.", "599.066 ha"),
        ("Năm 2023, ngân sách đạt 8.055 tỷ đồng.", "8.055 tỷ đồng"),
        ("Lô đất có giá trị 3.790 tỷ đồng.", "3.790 tỷ đồng"),
    ],
)
def test_a_head_noun_alone_is_not_a_source_name(text: str, figure: str) -> None:
    ledger = build_ledger(text)
    fig = next(f for f in ledger.figures if f.text == figure)
    assert source_name(ledger, fig) is None  # the clause is shown instead

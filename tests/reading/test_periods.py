"""The report's year and periods (reading/periods.py)."""

from __future__ import annotations

import pytest

from summarizer.reading.ledger import build_ledger
from summarizer.reading.meeting import find_meeting_facts
from summarizer.reading.periods import find_period


def test_a_horizon_year_is_not_the_reports_year() -> None:
    """49: 'đến năm 2030' named three times does not make a 2019 report's year 2030 (a meeting on '17/7' stays in
    2019); 57: the same for a staffing plan 'đến năm 2020' in a report on 2016."""
    text = (
        "Tỉnh khởi công tượng đài. Ngày 17/7, Sở Văn hóa họp phiên thứ nhất. Năm 2019 thu ngân sách đạt 1.500 tỷ "
        "đồng, năm 2019 chi 900 tỷ đồng. Quy hoạch đến năm 2030 có 14 tỉnh, tầm nhìn đến năm 2030 và đến năm 2030 "
        "hoàn thành."
    )
    ledger = build_ledger(text)
    assert ledger.document_year == 2019
    assert find_meeting_facts(ledger).date == "2019-07-17"


@pytest.mark.parametrize(
    ("text", "year", "period"),
    [
        # corpus baomoi-21512475: no 'năm 2017' anywhere, but 'tháng 1-2017' three times against one 'tháng 12-2016'
        (
            "Chỉ số giá tiêu dùng (CPI) tháng 1-2017 tăng 0,46%. Ba đợt tăng giá xăng dầu trong tháng 12-2016 và "
            "tháng 1-2017 đã đẩy giá lên. Trong 15 ngày đầu tháng 1-2017 chỉ số tăng. Trong 6 tháng đầu năm, giá dầu "
            "thô bình quân đạt 46 đô la Mỹ.",
            2017,
            "first 6 months of 2017",
        ),
        # two days of two years, once each: no year is the report's, and none is guessed
        (
            "Truy thu thuế chuyển nhượng. Tính từ ngày 1/7/2014 đến 30/11/2016, có 60 trường hợp. Trong 6 tháng "
            "đầu năm, thu 130 tỷ đồng.",
            None,
            "first 6 months of the year",
        ),
    ],
)
def test_dated_days_and_months_give_the_year_where_no_year_follows_nam(
    text: str, year: int | None, period: str
) -> None:
    """A report that never writes 'năm 2017' but dates its months and days in one year more than any other ('tháng
    1-2017', '1/10/2017') is of that year; its 'first 6 months of the year' take it."""
    ledger = build_ledger(text)
    assert ledger.document_year == year
    assert ledger.figures[-1].period == period


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # 45: a year in what the figure includes ('bao gồm cả … từ năm 2014') is the part's, not the figure's
        (
            "Quốc hội đã thông qua Nghị quyết về phê chuẩn quyết toán ngân sách nhà nước năm 2015. Theo Nghị quyết, "
            "tổng số thu cân đối ngân sách nhà nước là 1.291.342 tỷ đồng, bao gồm cả số thu chuyển nguồn từ năm 2014 "
            "chuyển sang năm 2015. Tổng số chi cân đối ngân sách nhà nước là 1.502.189 tỷ đồng, bao gồm cả số chi "
            "chuyển nguồn từ năm 2015 sang năm 2016.",
            ["2015", "2015"],
        ),
        (
            "Tổng vốn đầu tư toàn xã hội năm 2019 đạt 12.500 tỷ đồng. Trong đó, vốn ngân sách là 3.000 tỷ đồng, bao "
            "gồm cả vốn kéo dài từ năm 2018.",
            ["2019", "2019"],
        ),
    ],
)
def test_a_year_in_what_a_figure_includes_is_not_its_period(text: str, periods: list[str]) -> None:
    assert [f.period for f in build_ledger(text).figures if f.is_indicator_kind] == periods


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # 41: a goal's horizon, 'Đến 2020,' with no 'năm', is the figure's period, not the report's year
        ("Năm 2018, thu nhập tăng thêm của cán bộ được điều chỉnh. Đến 2020, tăng tối đa 1,8 lần.", ["by 2020"]),
        # 09, 15: 'đến năm 2020', 'đến cuối năm 2020'
        ("Đến năm 2020, GRDP bình quân đầu người đạt 9.800 USD.", ["by 2020"]),
        ("Năm 2019 Hà Nội đặt mục tiêu đến cuối năm 2020, 100% người dân nông thôn sử dụng nước sạch.", ["by 2020"]),
    ],
)
def test_a_goals_horizon_is_its_period(text: str, periods: list[str]) -> None:
    assert [f.period for f in build_ledger(text).figures if f.is_indicator_kind] == periods


def test_a_range_of_years_is_not_a_horizon() -> None:
    assert find_period("từ năm 2015 đến năm 2020") == "2015–2020"  # stop 42: from one year to another is the span
    assert find_period("Tới 2020 - 2021, sẽ giảm") is None


def test_a_goal_for_the_remaining_months_is_theirs_and_one_for_the_year_the_years() -> None:
    """Stop 42, seen reports 07 and 33: '4 tháng còn lại phải tăng trưởng trên 9%' is the remaining months' goal; the
    year's growth goal after a sentence on the last six months is the year's."""
    own = "Báo cáo 8 tháng năm 2017. Để đạt chỉ tiêu, 4 tháng còn lại phải tăng trưởng trên 9%."
    assert {f.text: f.period for f in build_ledger(own).figures}["9%"] == "last 4 months of 2017"
    year = "Nhiệm vụ 6 tháng cuối năm 2017 còn rất nặng nề. Để đảm bảo mục tiêu tăng trưởng 6,7% cần quyết tâm."
    assert {f.text: f.period for f in build_ledger(year).figures}["6,7%"] == "2017"


def test_a_horizon_in_the_headline_is_not_the_reports_period() -> None:
    """57: 'Tới 2020 - 2021, sẽ giảm 10% biên chế' in the lead; what the city has cut by now stays in the report's
    year."""
    text = (
        "Hà Nội sẽ giảm 10% biên chế. Tới 2020 - 2021, sẽ giảm 10% biên chế. Năm 2016, toàn TP đã giảm được 55 "
        "phòng, ban."
    )
    ledger = build_ledger(text)
    assert ledger.document_period is not None and not ledger.document_period.startswith("by")
    assert [f.period for f in ledger.figures if f.text.startswith("55")] == ["2016"]


@pytest.mark.parametrize("text", ["trong 18 tháng tới", "sau 18 tháng", "trong 15 tháng qua", "tháng 13/2018"])
def test_a_count_of_months_over_twelve_is_no_period(text: str) -> None:
    """Seen in an audit of held-out corpus names: 'first 18 months of 1975', 'first 15 months of 2018'."""
    assert find_period(text) is None


def test_a_comparison_year_is_not_carried_and_a_year_given_by_a_colon_is_the_figures() -> None:
    """Audit (vietnews, first half of 2017): 'thấp hơn cùng kỳ năm 2016' compares; the next sentence's mining fall
    is not of 2016. Corpus vietnews-test-002465: 'năm 2019, … 63,8% (thấp hơn năm 2018: 64,1%), … 26,3%' — the
    64.1% is 2018's, the 26.3% after the bracket 2019's."""
    text = (
        "Kinh tế 6 tháng đầu năm 2017.\nSáu tháng đầu năm 2017, GDP tăng 5,73%. Tăng trưởng công nghiệp còn thấp hơn "
        "cùng kỳ năm 2016. Trong đó khai khoáng giảm đến 8,2%."
    )
    assert next(f for f in build_ledger(text).figures if f.text == "8,2%").period == "first 6 months of 2017"
    text = (
        "Chi ngân sách.\nCụ thể, năm 2019, tỉ trọng chi thường xuyên là 63,8% (thấp hơn năm 2018: 64,1%), tỉ trọng "
        "chi đầu tư phát triển là 26,3%."
    )
    periods = {f.text: f.period for f in build_ledger(text).figures}
    assert (periods["63,8%"], periods["64,1%"], periods["26,3%"]) == ("2019", "2018", "2019")


def test_the_reports_period_is_the_one_its_sentences_name_most_not_one_told_in_passing() -> None:
    """corpus vietnews-train-091646: a story with no period in its opening dates one episode 'Tháng 7/2013'; 'năm
    2016' named twice is the story's period, and a figure with no period of its own takes it."""
    text = (
        "Cán bộ đi học nước ngoài không về. Ông Long được cử đi học thạc sĩ. Bộ chưa có ý kiến. Ông nói vậy. Tháng "
        "7/2013, ông được cử sang Mỹ đào tạo. Năm 2016, bộ chi 20 tỷ đồng cho đào tạo. Trong năm 2016, có 1.000 cán "
        "bộ được cử đi học. Mỗi suất học bổng 30.000 USD."
    )
    ledger = build_ledger(text)
    assert ledger.document_period == "2016"
    (grant,) = [f for f in ledger.figures if ledger.text[f.start : f.end] == "30.000 USD"]
    assert grant.period == "2016"


def test_a_figure_of_the_same_period_of_a_year_is_the_reports_span_in_that_year() -> None:
    """eval/dev baomoi-22642224: 'thấp hơn cùng kỳ năm 2016 (6,5%)' in a report on the first half of 2017."""
    text = (
        "Hội nghị sơ kết 6 tháng.\nTrong 6 tháng đầu năm 2017, tốc độ tăng trưởng GDP của vùng đạt 6,45%, cao hơn "
        "bình quân chung cả nước nhưng thấp hơn cùng kỳ năm 2016 (6,5%)."
    )
    periods = {f.text: f.period for f in build_ledger(text).figures if f.is_indicator_kind}
    assert periods == {"6,45%": "first 6 months of 2017", "6,5%": "first 6 months of 2016"}
    yearly = {f.text: f.period for f in build_ledger(text.replace("Trong 6 tháng đầu năm 2017", "Năm 2017")).figures}
    assert yearly["6,5%"] == "2016"


def test_a_quarter_without_its_year_is_the_reports() -> None:
    """dev4 (stop 43): 'trong quý 4 này' in a report on 2017 is Q4 2017, not the whole year."""
    text = "Tăng trưởng năm 2017 của thành phố là 8,4%. Để đạt mức đó thì trong quý 4 này tăng trưởng phải đạt 9,5%."
    assert [f.period for f in build_ledger(text).figures if f.text.endswith("%")] == ["2017", "Q4 2017"]


def test_a_day_a_clause_is_counted_to_is_its_own_figures_period_only() -> None:
    """dev4 (stop 43): 'Tính đến 31-10, cả 7 dự án … chỉ giải ngân được 102 tỉ đồng' is as of 31-10; the sentence
    after it keeps the report's period (a dashed date spread to whole articles on the corpus sample)."""
    text = (
        "Kinh tế 9 tháng đầu năm 2019.\nTính đến 31-10, cả 7 dự án chỉ giải ngân được 102 tỉ đồng, đạt 2% kế hoạch.\n"
        "Thu ngân sách đạt 300.000 tỉ đồng."
    )
    periods = {f.text: f.period for f in build_ledger(text).figures if f.text.endswith(("đồng", "%"))}
    assert periods == {"102 tỉ đồng": "as of 31-10", "2%": "as of 31-10", "300.000 tỉ đồng": "first 9 months of 2019"}

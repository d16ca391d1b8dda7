"""The period table (data/periods.tsv): every period row yields its English on its example, and every word list
does in reading/periods.py what its kind says (a case per row)."""

from __future__ import annotations

import re

import pytest

from summarizer.reading.ledger import build_ledger
from summarizer.reading.periods import TERM_YEARS, document_year, find_period
from summarizer.tables import entries, words

PERIODS = entries("periods", "period")


def _period_of(text: str, figure: str) -> str | None:
    return next(f.period for f in build_ledger(text).figures if f.text == figure)


def test_the_table_holds_every_kind_the_code_reads() -> None:
    assert len(PERIODS) == 26
    assert all(len(row) == 5 and row[2] in ("reported", "horizon", "own") for row in PERIODS)
    assert [row[1] for row in PERIODS if row[2] == "horizon"] == ["by {0}"]
    for kind in ("month", "year", "this_year", "term", "stage", "party_committee", "comparison"):
        assert len(words("periods", kind)) == 1, kind


@pytest.mark.parametrize(("pattern", "template", "role", "example", "english"), PERIODS, ids=[r[3] for r in PERIODS])
def test_every_period_row_reads_its_example(pattern: str, template: str, role: str, example: str, english: str) -> None:
    assert re.search(pattern, example), "the row's own pattern must match its example"
    if role == "own":  # a day its own clause's figures are counted to: never another sentence's or the report's
        assert find_period(example) != english
        assert find_period(example, own=True) == english
        assert find_period(example[0].upper() + example[1:], own=True) == english
        return
    assert find_period(example) == english
    if role == "horizon":
        assert find_period(example, horizons=False) != english
    else:
        assert find_period(example, horizons=False) == english
    opening = example[0].upper() + example[1:]  # a period opening a sentence: 'Tháng 8-2016, …', 'Tính đến 30/6'
    if not example.startswith("dịp Tết"):  # 'Dịp Tết vừa rồi, …' opens an anecdote: no period of a report
        assert find_period(opening) == english


@pytest.mark.parametrize(("word", "number"), entries("periods", "month_count"))
def test_a_number_word_counts_months(word: str, number: str) -> None:
    assert find_period(f"{word} tháng đầu năm 2024") == f"first {number} months of 2024"
    assert find_period(f"{word.capitalize()} tháng đầu năm 2024") == f"first {number} months of 2024"


def test_a_year_in_a_comparison_is_not_the_figures() -> None:
    (compared,) = words("periods", "comparison")
    assert find_period(f"tăng 5% {compared} năm 2023") is None
    assert find_period("tăng 5% năm 2023") == "2023"


@pytest.mark.parametrize("word", words("periods", "comparison_end"))
def test_a_comparison_ends_at_its_end_word(word: str) -> None:
    assert find_period(f"so với kế hoạch {word} năm 2024") == "2024"
    assert find_period("so với kế hoạch của năm 2024") is None


@pytest.mark.parametrize("word", words("periods", "horizon_before"))
def test_a_horizon_year_is_not_the_reports_year(word: str) -> None:
    text = f"Năm 2019 thu 5 tỷ đồng. Kế hoạch {word} năm 2030, {word} năm 2030."
    assert document_year(text, []) == 2019
    assert document_year("Năm 2019 thu 5 tỷ đồng. Kế hoạch năm 2030, năm 2030.", []) == 2030


def test_a_term_of_office_gives_its_years() -> None:
    (term,) = words("periods", "term")
    found = TERM_YEARS.search(f"Đại hội {term.upper()} 2020 - 2025")
    assert found is not None and found.groups() == ("2020", "2025")


def test_a_party_committees_goals_start_after_its_congress() -> None:
    (party,) = words("periods", "party_committee")
    goals = "nhiệm kỳ 2015-2020:\n- Tăng trưởng GRDP bình quân đạt 7%."
    assert _period_of(f"Mục tiêu của {party} tỉnh {goals}", "7%") == "2016–2020"
    assert _period_of(f"Mục tiêu của Hội đồng nhân dân tỉnh {goals}", "7%") == "2015–2020"


@pytest.mark.parametrize("word", words("periods", "year_after_link"))
def test_a_year_linked_after_a_figure_is_its_own(word: str) -> None:
    assert _period_of(f"Năm 2018, tỷ lệ hộ nghèo là 5% {word} năm 2016.", "5%") == "2016"
    assert _period_of("Năm 2018, tỷ lệ hộ nghèo là 5% ở năm 2016.", "5%") == "2018"


def test_a_stage_after_a_figure_is_its_own() -> None:
    (stage,) = words("periods", "stage")
    text = f"Năm 2017 vận chuyển 500 triệu lượt người, tăng bình quân 3,4%/năm {stage} 2010-2017."
    assert _period_of(text, "3,4%") == "2010–2017"
    assert _period_of(text.replace(f"{stage} 2010-2017", ""), "3,4%") == "2017"


def test_this_year_after_a_figure_is_its_own() -> None:
    (this_year,) = words("periods", "this_year")
    assert _period_of(f"Báo cáo năm 2018. Tỷ lệ hộ nghèo năm 2016 là 5% {this_year}.", "5%") == "2018"
    assert _period_of("Báo cáo năm 2018. Tỷ lệ hộ nghèo năm 2016 là 5%.", "5%") == "2016"


@pytest.mark.parametrize("word", words("periods", "continues"))
def test_a_sentence_that_details_the_last_shares_its_period(word: str) -> None:
    text = (
        "Báo cáo tình hình 6 tháng đầu năm 2019.\nNăm 2018 thu ngân sách đạt 1.500 tỷ đồng.\n"
        "Giá trị sản xuất ước đạt 300 tỷ đồng.\n{}, thu nội địa đạt 900 tỷ đồng."
    )
    assert _period_of(text.format(word.capitalize()), "900 tỷ đồng") == "2018"
    assert _period_of(text.format("Ngoài ra"), "900 tỷ đồng") == "first 6 months of 2019"


def test_a_sentence_that_opens_a_paragraph_takes_the_period_of_the_one_just_before() -> None:
    """News articles write a paragraph per sentence: 'GDP 9 tháng năm 2018 đã tăng 6,98%.' then, a paragraph
    later, 'Khu vực dịch vụ tăng 6,89%.' is of the first 9 months too, not of the report's month (dev set)."""
    text = "Họp báo tháng 9/2018.\nGDP 9 tháng năm 2018 đã tăng 6,98%.\nKhu vực dịch vụ tăng 6,89%.\nGiá điện tăng 5%."
    assert _period_of(text, "6,89%") == "first 9 months of 2018"
    assert _period_of(text, "5%") == "September 2018"


@pytest.mark.parametrize("word", words("periods", "parts"))
def test_a_year_in_what_a_figure_is_made_of_is_the_parts(word: str) -> None:
    text = "Quyết toán ngân sách năm 2015. Tổng thu ngân sách là 1.291 tỷ đồng, {} số thu chuyển nguồn từ năm 2014."
    assert _period_of(text.format(word), "1.291 tỷ đồng") == "2015"
    assert _period_of(text.format("và"), "1.291 tỷ đồng") == "2014"


@pytest.mark.parametrize("word", words("periods", "reference_before"))
def test_a_period_of_reference_is_not_the_figures(word: str) -> None:
    """Corpus audit: 'GRDP tăng 7,5%, mức tăng cao nhất kể từ năm 2011' is of the quarter, not of 2011."""
    text = f"Quý I/2018, GRDP tăng 7,5%, mức tăng cao nhất {word} năm 2011, khi đó đạt 6%."
    assert _period_of(text, "7,5%") == "Q1 2018"
    assert find_period(f"cao nhất {word} năm 2011") is None
    assert find_period("cao nhất trong năm 2011") == "2011"


def test_a_cumulative_count_of_months_is_the_first_months() -> None:
    assert find_period("Lũy kế 11 tháng, thu ngân sách đạt 2.800 tỷ đồng") == "first 11 months of the year"
    assert find_period("luỹ kế 11 tháng") == "first 11 months of the year"


def test_last_year_is_not_given_a_year_the_report_never_writes() -> None:
    """Seen report 49 (local-v42): 'Tổng thu ngân sách năm ngoái … 2.800 tỷ đồng' became 'in 2018' in the prose of a
    report that never writes 2018 (its year inferred from a completion date): the prose invented a number."""
    text = "Dự án sẽ hoàn thành vào năm 2019.\nTổng thu ngân sách năm ngoái của tỉnh này là 2.800 tỷ đồng."
    assert _period_of(text, "2.800 tỷ đồng") == "the previous year"
    written = "Năm 2018 tỉnh thu 2.500 tỷ đồng; năm 2019 dự kiến tăng.\nTổng thu ngân sách năm ngoái là 2.800 tỷ đồng."
    assert _period_of(written, "2.800 tỷ đồng") == "2018"

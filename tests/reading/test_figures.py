"""The Vietnamese figure parser on every figure of both seed reports, the corpus traps and edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.reading.english_numbers import parse_english_numbers
from summarizer.reading.figures import FigureKind
from summarizer.reading.ledger import build_ledger
from summarizer.reading.notation import parse_vi_number
from summarizer.reading.periods import find_period
from summarizer.reading.sentences import normalize_text, split_sentences

K = FigureKind
B = 10**9

# (text as written, kind, value, scale, unit, denominator) for every figure of the seed, in order.
BAC_TU_LIEM = [
    ("24 chỉ tiêu", K.COUNT, 24, None, "targets", None),
    ("2023", K.YEAR, 2023, None, None, None),
    ("15/12", K.DATE, 15, None, None, None),
    ("29", K.ORDINAL, 29, None, None, None),
    ("2023", K.YEAR, 2023, None, None, None),
    ("2020-2025", K.YEAR_RANGE, 2020, None, None, None),
    ("2020-2025", K.YEAR_RANGE, 2020, None, None, None),
    ("24", K.DOC_CODE, 24, None, None, None),
    ("24 chỉ tiêu", K.COUNT, 24, None, "targets", None),
    ("2023", K.YEAR, 2023, None, None, None),
    ("2023", K.YEAR, 2023, None, None, None),
    ("24 chỉ tiêu", K.COUNT, 24, None, "targets", None),
    ("24/24 chỉ tiêu", K.RATIO, 24, None, "targets", 24),
    ("6 chỉ tiêu", K.COUNT, 6, None, "targets", None),
    ("63.275 tỷ đồng", K.MONEY, 63275, B, "VND", None),
    ("12,86%", K.PERCENT, 12.86, None, "%", None),
    ("3.594 tỷ đồng", K.MONEY, 3594, B, "VND", None),
    ("103%", K.PERCENT, 103, None, "%", None),
    ("10", K.DURATION, 10, None, "years", None),
    ("24 chỉ tiêu", K.COUNT, 24, None, "targets", None),
    ("2023", K.YEAR, 2023, None, None, None),
    ("91,3%", K.PERCENT, 91.3, None, "%", None),
    ("98,5%", K.PERCENT, 98.5, None, "%", None),
    ("2023", K.YEAR, 2023, None, None, None),
    ("6.100 người lao động", K.COUNT, 6100, None, "workers", None),
    ("100%", K.PERCENT, 100, None, "%", None),
    ("82/82 hộ cận nghèo", K.RATIO, 82, None, "near-poor households", 82),
    ("2024", K.YEAR, 2024, None, None, None),
    ("2024", K.YEAR, 2024, None, None, None),
    ("146-KH/QU", K.DOC_CODE, 146, None, None, None),
    ("24-CT/TU", K.DOC_CODE, 24, None, None, None),
    ("2020 – 2025", K.YEAR_RANGE, 2020, None, None, None),
    ("2024", K.YEAR, 2024, None, None, None),
]

TAY_HO = [
    ("12/10", K.DATE, 12, None, None, None),
    ("22", K.ORDINAL, 22, None, None, None),
    ("2020 - 2025", K.YEAR_RANGE, 2020, None, None, None),
    ("5 nội dung", K.COUNT, 5, None, "items", None),
    ("9", K.DURATION, 9, None, "months", None),
    ("2024", K.YEAR, 2024, None, None, None),
    ("3", K.DURATION, 3, None, "months", None),
    ("2024", K.YEAR, 2024, None, None, None),
    ("9", K.DURATION, 9, None, "months", None),
    ("2024", K.YEAR, 2024, None, None, None),
    ("16", K.ORDINAL, 16, None, None, None),
    ("2021 - 2026", K.YEAR_RANGE, 2021, None, None, None),
    ("9", K.DURATION, 9, None, "months", None),
    ("2024", K.YEAR, 2024, None, None, None),
    ("2.511 tỷ đồng", K.MONEY, 2511, B, "VND", None),
    ("89%", K.PERCENT, 89, None, "%", None),
    ("142%", K.PERCENT, 142, None, "%", None),
    ("2024", K.YEAR, 2024, None, None, None),
    ("2 nghề", K.COUNT, 2, None, "crafts", None),
    ("13/13 chỉ tiêu", K.RATIO, 13, None, "targets", 13),
    ("9", K.DURATION, 9, None, "months", None),
    ("2024", K.YEAR, 2024, None, None, None),
    ("7 nhiệm vụ", K.COUNT, 7, None, "tasks", None),
    ("1/500", K.MAP_SCALE, 1, None, None, None),
    ("2024", K.YEAR, 2024, None, None, None),
    ("2 phường", K.COUNT, 2, None, "wards", None),
    ("2020 - 2025", K.YEAR_RANGE, 2020, None, None, None),
    ("2025-2030", K.YEAR_RANGE, 2025, None, None, None),
    ("2025 - 2030", K.YEAR_RANGE, 2025, None, None, None),
    ("2024", K.YEAR, 2024, None, None, None),
    ("2024", K.YEAR, 2024, None, None, None),
]


@pytest.mark.parametrize(("name", "expected"), [("bac_tu_liem", BAC_TU_LIEM), ("tay_ho", TAY_HO)])
def test_every_seed_figure(name: str, expected: list[tuple[object, ...]], request: pytest.FixtureRequest) -> None:
    text = request.getfixturevalue(name)
    ledger = build_ledger(text)
    got = [(f.text, f.kind, f.value, f.scale, f.unit, f.denominator) for f in ledger]
    assert got == expected
    for f in ledger:
        assert text[f.start : f.end] == f.text, f"span of {f.id} does not point at its text"


def test_seed_context_cues(bac_tu_liem: str, tay_ho: str) -> None:
    btl = {f.text: f for f in build_ledger(bac_tu_liem)}
    assert btl["12,86%"].cue == "increase" and btl["12,86%"].basis == "vs same period last year"
    assert btl["103%"].basis == "of budget estimate"
    assert btl["100%"].basis == "of plan"
    assert btl["63.275 tỷ đồng"].qualifier == "estimated"
    assert btl["63.275 tỷ đồng"].base_value == 63_275 * B
    th = {f.text: f for f in build_ledger(tay_ho)}
    assert th["89%"].basis == "of plan" and th["89%"].period == "first 9 months of 2024"
    assert th["142%"].basis == "vs same period last year" and th["142%"].cue == "equal"
    assert th["2.511 tỷ đồng"].base_value == 2_511 * B


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("63.275", 63275),
        ("12,86", 12.86),
        ("1.200.000", 1_200_000),
        ("728.906.600", 728_906_600),
        ("0,04", 0.04),
        ("7", 7),
        ("18.5", 18.5),
        ("1.234,5", 1234.5),
    ],
)
def test_parse_vi_number(token: str, value: float) -> None:
    assert parse_vi_number(token) == pytest.approx(value)


def test_parse_vi_number_rejects_garbage() -> None:
    with pytest.raises(ValueError, match="not a Vietnamese number"):
        parse_vi_number("12a")


def _one(text: str) -> tuple[object, ...]:
    figs = [f for f in build_ledger(text) if f.kind not in (K.YEAR,)]
    assert len(figs) == 1, [f.text for f in figs]
    f = figs[0]
    return (f.kind, f.value, f.scale, f.unit, f.denominator, f.high)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu ngân sách đạt 2.511 tỷ đồng.", (K.MONEY, 2511, B, "VND", None, None)),
        ("Tổng vốn 30,66 tỷ USD.", (K.MONEY, 30.66, B, "USD", None, None)),
        ("thu hút 435 triệu USD vốn FDI.", (K.MONEY, 435, 10**6, "USD", None, None)),
        ("dân số trên 23 vạn người.", (K.COUNT, 23, 10**4, "people", None, None)),
        ("đạt 1,2 nghìn tỷ đồng.", (K.MONEY, 1.2, 10**12, "VND", None, None)),
        ("thu 5 ngàn tỷ đồng.", (K.MONEY, 5, 10**12, "VND", None, None)),
        ("lãi 10 nghìn USD.", (K.MONEY, 10, 10**3, "USD", None, None)),
        ("doanh thu 40 tỉ VNĐ.", (K.MONEY, 40, B, "VND", None, None)),
        ("hoàn thành 14/16 chỉ tiêu.", (K.RATIO, 14, None, "targets", 16, None)),
        ("đạt 12/19 tiêu chí.", (K.RATIO, 12, None, "criteria", 19, None)),
        ("tăng trưởng 8,3-8,5% năm nay.", (K.PERCENT, 8.3, None, "%", None, 8.5)),
        ("tăng 0,5 điểm phần trăm.", (K.PERCENT, 0.5, None, "pp", None, None)),
        ("diện tích gần 6.300 ha.", (K.QUANTITY, 6300, None, "ha", None, None)),
        ("được 6 đồng chí tham dự.", (K.COUNT, 6, None, "comrades", None, None)),
        ("gấp 1,66 lần mức cũ.", (K.COUNT, 1.66, None, "times", None, None)),
    ],
)
def test_figures(text: str, expected: tuple[object, ...]) -> None:
    assert _one(normalize_text(text)) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ngày 15/12, quận họp.", K.DATE),
        ("sáng 2-12, Hội nghị khai mạc.", K.DATE),
        ("đến ngày 28/02/2018 tỉnh đạt", K.DATE),
        ("hội nghị lần thứ 22 của quận", K.ORDINAL),
        ("theo Kế hoạch số 146-KH/QU của Quận ủy", K.DOC_CODE),
        ("Chỉ thị số 04/CT - UBND về việc", K.DOC_CODE),
        ("Nghị quyết 01/2024/NQ-HĐND của", K.DOC_CODE),
        ("Chỉ thị số 24 của Ban Thường vụ", K.DOC_CODE),
        ("quy hoạch chi tiết 1/500 đối với", K.MAP_SCALE),
        ("nhiệm kỳ 2020 - 2025 đã đề ra", K.YEAR_RANGE),
        ("tại thời điểm 12h ngày hôm đó", K.TIME),
        ("trong 9 tháng đầu năm", K.DURATION),
        # 53 (twice), and a provincial road (hand-written): a road's number is its name
        ("đoạn giao quốc lộ 51 đến Khu đô thị Long Hưng", K.ORDINAL),
        ("bến đò Trạm hương lộ 2 đoạn giao", K.ORDINAL),
        ("nâng cấp đường tỉnh 295 qua huyện", K.ORDINAL),
        # 41, and hand-written: a range of hours or of time takes its kind from its high end
        ("chỉ thu phí dừng đỗ ôtô từ 6 đến 24h, ngoài khung giờ này", K.TIME),
        ("Cửa hàng mở cửa từ 7 đến 22 giờ hằng ngày.", K.DURATION),
        ("thời gian thi công từ 2 đến 3 năm", K.DURATION),
        # 35 (twice), 17: a bare number after a capitalised word inside its sentence is that name's number
        ("Công ty Cổ phần Thép Pomina 2 với dự án nhà máy", K.ORDINAL),
        ("tại khu công nghiệp Bàu Bàng và khu công nghiệp Mỹ Phước 3 với tổng vốn", K.ORDINAL),
        ("với dự án tại Khu công nghiệp Phú Mỹ 1, tổng vốn", K.ORDINAL),
    ],
)
def test_not_indicators(text: str, kind: FigureKind) -> None:
    figs = build_ledger(normalize_text(text)).figures
    assert len(figs) == 1 and figs[0].kind == kind
    assert not figs[0].is_indicator_kind


def test_list_commas_next_to_decimal_comma() -> None:
    text = "Tỷ lệ này ở các huyện lần lượt là: 91, 82, 81, 78, 75,4%."
    figs = build_ledger(text).figures
    assert [(f.value, f.unit) for f in figs] == [(91, "%"), (82, "%"), (81, "%"), (78, "%"), (75.4, "%")]


def test_year_followed_by_comma_and_percent() -> None:
    figs = build_ledger("Đến năm 2020,100% người dân dùng nước sạch.").figures
    assert [(f.kind, f.value) for f in figs] == [(K.YEAR, 2020), (K.PERCENT, 100)]


def test_excess_versus_percent_of_plan() -> None:
    text = "Thu ngân sách 2016 vượt 3,8%. Tổng thu là 175.785 tỷ đồng đạt tỷ lệ 103,8%."
    by_text = {f.text: f for f in build_ledger(text)}
    assert by_text["3,8%"].cue == "exceed"
    assert by_text["103,8%"].cue == "reach"


def test_nfd_input_is_normalised_and_parsed() -> None:
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Thu ngân sách ước đạt 2.511 tỷ đồng")
    text = normalize_text("\ufeff" + nfd)
    assert not text.startswith("\ufeff")
    money = [f for f in build_ledger(text) if f.kind == K.MONEY]
    assert money and money[0].base_value == 2511 * B


def test_sentences_do_not_split_inside_numbers_or_tp() -> None:
    sents = split_sentences("TP. HCM thu 63.275 tỷ đồng. Tăng 12,86% so với cùng kỳ.")
    assert [s.text for s in sents] == ["TP. HCM thu 63.275 tỷ đồng.", "Tăng 12,86% so với cùng kỳ."]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("trong 9 tháng đầu năm 2024, thu", "first 9 months of 2024"),
        ("6 tháng đầu năm, tăng", "first 6 months of the year"),
        ("quý III/2024 đạt", "Q3 2024"),
        ("giai đoạn 2016-2020 đạt", "2016–2020"),
        ("năm 2023, quận", "2023"),
        ("đến hết 31/7, đạt", "as of 31/7"),
        # the longer period wins over the year inside it, also when reading backwards
        ("trong 6 tháng đầu năm 2017, thành phố", "first 6 months of 2017"),
        ("Tính chung 7 tháng, tổng lượng khách", "first 7 months of the year"),
        ("Hai tháng đầu năm, Bình Dương thu hút", "first 2 months of the year"),
        ("năm ngoái đạt khoảng 41.000 tỷ đồng", "the previous year"),
        ("tăng gần 80% trong nửa đầu năm, sản phẩm", "first 6 months of the year"),
        ("lên khoảng 73-75% trong năm nay", "the year"),
        ("trong dịp Tết, tổng trị giá", "Tet the year"),
        ("dịp Tết Nguyên đán 2017 đạt", "Tet 2017"),
        # a year inside a comparison belongs to the comparison, not to the figure
        ("tăng 10% so với kế hoạch dự trữ hàng hóa Tết năm 2016", None),
        ("tăng 2% so với tháng 12/2013 và bình quân 10 tháng đầu năm tăng 5%", "first 10 months of the year"),
    ],
)
def test_find_period(text: str, period: str | None) -> None:
    assert find_period(text) == period
    assert find_period(text, last=True) == period


def test_periods_that_come_from_context() -> None:
    ledger = build_ledger(
        "Năm 2017 là năm thứ hai của kế hoạch.\n"
        "Tổng mức đầu tư năm ngoái đạt khoảng 41.000 tỷ đồng, tăng 7% so với 2015.\n"
        "Tổng thu ngân sách đến hết 31/7 đạt 658,4 tỷ đồng.\n"
        "Trong đó, khoản thu tiền sử dụng đất đạt 246,6 tỷ đồng."
    )
    periods = {f.text: f.period for f in ledger.figures if f.is_indicator_kind}
    assert periods["41.000 tỷ đồng"] == "the previous year"  # 2016 is never written: the prose would invent it
    assert periods["246,6 tỷ đồng"] == "as of 31/7"


def test_a_year_written_after_the_figure_is_its_own() -> None:
    ledger = build_ledger(
        "Hà Nội giao ban công tác tháng 1 năm 2017\n\n"
        "Tỷ lệ chuyển từ vốn đăng ký sang vốn thực hiện tăng từ gần 41% năm 2015 lên hơn 45% năm 2016.\n"
        "Đặc biệt, trong dịp Tết, hàng hóa dự trữ đạt khoảng 23.000 tỷ đồng, tăng 10% so với kế hoạch Tết năm 2016."
    )
    periods = {f.text: f.period for f in ledger.figures if f.is_indicator_kind}
    assert periods["41%"] == "2015"
    assert periods["45%"] == "2016"
    assert periods["23.000 tỷ đồng"] == "Tet 2017"


def test_year_to_date_is_the_reports_period() -> None:
    ledger = build_ledger(
        "Hai tháng đầu năm, Bình Dương thu hút 30,66 tỷ USD vốn FDI\n\n"
        "Từ đầu năm 2018, các khu công nghiệp đã thu hút 376 triệu USD vốn FDI."
    )
    assert ledger.document_period == "first 2 months of 2018"
    assert next(f for f in ledger.figures if f.text.startswith("376")).period == "first 2 months of 2018"


@pytest.mark.parametrize(
    ("text", "value", "scale", "unit", "den"),
    [
        ("63,275 billion VND", 63275, B, "VND", None),
        ("VND 63.3 trillion", 63.3, 10**12, "VND", None),
        ("12.86%", 12.86, None, "%", None),
        ("24 of 24 targets", 24, None, None, 24),
        ("24/24", 24, None, None, 24),
        ("VND 3,594 billion", 3594, B, "VND", None),
        ("3.594 trillion dong", 3.594, 10**12, "VND", None),
        ("six targets", 6, None, None, None),
        ("$30.66 billion", 30.66, B, "USD", None),
        ("2.5 percentage points", 2.5, None, "pp", None),
    ],
)
def test_english_numbers(text: str, value: float, scale: int | None, unit: str | None, den: float | None) -> None:
    (n,) = parse_english_numbers(text)
    assert (n.value, n.scale, n.unit, n.denominator) == (pytest.approx(value), scale, unit, den)


# --- separators: a number token is the whole run; the document decides which separator is which -----


def _money(text: str) -> list[tuple[str, float, int | None, str | None]]:
    return [(f.text, f.value, f.scale, f.ambiguous) for f in build_ledger(text).figures if f.is_indicator_kind]


def test_english_separators_in_a_vietnamese_budget_sentence_are_one_figure() -> None:
    text = "Năm 2023, chi đầu tư phát triển 33,448.222 triệu đồng, tăng 12,5% so với cùng kỳ."
    figs = _money(text)
    assert ("33,448.222 triệu đồng", 33448.222, 10**6, None) in figs
    assert not any(f[0].startswith("222") for f in figs), "a fragment became a figure"


def test_report_13_reads_english_thousands_where_the_report_mixes_conventions(reports_dir: Path) -> None:
    text = normalize_text((reports_dir / "13_vietnews_train_062368.txt").read_text(encoding="utf-8"))
    ledger = build_ledger(text)
    assert ledger.convention == "mixed"
    values = {f.text: f.value for f in ledger.figures}
    assert values["214,447 tỷ đồng"] == 214447 and values["594,600 tỷ đồng"] == 594600
    assert values["75.500 tỷ đồng"] == 75500 and values["4,45 triệu lượt khách"] == 4.45
    assert values["18.5%"] == 18.5 and values["508.25 triệu đô"] == 508.25
    assert all(f.ambiguous is None for f in ledger.figures)


@pytest.mark.parametrize(
    ("sentence", "value", "convention"),
    [
        ("Tổng thu đạt 1.234,5 tỷ đồng, tăng 12,5%.", 1234.5, "vietnamese"),
        ("Tổng thu đạt 1,234.5 tỷ đồng, tăng 12.5%.", 1234.5, "english"),
        ("Tổng thu đạt 1,234,567 đồng, tăng 12.5%.", 1234567, "english"),
        ("Dân số 1.234.567 người, tăng 2,5%.", 1234567, "vietnamese"),
        ("Tăng trưởng đạt 12,5%, thu 63.275 tỷ đồng.", 12.5, "vietnamese"),
    ],
)
def test_conventions(sentence: str, value: float, convention: str) -> None:
    ledger = build_ledger(sentence)
    assert ledger.convention == convention
    first = next(f for f in ledger.figures if f.is_indicator_kind)
    assert first.value == value and first.ambiguous is None


def test_english_reading_against_the_reports_dot_thousands_is_ambiguous_and_never_grounded() -> None:
    from summarizer.checking.assembly import figure_indicator

    text = "Dân số 1.234.567 người. Chi đầu tư 33,448.222 triệu đồng."
    ledger = build_ledger(text)
    fig = next(f for f in ledger.figures if f.text.startswith("33,448.222"))
    assert fig.ambiguous is not None and "33,448.222" in fig.ambiguous and "33,448,222" in fig.ambiguous
    ind = figure_indicator(fig.id, "Development investment spending", ledger, [])
    assert ind.grounding == "ungrounded" and "ambiguous" in (ind.grounding_note or "")


def test_one_english_decimal_does_not_silently_rescale_the_report() -> None:
    ledger = build_ledger("Thu ngân sách 63.275 tỷ đồng, tăng 12.5% so với cùng kỳ.")
    assert ledger.convention == "uncertain"
    money, pct = (f for f in ledger.figures if f.is_indicator_kind)
    # one 3-digit group after a point is thousands, as in a mixed report (issue 32: 9 of 10 right figures flagged)
    assert (money.value, money.ambiguous) == (63275, None)
    assert (pct.value, pct.ambiguous) == (12.5, None)


def test_a_number_whose_two_readings_agree_is_not_ambiguous() -> None:
    ledger = build_ledger("Năm 2017 thu hút 27 dự án, vốn 4.5 tỷ USD và 100 triệu USD, đạt 63.275 tỷ đồng.")
    assert ledger.convention == "uncertain"
    assert [(f.text, f.ambiguous) for f in ledger.figures if f.is_indicator_kind] == [
        ("27 dự án", None),
        ("4.5 tỷ USD", None),
        ("100 triệu USD", None),
        ("63.275 tỷ đồng", None),
    ]


def test_list_and_range_keep_their_decimal_commas() -> None:
    figs = build_ledger("Tỷ lệ lần lượt là: 91, 82, 81, 78, 75,4%. Tăng trưởng 8,3-8,5%.").figures
    percents = [(f.value, f.high) for f in figs if f.kind == FigureKind.PERCENT]
    assert percents == [(91, None), (82, None), (81, None), (78, None), (75.4, None), (8.3, 8.5)]


@pytest.mark.parametrize(
    ("text", "written", "low", "high", "unit", "scale"),
    [
        ("Thu nhập bình quân đạt từ 86 đến 88 triệu đồng/năm.", "86 đến 88 triệu đồng", 86, 88, "VND", 10**6),
        ("Tăng trưởng GRDP từ 11 đến 12% so với cùng kỳ.", "11 đến 12%", 11, 12, "%", None),
        ("Phấn đấu tăng trưởng từ 11% tới 12%.", "11% tới 12%", 11, 12, "%", None),
        ("Thu ngân sách từ 1,5 tỷ đến 2 tỷ đồng.", "1,5 tỷ đến 2 tỷ đồng", 1.5, 2, "VND", 10**9),
        ("Mục tiêu tăng trưởng kinh tế 8,5 - 9%.", "8,5 - 9%", 8.5, 9, "%", None),
        # 39, 49: a dash with no spaces, then a scale or a unit (it was read as its low end alone)
        ("Phải quy hoạch cho dân số 15-30 triệu người sinh sống.", "15-30 triệu người", 15, 30, "people", 10**6),
        ("Nhóm tượng đài (cao 5-8 m).", "5-8 m", 5, 8, "m", None),
        ("Đề xuất thu 25.000-30.000 đồng cho một giờ đậu xe.", "25.000-30.000 đồng", 25000, 30000, "VND", None),
        # 09, then hand-written: a unit on both ends, joined by a dash
        ("Tăng trưởng GRDP bình quân hàng năm từ 8% -8,5% (tính theo GDP).", "8% -8,5%", 8, 8.5, "%", None),
        ("Phấn đấu tăng trưởng 8% - 10% mỗi năm.", "8% - 10%", 8, 10, "%", None),
        ("Thu nhập đạt 86 triệu đồng – 88 triệu đồng.", "86 triệu đồng – 88 triệu đồng", 86, 88, "VND", 10**6),
    ],
)
def test_every_range_form_is_one_figure_with_both_ends(
    text: str, written: str, low: float, high: float, unit: str, scale: int | None
) -> None:
    figs = [f for f in build_ledger(text).figures if f.is_indicator_kind]
    assert [(f.text, f.value, f.high, f.unit, f.scale) for f in figs] == [(written, low, high, unit, scale)]


def test_a_dash_with_no_unit_after_it_is_not_a_range() -> None:
    """'12-3' after 'ngày' is a date, and a bare '3-4' with nothing after it is its first number."""
    figs = build_ledger("Ngày 12-3, họp. Xếp hạng 3-4.").figures
    assert [(f.text, f.kind, f.high) for f in figs] == [
        ("12-3", FigureKind.DATE, None),
        ("3-4", FigureKind.COUNT, None),
    ]


def test_a_number_after_a_word_that_opens_its_sentence_is_still_a_count() -> None:
    """Hand-written: a capital that only opens a sentence is not a name, and a count written before its noun
    after a name ('Hà Nội có 30 quận') is a count."""
    figs = build_ledger("Xong. Có 5 xã đạt chuẩn. Hà Nội có 30 quận.").figures
    assert [(f.text, f.kind) for f in figs] == [("5 xã", FigureKind.COUNT), ("30 quận", FigureKind.COUNT)]


def test_two_figures_a_dash_apart_are_a_range_only_when_they_rise_on_one_unit() -> None:
    """Hand-written: a fall ('9% - 8%'), two units, and a dash that starts a new line are not ranges."""
    figs = build_ledger("Năm nay 9% - 8% năm trước; đạt 5 tỷ đồng - 7%.\n- 10% hộ dân.").figures
    assert [(f.text, f.high) for f in figs if f.is_indicator_kind] == [
        ("9%", None),
        ("8%", None),
        ("5 tỷ đồng", None),
        ("7%", None),
        ("10%", None),
    ]


def test_from_then_to_a_new_level_is_not_a_range() -> None:
    """'từ 41% năm 2015 lên 45% năm 2016' is a change between two levels, and years are not range ends."""
    figs = build_ledger("Tỷ lệ giảm từ 41% năm 2015 lên 45% năm 2016; từ năm 2016 đến 2020 có 45 dự án.").figures
    assert [(f.text, f.high) for f in figs if f.is_indicator_kind] == [("41%", None), ("45%", None), ("45 dự án", None)]

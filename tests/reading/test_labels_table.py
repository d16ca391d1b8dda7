"""The label and grouping words (data/labels.tsv): every row does in reading/labels.py or reading/groups.py what
its kind says (a case per row)."""

from __future__ import annotations

import re

import pytest

from summarizer.reading.groups import group_figures
from summarizer.reading.labels import PER_CAPITA, count_qualifier, qualify, ratio_qualifier
from summarizer.reading.ledger import build_ledger
from summarizer.reading.ledger_types import Figure, FigureKind
from summarizer.reading.terminology import normalize_vi
from summarizer.tables import entries, mapping, words

K = FigureKind
QUALIFIERS = entries("labels", "count_qualifier")
RATIO_QUALIFIERS = entries("labels", "ratio_qualifier")


def _fig(
    text: str, written: str, kind: FigureKind, value: float, unit: str | None = None, unit_vi: str | None = None
) -> Figure:
    """The figure written ``written`` in ``text`` (its first occurrence)."""
    start = text.index(written)
    return Figure(
        id=written,
        text=written,
        start=start,
        end=start + len(written),
        kind=kind,
        value=value,
        unit=unit,
        unit_vi=unit_vi,
    )


def test_the_table_holds_every_kind_the_code_reads() -> None:
    assert len(QUALIFIERS) == 10 and all(len(row) == 3 for row in QUALIFIERS)
    for kind in ("national", "licensed", "merged", "per_capita", "per_person", "list_separator", "range_from"):
        assert words("labels", kind), kind
    for kind in ("range_to", "whole_before", "whole_has", "part_link", "then_word", "in_which", "any_thing"):
        assert words("labels", kind), kind


@pytest.mark.parametrize(("pattern", "english", "example"), QUALIFIERS, ids=[r[2] for r in QUALIFIERS])
def test_every_count_qualifier_reads_its_example(pattern: str, english: str, example: str) -> None:
    assert re.search(pattern, normalize_vi(example)), "the row's own pattern must match its example"
    assert count_qualifier(example) == english


@pytest.mark.parametrize(("pattern", "english", "example"), RATIO_QUALIFIERS, ids=[r[2] for r in RATIO_QUALIFIERS])
def test_every_ratio_qualifier_reads_the_verb_before_its_example(pattern: str, english: str, example: str) -> None:
    """Audit: '16/19 chỉ tiêu' after 'đạt' are the targets met, not 'Targets of plan'; the ledger's label says it."""
    before = example[: re.search(r"\d", example).start()]  # type: ignore[union-attr]
    assert ratio_qualifier(before) == english
    ledger = build_ledger(f"Tin.\nNăm 2023, huyện {example} nghị quyết.")
    fig = next(f for f in ledger.figures if f.kind == K.RATIO)
    assert (fig.label or "").endswith(english)


def test_a_score_out_of_a_maximum_is_no_count_met() -> None:
    """Corpus vietnews-train-071218: 'đạt 6,75/8,0 điểm' is a score, not 6.75 of 8 things met."""
    ledger = build_ledger("Tin.\nQuy mô dân số đạt 6,75/8,0 điểm.")
    fig = next(f for f in ledger.figures if f.kind == K.RATIO)
    assert "met" not in (fig.label or "")


def test_a_count_without_a_qualifier_has_none() -> None:
    assert count_qualifier("12 hợp tác xã mới thành lập") is None


@pytest.mark.parametrize("word", words("labels", "national"))
def test_the_countrys_figure_is_national(word: str) -> None:
    fig = _fig("7%", "7%", K.PERCENT, 7, "%")
    assert qualify(fig, "growth target", "", f"mục tiêu tăng trưởng {word} là") == "national growth target"
    assert qualify(fig, "growth target", "", "mục tiêu tăng trưởng của tỉnh là") == "growth target"


@pytest.mark.parametrize("word", words("labels", "licensed"))
def test_projects_licensed(word: str) -> None:
    fig = _fig("8", "8", K.COUNT, 8, "projects")
    assert qualify(fig, "projects", "", f"{word.capitalize()} cho") == "projects licensed"
    assert qualify(fig, "projects", "", "Khởi công") == "projects"


@pytest.mark.parametrize("word", words("labels", "merged"))
def test_boards_merged(word: str) -> None:
    fig = _fig("24", "24", K.COUNT, 24, "boards")
    assert qualify(fig, "boards", f"đã {word} ", "") == "boards merged"
    assert qualify(fig, "boards", "đã thành lập ", "") == "boards"


@pytest.mark.parametrize(("word", "english"), mapping("labels", "traded").items())
def test_a_flow_of_trade_names_its_direction(word: str, english: str) -> None:
    fig = _fig("5 tỷ USD", "5 tỷ USD", K.MONEY, 5, "USD")
    assert qualify(fig, "value", "", f"giá trị {word} hàng điện tử") == f"value {english}"
    assert qualify(fig, "value", "", f"Giá trị {word.upper()}") == f"value {english}"


@pytest.mark.parametrize("word", words("labels", "per_capita"))
def test_per_capita_phrases(word: str) -> None:
    found = PER_CAPITA.search(f"GRDP {word.upper()} đạt")
    assert found is not None and found.group() == word.upper()


@pytest.mark.parametrize("word", words("labels", "per_person"))
def test_a_person_unit_after_a_slash_is_per_capita(word: str) -> None:
    found = PER_CAPITA.search(f" / {word}/năm")
    assert found is not None and found.group() == f" / {word}"
    assert PER_CAPITA.search(f" / {word}ha") is None


@pytest.mark.parametrize("sep", words("labels", "list_separator"))
def test_a_list_shares_its_last_items_unit(sep: str) -> None:
    text = f"91{sep} 82%"
    figures = group_figures(text, [_fig(text, "91", K.COUNT, 91), _fig(text, "82%", K.PERCENT, 82, "%")])
    assert [(f.kind, f.unit) for f in figures] == [(K.PERCENT, "%"), (K.PERCENT, "%")]
    text = "91 hoặc 82%"
    figures = group_figures(text, [_fig(text, "91", K.COUNT, 91), _fig(text, "82%", K.PERCENT, 82, "%")])
    assert [(f.kind, f.unit) for f in figures] == [(K.COUNT, None), (K.PERCENT, "%")]


@pytest.mark.parametrize(
    ("low", "high"), [(low, high) for low in words("labels", "range_from") for high in words("labels", "range_to")]
)
def test_a_range_from_low_to_high(low: str, high: str) -> None:
    text = f"tăng {low} 11 {high} 12%"
    figures = group_figures(text, [_fig(text, "11", K.COUNT, 11), _fig(text, "12%", K.PERCENT, 12, "%")])
    assert [(f.text, f.value, f.high) for f in figures] == [(f"11 {high} 12%", 11, 12)]
    text = f"tăng 11 {high} 12%"
    assert len(group_figures(text, [_fig(text, "11", K.COUNT, 11), _fig(text, "12%", K.PERCENT, 12, "%")])) == 2


def _ratio(text: str, whole: str, part: str) -> tuple[FigureKind, float | None, str | None]:
    figures = [
        _fig(text, whole, K.COUNT, float(whole.split()[0]), "targets", " ".join(whole.split()[1:])),
        _fig(text, part, K.COUNT, float(part.split()[0]), None, " ".join(part.split()[1:])),
    ]
    got = group_figures(text, figures)[1]
    return got.kind, got.denominator, got.unit


@pytest.mark.parametrize("word", words("labels", "whole_before"))
def test_a_whole_before_its_part(word: str) -> None:
    assert _ratio(f"{word} 28 chỉ tiêu, có 18 chỉ tiêu đạt", "28 chỉ tiêu", "18 chỉ tiêu")[:2] == (K.RATIO, 28)
    assert _ratio("Với 28 chỉ tiêu, có 18 chỉ tiêu đạt", "28 chỉ tiêu", "18 chỉ tiêu")[:2] == (K.COUNT, None)


@pytest.mark.parametrize("word", words("labels", "part_link"))
def test_a_part_linked_to_its_whole(word: str) -> None:
    assert _ratio(f"Trong tổng số 28 chỉ tiêu, {word} 18 chỉ tiêu đạt", "28 chỉ tiêu", "18 chỉ tiêu")[:2] == (
        K.RATIO,
        28,
    )
    assert _ratio("Trong tổng số 28 chỉ tiêu, với 18 chỉ tiêu đạt", "28 chỉ tiêu", "18 chỉ tiêu")[:2] == (K.COUNT, None)


@pytest.mark.parametrize("has", words("labels", "whole_has"))
@pytest.mark.parametrize("then", words("labels", "then_word"))
@pytest.mark.parametrize("thing", words("labels", "any_thing"))
def test_a_whole_one_has_and_its_things(has: str, then: str, thing: str) -> None:
    text = f"{has} 7 quy hoạch {then} 6 {thing} đã xong"
    assert _ratio(text, "7 quy hoạch", f"6 {thing}") == (K.RATIO, 7, "targets")
    text = f"{has} 7 quy hoạch, trong đó 6 {thing} đã xong"
    assert _ratio(text, "7 quy hoạch", f"6 {thing}") == (K.COUNT, None, None)
    text = f"Trong tổng số 7 quy hoạch {then} 6 dự án đã xong"
    assert _ratio(text, "7 quy hoạch", "6 dự án") == (K.COUNT, None, None)


@pytest.mark.parametrize("word", words("labels", "in_which"))
def test_what_follows_in_which_is_a_part(word: str) -> None:
    text = f"Tổng thu 100 tỷ đồng, {word.capitalize()} thu nội địa 60 tỷ đồng"
    whole, part = _fig(text, "100 tỷ đồng", K.MONEY, 100, "VND"), _fig(text, "60 tỷ đồng", K.MONEY, 60, "VND")
    assert group_figures(text, [whole, part])[1].part_of == 100
    text = "Tổng thu 100 tỷ đồng, và thu nội địa 60 tỷ đồng"
    whole, part = _fig(text, "100 tỷ đồng", K.MONEY, 100, "VND"), _fig(text, "60 tỷ đồng", K.MONEY, 60, "VND")
    assert group_figures(text, [whole, part])[1].part_of is None


@pytest.mark.parametrize(
    "after",
    ["người đạt số phiếu tín nhiệm trên 50%.", "doanh nghiệp với tổng vốn đăng ký đạt trên 95.000 tỷ đồng"],
)
def test_reaching_an_amount_is_not_meeting_a_standard(after: str) -> None:
    """Stop 43: '176/177 người đạt số phiếu tín nhiệm trên 50%' was named 'People met' (eval/dev)."""
    assert count_qualifier(after) is None

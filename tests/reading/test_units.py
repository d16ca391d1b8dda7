"""The words after a number: every counted noun is read as the unit of a count, and says what the glossary
says of the same word."""

from __future__ import annotations

import pytest

from summarizer.reading.figures import FigureKind
from summarizer.reading.glossary import load_glossary
from summarizer.reading.ledger import build_ledger
from summarizer.reading.units import COUNT_UNITS, QUANTITY_UNITS


@pytest.mark.parametrize(("vi", "english"), sorted(COUNT_UNITS.items()))
def test_every_counted_noun_is_the_unit_of_a_count(vi: str, english: str) -> None:
    figures = [f for f in build_ledger(f"Trong kỳ, thành phố có thêm 37 {vi} theo báo cáo.").figures if f.value == 37]
    assert len(figures) == 1
    assert (figures[0].kind, figures[0].unit) == (FigureKind.COUNT, english)


@pytest.mark.parametrize(("vi", "english"), sorted(QUANTITY_UNITS.items()))
def test_every_quantity_unit_is_read(vi: str, english: str) -> None:
    figures = [f for f in build_ledger(f"Trong kỳ, thành phố có thêm 37 {vi} theo báo cáo.").figures if f.value == 37]
    assert len(figures) == 1
    assert (figures[0].kind, figures[0].unit) == (FigureKind.QUANTITY, english)


def test_a_counted_noun_the_glossary_knows_is_translated_the_same_way() -> None:
    glossary = load_glossary()
    disagree = {
        vi: (english, glossary[vi][0])
        for vi, english in COUNT_UNITS.items()
        if vi in glossary and glossary[vi][1] == "noun" and glossary[vi][0] != english
    }
    assert disagree == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 41: a word before a scale
        ("Mức hỗ trợ tối đa là một tỷ đồng cho mỗi người.", [("một tỷ đồng", 1.0, 10**9, "VND")]),
        # 53: words before a counted noun, one at the start of a sentence
        (
            "Tám dự án trọng điểm, trong đó có bảy dự án liên quan đến giao thông.",
            [("Tám dự án", 8.0, None, "projects"), ("bảy dự án", 7.0, None, "projects")],
        ),
        ("Năm tỷ đồng được chi cho ba xã.", [("Năm tỷ đồng", 5.0, 10**9, "VND"), ("ba xã", 3.0, None, "communes")]),
        # 'một' before a noun is 'a', 'năm' before a noun may be 'the year'; neither before anything else counts
        ("Có một dự án mới. Trong năm hộ nghèo giảm mạnh. Hai bên thống nhất.", []),
    ],
)
def test_a_number_written_as_a_word_is_read_before_a_scale_or_a_counted_noun(
    text: str, expected: list[tuple[str, float, int | None, str]]
) -> None:
    got = [(f.text, f.value, f.scale, f.unit) for f in build_ledger(text).figures if f.is_indicator_kind]
    assert got == expected

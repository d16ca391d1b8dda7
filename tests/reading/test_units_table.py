"""The units table (data/units.tsv) and the number contexts (data/number_contexts.tsv): every row does in the
figure reader what its kind says, on a sentence made for it (a case per row), and, for a context word, the same
sentence without it reads otherwise."""

from __future__ import annotations

import pytest

from summarizer.checking.grounding import clean_name
from summarizer.reading.english_numbers import parse_english_numbers
from summarizer.reading.figures import Figure
from summarizer.reading.ledger import build_ledger
from summarizer.reading.units import (
    COUNT_UNITS,
    CURRENCIES,
    DOC_TYPES,
    DURATION_WORDS,
    NUMBER_WORDS,
    QUANTITY_UNITS,
    SCALE_NAMES_EN,
    SCALE_WORDS,
)
from summarizer.tables import entries, rows


def _figures(text: str, starting: str) -> list[Figure]:
    return [f for f in build_ledger(text).figures if f.text.startswith(starting)]


def _one(text: str, starting: str) -> Figure:
    found = _figures(text, starting)
    assert len(found) == 1, [(f.text, f.kind.value) for f in found]
    return found[0]


def test_the_tables_hold_every_kind_the_code_reads() -> None:
    kinds = {row[0] for row in rows("units")}
    assert kinds == {
        "scale", "currency", "count", "quantity", "percent", "duration", "document", "number", "in_english",
    }  # fmt: skip
    assert (len(SCALE_WORDS), len(CURRENCIES), len(COUNT_UNITS), len(QUANTITY_UNITS)) == (10, 9, 117, 17)
    assert DURATION_WORDS == ("năm", "tháng", "ngày", "tuần", "giờ", "quý")
    assert DOC_TYPES.startswith("chỉ thị|nghị quyết|") and DOC_TYPES.count("|") == 15
    assert list(NUMBER_WORDS.values()) == list(range(1, 11))
    assert list(SCALE_NAMES_EN) == sorted(SCALE_NAMES_EN)
    context_kinds = {row[0] for row in rows("number_contexts")}
    assert context_kinds == {
        "map_scale", "slash_date", "slash_achieved", "dash_date", "road", "ordinal", "not_ordinal", "year", "date",
        "date_after", "doc_number",
    }  # fmt: skip


@pytest.mark.parametrize(("word", "value", "english"), entries("units", "scale"))
def test_every_scale_word_scales_the_number_before_it(word: str, value: str, english: str) -> None:
    fig = _one(f"Thu ngân sách đạt 37 {word} đồng trong kỳ.", "37")
    assert (fig.kind.value, fig.value, fig.scale, fig.unit) == ("money", 37, int(value), "VND")
    assert SCALE_NAMES_EN[int(value)] == english


@pytest.mark.parametrize(("word", "code"), entries("units", "currency"))
def test_every_currency_makes_money(word: str, code: str) -> None:
    fig = _one(f"Thu ngân sách đạt 37 {word} trong kỳ.", "37")
    assert (fig.kind.value, fig.unit, fig.unit_vi) == ("money", code, word)


@pytest.mark.parametrize(("noun", "english"), entries("units", "count"))
def test_every_counted_noun_is_the_unit_of_a_count(noun: str, english: str) -> None:
    fig = _one(f"Trong kỳ, thành phố có thêm 37 {noun} theo báo cáo.", "37")
    assert (fig.kind.value, fig.unit, fig.unit_vi) == ("count", english, noun)


@pytest.mark.parametrize(("word", "unit"), entries("units", "quantity"))
def test_every_quantity_unit_is_read(word: str, unit: str) -> None:
    fig = _one(f"Trong kỳ, thành phố có thêm 37 {word} theo báo cáo.", "37")
    assert (fig.kind.value, fig.unit, fig.unit_vi) == ("quantity", unit, word)


@pytest.mark.parametrize(("words", "unit"), entries("units", "percent"))
def test_every_percent_phrase_makes_a_percentage(words: str, unit: str) -> None:
    fig = _one(f"Tỷ lệ hộ nghèo giảm 1,5 {words} so với năm trước.", "1,5")
    assert (fig.kind.value, fig.value, fig.unit, fig.text) == ("percent", 1.5, unit, f"1,5 {words}")


@pytest.mark.parametrize(("word", "unit"), entries("units", "duration"))
def test_every_duration_word_makes_a_length_of_time(word: str, unit: str) -> None:
    fig = _one(f"Dự án kéo dài 3 {word} và đã hoàn thành.", "3")
    assert (fig.kind.value, fig.unit) == ("duration", unit)


@pytest.mark.parametrize("doc", [row[0] for row in entries("units", "document")])
def test_every_document_type_makes_the_number_after_it_a_code(doc: str) -> None:
    assert _one(f"Thực hiện {doc} 15 của Thành ủy, quận đã triển khai.", "15").kind.value == "doc_code"
    assert _one(f"Thực hiện {doc} số 15 của Thành ủy, quận đã triển khai.", "15").kind.value == "doc_code"


@pytest.mark.parametrize(("word", "value", "role"), entries("units", "number"))
def test_every_number_word_is_read_before_a_scale_and_a_counting_one_before_a_noun(
    word: str, value: str, role: str
) -> None:
    money = [f for f in build_ledger(f"Hỗ trợ {word} tỷ đồng cho các xã.").figures if f.kind.value == "money"]
    assert [(f.value, f.scale, f.unit) for f in money] == [(int(value), 10**9, "VND")]
    counts = [f for f in build_ledger(f"Thành phố có {word} dự án mới.").figures if f.unit == "projects"]
    assert [f.value for f in counts] == ([int(value)] if role == "count" else [])


@pytest.mark.parametrize(("word", "role", "value"), entries("units", "in_english"))
def test_every_vietnamese_word_left_in_english_is_read_there(word: str, role: str, value: str) -> None:
    if role == "scale":
        [n] = parse_english_numbers(f"Revenue reached 3.5 {word} last year.", words=False)
        assert (n.value, n.scale) == (3.5, int(value))
        assert clean_name(f"Revenue 3.5 {word}") == "Revenue"
        return
    [after] = parse_english_numbers(f"Revenue reached 3.5 billion {word} last year.", words=False)
    [before] = parse_english_numbers(f"Revenue reached {word} 3.5 billion last year.", words=False)
    assert after.unit == value
    assert before.unit == (value if role == "code" else None)
    if role == "word":
        assert clean_name(f"Revenue 3.5 billion {word}") == "Revenue"


# --- number contexts: (sentence with the word, the figure, the kind it makes; the kind with another word) ---

_CONTEXTS = {
    "map_scale": ("Phê duyệt {w} 1/300 khu đô thị mới.", "1/300", "map_scale", "ratio"),
    "slash_date": ("Kế hoạch {w} 15/20 được triển khai.", "15/20", "date", "ratio"),
    "slash_achieved": ("Quận {w} 5/9 trong năm nay.", "5/9", "ratio", "date"),
    "dash_date": ("Hội nghị diễn ra {w} 15-12 tại quận.", "15-12", "date", "count"),
    "road": ("Dự án mở rộng {w} 51 đoạn qua quận.", "51", "ordinal", "count"),
    "year": ("Quận có {w} 2025 hộ dân tham gia.", "2025", "year", "count"),
    "date": ("Trong {w} 9, quận đã họp.", "9", "date", "count"),
    "doc_number": ("Thực hiện quyết định {w} 15 của Thành ủy, quận đã triển khai.", "15", "doc_code", "count"),
}
_OTHER_WORD = {"doc_number": "mới"}
"""The word put in the sentence's place instead (none: the word left out)."""
_CONTEXT_ROWS = [(kind, row[0]) for kind in _CONTEXTS for row in entries("number_contexts", kind)]


@pytest.mark.parametrize(("kind", "word"), _CONTEXT_ROWS, ids=[f"{k}-{w}" for k, w in _CONTEXT_ROWS])
def test_every_context_word_decides_the_kind_of_the_number(kind: str, word: str) -> None:
    sentence, figure, with_word, without = _CONTEXTS[kind]
    assert _one(sentence.format(w=word), figure).kind.value == with_word
    assert _one(" ".join(sentence.format(w=_OTHER_WORD.get(kind, "")).split()), figure).kind.value == without


@pytest.mark.parametrize(("word", "role"), entries("number_contexts", "ordinal"))
def test_every_ordinal_word_makes_an_ordinal(word: str, role: str) -> None:
    assert _one(f"Kỳ họp {word} 12 diễn ra tại quận.", "12").kind.value == "ordinal"
    assert _one("Kỳ họp 12 diễn ra tại quận.", "12").kind.value == "count"
    scaled = _one(f"Chi {word} 12 tỷ đồng cho xã.", "12").kind.value
    assert scaled == ("ordinal" if role == "always" else "money")


@pytest.mark.parametrize("words", [row[0] for row in entries("number_contexts", "not_ordinal")])
def test_a_longer_word_ending_in_an_ordinal_word_is_no_ordinal(words: str) -> None:
    assert _one(f"Quận có {words} 12 trong kỳ.", "12").kind.value == "count"
    assert _one(f"Quận có {words.split()[-1]} 12 trong kỳ.", "12").kind.value == "ordinal"


@pytest.mark.parametrize("word", [row[0] for row in entries("number_contexts", "date_after")])
def test_a_duration_word_followed_by_a_year_is_no_duration(word: str) -> None:
    assert _one(f"Có 5 {word} được ghi nhận.", "5").kind.value == "duration"
    assert _one(f"Có 5 {word} 2020 được ghi nhận.", "5").kind.value == "count"

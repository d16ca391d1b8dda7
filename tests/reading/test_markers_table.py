"""The markers table (data/markers.tsv): every row does what its kind says where it is read (placing gold
figures, choosing task sentences, writing table rows as sentences, dropping page numbers), a case per row."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from summarizer.asking.prompts import load_prompt
from summarizer.asking.requests import prepare
from summarizer.documents.formats import table_sentences
from summarizer.evaluation.dataset import Gold
from summarizer.reading.reports import Report, read_report
from summarizer.tables import entries, rows, words
from summarizer.testing.renderers import find_font, to_pdf


def test_the_table_holds_every_kind_the_code_reads() -> None:
    assert {row[0] for row in rows("markers")} == {
        "gold_target", "gold_change", "gold_not_level", "task", "table_change", "table_comparison", "page_word",
        "page_of",
    }  # fmt: skip


def _gold_start(text: str, source: str, basis: str) -> int:
    """Where the gold figure ``source`` is placed in ``text`` (each text opens with a sentence without figures:
    the words before a figure are read back to the last sentence end)."""
    key: dict[str, Any] = {"what": "x", "source": source, "value": 5, "basis": basis, "label": {"all": []}}
    gold = Gold.from_json({"report": "r", "key_numbers": [key]}, text)
    return gold.indicators[0].span[0]


@pytest.mark.parametrize("word", words("markers", "gold_target"))
def test_a_gold_target_is_placed_after_its_target_word(word: str) -> None:
    text = f"Báo cáo quý. Doanh thu của quận đạt 5%. Doanh thu {word} đạt 5%."
    assert _gold_start(text, "5%", "target") == text.rindex("5%")


@pytest.mark.parametrize("word", words("markers", "gold_change"))
def test_a_gold_change_is_placed_after_its_change_word(word: str) -> None:
    text = f"Báo cáo quý. Doanh thu của quận đạt 5%. Doanh thu {word} 5%."
    assert _gold_start(text, "5%", "growth vs same period") == text.rindex("5%")


@pytest.mark.parametrize("word", words("markers", "gold_not_level"))
def test_a_gold_level_is_not_placed_after_a_change_or_target_word(word: str) -> None:
    text = f"Báo cáo quý. Doanh thu {word} 5%. Doanh thu của quận đạt 5%."
    assert _gold_start(text, "5%", "level") == text.rindex("5%")


@pytest.mark.parametrize("pattern", words("markers", "task"))
def test_a_sentence_with_a_task_word_is_sent_with_the_figures(pattern: str) -> None:
    task = f"Các phòng ban {pattern.replace(chr(92) + 's', ' ')} thực hiện công việc đã nêu."
    other = "Các phòng ban đã họp về công việc đã nêu."
    assert re.search(pattern, task)
    text = f"Thu ngân sách ước đạt 2.511 tỷ đồng, bằng 89% kế hoạch năm.\n{task}\n{other}"
    request = prepare(Report(name="r", text=text), load_prompt("select@v1")).messages[1]["content"]
    assert " ".join(task.split()) in request
    assert other not in request


@pytest.mark.parametrize("word", words("markers", "table_change"))
def test_a_column_that_opens_with_a_change_puts_the_change_before_the_value(word: str) -> None:
    rows_ = [["Chỉ tiêu", f"{word.capitalize()} so với cùng kỳ (%)"], ["Thu ngân sách", "12,5"]]
    assert table_sentences(rows_) == [f"Thu ngân sách {word} 12,5% so với cùng kỳ."]


@pytest.mark.parametrize("word", words("markers", "table_comparison"))
def test_a_column_that_compares_puts_the_value_before_the_comparison(word: str) -> None:
    rows_ = [["Chỉ tiêu", f"So {word} dự toán (%)"], ["Thu ngân sách", "12,5"]]
    assert table_sentences(rows_) == [f"Thu ngân sách bằng 12,5% so {word} dự toán."]


@pytest.mark.parametrize(("word", "english"), entries("markers", "page_word"))
def test_a_page_number_line_is_left_out_of_a_pdf(word: str, english: str, tmp_path: Path) -> None:
    (of_vi, of_en), *_ = entries("markers", "page_of")
    font = find_font()
    assert font is not None, "no TrueType font with Vietnamese letters: apt-get install fonts-dejavu-core"
    body = "Thu ngân sách ước đạt 2.511 tỷ đồng, bằng 89% kế hoạch năm."
    for number in (f"{word.capitalize()} 3 {of_vi} 12", f"{english.capitalize()} 3 {of_en} 12"):
        pdf = tmp_path / "page.pdf"
        pdf.write_bytes(to_pdf(f"{number}\n{body}\nQuận tiếp tục thực hiện các nhiệm vụ.", font))
        text = read_report(pdf).text
        assert body in text and "12" not in text.replace(body, ""), text

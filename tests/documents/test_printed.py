"""A news page printed to PDF by a browser: the article only (documents/printed.py), an ordinary PDF untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from summarizer.documents.printed import drop_page_furniture, is_printed_page
from summarizer.reading.ledger import build_ledger
from summarizer.reading.reports import read_report
from summarizer.testing.renderers import find_font, paragraphs, print_to_pdf, to_news_page, to_pdf

REPORTS = Path(__file__).resolve().parents[2] / "eval" / "reports"
chromium = pytest.mark.skipif(
    shutil.which("chromium") is None, reason="Debian's chromium is not installed (.ci/run installs it)"
)


def _lines(*pages: list[str]) -> list[list[dict[str, object]]]:
    return [[{"text": t} for t in page] for page in pages]


def _figures(text: str) -> list[tuple[object, ...]]:
    return sorted((f.kind.value, f.value, f.unit) for f in build_ledger(text).figures if f.is_indicator_kind)


def test_an_ordinary_pdf_is_not_a_printed_page() -> None:
    pages = _lines(["Tin liên quan", "Thu ngân sách đạt 500 tỷ đồng.", "© 2024"])
    assert not is_printed_page(pages)
    assert drop_page_furniture(pages) == (pages, [])


def test_a_printed_page_keeps_the_article_and_says_what_it_left_out() -> None:
    pages = _lines(
        [
            "12/7/26, 1:11 AM Thu ngân sách - Báo",
            "Trang chủ | Thời sự | Kinh tế | Xã hội",
            "Thu ngân sách đạt 500 tỷ đồng.",
        ],
        [
            "Tin liên quan",
            "Quận X thu 900 tỷ đồng",
            "Bình luận (1)",
            "Bạn đọc: 70% người dân đồng ý",
            "file:///a.html 2/2",
        ],
    )
    kept, notes = drop_page_furniture(pages)
    assert [ln["text"] for page in kept for ln in page] == ["Thu ngân sách đạt 500 tỷ đồng."]
    assert notes == [
        "browser header and footer: 2 lines",
        "site menu: 1 line",
        "linked headlines ('Tin liên quan'): 2 lines",
        "reader comments ('Bình luận (1)'): 2 lines",
    ]


@chromium
def test_a_news_page_printed_by_chromium_gives_the_figures_of_its_article_alone(tmp_path: Path) -> None:
    text = (REPORTS / "bac-tu-liem-2023-12-15.txt").read_text(encoding="utf-8")
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(print_to_pdf(to_news_page(text)))
    report = read_report(pdf)
    assert _figures(report.text) == _figures(text)
    for planted in ("555.444", "88,8", "123.321", "4.567", "250%", "74,5", "6,12%"):
        assert planted not in report.text
    assert report.document is not None and len(report.document.left_out) == 5


@chromium
def test_a_plain_article_printed_by_chromium_loses_no_paragraph(tmp_path: Path) -> None:
    text = (REPORTS / "tay-ho-2024-10-12.txt").read_text(encoding="utf-8")
    body = "".join(f"<p>{p}</p>" for p in paragraphs(text))
    pdf = tmp_path / "plain.pdf"
    pdf.write_bytes(print_to_pdf(f"<!doctype html><meta charset='utf-8'><body>{body}</body>"))
    got = "".join(read_report(pdf).text.split())  # a long address wraps at no space: compare without spaces
    assert all("".join(p.split()) in got for p in paragraphs(text))


def test_an_ordinary_report_pdf_loses_no_paragraph(tmp_path: Path) -> None:
    font = find_font()
    assert font is not None, "apt-get install fonts-dejavu-core (.ci/run does)"
    text = (REPORTS / "bac-tu-liem-2023-12-15.txt").read_text(encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(to_pdf(text, font))
    report = read_report(pdf)
    got = " ".join(report.text.split())
    assert all(" ".join(p.split()) in got for p in paragraphs(text))
    assert report.document is not None and report.document.left_out == []

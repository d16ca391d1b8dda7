"""Smoke test of an install: every module each extra brings imports, and one document of each format is read.

A green run once hid a missing package (jusText imports ``lxml.html.clean``, which lxml 5.2+ no longer ships): this
test fails on such an install by name, before any other test. ``.ci/run`` runs it first.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from summarizer.reading.ledger import build_ledger
from summarizer.reading.reports import read_report
from summarizer.testing.renderers import find_font, to_docx, to_html, to_pdf

EXTRAS = {
    "documents": ["pdfplumber", "pdfminer", "docx", "trafilatura", "justext", "lxml.html.clean", "lxml_html_clean"],
    "local": ["llama_cpp", "llama_cpp.server"],
    "ray": ["ray"],
    "parquet": ["pyarrow", "pyarrow.parquet"],
    "ocr": ["pytesseract", "PIL", "pypdfium2"],
    "dev": ["pytest", "mypy", "ruff", "selenium", "importlinter", "reportlab"],
}

TEXT = "Thu ngân sách Nhà nước ước đạt 3.594 tỷ đồng, bằng 103% dự toán.\n\nTỷ lệ hộ nghèo giảm còn 1,2%."


@pytest.mark.parametrize(("extra", "module"), [(e, m) for e, mods in EXTRAS.items() for m in mods])
def test_every_module_of_each_extra_imports(extra: str, module: str) -> None:
    importlib.import_module(module)


@pytest.mark.parametrize("suffix", [".txt", ".html", ".pdf", ".docx"])
def test_one_document_of_each_format_is_read_to_the_same_figures(tmp_path: Path, suffix: str) -> None:
    font = find_font()
    if suffix == ".pdf" and font is None:
        pytest.fail("no TrueType font with Vietnamese letters: apt-get install fonts-dejavu-core (.ci/run does)")
    doc = tmp_path / f"report{suffix}"
    if suffix == ".txt":
        doc.write_text(TEXT, encoding="utf-8")
    elif suffix == ".html":
        doc.write_text(to_html(TEXT), encoding="utf-8")
    elif suffix == ".pdf":
        assert font is not None
        doc.write_bytes(to_pdf(TEXT, font))
    else:
        doc.write_bytes(to_docx(TEXT))
    values = sorted(f.value for f in build_ledger(read_report(doc).text).figures if f.is_indicator_kind)
    assert values == [1.2, 103.0, 3594.0]

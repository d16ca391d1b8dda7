"""Documents in: every evaluation report rendered with real tools to PDF, Word, a saved web page and the legacy
encodings gives the ledger of its ``.txt``; tables become figures; bad files get one line; batch and review."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from summarizer.documents.formats import sniff, table_sentences
from summarizer.documents.ocr import pdf_images
from summarizer.errors import InputError
from summarizer.reading.ledger import build_ledger
from summarizer.reading.reports import read_report
from summarizer.testing.fakeserver import FakeOpenAI
from summarizer.testing.renderers import (
    FORMATS,
    find_font,
    ledger_signature,
    print_to_pdf,
    to_docx,
    to_html,
    to_legacy_bytes,
    to_news_page,
    to_pdf,
    to_scanned_pdf,
)

ALL_REPORTS = sorted((Path(__file__).resolve().parents[2] / "eval" / "reports").glob("*.txt"))


@pytest.fixture(scope="module")
def font() -> Path:
    found = find_font()
    if found is None:
        pytest.fail("no TrueType font with Vietnamese letters: apt-get install fonts-dejavu-core (.ci/run does)")
    return found


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_report_in_every_format_gives_the_ledger_of_its_text(fmt: str, font: Path, tmp_path: Path) -> None:
    suffix, make = FORMATS[fmt]
    differ = []
    for path in ALL_REPORTS:
        text = read_report(path).text
        doc = tmp_path / f"{path.stem}{suffix}"
        doc.write_bytes(make(text, font))
        report = read_report(doc)
        assert report.document is not None and report.document.file_name == doc.name
        if ledger_signature(report.text) != ledger_signature(text):
            differ.append(path.stem)
    assert len(ALL_REPORTS) == 42
    assert differ == [], f"{fmt}: {len(differ)} of {len(ALL_REPORTS)} ledgers differ"


def test_pdf_keeps_pages_and_provenance(font: Path, tmp_path: Path) -> None:
    path = next(p for p in ALL_REPORTS if p.stem.startswith("33_"))  # the longest report: several pages
    text = read_report(path).text
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(to_pdf(text, font))
    report = read_report(pdf)
    doc = report.document
    assert doc is not None and doc.media_type == "application/pdf" and doc.extractor.startswith("pdfplumber ")
    assert len(doc.pages) >= 3 and doc.pages[0] == 0 and doc.pages == sorted(doc.pages)
    last = build_ledger(report.text).figures[-1]
    assert doc.page_of(last.start) == len(doc.pages)
    assert doc.page_of(0) == 1
    import hashlib

    assert doc.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()


TABLE_HEADER = ["Chỉ tiêu", "9 tháng năm 2024 (tỷ đồng)", "So với kế hoạch (%)", "So với cùng kỳ (%)"]


def _tay_ho_table(tay_ho: str) -> list[list[str]]:
    """A table of the Tây Hồ report's own budget figures (values as the report writes them)."""
    ledger = build_ledger(tay_ho)
    money = next(f for f in ledger.figures if f.text == "2.511 tỷ đồng")
    shares = [f for f in ledger.figures if f.sentence_index == money.sentence_index and f.unit == "%"]
    cells = [money.text.split()[0]] + [f.text.rstrip("%") for f in shares]
    return [TABLE_HEADER, ["Thu ngân sách", *cells]]


@pytest.mark.parametrize("fmt", ["docx", "html", "pdf"])
def test_a_table_row_becomes_figures_named_by_its_row_and_columns(
    fmt: str, tay_ho: str, font: Path, tmp_path: Path
) -> None:
    table = _tay_ho_table(tay_ho)
    path = tmp_path / f"with-table.{fmt}"
    makers = {
        "docx": lambda: to_docx(tay_ho, table=table),
        "html": lambda: to_html(tay_ho, table=table).encode(),
        "pdf": lambda: to_pdf(tay_ho, font, table=table),
    }
    path.write_bytes(makers[fmt]())
    report = read_report(path)
    assert report.document is not None and [t.rows for t in report.document.tables] == [table]
    span = report.document.tables[0]
    row = [f for f in build_ledger(report.text).candidates() if span.start <= f.start < span.end]
    got = [(f.text, f.subject, f.period, f.basis) for f in row]
    assert got == [
        ("2.511 tỷ đồng", "thu ngân sách", "first 9 months of 2024", None),
        ("89%", "thu ngân sách", "first 9 months of 2024", "of plan"),
        ("142%", "thu ngân sách", "first 9 months of 2024", "vs same period last year"),
    ]
    outside = [f for f in build_ledger(report.text).figures if not span.start <= f.start < span.end]
    assert [f.text for f in outside] == [f.text for f in build_ledger(tay_ho).figures]


def test_table_sentences_put_units_and_headers_where_a_report_writes_them() -> None:
    rows = [
        ["Chỉ tiêu", "Năm 2023", "Tăng so với cùng kỳ (%)", "Ghi chú"],
        ["Giá trị sản xuất công nghiệp (tỷ đồng)", "63.275", "12,86", "ước"],
        ["Số lao động được giải quyết việc làm (người)", "6.100", "", ""],
        ["Phần ghi chú không có số", "", "", "đang cập nhật"],
    ]
    assert table_sentences(rows) == [
        "Giá trị sản xuất công nghiệp năm 2023 63.275 tỷ đồng, tăng 12,86% so với cùng kỳ, ghi chú ước.",
        "Số lao động được giải quyết việc làm năm 2023 6.100 người.",
        "Phần ghi chú không có số ghi chú đang cập nhật.",
    ]


def test_web_page_chrome_is_left_out_and_title_and_date_kept(tay_ho: str, tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(to_html(tay_ho))
    report = read_report(path)
    for chrome in ("Chuyên mục", "Tin liên quan", "Bình luận", "Giấy phép", "Bạn đọc"):
        assert chrome not in report.text
    assert report.document is not None
    assert report.document.title is not None and report.document.title.startswith("Tây Hồ phấn đấu")
    assert report.document.date == "2024-10-05"
    assert report.text.startswith("Tây Hồ phấn đấu")


def _corrupt_docx(text: str) -> bytes:
    data = to_docx(text)
    return data[: len(data) // 2]


def _docx_bad_xml(text: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(to_docx(text))) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, b"<w:document><oops" if item.filename == "word/document.xml" else data)
    return buf.getvalue()


BAD_DOCUMENTS: dict[str, tuple[Callable[[str, Path], bytes], str]] = {
    "locked.pdf": (lambda text, font: to_pdf(text, font, password="secret"), "is an encrypted PDF"),
    "scanned.pdf": (lambda text, font: to_scanned_pdf(), "is a scanned PDF: the scan is too poor to read"),
    "cut.docx": (lambda text, font: _corrupt_docx(text), "is damaged"),
    "bad-xml.docx": (lambda text, font: _docx_bad_xml(text), "is a damaged Word .docx"),
    "menu.html": (lambda text, font: to_html(text, with_article=False).encode(), "no article text"),
}


@pytest.mark.parametrize("name", BAD_DOCUMENTS)
def test_each_bad_document_is_one_clear_line(name: str, tay_ho: str, font: Path, tmp_path: Path) -> None:
    make, problem = BAD_DOCUMENTS[name]
    path = tmp_path / name
    path.write_bytes(make(tay_ho, font))
    with pytest.raises(InputError) as caught:
        read_report(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and problem in message and "\n" not in message


def test_format_is_chosen_by_content_not_by_name(tay_ho: str, font: Path, tmp_path: Path) -> None:
    pdf_named_txt = tmp_path / "really-a-pdf.txt"
    pdf_named_txt.write_bytes(to_pdf(tay_ho, font))
    docx_named_pdf = tmp_path / "really-a-docx.pdf"
    docx_named_pdf.write_bytes(to_docx(tay_ho))
    assert (sniff(pdf_named_txt.read_bytes()), sniff(docx_named_pdf.read_bytes())) == ("pdf", "docx")
    for path in (pdf_named_txt, docx_named_pdf):
        assert ledger_signature(read_report(path).text) == ledger_signature(tay_ho)


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


def _cli(*args: str, url: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env.update(OPENAI_API_KEY="sk-docs-test", OPENAI_BASE_URL=url)
    return subprocess.run(
        [sys.executable, "-m", "summarizer.cli", *args], capture_output=True, text=True, env=env, timeout=300
    )


def test_summarize_a_pdf_writes_the_extracted_text_and_review_works_from_it(
    fake: FakeOpenAI, tay_ho: str, font: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "tay-ho.pdf"
    pdf.write_bytes(to_pdf(tay_ho, font, table=_tay_ho_table(tay_ho)))
    out = tmp_path / "out"
    result = _cli("summarize", str(pdf), "--out", str(out), "--json", url=fake.base_url)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    source = Path(record["source_path"])
    assert source.name == "tay-ho.source.txt"
    summary = json.loads((out / "tay-ho.summary.json").read_text())
    document = summary["provenance"]["document"]
    assert document["file_name"] == "tay-ho.pdf" and document["media_type"] == "application/pdf"
    assert document["pages"][0] == 0
    text = source.read_text(encoding="utf-8")
    for ind in summary["indicators"]:
        assert text[ind["span"][0] : ind["span"][1]] == ind["source_text"]
    briefing = (out / "tay-ho.briefing.md").read_text()
    assert "extracted from tay-ho.pdf (pdfplumber" in briefing
    assert "page 1" in (out / "tay-ho.review.html").read_text()
    review = _cli(
        "review", str(out / "tay-ho.summary.json"), "--source", str(source), "--out", str(tmp_path / "r.html"),
        url=fake.base_url,
    )  # fmt: skip
    assert review.returncode == 0, review.stderr


def _png_scan(text: str, font: Path) -> bytes:
    """The first paragraphs of a report typeset, rendered at 300 dpi and saved as one PNG image (a scan)."""
    image = pdf_images(to_pdf("\n\n".join(text.split("\n\n")[:4]), font))[0]
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def test_batch_on_a_mixed_folder_gives_one_record_per_file(
    fake: FakeOpenAI, tay_ho: str, bac_tu_liem: str, font: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-text.txt").write_text(tay_ho)
    (folder / "b-pdf.pdf").write_bytes(to_pdf(bac_tu_liem, font))
    (folder / "c-word.docx").write_bytes(to_docx(tay_ho, table=_tay_ho_table(tay_ho)))
    (folder / "d-page.html").write_text(to_html(bac_tu_liem))
    (folder / "e-tcvn3.txt").write_bytes(to_legacy_bytes(tay_ho, "tcvn3"))
    (folder / "f-locked.pdf").write_bytes(to_pdf(tay_ho, font, password="x"))
    (folder / "g-scanned.pdf").write_bytes(to_scanned_pdf())
    (folder / "h-cut.docx").write_bytes(_corrupt_docx(tay_ho))
    (folder / "i-menu.html").write_text(to_html(tay_ho, with_article=False))
    (folder / "j-printed.pdf").write_bytes(print_to_pdf(to_news_page(bac_tu_liem)))
    (folder / "k-scan.png").write_bytes(_png_scan(tay_ho, font))
    (folder / "notes.md").write_text("not a report format: left alone")
    out = tmp_path / "results.jsonl"
    result = _cli("batch", str(folder), "--out", str(out), "--json", "--no-cache", url=fake.base_url)
    assert result.returncode == 1, result.stderr  # failed items
    assert "Traceback" not in result.stderr
    recs = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert sorted(recs) == [
        "a-text",
        "b-pdf",
        "c-word",
        "d-page",
        "e-tcvn3",
        "f-locked",
        "g-scanned",
        "h-cut",
        "i-menu",
        "j-printed",
        "k-scan",
    ]
    ok = {k for k, r in recs.items() if r["status"] == "ok"}
    assert ok == {"a-text", "b-pdf", "c-word", "d-page", "e-tcvn3", "j-printed", "k-scan"}
    assert recs["j-printed"]["summary"]["provenance"]["document"]["left_out"]
    assert recs["k-scan"]["summary"]["provenance"]["document"]["ocr_engine"].startswith("tesseract")
    kinds = {k: recs[k]["summary"]["provenance"]["document"]["media_type"] for k in ok}
    assert kinds["b-pdf"] == "application/pdf" and kinds["d-page"] == "text/html"
    assert recs["e-tcvn3"]["summary"]["provenance"]["document"]["encoding"] == "tcvn3"
    assert "encrypted PDF" in recs["f-locked"]["error"] and "too poor to read" in recs["g-scanned"]["error"]
    assert "damaged" in recs["h-cut"]["error"] and "no article" in recs["i-menu"]["error"]

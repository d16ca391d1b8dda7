"""Scanned PDFs and images read by OCR (documents/ocr.py): figures as in the text, doubtful digits flagged."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from summarizer.checking.assembly import build_summary
from summarizer.documents.ocr import doubt_of, pdf_images
from summarizer.errors import InputError
from summarizer.reading.ledger import build_ledger
from summarizer.reading.meeting import find_meeting_facts
from summarizer.reading.reports import read_report
from summarizer.schema import DocumentInfo, DoubtfulSpan, Draft
from summarizer.testing.renderers import find_font, to_pdf
from summarizer.testing.synthetic import blank_provenance

REPORTS = Path(__file__).resolve().parents[2] / "eval" / "reports"
tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="Debian's tesseract-ocr is not installed (.ci/run installs it)"
)


def _scan(text: str, fmt: str = "PDF") -> bytes:
    font = find_font()
    assert font is not None, "apt-get install fonts-dejavu-core (.ci/run does)"
    images = pdf_images(to_pdf(text, font))
    buf = io.BytesIO()
    images[0].save(buf, format=fmt, save_all=True, append_images=images[1:], resolution=300)
    return buf.getvalue()


def _figures(text: str) -> list[tuple[object, ...]]:
    return sorted((f.kind.value, f.value, f.unit) for f in build_ledger(text).figures if f.is_indicator_kind)


@pytest.mark.parametrize(
    ("word", "conf", "doubtful"),
    [
        ("63.275", 96.0, False),
        ("63.275", 61.0, True),  # read at low confidence
        ("l0,5%", 95.0, True),  # a digit beside a letter OCR confuses with one
        ("1O0", 95.0, True),
        ("63275", 95.0, True),  # no thousands separator: one may have been dropped
        ("2023", 95.0, False),  # a year has none
        ("ngân", 40.0, False),  # a word with no digit says nothing of a figure
    ],
)
def test_a_word_is_doubtful_when_its_digits_may_be_wrong(word: str, conf: float, doubtful: bool) -> None:
    assert (doubt_of(word, conf) is not None) == doubtful


def test_a_figure_touching_a_doubtful_word_is_never_shown_verified() -> None:
    text = "Thu ngân sách ước đạt 3.594 tỷ đồng, tăng 12% so với cùng kỳ."
    ledger = build_ledger(text)
    money = next(f for f in ledger.figures if f.text == "3.594 tỷ đồng")
    doc = DocumentInfo(
        file_name="scan.pdf",
        media_type="application/pdf",
        sha256="0" * 64,
        extractor="ocr",
        ocr_engine="tesseract 5.3.0 (vie)",
        ocr_confidence=[70.0],
        doubtful=[DoubtfulSpan(start=money.start, end=money.start + 5, why="OCR read '3.594' at 61% confidence")],
    )
    prov = blank_provenance(document=doc)
    draft = Draft.empty()
    summary = build_summary(draft, ledger, find_meeting_facts(ledger), prov, [])
    shown = {i.source_text: i for i in summary.indicators}
    assert shown["3.594 tỷ đồng"].grounding == "ungrounded" and "61%" in (shown["3.594 tỷ đồng"].grounding_note or "")
    assert shown["12%"].grounding == "grounded"


@tesseract
@pytest.mark.slow
@pytest.mark.parametrize(("fmt", "suffix"), [("PDF", ".pdf"), ("TIFF", ".tif"), ("PNG", ".png")])
def test_a_scanned_report_reads_to_the_figures_of_its_text(tmp_path: Path, fmt: str, suffix: str) -> None:
    text = (REPORTS / "bac-tu-liem-2023-12-15.txt").read_text(encoding="utf-8")
    if fmt == "PNG":
        text = "\n\n".join(text.split("\n\n")[:6])  # one page: a PNG holds one image
    scan = tmp_path / f"scan{suffix}"
    scan.write_bytes(_scan(text, fmt))
    report = read_report(scan)
    assert _figures(report.text) == _figures(text)
    doc = report.document
    assert doc is not None and doc.ocr_engine and doc.ocr_engine.startswith("tesseract") and "vie" in doc.ocr_engine
    assert doc.ocr_confidence and min(doc.ocr_confidence) > 80
    assert "OCR tesseract" in (doc.describe() or "")


@tesseract
def test_a_scan_too_poor_to_read_is_refused_with_its_reason(tmp_path: Path) -> None:
    from PIL import Image

    noise = Image.effect_noise((1200, 1600), 120).convert("RGB")
    scan = tmp_path / "noise.png"
    noise.save(scan)
    with pytest.raises(InputError, match=r"noise\.png: is a scanned image: the scan is too poor to read"):
        read_report(scan)


def test_a_unit_read_with_other_tones_after_a_number_is_doubtful() -> None:
    from summarizer.reading.scans import misread_units

    text = "giảm 130 đơn vì sự nghiệp, vốn 6.842 tý đồng; 6.842 tỷ đồng và 55 phòng, 3 người"
    spans = [(text[d.start : d.end], d.why) for d in misread_units(text)]
    assert [s for s, _ in spans] == ["130 đơn vì", "6.842 tý đồng"]
    assert "'đơn vị' has the same letters" in spans[0][1]


def test_a_dash_between_two_small_numbers_may_be_a_dates_slash() -> None:
    assert doubt_of("3-1", 96.0) is not None
    assert doubt_of("2016-2020", 96.0) is None


def test_a_doubtful_figure_nobody_can_name_is_not_verified_either() -> None:
    text = "Riêng xyzabc qwerty đạt 300 tỷ đồng."
    ledger = build_ledger(text)
    fig = next(f for f in ledger.figures if f.text == "300 tỷ đồng")
    doc = DocumentInfo(
        file_name="scan.png",
        media_type="image",
        sha256="0" * 64,
        extractor="ocr",
        doubtful=[DoubtfulSpan(start=fig.start, end=fig.start + 3, why="OCR read '300' at 55% confidence")],
    )
    summary = build_summary(Draft.empty(), ledger, find_meeting_facts(ledger), blank_provenance(document=doc), [])
    (shown,) = summary.indicators
    assert shown.name_status != "translated" and shown.grounding == "ungrounded"

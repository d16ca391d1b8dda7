"""OCR of scanned PDFs and images (PNG, JPEG, TIFF) with Tesseract's Vietnamese model, word by word with confidence.

Government documents often reach their readers as scans. A figure read from a scan may be wrong in ways a text
layer never is: a low-confidence word, a digit confused with a letter (``1``/``l``, ``0``/``O``), a separator
dropped (``63.275`` read as ``63 275`` or ``63275``). Every such word is kept as a *doubtful span*, so a figure that
touches one is flagged and never shown as verified. Needs the ``ocr`` extra (pytesseract) and Debian's
``tesseract-ocr`` and ``tesseract-ocr-vie``.
"""

from __future__ import annotations

import io
import os
import re
import statistics
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from summarizer.schema import DocumentInfo, DoubtfulSpan

__all__ = [
    "LOW_CONFIDENCE",
    "OcrError",
    "OcrPage",
    "OcrText",
    "doubt_of",
    "engine_version",
    "ocr_images",
    "pdf_images",
    "read_scan",
]

LOW_CONFIDENCE = 80.0
"""A word read below this confidence (0-100, Tesseract's) is doubtful: any figure it touches is flagged."""
MIN_MEAN_CONFIDENCE = 45.0
"""A page set read below this mean word confidence is too poor to read: a failed record with its reason."""
DPI = 300

_CONFUSABLE = re.compile(r"(?:\d[lIOoSBZ]|[lIOoSBZ]\d)")
"""A digit beside a letter OCR confuses with digits ('l0', '1O', '5S'): the digits may be wrong."""
_DATE_DASH = re.compile(r"\d{1,2}-\d{1,2}")
"""'3-1' for '3/1': a slash read as a dash turns a date into figures."""
_BARE_THOUSANDS = re.compile(r"^\d{4,}(?:[.,]\d+)?$|^\d{1,3}(?:\s\d{3})+$")
"""A number of four or more digits with no thousands separator, in text that writes them: a separator may have
been dropped ('63275' for '63.275'); the doubt is flagged, the value kept."""


class OcrError(Exception):
    """OCR cannot run here or cannot read the document; the message says which and why."""


@dataclass
class OcrPage:
    """One page as read: its text's offset in the whole, the mean word confidence, the doubtful word spans."""

    start: int
    mean_confidence: float


@dataclass
class OcrText:
    """The text read from every page, with where each page starts and which characters are doubtful."""

    text: str
    pages: list[OcrPage] = field(default_factory=list)
    doubtful: list[tuple[int, int, str]] = field(default_factory=list)
    """[start, end) of each doubtful word in ``text``, and why."""
    engine: str = ""

    @property
    def mean_confidence(self) -> float:
        return statistics.fmean(p.mean_confidence for p in self.pages) if self.pages else 0.0


def _tesseract() -> Any:
    try:
        import pytesseract
    except ImportError as e:
        raise OcrError(f"importing pytesseract failed: {e} (pip install 'summarizer[ocr]')") from None
    try:
        langs = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, OSError) as e:
        raise OcrError(f"the tesseract program is not installed ({e}); apt-get install tesseract-ocr") from None
    if "vie" not in langs:
        raise OcrError("Tesseract has no Vietnamese model; apt-get install tesseract-ocr-vie")
    return pytesseract


def engine_version() -> str:
    """'tesseract 5.3.0 (vie)': what provenance records."""
    return f"tesseract {_tesseract().get_tesseract_version()} (vie)"


def pdf_images(data: bytes, dpi: int = DPI) -> list[Any]:
    """Every page of a PDF rendered to an image at ``dpi`` (pypdfium2, which pdfplumber brings)."""
    try:
        import pypdfium2 as pdfium
    except ImportError as e:
        raise OcrError(f"importing pypdfium2 failed: {e} (pip install 'summarizer[ocr]')") from None
    pdf = pdfium.PdfDocument(data)
    try:
        return [pdf[k].render(scale=dpi / 72).to_pil() for k in range(len(pdf))]
    finally:
        pdf.close()


def image_frames(data: bytes) -> list[Any]:
    """Every frame of an image file (a TIFF may hold many pages)."""
    try:
        from PIL import Image, ImageSequence
    except ImportError as e:
        raise OcrError(f"importing PIL failed: {e} (pip install 'summarizer[ocr]')") from None
    try:
        img = Image.open(io.BytesIO(data))
        return [frame.convert("RGB") for frame in ImageSequence.Iterator(img)]
    except Exception as e:  # PIL raises many types for a damaged image
        raise OcrError(f"the image cannot be read ({type(e).__name__}: {str(e)[:80]})") from None


def ocr_images(images: list[Any], workers: int = 2) -> OcrText:
    """Read every image with Tesseract (Vietnamese), a paragraph per line, and keep each doubtful word's span; pages
    are read ``workers`` at a time, each Tesseract on one thread (on 2 cores, faster than one Tesseract on two).
    Raises ``OcrError`` when the result is too poor to read."""
    tess = _tesseract()
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")

    def read(img: Any) -> dict[str, list[Any]]:
        found: dict[str, list[Any]] = tess.image_to_data(
            img, lang="vie", config="--psm 4", output_type=tess.Output.DICT
        )
        return found

    with ThreadPoolExecutor(max(1, workers)) as pool:
        pages = list(pool.map(read, images))
    out = OcrText(text="", engine=engine_version())
    parts: list[str] = []
    pos = 0
    for data in pages:
        page_start = pos
        confidences: list[float] = []
        key = None
        previous: tuple[int, str, bool] | None = None
        for k, raw in enumerate(data["text"]):
            word = unicodedata.normalize("NFC", (raw or "").strip())  # spans must survive the reader's NFC
            conf = float(data["conf"][k])
            if not word or conf < 0:
                continue
            line = (data["block_num"][k], data["par_num"][k], data["line_num"][k])
            sep = "" if key is None else ("\n" if line[:2] != key[:2] else " ")  # a paragraph is one line
            key = line
            parts.append(sep)
            pos += len(sep)
            parts.append(word)
            confidences.append(conf)
            why = doubt_of(word, conf)
            if why:
                out.doubtful.append((pos, pos + len(word), why))
            elif previous is not None and conf < LOW_CONFIDENCE and previous[2] and sep == " ":
                # 'tý đồng', 'đơn vì': the unit after a number misread, so its scale or unit is lost
                out.doubtful.append(
                    (
                        previous[0],
                        pos + len(word),
                        f"OCR read '{word}' after '{previous[1]}' at "
                        f"{conf:.0f}% confidence: the number's unit may be misread",
                    )
                )
            previous = (pos, word, any(c.isdigit() for c in word))
            pos += len(word)
        out.pages.append(OcrPage(page_start, statistics.fmean(confidences) if confidences else 0.0))
        parts.append("\n\n")
        pos += 2
    out.text = "".join(parts).rstrip()
    if len(out.text.split()) < 5 or out.mean_confidence < MIN_MEAN_CONFIDENCE:
        raise OcrError(
            f"the scan is too poor to read (mean word confidence {out.mean_confidence:.0f}%, "
            f"{len(out.text.split())} words)"
        )
    return out


def read_scan(data: bytes, kind: str, name: str, sha: str) -> tuple[str, DocumentInfo]:
    """The text of a scanned PDF (``kind`` 'pdf') or image file, and its provenance: engine, language, each page's
    mean word confidence, the doubtful spans."""
    read = ocr_images(pdf_images(data) if kind == "pdf" else image_frames(data))
    info = DocumentInfo(
        file_name=name,
        media_type="application/pdf" if kind == "pdf" else "image",
        sha256=sha,
        extractor="ocr",
        pages=[p.start for p in read.pages],
        ocr_engine=read.engine,
        ocr_confidence=[round(p.mean_confidence, 1) for p in read.pages],
        doubtful=[DoubtfulSpan(start=a, end=b, why=why) for a, b, why in read.doubtful],
    )
    return read.text, info


def doubt_of(word: str, conf: float) -> str | None:
    """Why a word read by OCR makes a figure doubtful, or None: a low confidence, a digit beside a letter it is
    confused with, a long number with no thousands separator."""
    if not any(c.isdigit() for c in word):
        return None
    if conf < LOW_CONFIDENCE:
        return f"OCR read '{word}' at {conf:.0f}% confidence"
    if _DATE_DASH.fullmatch(word.strip(".,;:()")):
        return f"OCR read '{word}': a dash where a date's slash may have been"
    if _CONFUSABLE.search(word):
        return f"OCR read '{word}': a digit beside a letter it is confused with"
    core = word.strip(".,;:()%")
    if _BARE_THOUSANDS.match(core) and not re.fullmatch(r"(?:19|20)\d{2}", core):
        return f"OCR read '{word}' with no thousands separator: one may have been dropped"
    return None

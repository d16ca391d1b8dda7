"""Documents in: plain text, PDF, Word ``.docx``, saved web pages and legacy Vietnamese encodings, each read into
one extracted text that every span points into, with a record of where it came from (``DocumentInfo``).

The format is chosen by content, not by the file's name. Tables become sentences the figure reader already
understands (see ``table_sentences``) and are kept as tables for the review page. PDF, Word and HTML need the
``documents`` extra; plain text needs nothing.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import logging
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from summarizer.documents.legacy import detect_legacy, from_legacy
from summarizer.documents.ocr import OcrError, read_scan
from summarizer.documents.printed import drop_page_furniture
from summarizer.documents.text import decode_text, normalize_text
from summarizer.errors import InputError
from summarizer.schema import DocumentInfo, DocumentTable
from summarizer.tables import either, entries, words

__all__ = ["EXTENSIONS", "Extracted", "extract_document", "sniff", "table_sentences"]

EXTENSIONS = frozenset({".txt", ".pdf", ".docx", ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff"})
"""What a batch folder reads; other files are left alone. The content decides how each is read."""

_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_HTML = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|article|div|p|table)\b", re.IGNORECASE)


@dataclass
class Extracted:
    """The extracted text of one document and how it was made."""

    text: str
    info: DocumentInfo


def sniff(data: bytes) -> str:
    """The document's type from its first bytes: ``pdf``, ``image`` (PNG, JPEG, TIFF), ``docx``, ``doc``, ``zip``,
    ``rtf``, ``html`` or ``text``."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                return "docx" if "word/document.xml" in z.namelist() else "zip"
        except zipfile.BadZipFile:
            return "docx-corrupt"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if _HTML.search(head[:2000]):
        return "html"
    return "text"


_REFUSED = {
    "doc": "is a Word 97-2003 .doc file; save it as .docx (or PDF) and try again",
    "zip": "is a ZIP archive, not a Word .docx; unpack it and pass the report inside",
    "rtf": "is an RTF file; save it as .docx or plain text",
    "docx-corrupt": "looks like a Word .docx but is damaged (not a readable ZIP); open and re-save it in Word",
}


def extract_document(data: bytes, where: str) -> Extracted:
    """Extract the text of one document, chosen by content (plain text in any encoding ``decode_text`` reads).
    Every failure is an ``InputError`` naming ``where``."""
    kind = sniff(data)
    if kind in _REFUSED:
        raise InputError(where, _REFUSED[kind])
    sha = hashlib.sha256(data).hexdigest()
    name = Path(where).name
    if kind == "pdf":
        return _pdf(data, where, sha, name)
    if kind == "image":
        return Extracted(*_scanned(data, where, sha, name, "image"))
    if kind == "docx":
        return _docx(data, where, sha, name)
    text, encoding = decode_text(data, where)
    if kind == "html":
        return _html(text, where, sha, name, encoding)
    info = DocumentInfo(file_name=name, media_type="text/plain", sha256=sha, extractor="text", encoding=encoding)
    return Extracted(text, info)


def _version(dist: str) -> str:
    try:
        return f"{dist} {metadata.version(dist)}"
    except metadata.PackageNotFoundError:
        return dist


def _need(module: str, where: str, what: str) -> Any:
    """Import a document library; when it fails, say which module failed and why (the ImportError's own message:
    a package missing under it, such as lxml_html_clean under jusText, is not the extra missing)."""
    try:
        return __import__(module, fromlist=["_"])
    except ImportError as e:
        missing = e.name is not None and e.name.split(".")[0] == module.split(".")[0]
        hint = " (pip install 'summarizer[documents]')" if missing else ""
        raise InputError(where, f"is {what}; importing {module} failed: {e}{hint}") from None


@dataclass
class _Builder:
    """Paragraphs joined by blank lines, with page starts and table spans recorded as they are added."""

    parts: list[str] = field(default_factory=list)
    length: int = 0
    pages: list[int] = field(default_factory=list)
    tables: list[DocumentTable] = field(default_factory=list)

    def _sep(self) -> None:
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2

    def paragraph(self, text: str) -> None:
        text = normalize_text(text).strip()
        if not text:
            return
        self._sep()
        self.parts.append(text)
        self.length += len(text)

    def page(self, *, continued: bool = False) -> None:
        """A new page starts here: with the next paragraph, or inside the last one when ``continued``."""
        self.pages.append(self.length + (1 if continued else 2 if self.parts else 0))

    def extend(self, text: str) -> None:
        """Text that continues the last paragraph (across a page break)."""
        text = normalize_text(text).strip()
        if not self.parts:
            self.paragraph(text)
            return
        self.parts.append(" " + text)
        self.length += 1 + len(text)

    def table(self, rows: list[list[str]]) -> None:
        rows = [[" ".join(normalize_text(c).split()) for c in row] for row in rows if any(c.strip() for c in row)]
        sentences = table_sentences(rows)
        if not sentences:
            return
        self._sep()
        start = self.length
        body = "\n".join(sentences)
        self.parts.append(body)
        self.length += len(body)
        self.tables.append(DocumentTable(start=start, end=self.length, rows=rows))

    def text(self) -> str:
        return "".join(self.parts)


# --- tables ----------------------------------------------------------------------------------------------

_UNIT = re.compile(r"\s*\(([^()]{1,25})\)\s*$")
_NUMBER = re.compile(r"\d")
_COMPARISON = re.compile(rf"^(so\s+(?:{either(words('markers', 'table_comparison'))}))", re.IGNORECASE)
_CHANGE = re.compile(rf"^({either(words('markers', 'table_change'))})\s+(?=so\s)", re.IGNORECASE)
"""A column header that compares ('So với dự toán') or opens with a change ('Tăng so với cùng kỳ'):
``data/markers.tsv``."""
_HAS_UNIT = re.compile(r"[%‰]|[^\W\d_]")


def _split_unit(text: str) -> tuple[str, str | None]:
    m = _UNIT.search(text)
    if m is None:
        return text.strip(), None
    return text[: m.start()].strip(), _lower_first(m.group(1).strip())


def _lower_first(text: str) -> str:
    """'Năm 2023' -> 'năm 2023' in mid-sentence; an acronym ('GRDP năm 2023') keeps its capitals."""
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


def _with_unit(value: str, unit: str | None) -> str:
    if unit is None or _HAS_UNIT.search(value):
        return value
    return f"{value}{unit}" if unit in ("%", "‰") else f"{value} {unit}"


def table_sentences(rows: list[list[str]]) -> list[str]:
    """One sentence per row that holds a number, in the order a report writes it, so the figure reader gives the
    row label as subject and the column header as period or basis: a header "Ước thực hiện năm 2024" precedes the
    value, a comparison ("So với dự toán (%)") follows it after "bằng", a change ("Tăng so với cùng kỳ (%)")
    after its verb; a unit in brackets on the row or the column is written after the value. Rows without a
    number are written as they stand."""
    if len(rows) < 2 or len(rows[0]) < 2:
        return [" ".join(c for c in row if c) + "." for row in rows if any(row)]
    header = rows[0]
    out: list[str] = []
    for row in rows[1:]:
        label, row_unit = _split_unit(row[0])
        clauses: list[str] = []
        for j, cell in enumerate(row[1:], start=1):
            cell = cell.strip()
            if not cell:
                continue
            head, col_unit = _split_unit(header[j] if j < len(header) else "")
            unit = col_unit or row_unit
            if not _NUMBER.search(cell):
                clauses.append(f"{_lower_first(head)} {cell}".strip())
                continue
            value = _with_unit(cell, unit)
            head = _lower_first(head)
            change = _CHANGE.match(head)
            if change:
                clauses.append(f"{change.group(1).lower()} {value} {head[change.end() :]}")
            elif _COMPARISON.match(head):
                clauses.append(f"bằng {value} {head}")
            else:
                clauses.append(f"{head} {value}".strip())
        if not clauses:
            if label:
                out.append(label.rstrip(".:") + ".")
            continue
        first, rest = clauses[0], clauses[1:]
        out.append(" ".join(filter(None, [label, first])) + "".join(f", {c}" for c in rest) + ".")
    return out


# --- PDF -------------------------------------------------------------------------------------------------


_ENCRYPTED = "is an encrypted PDF; remove the password (e.g. qpdf --decrypt in.pdf out.pdf) and try again"


def _pdf(data: bytes, where: str, sha: str, name: str) -> Extracted:
    pdfplumber = _need("pdfplumber", where, "a PDF")
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    builder = _Builder()
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [page.extract_text_lines(layout=False, strip=True, return_chars=False) for page in pdf.pages]
            pages, left_out = drop_page_furniture(pages)  # a news page printed by a browser: the article only
            furniture, body = _running_lines(pages), _Body.of(pages)
            images, runs_on = 0, False
            for page, lines in zip(pdf.pages, pages, strict=True):
                runs_on = _pdf_page(builder, page, _without_furniture(lines, furniture, body), runs_on)
                images += len(page.images)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(where, _ENCRYPTED) from None
    except InputError:
        raise
    except Exception as e:  # pdfminer raises many types for a damaged file; pdfplumber wraps them
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in _causes(e)):
            raise InputError(where, _ENCRYPTED) from None
        raise InputError(where, f"is a PDF that cannot be read ({type(e).__name__}: {str(e)[:80]})") from None
    text = builder.text()
    if not text.strip():
        if images:
            return Extracted(*_scanned(data, where, sha, name, "pdf"))
        raise InputError(where, "is a PDF with no text")
    info = DocumentInfo(
        file_name=name,
        media_type="application/pdf",
        sha256=sha,
        extractor=_version("pdfplumber"),
        pages=builder.pages,
        tables=builder.tables,
        left_out=left_out,
    )
    return Extracted(text, info)


def _causes(error: BaseException) -> Iterator[BaseException]:
    """The error, what it wraps (as cause, context or argument), and so on down."""
    seen: set[int] = set()
    todo = [error]
    while todo:
        e = todo.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        todo += [x for x in (e.__cause__, e.__context__, *e.args) if isinstance(x, BaseException)]


_PAGE_WORD = either(word for row in entries("markers", "page_word") for word in row)
_PAGE_OF = either(word for row in entries("markers", "page_of") for word in row)
"""'Trang 3 trên 12', 'Page 3 of 12': the words in Vietnamese and in English (``data/markers.tsv``)."""
_PAGE_NUMBER = re.compile(rf"^\W*(?:{_PAGE_WORD})?\s*\d{{1,4}}(?:\s*(?:/|{_PAGE_OF})\s*\d{{1,4}})?\W*$", re.IGNORECASE)
_EDGE = 2
"""How many lines at the top and at the bottom of a page may be a running header or footer."""


def _furniture_key(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", text).lower().split())


def _running_lines(pages: list[list[dict[str, Any]]]) -> set[str]:
    """Headers and footers: a line (digits aside) in the same place, top or bottom, on every page but perhaps
    the first, and on three pages at least (on two, a report's own title may repeat; headers of shorter
    documents are found by their type and place, ``_set_apart``)."""
    counts: dict[tuple[str, str], int] = {}
    for lines in pages:
        for where, edge in (("top", lines[:_EDGE]), ("bottom", lines[-_EDGE:])):
            for key in {_furniture_key(ln["text"]) for ln in edge}:
                counts[where, key] = counts.get((where, key), 0) + 1
    return {key for (_, key), n in counts.items() if n >= max(3, len(pages) - 1)}


@dataclass(frozen=True)
class _Body:
    """The document's usual line height and gap between lines, over all its pages."""

    height: float
    gap: float

    @classmethod
    def of(cls, pages: list[list[dict[str, Any]]]) -> _Body:
        heights = sorted(ln["bottom"] - ln["top"] for lines in pages for ln in lines) or [0.0]
        gaps = sorted(b["top"] - a["bottom"] for lines in pages for a, b in itertools.pairwise(lines)) or [0.0]
        return cls(heights[len(heights) // 2], gaps[len(gaps) // 2])


def _set_apart(lines: list[dict[str, Any]], k: int, body: _Body) -> bool:
    """Line ``k`` (the first or the last of a page) is in smaller type than the body and stands well apart from
    the page's other lines: a header or footer even on a one-page document."""
    if len(lines) < 2:
        return False
    near = lines[1] if k == 0 else lines[-2]
    gap = near["top"] - lines[0]["bottom"] if k == 0 else lines[-1]["top"] - near["bottom"]
    small = lines[k]["bottom"] - lines[k]["top"] < 0.9 * body.height
    return bool(small and gap > 2 * max(body.gap, 1.0))


def _without_furniture(lines: list[dict[str, Any]], running: set[str], body: _Body) -> list[dict[str, Any]]:
    """The page's lines less its header and footer: among its first or last lines, a running line, a page number
    ('12', 'Trang 3', '2/7'), or the first or last line when it is set apart in smaller type."""
    edge = set(range(min(_EDGE, len(lines)))) | set(range(max(0, len(lines) - _EDGE), len(lines)))
    apart = {k for k in (0, len(lines) - 1) if lines and _set_apart(lines, k, body)}
    return [
        ln
        for k, ln in enumerate(lines)
        if k not in edge or not (k in apart or _PAGE_NUMBER.match(ln["text"]) or _furniture_key(ln["text"]) in running)
    ]


def _pdf_page(builder: _Builder, page: Any, lines: list[dict[str, Any]], runs_on: bool) -> bool:
    """One page into the builder: its text between its ruled tables as paragraphs, each table as a table. Returns
    whether the page's last paragraph runs on to the next page."""
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    boxes = [t.bbox for t in tables]
    text_lines = [ln for ln in lines if not any(_inside_box(ln, box) for box in boxes)]
    first = True
    for table in [*tables, None]:
        top = table.bbox[1] if table is not None else float("inf")
        above = [ln for ln in text_lines if ln["bottom"] <= top]
        text_lines = [ln for ln in text_lines if ln["bottom"] > top]
        paras, runs_on_after = _pdf_paragraphs(above)
        if first:
            if runs_on and paras:
                builder.page(continued=True)
                builder.extend(paras.pop(0))
            else:
                builder.page()
            first = False
        for para in paras:
            builder.paragraph(para)
        if table is None:
            return runs_on_after
        builder.table([[cell or "" for cell in row] for row in table.extract()])
    return False


def _inside_box(line: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return bool(
        line["top"] >= top - 1 and line["bottom"] <= bottom + 1 and line["x0"] >= x0 - 1 and line["x1"] <= x1 + 1
    )


def _pdf_paragraphs(lines: list[dict[str, Any]]) -> tuple[list[str], bool]:
    """The page's lines joined into paragraphs, and whether its last paragraph runs on to the next page. Where the
    page sets paragraphs apart by space, a gap wider than the line spacing starts one; where it does not, a line
    that stops well short of the right margin ends one."""
    if not lines:
        return [], False
    right = max(ln["x1"] for ln in lines)
    size = sorted(ln["bottom"] - ln["top"] for ln in lines)[len(lines) // 2]
    gaps = sorted(b["top"] - a["bottom"] for a, b in itertools.pairwise(lines) if b["top"] > a["bottom"])
    usual = gaps[len(gaps) // 4] if gaps else 0.0
    spaced = bool(gaps) and gaps[-1] > usual + 0.4 * size

    def short(line: dict[str, Any]) -> bool:
        return bool(line["x1"] < right - 4 * size)

    out: list[str] = []
    para: list[str] = []
    prev: dict[str, Any] | None = None
    for ln in lines:
        if prev is not None:
            gap = ln["top"] - prev["bottom"]
            if (gap > usual + 0.4 * size) if spaced else short(prev):
                out.append(" ".join(para))
                para = []
        para.append(ln["text"])
        prev = ln
    out.append(" ".join(para))
    return out, prev is not None and not short(prev)


# --- Word ------------------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx(data: bytes, where: str, sha: str, name: str) -> Extracted:
    docx = _need("docx", where, "a Word .docx")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises KeyError, ValueError, lxml errors on a damaged file
        raise InputError(where, f"is a damaged Word .docx ({type(e).__name__}); open and re-save it in Word") from None
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    builder = _Builder()
    legacy: set[str] = set()
    for child in document.element.body.iterchildren():
        if child.tag == f"{_W}p":
            builder.paragraph(_docx_paragraph(Paragraph(child, document), legacy))
        elif child.tag == f"{_W}tbl":
            table = Table(child, document)
            rows = [[_docx_cell(cell, legacy) for cell in row.cells] for row in table.rows]
            builder.table([_dedupe_merged(r) for r in rows])
    text = builder.text()
    if not text.strip():
        raise InputError(where, "is a Word .docx with no text")
    encoding: str | None = None
    if not legacy:
        found = detect_legacy(text)
        if found:
            text, encoding = from_legacy(text, found), found
    else:
        encoding = "+".join(sorted(legacy))
    info = DocumentInfo(
        file_name=name,
        media_type=_DOCX,
        sha256=sha,
        extractor=_version("python-docx"),
        encoding=encoding,
        tables=builder.tables,
    )
    return Extracted(text, info)


def _font_encoding(font: str | None) -> str | None:
    """The legacy encoding a font name says a run is typed in: ``.VnTime`` (TCVN3), ``VNI-Times`` (VNI)."""
    if not font:
        return None
    if font.startswith(".Vn"):
        return "tcvn3"
    if font.upper().startswith("VNI"):
        return "vni"
    return None


def _docx_paragraph(paragraph: Any, legacy: set[str]) -> str:
    out = []
    for run in paragraph.runs:
        encoding = _font_encoding(run.font.name)
        if encoding is not None:
            legacy.add(encoding)
            out.append(from_legacy(run.text, encoding))  # type: ignore[arg-type]
        else:
            out.append(run.text)
    return "".join(out) if paragraph.runs else str(paragraph.text)


def _docx_cell(cell: Any, legacy: set[str]) -> str:
    return " ".join(_docx_paragraph(p, legacy) for p in cell.paragraphs).strip()


def _dedupe_merged(row: list[str]) -> list[str]:
    """python-docx repeats a horizontally merged cell in each grid column it spans: keep it once."""
    out: list[str] = []
    for cell in row:
        if out and cell and cell == out[-1]:
            out.append("")
        else:
            out.append(cell)
    return out


# --- web pages -------------------------------------------------------------------------------------------


_CHROME = {"nav", "header", "footer", "aside", "form", "script", "style", "noscript", "menu", "button"}
_CHROME_NAMES = re.compile(
    r"comment|related|sidebar|menu|nav|footer|header|share|social|breadcrumb|banner|advert|widget", re.IGNORECASE
)
"""Class or id of the parts of a page around an article, as sites commonly name them."""
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table", "blockquote", "pre"}
"""Elements of an HTML page that hold a paragraph of an article (trafilatura's own tree names them p, head,
list and table)."""


def _html(page: str, where: str, sha: str, name: str, encoding: str) -> Extracted:
    trafilatura = _need("trafilatura", where, "a web page")
    found = detect_legacy(page)
    if found:
        page, encoding = from_legacy(page, found), found
    if not re.search(r"<\s*html\b", page[:4000], re.IGNORECASE):
        page = f"<html><body>{page}</body></html>"
    quiet = logging.getLogger("trafilatura")
    level, quiet.level = quiet.level, logging.CRITICAL
    try:
        doc = trafilatura.bare_extraction(page, include_tables=True, include_comments=False, with_metadata=True)
    except Exception as e:  # trafilatura's parser on a malformed page
        raise InputError(where, f"is a web page that cannot be parsed ({type(e).__name__})") from None
    finally:
        quiet.level = level
    blocks = list(doc.body) if doc is not None and doc.body is not None else []
    if len(blocks) < 2:
        blocks = _plain_blocks(page)  # a page too short for trafilatura's article finder: its own paragraphs
    builder = _Builder()
    for el in blocks:
        tag = str(el.tag).lower()
        if tag == "table":
            rows = [
                ["".join(c.itertext()) for c in row if str(c.tag).lower() in ("cell", "td", "th")]
                for row in el.iter()
                if str(row.tag).lower() in ("row", "tr")
            ]
            builder.table(rows)
        elif tag in ("list", "ul", "ol"):
            for item in el:
                builder.paragraph("".join(item.itertext()))
        else:
            builder.paragraph(" ".join("".join(el.itertext()).split()))
    text = builder.text()
    if len(text.strip()) < 40:
        raise InputError(where, "is a web page with no article text (a menu, index or empty page?)")
    title = doc.title if doc is not None else None
    date = doc.date if doc is not None else None
    info = DocumentInfo(
        file_name=name,
        media_type="text/html",
        sha256=sha,
        extractor=_version("trafilatura"),
        encoding=encoding,
        title=str(title) if title else None,
        date=str(date) if date else None,
        tables=builder.tables,
    )
    return Extracted(text, info)


def _plain_blocks(page: str) -> list[Any]:
    """Paragraphs, headings, list items and tables of a page, outside its navigation, header, footer and forms."""
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(page)
    except Exception:  # lxml on a page it cannot parse at all
        return []
    out = []
    for el in root.iter():
        tag = str(el.tag).lower()
        if tag not in _BLOCKS:
            continue
        ancestors = [el, *el.iterancestors()]
        tags = {str(a.tag).lower() for a in ancestors[1:]}
        if tags & _CHROME or tags & {"table", "p", "li"}:
            continue
        if any(_CHROME_NAMES.search(f"{a.get('class', '')} {a.get('id', '')}") for a in ancestors):
            continue
        out.append(el)
    return out


def _scanned(data: bytes, where: str, sha: str, name: str, kind: str) -> tuple[str, DocumentInfo]:
    """A scan (a PDF of page images, or an image file) read by OCR; the words it doubts travel as spans."""
    try:
        return read_scan(data, kind, name, sha)
    except OcrError as e:
        raise InputError(where, f"is a scanned {'PDF' if kind == 'pdf' else 'image'}: {e}") from None

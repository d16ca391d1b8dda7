"""Real documents made from a report's text with real tools, for the document tests and the extraction benchmark:
PDF (reportlab, a Vietnamese-capable TrueType font), Word (python-docx), a saved web page with a site's chrome
around the article, and the legacy TCVN3 / VNI encodings; plus the bad files a user meets (encrypted PDF, PDF of
images only, damaged ``.docx``, web page with no article)."""

from __future__ import annotations

import html
import io
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from summarizer.documents.legacy import LegacyEncoding, to_legacy
from summarizer.reading.ledger import build_ledger

__all__ = [
    "FONT_CANDIDATES",
    "FORMATS",
    "find_font",
    "ledger_signature",
    "paragraphs",
    "to_docx",
    "to_html",
    "to_legacy_bytes",
    "to_pdf",
    "to_scanned_pdf",
]

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",  # Debian fonts-dejavu-core (installed by .ci/run)
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
)


def find_font() -> Path | None:
    """A TrueType font on this machine that has every Vietnamese letter."""
    return next((Path(p) for p in FONT_CANDIDATES if Path(p).is_file()), None)


def paragraphs(text: str) -> list[str]:
    """The report's paragraphs: its non-empty lines."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def to_pdf(
    text: str,
    font: Path,
    *,
    password: str | None = None,
    table: list[list[str]] | None = None,
    furniture: bool = False,
) -> bytes:
    """The report typeset on A4 pages, one paragraph per line of the text, in ``font``, with ``table`` (ruled)
    after the second paragraph when given; encrypted with
    ``password`` when given (the reader then needs it to open the file); with ``furniture``, a running header
    (an office name and a year) and a page number in the footer of every page, as council documents have."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    pdfmetrics.registerFont(TTFont("VietSans", str(font)))
    style = ParagraphStyle("body", fontName="VietSans", fontSize=11, leading=14, spaceAfter=8)
    story: list[Any] = []
    for k, para in enumerate(paragraphs(text), start=1):
        story.append(Paragraph(html.escape(para), style))
        if table and k == 2:
            ruled = [("FONTNAME", (0, 0), (-1, -1), "VietSans"), ("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))]
            story += [Spacer(1, 8), Table(table, style=ruled), Spacer(1, 8)]

    def decorate(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("VietSans", 9)
        canvas.drawString(72, A4[1] - 40, "ỦY BAN NHÂN DÂN QUẬN — Báo cáo tình hình kinh tế - xã hội năm 2024")
        canvas.drawCentredString(A4[0] / 2, 30, f"Trang {doc.page}")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, encrypt=password, title="report")
    if furniture:
        doc.build(story, onFirstPage=decorate, onLaterPages=decorate)
    else:
        doc.build(story)
    return buf.getvalue()


def to_scanned_pdf() -> bytes:
    """A PDF whose page is only a picture (what a scanner gives): no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("RGB", (600, 800), "white")
    draw = ImageDraw.Draw(img)
    for y in range(40, 760, 24):
        draw.line((40, y, 560, y), fill="black", width=3)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(img), 40, 40, width=500, height=700)
    c.showPage()
    c.save()
    return buf.getvalue()


def to_docx(
    text: str, *, table: list[list[str]] | None = None, legacy: LegacyEncoding | None = None, table_after: int = 2
) -> bytes:
    """The report as a Word document, a paragraph per line; ``table`` (rows of cells, the first the header) is
    placed after paragraph ``table_after``; ``legacy`` types every run in that encoding's font (``.VnTime`` or
    ``VNI-Times``), as an old office file holds it."""
    import docx

    document = docx.Document()
    font = {"tcvn3": ".VnTime", "vni": "VNI-Times"}.get(legacy or "")

    def add_text(container: Any, value: str) -> None:
        run = container.add_run(to_legacy(value, legacy) if legacy else value)
        if font:
            run.font.name = font

    for k, para in enumerate(paragraphs(text)):
        add_text(document.add_paragraph(), para)
        if table and k + 1 == table_after:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, cell in enumerate(row):
                    add_text(grid.cell(r, c).paragraphs[0], cell)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def to_html(text: str, *, table: list[list[str]] | None = None, with_article: bool = True) -> str:
    """The report as a news site serves it: navigation, the article (title, date, paragraphs, an optional table),
    related links, a comment thread, a footer. ``with_article=False`` gives the same page with no article."""
    paras = paragraphs(text)
    title, body = (paras[0], paras[1:]) if paras else ("", [])
    rows = ""
    if table:
        head, *rest = table
        rows = (
            "<table><thead><tr>"
            + "".join(f"<th>{html.escape(c)}</th>" for c in head)
            + "</tr></thead><tbody>"
            + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rest)
            + "</tbody></table>"
        )
    article = (
        f"<article><h1>{html.escape(title)}</h1><time datetime='2024-10-05'>05/10/2024 09:30</time>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in body[:2])
        + rows
        + "".join(f"<p>{html.escape(p)}</p>" for p in body[2:])
        + "</article>"
        if with_article
        else ""
    )
    nav = "".join(f"<li><a href='/muc-{k}'>Chuyên mục {k}</a></li>" for k in range(1, 9))
    related = "".join(
        f"<li><a href='/tin-{k}.html'>Tin liên quan số {k}: hội nghị sơ kết công tác quý {k % 4 + 1}</a></li>"
        for k in range(1, 6)
    )
    comments = "".join(
        f"<div class='comment'><b>Bạn đọc {k}</b><p>Bình luận số {k}: cảm ơn bài viết hữu ích, mong có thêm "
        f"thông tin về {k * 10} dự án.</p></div>"
        for k in range(1, 4)
    )
    return (
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} - Báo Điện tử</title>"
        "<meta property='article:published_time' content='2024-10-05T09:30:00+07:00'></head><body>"
        f"<header><div class='logo'>Báo Điện tử</div><nav><ul>{nav}</ul></nav></header>"
        f"<main>{article}<aside class='related'><h3>Tin liên quan</h3><ul>{related}</ul></aside>"
        f"<section class='comments' id='comments'><h3>Bình luận</h3>{comments}</section></main>"
        "<footer><p>© Báo Điện tử. Giấy phép số 123/GP-BTTTT. Liên hệ quảng cáo: 0123 456 789.</p></footer>"
        "</body></html>"
    )


FORMATS: dict[str, tuple[str, Callable[[str, Path], bytes]]] = {
    "pdf": (".pdf", lambda text, font: to_pdf(text, font)),
    "pdf-header-footer": (".pdf", lambda text, font: to_pdf(text, font, furniture=True)),
    "docx": (".docx", lambda text, font: to_docx(text)),
    "html": (".html", lambda text, font: to_html(text).encode()),
    "tcvn3": (".txt", lambda text, font: to_legacy_bytes(text, "tcvn3")),
    "vni": (".txt", lambda text, font: to_legacy_bytes(text, "vni")),
    "docx-vntime": (".docx", lambda text, font: to_docx(text, legacy="tcvn3")),
    "docx-vni": (".docx", lambda text, font: to_docx(text, legacy="vni")),
}
"""Every document format a report is rendered to for the tests and the extraction benchmark: name -> (file
suffix, render(text, font) -> bytes)."""


def to_legacy_bytes(text: str, encoding: LegacyEncoding) -> bytes:
    """The report saved as a plain-text file typed in a legacy font encoding (Windows-1252 bytes)."""
    return to_legacy(text, encoding).encode("cp1252", errors="replace")


def ledger_signature(text: str) -> list[tuple[object, ...]]:
    """What must not change when a report comes in another format: each figure as written, its value, kind, unit,
    period and basis, in order (spans and ids differ with the layout and are left out)."""
    return [
        (f.text, f.kind.value, f.base_value, f.unit, f.period, f.basis, f.target) for f in build_ledger(text).figures
    ]


def to_news_page(text: str) -> str:
    """The report laid out as a news page that people print to PDF: a menu line with a gold price, the article,
    a 'Tin liên quan' list whose headlines carry another district's figures, a reader's comment full of figures,
    a copyright and licence footer (hand-written; the figures outside the article are made up to be caught)."""
    paras = paragraphs(text)
    title, body = (paras[0], paras[1:]) if paras else ("", [])
    menu = "Trang chủ | Thời sự | Chính trị | Kinh tế | Xã hội | Pháp luật | Thế giới"
    related = [
        "Quận Hoàng Mai thu ngân sách đạt 555.444 tỷ đồng, tăng 88,8% so với cùng kỳ",
        "Huyện Gia Lâm có 123.321 hộ gia đình đạt danh hiệu gia đình văn hóa",
        "Hà Nội: Tăng trưởng GRDP 9 tháng đạt 6,12%",
    ]
    comments = [
        ("Nguyễn Văn An", "Quận tôi có 4.567 hộ dân chưa được cấp nước sạch, mong lãnh đạo quan tâm."),
        ("Trần Thị Bình", "Giá đất tăng 250% trong 2 năm, người dân rất khó mua nhà."),
    ]
    return (
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)} - Báo Hà Nội Mới</title>"
        "<style>body{font-family:'DejaVu Sans',sans-serif;font-size:14px} .menu{font-size:12px}"
        " h1{font-size:24px} .related li,.comment{font-size:13px}</style></head><body>"
        f"<div class='menu'>{html.escape(menu)} | Giá vàng SJC: 74,5 triệu đồng/lượng</div>"
        f"<article><h1>{html.escape(title)}</h1><p><i>05/10/2024 09:30</i></p>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in body)
        + "</article><h3>Tin liên quan</h3><ul class='related'>"
        + "".join(f"<li><a href='/tin-{k}.html'>{html.escape(h)}</a></li>" for k, h in enumerate(related))
        + "</ul><h3>Bình luận (2)</h3>"
        + "".join(f"<div class='comment'><b>{html.escape(a)}</b><p>{html.escape(c)}</p></div>" for a, c in comments)
        + "<p>© Bản quyền thuộc Báo Hà Nội Mới. Giấy phép số 123/GP-BTTTT. Ghi rõ nguồn khi phát hành lại.</p>"
        "</body></html>"
    )


def print_to_pdf(page_html: str, chromium: str = "chromium") -> bytes:
    """The page printed to PDF by headless Chromium ('Save as PDF': with the browser's header and footer lines of
    date, title, address and page numbers), as people save news pages."""
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "page.html", Path(tmp) / "page.pdf"
        src.write_text(page_html, encoding="utf-8")
        subprocess.run(
            [
                chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", src.as_uri(),
            ],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        return out.read_bytes()

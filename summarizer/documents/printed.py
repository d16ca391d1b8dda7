"""A news page printed to PDF ('Save as PDF' in a browser): find the article and leave the rest out.

Such a PDF carries the browser's header and footer (date and time, title, address, page count), the site's menu
(often with a gold price or an exchange rate), lists of linked headlines full of other districts' figures, reader
comments and copyright lines. The saved HTML of the same page is cleaned by trafilatura; here the same is done on
the PDF's lines, and only when the browser's own header or footer shows the PDF is a printed page: an ordinary
report PDF loses nothing. The words that mark each part are data (``data/page_furniture.tsv``).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["drop_page_furniture", "is_printed_page"]

_BROWSER_HEADER = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?\b", re.IGNORECASE)
_BROWSER_FOOTER = re.compile(r"(?:https?://|file://|www\.)\S+\s+\d{1,3}/\d{1,3}\s*$", re.IGNORECASE)
_MENU_SEPARATORS = re.compile(r"\s[|•·]\s")
_HEADLINE_CHARS = 140
"""A linked headline is one short line; a line longer than this is article text again."""
_LIST_LINES = 15


@lru_cache(maxsize=1)
def _markers() -> dict[str, tuple[str, ...]]:
    text = resources.files("summarizer").joinpath("data/page_furniture.tsv").read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            kind, phrase = (p.strip() for p in line.split("\t"))
            found.setdefault(kind, []).append(phrase.lower())
    return {k: tuple(v) for k, v in found.items()}


def _heading(text: str) -> str | None:
    """'related' or 'comments' when the line is such a heading ('Tin liên quan', 'Bình luận (2)')."""
    low = re.sub(r"\(\s*\d+\s*\)", "", text.lower()).strip(" :.-–")
    return next((kind for kind in ("related", "comments") if low in _markers()[kind]), None)


def _copyright(text: str) -> bool:
    low = text.lower()
    return any(m in low for m in _markers()["copyright"])


def is_printed_page(pages: list[list[dict[str, Any]]]) -> bool:
    """Whether a browser printed this PDF: its date-and-time header or its address-and-page-count footer."""
    for lines in pages:
        texts = [ln["text"] for ln in lines]
        if texts and (_BROWSER_HEADER.match(texts[0]) or _BROWSER_FOOTER.search(texts[-1])):
            return True
    return False


def drop_page_furniture(pages: list[list[dict[str, Any]]]) -> tuple[list[list[dict[str, Any]]], list[str]]:
    """The pages with only the article's lines, and what was left out and why (one note per kind); unchanged
    unless the PDF is a printed page."""
    if not is_printed_page(pages):
        return pages, []
    dropped: Counter[str] = Counter()
    first_words: dict[str, str] = {}
    kept_pages: list[list[dict[str, Any]]] = []
    section: str | None = None
    listed = 0
    for lines in pages:
        kept: list[dict[str, Any]] = []
        for k, line in enumerate(lines):
            text = line["text"].strip()
            why = _why(text, k, len(lines))
            heading = _heading(text)
            if heading is not None:
                section, listed = heading, 0
                first_words.setdefault(heading, text)
                why = heading
            elif section == "related" and len(text) <= _HEADLINE_CHARS and listed < _LIST_LINES and why is None:
                listed += 1
                why = "related"
            elif section == "comments" and why is None:
                why = "comments"
            elif section == "related":
                section = None
            if why is None:
                kept.append(line)
            else:
                dropped[why] += 1
        kept_pages.append(kept)
    notes = [
        f"{_LABELS[kind]}{_quoted(first_words.get(kind))}: {n} line{'s' if n > 1 else ''}"
        for kind, n in sorted(dropped.items(), key=lambda kv: list(_LABELS).index(kv[0]))
    ]
    return kept_pages, notes


_LABELS = {
    "browser": "browser header and footer",
    "menu": "site menu",
    "related": "linked headlines",
    "comments": "reader comments",
    "copyright": "copyright and licence lines",
}


def _quoted(text: str | None) -> str:
    return f" ('{text}')" if text else ""


def _why(text: str, k: int, count: int) -> str | None:
    edge = k == 0 or k == count - 1
    if edge and (_BROWSER_HEADER.match(text) or _BROWSER_FOOTER.search(text)):
        return "browser"
    if len(_MENU_SEPARATORS.findall(text)) >= 3:
        return "menu"
    if _copyright(text):
        return "copyright"
    return None

"""The canonical text every span points into (``normalize_text``) and its sentences with their spans."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.documents.text import normalize_text

__all__ = ["BULLET", "Sentence", "normalize_text", "split_sentences"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its character span in the source."""

    start: int
    end: int
    text: str
    paragraph: int


BULLET = re.compile(r"\s*[-–+•*]\s")
"""A list item's mark at the start of a line."""


_ABBREV_BEFORE_DOT = re.compile(r"(?:\b(?:TP|Tp|ThS|TS|PGS|GS|BS|KS|St|Mr|Ms|Dr|v\.v|TT|Q|P))$")
_SENT_END = re.compile(r"[.!?…]+[”\"')]*(?=\s)|\n+")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with spans; dots inside numbers and after abbreviations such as ``TP.`` do not split."""
    sentences: list[Sentence] = []
    start = 0
    paragraph = 0
    for m in _SENT_END.finditer(text):
        if m.group().startswith("\n"):
            end = m.start()
        else:
            if _ABBREV_BEFORE_DOT.search(text, max(0, m.start() - 8), m.start()):
                continue
            nxt = text[m.end() : m.end() + 3].lstrip()
            if nxt and nxt[0].islower():
                continue
            end = m.end()
        _add_sentence(sentences, text, start, end, paragraph)
        if "\n\n" in m.group() or (m.group().startswith("\n") and len(m.group()) > 1) or m.group().startswith("\n"):
            paragraph += 1
        start = m.end()
    _add_sentence(sentences, text, start, len(text), paragraph)
    return sentences


def _add_sentence(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = start + lead
    out.append(Sentence(s, s + len(stripped), stripped, paragraph))

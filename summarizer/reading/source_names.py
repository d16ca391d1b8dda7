"""The Vietnamese words that say what a figure measures, as written, for a figure nobody can name in English.

A key figure is never left out for want of a name: it is shown with these words, linked to their span and marked
as not translated, with the English of the words the termbase knows (``partial``) or none (``source``). The same
window is what ``eval/mine_termbase.py`` ranks to decide what the termbase must cover next.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from summarizer.reading.glossary import Chunk, chunk, word_spans
from summarizer.reading.ledger_types import Figure, Ledger
from summarizer.reading.meaning import around_of
from summarizer.reading.terminology import is_generic_name

__all__ = ["SourceName", "source_name", "window"]

_WINDOW_WORDS = 8
_FEWEST_WORDS = 2
"""A window of fewer words, unless a name, is a fragment ('của', 'đóng'): the figure is shown with its clause as
written instead."""
_NAME_ONLY_WORDS = 3
"""A window this short made only of names says whose, not what is measured: the clause is shown instead."""
_ENDS = frozenset({"stop", "mark", "number", "place"})
_GLOSSED = frozenset({"noun", "measure", "mod", "verb", "lead"})


@dataclass(frozen=True, slots=True)
class SourceName:
    """What a figure measures in the source's own words: the phrase, its span, the English of its known words."""

    vi: str
    span: tuple[int, int]
    gloss: str
    status: Literal["partial", "source"]


def window(chunks: list[Chunk]) -> tuple[int, int]:
    """[first, last] chunk indices of the words before a figure that say what it measures: after the last cue,
    verb of reporting, number, mark or preposition of place, at most eight words, the cue words right before the
    figure skipped; (0, -1) when there are none."""
    i = len(chunks) - 1
    while i >= 0 and chunks[i].role in _ENDS | {"skip"}:
        i -= 1
    end = i
    while i >= 0 and chunks[i].role not in _ENDS and end - i < _WINDOW_WORDS:
        i -= 1
    return i + 1, end


def _phrase(ledger: Ledger, text: str, offset: int) -> tuple[str, tuple[int, int], list[Chunk]] | None:
    """The window of ``text`` (which starts at ``offset`` in the report) as written, its span and chunks."""
    chunks = chunk(text)
    first, last = window(chunks)
    if last < first:
        return None
    spans = word_spans(text)
    starts, k = [], 0
    for c in chunks:
        starts.append(k)
        k += c.words
    lo, hi = spans[starts[first]][0], spans[starts[last] + chunks[last].words - 1][1]
    return ledger.text[offset + lo : offset + hi], (offset + lo, offset + hi), chunks[first : last + 1]


def source_name(ledger: Ledger, fig: Figure) -> SourceName | None:
    """The phrase before the figure in its clause, or for a count with nothing before it the noun after it; None
    when the clause holds no word at all. Found once per ledger and figure (``ledger.read_fully`` finds them in
    the batch engine's reading pool)."""
    found: dict[str, SourceName | None] = ledger.keep("source_names", dict)
    if fig.id not in found:
        found[fig.id] = _source_name(ledger, fig)
    return found[fig.id]


def _source_name(ledger: Ledger, fig: Figure) -> SourceName | None:
    around = around_of(ledger, fig, None)
    tail, start = around.tail, fig.start - len(around.tail)
    before = [f for f in ledger.figures if start <= f.start and f.end <= fig.start]
    if before:  # '… đạt 9,55 tỷ đồng, chi 198 triệu USD': not the unit of the figure before
        tail, start = ledger.text[before[-1].end : fig.start], before[-1].end
    found = _phrase(ledger, tail, start)
    if found is not None and len(found[0].split()) < _FEWEST_WORDS and not found[0][:1].isupper():
        found = None  # 'của (14%)', 'ngày (937 tỷ đồng)': one word says nothing of what is measured (a name may)
    if found is not None and _names_only(found[0], found[2]):
        found = None  # 'Việt Nam (520 triệu USD)', 'của VCCI (29%)': a place or a name alone says whose, not what
    if found is not None and _head_noun_only(found[2]):
        found = None  # 'diện tích (599.066 ha)', 'ngân sách (8.055 tỷ đồng)': a head noun alone; the clause instead
    if found is None and fig.kind.value in ("count", "ratio") and fig.unit_vi:
        start = fig.end - len(fig.unit_vi)
        words = ledger.text[start : start + 60]
        found = _after_phrase(ledger, words, start)
        if found is not None and len(found[0].split()) < _FEWEST_WORDS:
            found = None  # '1,3 km' after a name alone: the unit says nothing more; the clause instead
    if found is None:
        return None
    vi, span, chunks = found
    gloss = "; ".join(dict.fromkeys(c.en.strip() for c in chunks if c.role in _GLOSSED and c.en.strip()))
    return SourceName(" ".join(vi.split()), span, gloss, "partial" if gloss else "source")


def _head_noun_only(chunks: list[Chunk]) -> bool:
    """A window that is one known word saying only what kind of figure it is ('diện tích', 'giá trị', 'tổng mức đầu
    tư'): a head noun alone, which the issue forbids as a name, translated or not."""
    return len(chunks) == 1 and chunks[0].role in _GLOSSED and is_generic_name(chunks[0].en or chunks[0].vi)


def _names_only(vi: str, chunks: list[Chunk]) -> bool:
    """A window of a few words that are only names ('Việt Nam', 'của VCCI', 'Dell'): whose, not what."""
    roles = {c.role for c in chunks}
    return len(vi.split()) <= _NAME_ONLY_WORDS and "name" in roles and roles <= {"name", "of"}


def _after_phrase(ledger: Ledger, text: str, offset: int) -> tuple[str, tuple[int, int], list[Chunk]] | None:
    chunks = chunk(text)
    n = next((k for k, c in enumerate(chunks) if c.role in _ENDS or k >= 4), len(chunks))
    if n == 0:
        return None
    spans = word_spans(text)
    words = sum(c.words for c in chunks[:n])
    lo, hi = spans[0][0], spans[words - 1][1]
    return ledger.text[offset + lo : offset + hi], (offset + lo, offset + hi), chunks[:n]

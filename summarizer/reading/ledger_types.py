"""The records every later stage reads: a ``Figure`` found in the source text, and the ``Ledger`` of one report's
figures and sentences. Read by ``figures``; given periods, subjects and names by later passes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from summarizer.reading.sentences import BULLET, Sentence

__all__ = ["INDICATOR_KINDS", "Figure", "FigureKind", "Ledger"]

T = TypeVar("T")


class FigureKind(StrEnum):
    """What a figure is; only the indicator kinds may become indicators."""

    MONEY = "money"
    PERCENT = "percent"
    RATIO = "ratio"
    COUNT = "count"
    QUANTITY = "quantity"
    YEAR = "year"
    YEAR_RANGE = "year_range"
    DATE = "date"
    TIME = "time"
    DURATION = "duration"
    ORDINAL = "ordinal"
    DOC_CODE = "doc_code"
    MAP_SCALE = "map_scale"


INDICATOR_KINDS = frozenset(
    {FigureKind.MONEY, FigureKind.PERCENT, FigureKind.RATIO, FigureKind.COUNT, FigureKind.QUANTITY}
)


@dataclass(slots=True)
class Figure:
    """One figure found in the source: as written, where, and what it means."""

    id: str
    text: str
    start: int
    end: int
    kind: FigureKind
    value: float
    scale: int | None = None
    unit: str | None = None
    unit_vi: str | None = None
    high: float | None = None
    denominator: float | None = None
    part_of: float | None = None
    """The whole this figure is a part of, where the report says so ("24/24 chỉ tiêu, trong đó có 6 chỉ tiêu
    vượt kế hoạch": 6 of the 24), without making it a ratio."""
    cue: str | None = None
    basis: str | None = None
    qualifier: str | None = None
    sentence_index: int = 0
    period: str | None = None
    target: bool = False
    ambiguous: str | None = None
    subject: str | None = None
    subject_en: str | None = None
    label: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def base_value(self) -> float:
        """The value in base units (``63.275 tỷ`` -> 63,275,000,000)."""
        return self.value * (self.scale or 1)

    @property
    def value_key(self) -> tuple[object, ...]:
        """Two mentions with the same key state the same figure."""
        return (self.kind, self.base_value, self.high, self.unit, self.denominator)

    @property
    def is_indicator_kind(self) -> bool:
        return self.kind in INDICATOR_KINDS


@dataclass(slots=True)
class Ledger:
    """Every figure of one source text, in order, with sentences for context."""

    text: str
    figures: list[Figure]
    sentences: list[Sentence]
    document_period: str | None = None
    document_year: int | None = None
    convention: str = "vietnamese"
    value_index: dict[float, list[Figure]] | None = None
    """Figures by every value they can be cited as; filled on first use by ``grounding.match_number``."""
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """What later stages read from the same text, kept by ``keep`` (a ledger from the reading pool brings them)."""

    def keep(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, once per ledger: a ledger is not changed after it is built."""
        found: T = self.memo[key] if key in self.memo else self.memo.setdefault(key, compute())
        return found

    def __iter__(self) -> Iterator[Figure]:
        return iter(self.figures)

    def __len__(self) -> int:
        return len(self.figures)

    def get(self, figure_id: str) -> Figure | None:
        return self._by_id().get(figure_id)

    def _by_id(self) -> dict[str, Figure]:
        return self.keep("by_id", lambda: {f.id: f for f in self.figures})

    def candidates(self) -> list[Figure]:
        """Figures that may be indicators, one mention of each distinct value; bare unitless counts left out.

        The mention kept is the first one in the body with a known subject (a headline repeats a figure
        with less context, and its period and basis are the body's to say), else the first one in the body, else
        the headline's. Found once per
        ledger; do not change the list."""
        return self.keep("candidates", self._candidates)

    def _candidates(self) -> list[Figure]:
        chosen: dict[tuple[object, ...], Figure] = {}
        ratios = {(f.value, f.unit) for f in self.figures if f.kind == FigureKind.RATIO and f.unit}
        for f in self.figures:
            if not f.is_indicator_kind or (f.kind == FigureKind.COUNT and f.unit is None and f.scale is None):
                continue
            if f.kind == FigureKind.COUNT and (f.value, f.unit) in ratios:
                continue  # '24 chỉ tiêu' in a headline is the '24/24 chỉ tiêu' of the body
            key = f.value_key
            kept = chosen.get(key)
            if (
                kept is None
                or (kept.sentence_index == 0 and f.sentence_index > 0 and (f.label or not kept.label))
                or (kept.label is None and f.label is not None and kept.sentence_index > 0)
            ):
                chosen[key] = f
        return sorted(chosen.values(), key=lambda f: f.start)

    def sentence_of(self, figure: Figure) -> Sentence:
        return self.sentences[figure.sentence_index]

    def list_header(self, figure: Figure) -> Sentence | None:
        """The line ending in ':' that introduces the bulleted list ("- ...") holding ``figure``, if any:
        "Một số chỉ tiêu chủ yếu … nhiệm kỳ 2015-2020:" governs every item under it."""
        k = figure.sentence_index
        if not BULLET.match(self.sentences[k].text):
            return None
        while k > 0 and BULLET.match(self.sentences[k].text):
            k -= 1
        header = self.sentences[k]
        return header if header.text.rstrip().endswith(":") and not BULLET.match(header.text) else None

    def quote(self, figure: Figure, max_chars: int = 160) -> str:
        """The sentence around a figure, trimmed to ``max_chars`` centred on the figure."""
        sent = self.sentence_of(figure)
        if len(sent.text) <= max_chars:
            return sent.text
        rel = figure.start - sent.start
        lo = max(0, rel - max_chars // 2)
        hi = min(len(sent.text), lo + max_chars)
        lo = max(0, hi - max_chars)
        prefix = "…" if lo > 0 else ""
        suffix = "…" if hi < len(sent.text) else ""
        return prefix + sent.text[lo:hi].strip() + suffix

"""Tie model output to the source: figure ids to ledger entries, English numbers to source figures.

The checks here run inside the draft's validator (a failure makes instructor re-ask with the reasons)
and again, leniently, on the last attempt, where what still fails is kept and flagged, never dropped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from summarizer.numbers import EnglishNumber, Figure, FigureKind, Ledger, parse_english_numbers

if TYPE_CHECKING:
    from summarizer.schema import Draft

__all__ = ["MatchStatus", "NumberMatch", "draft_checker", "fold", "match_number", "text_problems"]

_REL_EXACT = 1e-9
_REL_APPROX = 0.05


class MatchStatus(StrEnum):
    EXACT = "exact"
    APPROX = "approx"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """How one English number relates to the source ledger."""

    number: EnglishNumber
    status: MatchStatus
    figure: Figure | None


def fold(text: str) -> str:
    """Lower-case, no diacritics, single spaces: 'Lưu Ngọc Hà' -> 'luu ngoc ha'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.lower().split())


def _close(a: float, b: float, tol: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= tol * max(abs(a), abs(b))


def _units_compatible(n: EnglishNumber, f: Figure) -> bool:
    if n.unit in ("%", "pp"):
        return f.kind == FigureKind.PERCENT
    if n.unit in ("VND", "USD", "EUR"):
        return f.kind == FigureKind.MONEY and f.unit == n.unit
    return f.kind != FigureKind.PERCENT or n.unit is None


def _values_for(n: EnglishNumber, f: Figure) -> list[tuple[float, float]]:
    """Pairs (claimed, source) to compare, by how each side states its scale."""
    pairs: list[tuple[float, float]] = []
    if n.scale is not None:
        pairs.append((n.base_value, f.base_value))
    else:
        pairs.append((n.value, f.value))
        if f.scale is None:
            pairs.append((n.value, f.base_value))
    if f.denominator is not None and n.scale is None:
        pairs.append((n.value, f.denominator))
    if f.high is not None:
        pairs.append((n.value if n.scale is None else n.base_value, f.high * (f.scale or 1 if n.scale else 1)))
    return pairs


def match_number(n: EnglishNumber, ledger: Ledger) -> NumberMatch:
    """Exact when some source figure has this value in a compatible unit; approx when within 5%."""
    approx: Figure | None = None
    for f in ledger.figures:
        if not _units_compatible(n, f):
            continue
        for claimed, source in _values_for(n, f):
            if _close(claimed, source, _REL_EXACT):
                if n.denominator is None or f.denominator is None or _close(n.denominator, f.denominator, _REL_EXACT):
                    return NumberMatch(n, MatchStatus.EXACT, f)
            elif approx is None and f.is_indicator_kind and _close(claimed, source, _REL_APPROX):
                approx = f
    if approx is not None:
        return NumberMatch(n, MatchStatus.APPROX, approx)
    return NumberMatch(n, MatchStatus.NONE, None)


def text_problems(text: str, ledger: Ledger, where: str) -> list[str]:
    """One problem per number in ``text`` that no source figure supports."""
    problems = []
    for n in parse_english_numbers(text, words=False):
        m = match_number(n, ledger)
        if m.status == MatchStatus.NONE:
            problems.append(f"{where} contains '{n.text}', which is not a figure of the report")
        elif m.status == MatchStatus.APPROX:
            problems.append(f"{where} rounds '{n.text}'; cite the exact figure or leave numbers out of prose")
    return problems


def draft_checker(ledger: Ledger) -> Callable[[Draft], list[str]]:
    """The grounding rules for one report, as a function the draft validator calls."""
    folded_source = fold(ledger.text)
    kinds = {f.id: f for f in ledger.figures}

    def check(draft: Draft) -> list[str]:
        problems: list[str] = []
        seen: set[str] = set()
        same_value: dict[tuple[object, ...], int] = {}
        for i, ind in enumerate(draft.indicators, start=1):
            fig = kinds.get(ind.figure)
            if fig is not None:
                key = (fig.kind, fig.base_value, fig.unit, fig.denominator)
                if key in same_value and ind.figure not in seen:
                    problems.append(
                        f"indicator {i} ({ind.figure}) repeats the figure of indicator {same_value[key]}; pick another"
                    )
                same_value.setdefault(key, i)
            if fig is None:
                problems.append(f"indicator {i} uses {ind.figure}, which is not in the FIGURES list")
            elif not fig.is_indicator_kind:
                problems.append(
                    f"indicator {i} uses {ind.figure} ('{fig.text}'), a {fig.kind.value}, not an indicator"
                )
            if ind.figure in seen:
                problems.append(f"indicator {i} repeats {ind.figure}; use each figure once")
            seen.add(ind.figure)
            problems += text_problems(ind.name, ledger, f"indicator {i} name")
        for j, official in enumerate(draft.officials, start=1):
            if fold(official.name) not in folded_source:
                problems.append(f"official {j} '{official.name}' is not named in the report; copy names exactly")
        problems += text_problems(draft.title, ledger, "title")
        problems += text_problems(draft.summary, ledger, "summary")
        for k, topic in enumerate(draft.topics, start=1):
            problems += text_problems(topic, ledger, f"topic {k}")
        for k, d in enumerate(draft.directives, start=1):
            problems += text_problems(d.task, ledger, f"directive {k}")
            if d.deadline:
                problems += text_problems(d.deadline, ledger, f"directive {k} deadline")
        return problems

    return check

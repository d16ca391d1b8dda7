"""How a figure is compared: the nine basis categories a reader must not confuse.

``tăng 12,86% so với cùng kỳ`` (growth), ``bằng 142% so với cùng kỳ`` (142% OF last year's level),
``đạt 89% kế hoạch`` (share of a plan) and ``vượt 3,8%`` (excess over a base) look alike as numbers
and mean different things. The ledger's comparison words and cue are mapped onto these categories,
which are also the gold annotation's vocabulary, so pipeline and scorer speak the same words.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Basis", "basis_of"]


class Basis(StrEnum):
    """The gold annotation's basis categories."""

    LEVEL = "level"
    GROWTH_SAME_PERIOD = "growth vs same period"
    GROWTH_OTHER = "growth vs other"
    LEVEL_SAME_PERIOD = "level vs same period"
    OF_PLAN = "of plan"
    OF_ESTIMATE = "of estimate"
    OF_TOTAL = "of total"
    RATIO = "ratio"
    TARGET = "target"


_CHANGE = ("increase", "decrease", "exceed")
_SAME_PERIOD = ("same period", "previous year")


def basis_of(
    kind: str,
    comparison: str | None,
    direction: str | None,
    denominator: float | None,
    *,
    target: bool = False,
    unit: str | None = None,
) -> Basis:
    """The category of a figure from its kind, comparison words and cue (all as the ledger gives them);
    'gấp 2 lần so với cùng kỳ' (``unit`` "times") is a level against the same period, like 'bằng 142%'."""
    comp = (comparison or "").lower()
    if target:
        return Basis.TARGET
    if (kind == "ratio" and denominator is not None) or comp == "ratio":
        return Basis.RATIO
    changed = direction in _CHANGE
    if any(w in comp for w in _SAME_PERIOD):
        if changed:
            return Basis.GROWTH_SAME_PERIOD
        return Basis.LEVEL_SAME_PERIOD if kind == "percent" or unit == "times" else Basis.LEVEL
    if comp.startswith("vs "):
        return Basis.GROWTH_OTHER
    if "estimate" in comp:
        return Basis.GROWTH_OTHER if changed else Basis.OF_ESTIMATE
    if "plan" in comp or "target" in comp:
        return Basis.GROWTH_OTHER if changed else Basis.OF_PLAN
    if "total" in comp or direction == "share":
        return Basis.OF_TOTAL
    if direction == "exceed":
        return Basis.GROWTH_OTHER
    if changed and kind == "percent":
        return Basis.GROWTH_SAME_PERIOD
    if changed and kind == "count":
        return Basis.GROWTH_OTHER
    return Basis.LEVEL

"""English notation for figures: 63,275 billion VND, 12.86%, 24 of 24 targets."""

from __future__ import annotations

from summarizer.numbers import SCALE_NAMES_EN, Figure, FigureKind

__all__ = ["format_figure", "format_number", "format_quantity"]


def format_number(value: float) -> str:
    """Thousands with commas, decimals with a point, no trailing zeros (63,275; 12.86)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def format_quantity(
    value: float,
    *,
    unit: str | None,
    scale: str | None,
    kind: str,
    denominator: float | None = None,
    high: float | None = None,
) -> str:
    """One figure in English notation from its parsed parts."""
    number = format_number(value)
    if high is not None:
        number = f"{number}–{format_number(high)}"
    if unit == "%":
        return f"{number}%"
    if unit == "pp":
        return f"{number} percentage points"
    if kind == FigureKind.RATIO.value and denominator is not None:
        return f"{number} of {format_number(denominator)}" + (f" {unit}" if unit else "")
    return number + (f" {scale}" if scale else "") + (f" {unit}" if unit else "")


def format_figure(fig: Figure) -> str:
    """A ledger figure in English notation ('63.275 tỷ đồng' -> '63,275 billion VND')."""
    return format_quantity(
        fig.value,
        unit=fig.unit,
        scale=SCALE_NAMES_EN.get(fig.scale) if fig.scale else None,
        kind=fig.kind.value,
        denominator=fig.denominator,
        high=fig.high,
    )

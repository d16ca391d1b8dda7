"""English notation for figures: 63,275 billion VND, 12.86%, 24 of 24 targets."""

from __future__ import annotations

from summarizer.reading.figures import Figure, FigureKind
from summarizer.reading.units import SCALE_NAMES_EN
from summarizer.schema import Indicator, Meeting
from summarizer.tables import MONTHS

__all__ = ["format_date", "format_figure", "format_number", "format_quantity", "format_value", "lower_first"]

_VND_RESCALED = {None: 1, "thousand": 10**3, "ten-thousand": 10**4, "million": 10**6, "trillion": 10**12}

_DIRECTION_WORDS = {
    "increase": "up ",
    "decrease": "down ",
    "exceed": "exceeded by ",
    "rise_to": "rose to ",
    "fall_to": "fell to ",
}


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
    """One figure in English notation from its parsed parts. Sums of VND of a billion or more are written in
    billions whatever scale the report used ('204.772.000 triệu' and '1,2 nghìn tỷ' as 204,772 and 1,200
    billion VND), so one briefing holds one scale for money."""
    if unit == "VND" and scale in _VND_RESCALED and value * _VND_RESCALED[scale] >= 10**9:
        factor = _VND_RESCALED[scale] / 10**9
        value, high, scale = value * factor, None if high is None else high * factor, "billion"
        value, high = round(value, 6), None if high is None else round(high, 6)
    number = format_number(value)
    if high is not None:
        number = f"{number}–{format_number(high)}"
    if unit == "%":
        return f"{number}%"
    if unit == "pp":
        return f"{number} percentage points"
    if kind == FigureKind.RATIO.value and denominator is not None:
        return f"{number} of {format_number(denominator)}" + (f" {unit}" if unit else "")
    unit = "metres" if unit == "m" else unit  # '430 m' reads as 430 million in English prose
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


def format_value(ind: Indicator) -> str:
    """'63,275 billion VND', '12.86%', '24 of 24 targets', 'more than 6,100 workers'."""
    body = format_quantity(
        ind.value, unit=ind.unit, scale=ind.scale, kind=ind.kind, denominator=ind.denominator, high=ind.value_high
    )
    prefix = _DIRECTION_WORDS.get(ind.direction or "", "")
    if ind.qualifier and ind.qualifier != "estimated":
        body = f"{ind.qualifier} {body}"
    if ind.qualifier == "estimated":
        body = f"{body} (est.)"
    return prefix + body


def format_date(meeting: Meeting) -> str:
    """'12 October 2024' from the meeting's ISO date ('… (year inferred)' when the report omits the year); '19 May'
    from a date without its year ('--05-19'), where neither the report nor its dates say which."""
    if not meeting.date:
        return ""
    if meeting.date.startswith("--"):
        mo, d = (int(x) for x in meeting.date[2:].split("-"))
        return f"{d} {MONTHS[mo - 1]}"
    y, mo, d = (int(x) for x in meeting.date.split("-"))
    return f"{d} {MONTHS[mo - 1]} {y}" + (" (year inferred)" if meeting.date_year_inferred else "")


def lower_first(name: str) -> str:
    """'Budget revenue' -> 'budget revenue', but 'GDP growth' and 'FDI capital' keep their capitals."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name

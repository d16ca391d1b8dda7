"""Figures written together: a range ('từ 11 đến 12%', '8% - 8,5%'), a list whose last item carries the unit
('91, 82, 78,4%'), a part of a whole ('trong đó …'), a smaller count of the same thing ('có 7 quy hoạch thì 6 cái
…': 6 of 7)."""

from __future__ import annotations

import re
from dataclasses import replace

from summarizer.reading.ledger_types import Figure, FigureKind
from summarizer.tables import either, words

__all__ = ["group_figures"]


def group_figures(text: str, figures: list[Figure]) -> list[Figure]:
    """The figures of ``text`` with ranges joined, list units shared, parts and implicit ratios marked."""
    _propagate_list_units(text, figures)
    figures = _join_ranges(text, figures)
    _implicit_ratios(text, figures)
    _parts(text, figures)
    return figures


_FIGURE_LIST_SEP = re.compile(rf"\s*(?:{either(words('labels', 'list_separator'))})\s*")
"""Between the figures of a list ('2, 3 và 4 tỷ đồng', '8 - 10%'); a list of names is split otherwise."""
_RANGE_FROM = re.compile(rf"(?:^|[\s(,;:])(?:{either(words('labels', 'range_from'))})\s*$", re.IGNORECASE)
_RANGE_TO = re.compile(rf"\s*(?:{either(words('labels', 'range_to'))})\s*", re.IGNORECASE)
_RANGE_ENDS = {FigureKind.COUNT, FigureKind.QUANTITY, FigureKind.PERCENT, FigureKind.MONEY}


_DASH = re.compile(r"[ \t]*[-–][ \t]*")


def _from_to(text: str, low: Figure, high: Figure) -> bool:
    """'từ <low> đến <high>'."""
    return bool(
        _RANGE_TO.fullmatch(text[low.end : high.start]) and _RANGE_FROM.search(text[max(0, low.start - 12) : low.start])
    )


def _dashed(text: str, low: Figure, high: Figure) -> bool:
    """'<low><unit> - <high><unit>' ('8% - 8,5%'): both ends written whole, the low end below the high one."""
    return bool(
        _DASH.fullmatch(text[low.end : high.start])
        and low.unit is not None
        and (low.unit, low.scale, low.sentence_index) == (high.unit, high.scale, high.sentence_index)
        and low.value < high.value
    )


def _join_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """'từ 86 đến 88 triệu đồng', 'từ 11 đến 12%', '8% - 8,5%': one figure with both ends (the low end takes the
    high end's scale and unit when it writes none), as '8,5 - 9%' already is."""
    out: list[Figure] = []
    for fig in figures:
        low = out[-1] if out else None
        if (
            low is not None
            and fig.kind in _RANGE_ENDS
            and low.kind in _RANGE_ENDS
            and fig.high is None
            and low.high is None
            and low.unit in (None, fig.unit)
            and (_from_to(text, low, fig) or _dashed(text, low, fig))
        ):
            low_value = low.value * (low.scale or 1) / (fig.scale or 1) if low.scale else low.value
            out[-1] = replace(fig, text=text[low.start : fig.end], start=low.start, value=low_value, high=fig.value)
            continue
        if (
            low is not None
            and low.kind == FigureKind.COUNT
            and low.unit is None
            and low.scale is None
            and fig.kind in (FigureKind.TIME, FigureKind.DURATION)
            and _from_to(text, low, fig)
        ):
            out[-1] = replace(fig, text=text[low.start : fig.end], start=low.start, value=low.value, high=fig.value)
            continue  # 'từ 6 đến 24h', 'từ 2 đến 3 năm': hours or a length of time, not a count of six
        out.append(fig)
    return out


def _propagate_list_units(text: str, figures: list[Figure]) -> None:
    """In "91, 82, 81, 78, 75,4%" the bare list items share the last item's percent sign."""
    i = 0
    while i < len(figures):
        j = i
        while (
            j + 1 < len(figures)
            and figures[j].kind == FigureKind.COUNT
            and figures[j].unit is None
            and figures[j].scale is None
            and _FIGURE_LIST_SEP.fullmatch(text[figures[j].end : figures[j + 1].start])
        ):
            j += 1
        last = figures[j]
        if j > i and last.kind in (FigureKind.PERCENT, FigureKind.MONEY, FigureKind.QUANTITY):
            for fig in figures[i:j]:
                fig.kind, fig.unit, fig.scale, fig.unit_vi = last.kind, last.unit, last.scale, last.unit_vi
                fig.notes.append(f"unit taken from the list's last item {last.text!r}")
        i = j + 1


_WHOLES = either((rf"\b{re.escape(w)}" for w in words("labels", "whole_before")), escape=False)
_WHOLE_BEFORE = re.compile(rf"(?:{_WHOLES}|(?P<has>\b(?:{either(words('labels', 'whole_has'))})))\s*$", re.IGNORECASE)
_PART_LINK = re.compile(rf"\b(?:{either(words('labels', 'part_link'))})\b", re.IGNORECASE)
_THEN = re.compile(rf"\b(?:{either(words('labels', 'then_word'))})\b", re.IGNORECASE)


_IN_WHICH = re.compile(rf"\b(?:{either(words('labels', 'in_which'))})\b", re.IGNORECASE)
_ANY_THING = words("labels", "any_thing")[0]
"""'có 7 quy hoạch thì 6 cái đã xong': a part counted as 'things' takes the whole's unit."""


def _parts(text: str, figures: list[Figure]) -> None:
    """A figure after "trong đó" is a part of the nearest earlier figure of the same unit in its sentence."""
    for k, part in enumerate(figures):
        for whole in reversed(figures[:k]):
            if whole.sentence_index != part.sentence_index:
                break
            if whole.kind not in (part.kind, FigureKind.RATIO) or (whole.unit_vi or whole.unit) != (
                part.unit_vi or part.unit
            ):
                continue
            total = whole.denominator if whole.kind == FigureKind.RATIO else whole.value
            if total is not None and part.value < total and _IN_WHICH.search(text[whole.end : part.start]):
                part.part_of = total
            break


def _implicit_ratios(text: str, figures: list[Figure]) -> None:
    """In "Trong tổng số 28 chỉ tiêu … có 18 chỉ tiêu đạt", "có 7 quy hoạch thì 6 cái đã xong" the later,
    smaller count of the same thing in the sentence is a part of the first, "18 of 28 targets" (only the
    first such part: the rest of a breakdown is left as written)."""
    for i, whole in enumerate(figures):
        if whole.kind != FigureKind.COUNT or not whole.unit_vi or whole.denominator is not None:
            continue
        opening = _WHOLE_BEFORE.search(text[max(0, whole.start - 20) : whole.start])
        if opening is None or not whole.value.is_integer():
            continue
        for part in figures[i + 1 :]:
            if part.sentence_index != whole.sentence_index:
                break
            if part.kind != FigureKind.COUNT or part.unit_vi not in (whole.unit_vi, _ANY_THING):
                continue
            link = (_THEN if opening.group("has") else _PART_LINK).search(text[whole.end : part.start])
            if part.value >= whole.value or not part.value.is_integer() or link is None:
                break
            part.kind, part.denominator = FigureKind.RATIO, whole.value
            if part.unit_vi == _ANY_THING:
                part.unit = whole.unit
            break

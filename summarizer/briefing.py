"""Summary -> English Markdown briefing. Figures are formatted by code from the parsed values."""

from __future__ import annotations

import re

from summarizer.formatting import format_quantity
from summarizer.schema import Flag, Indicator, Summary

__all__ = ["digest_text", "flag_text", "format_value", "render_markdown"]

_DIRECTION_WORDS = {
    "increase": "up ",
    "decrease": "down ",
    "exceed": "exceeded by ",
    "rise_to": "rose to ",
    "fall_to": "fell to ",
}
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


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


def _lower_first(name: str) -> str:
    """'Budget revenue' -> 'budget revenue', but 'GDP growth' and 'FDI capital' keep their capitals."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def digest_text(summary: Summary, max_figures: int = 3) -> str:
    """A summary written by code from checked parts only (the meeting and the first key figures, named as the
    table names them), for a briefing whose model summary was withheld: no number the table does not show."""
    m = summary.meeting
    sentences = []
    if m.body_en:
        event = re.search(r"\bmeeting\b", m.body_en, re.IGNORECASE)
        sentences.append(f"This briefing covers {'the' if event else 'a meeting of the'} {m.body_en}.")
    key = [i for i in summary.indicators if i.grounding == "grounded" and i.chosen_by == "model"]
    key += [i for i in summary.indicators if i.grounding == "grounded" and i.chosen_by == "code"]
    parts = []
    for ind in key[:max_figures]:
        period = f" in {ind.period}" if ind.period and ind.period[:1].isdigit() else ""
        period = period or (f" ({ind.period})" if ind.period else "")
        parts.append(f"{_lower_first(ind.name)}, {format_value(ind)}{period}")
    if parts:
        sentences.append("Key figures: " + "; ".join(parts) + ".")
    return " ".join(sentences)


def flag_text(flag: Flag) -> str:
    """A flag as a reader sees it, with the part of a split report it came from."""
    return f"part {flag.part}: {flag.message}" if flag.part is not None else flag.message


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def _meeting_line(summary: Summary) -> str:
    m = summary.meeting
    parts = [f"**{_md(m.body_en)}**" + (f" ({_md(m.body_vi)})" if m.body_vi else "")]
    if m.session is not None:
        parts.append(f"session no. {m.session}")
    if m.term:
        parts.append(f"term {m.term}")
    if m.date:
        y, mo, d = (int(x) for x in m.date.split("-"))
        when = f"{d} {_MONTHS[mo - 1]} {y}"
        parts.append(when + (" (year inferred)" if m.date_year_inferred else ""))
    elif m.date_as_written:
        parts.append(f"dated “{m.date_as_written}”")
    if m.place:
        parts.append(_md(m.place))
    return " · ".join(parts)


def _figure_table(indicators: list[Indicator]) -> list[str]:
    lines = ["| Indicator | Value | Period | Basis | Source (Vietnamese) |", "|---|---|---|---|---|"]
    for ind in indicators:
        if ind.grounding == "grounded":
            value = format_value(ind)
            name = _md(ind.name)
        else:
            value = f"⚠ unverified: {format_value(ind)}" if ind.source_text else "⚠ unverified"
            name = f"⚠ {_md(ind.name)}"
        lines.append(
            f"| {name} | {value} | {_md(ind.period or '')} | {_md(ind.comparison or '')} | “{_md(ind.source_text)}” |"
        )
    return lines


def render_markdown(summary: Summary) -> str:
    """The briefing; ungrounded figures and unverified text carry a visible ⚠ flag."""
    p = summary.provenance
    lines = [f"# {_md(summary.title)}", "", _meeting_line(summary), ""]
    if any(f.in_headline for f in summary.flags):
        lines += ["> ⚠ The summary below contains numbers that could not be verified against the source.", ""]
    text = summary.summary.strip()
    if not text:
        digest = digest_text(summary)
        text = (
            f"{digest}\n\n_Written by the program from the checked figures: the model's summary failed its checks "
            "(see ⚠ Unverified)._"
            if digest
            else "_No summary could be written in checked English; see ⚠ Unverified._"
        )
    lines += ["## Summary", "", text, ""]
    chosen = [i for i in summary.indicators if i.chosen_by == "model"]
    added = [i for i in summary.indicators if i.chosen_by == "code"]
    if chosen:
        lines += ["## Key figures", "", *_figure_table(chosen), ""]
    if added:
        lines += ["## Also in the report", "", *_figure_table(added), ""]
    if summary.topics:
        lines += ["## Topics discussed", ""] + [f"- {_md(t)}" for t in summary.topics] + [""]
    if summary.directives:
        lines += ["## Tasks ahead", ""]
        for d in summary.directives:
            deadline = re.sub(r"^(?:by|before)\s+", "", d.deadline or "", flags=re.IGNORECASE)
            extra = ", ".join(x for x in (d.owner and f"owner: {d.owner}", deadline and f"by {deadline}") if x)
            lines.append(f"- {_md(d.task)}" + (f" ({_md(extra)})" if extra else ""))
        lines.append("")
    if summary.officials:
        lines += ["## Officials", ""]
        for o in summary.officials:
            lines.append(f"- {_md(o.name)}, {_md(o.role)}" + ("" if o.grounded else " ⚠ name not found in source"))
        lines.append("")
    if summary.flags:
        lines += ["## ⚠ Unverified", ""] + [f"- {_md(flag_text(f))}" for f in summary.flags] + [""]
    lines += [
        "---",
        f"Source: {p.source_name} (sha256 {p.source_sha256[:12]}) · model {p.model} ({p.backend}) · "
        f"prompt {p.prompt_id}@{p.prompt_version} ({p.prompt_sha256[:12]}) · schema {p.schema_sha256[:12]}. "
        "Every figure is computed from the source text; ⚠ marks what could not be verified.",
    ]
    return "\n".join(lines) + "\n"

"""Summary -> English Markdown briefing. Figures are formatted by code from the parsed values."""

from __future__ import annotations

import re

from summarizer.schema import Flag, Indicator, Provenance, Summary
from summarizer.wording.formatting import format_date, format_value
from summarizer.wording.prose import write_lead

__all__ = ["flag_text", "format_value", "indicator_label", "render_markdown"]


def flag_text(flag: Flag) -> str:
    """A flag as a reader sees it, with the part of a split report it came from."""
    return f"part {flag.part}: {flag.message}" if flag.part is not None else flag.message


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def _meeting_line(summary: Summary) -> str:
    m = summary.meeting
    body = _md(m.body_en) or "Body not identified by the program"
    parts = [f"**{body}**" + (f" ({_md(m.body_vi)})" if m.body_vi else "")]
    if m.session is not None:
        parts.append(f"session no. {m.session}")
    if m.term:
        parts.append(f"term {m.term}")
    if m.date:
        parts.append(format_date(m))
    elif m.date_as_written:
        parts.append(f"dated “{m.date_as_written}”")
    if m.place:
        parts.append(_md(m.place))
    return " · ".join(parts)


def indicator_label(ind: Indicator) -> str:
    """The name as a reader sees it: the English name, or for a figure nobody could name in English its Vietnamese
    words in quotes, marked not translated, with the English of the words the termbase knows."""
    if ind.name_status == "translated":
        return ind.name
    known = f"; known words: {ind.gloss}" if ind.gloss else ""
    return f"“{ind.name}” (not translated{known})"


def _figure_table(indicators: list[Indicator]) -> list[str]:
    lines = ["| Indicator | Value | Period | Basis | Source (Vietnamese) |", "|---|---|---|---|---|"]
    for ind in indicators:
        if ind.grounding == "grounded":
            value = format_value(ind)
            name = _md(indicator_label(ind))
        else:
            value = f"⚠ unverified: {format_value(ind)}" if ind.source_text else "⚠ unverified"
            name = f"⚠ {_md(indicator_label(ind))}"
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
    if summary.degraded:
        lines += [f"> ⚠ Degraded briefing: {_md(summary.degraded)}", ""]
    lines += ["## Summary", "", summary.summary.strip() or write_lead(summary.meeting, summary.indicators), ""]
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
        f"Source: {p.source_name} (sha256 {p.source_sha256[:12]}){_extracted(p)} · model {p.model} ({p.backend}) · "
        f"prompt {p.prompt_id}@{p.prompt_version} ({p.prompt_sha256[:12]}) · schema {p.schema_sha256[:12]}. "
        "Every figure is computed from the source text; ⚠ marks what could not be verified.",
    ]
    return "\n".join(lines) + "\n"


def _extracted(p: Provenance) -> str:
    described = p.document.describe() if p.document is not None else None
    return f", extracted from {described}" if described else ""

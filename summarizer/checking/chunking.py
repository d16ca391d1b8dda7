"""Reports longer than ``chunk_chars``: cut into parts at sentence starts, and the parts' summaries merged
into one. Every engine splits and merges here, the same way."""

from __future__ import annotations

import hashlib

from summarizer.checking.assembly import figure_indicator
from summarizer.reading.ledger import build_ledger
from summarizer.reading.meeting import find_meeting_facts
from summarizer.reading.reports import Report
from summarizer.reading.sentences import split_sentences
from summarizer.schema import Flag, Indicator, Summary, Usage
from summarizer.wording.prose import write_lead, write_title

__all__ = ["merge_parts", "part_report", "split_report", "sum_usage"]


def split_report(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Spans of ``text`` of at most ``max_chars`` (one over-long sentence excepted), cut at a sentence start,
    at the last paragraph break in the second half of the part when there is one."""
    if len(text) <= max_chars:
        return [(0, len(text))]
    sentences = split_sentences(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for i, sent in enumerate(sentences):
        if sent.start <= start or sent.end - start <= max_chars:
            continue
        cut = sent.start
        for j in range(i, 0, -1):
            if sentences[j].start <= start + max_chars // 2:
                break
            if sentences[j].paragraph != sentences[j - 1].paragraph:
                cut = sentences[j].start
                break
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def part_report(report: Report, start: int, end: int, k: int) -> Report:
    """Part ``k`` of a report, named after it."""
    return Report(name=f"{report.name}#part{k}", text=report.text[start:end], source=report.source)


def sum_usage(usages: list[Usage]) -> Usage:
    """Token usage of several summaries together."""
    return Usage(
        prompt_tokens=sum(u.prompt_tokens for u in usages),
        completion_tokens=sum(u.completion_tokens for u in usages),
        total_tokens=sum(u.total_tokens for u in usages),
        calls=sum(u.calls for u in usages),
        reasks=sum(u.reasks for u in usages),
        per_call=[c for u in usages for c in u.per_call],
        reask_reasons=[r for u in usages for r in u.reask_reasons],
    )


def merge_parts(report: Report, parts: list[Summary], spans: list[tuple[int, int]]) -> Summary:
    """One summary from per-part summaries: spans shifted into the whole text, figures re-read from the whole
    ledger, indicators de-duplicated by source span and value, lists merged, usage summed, and each flag
    marked with the part it came from. Prose the program wrote per part is written again for the whole."""
    ledger = build_ledger(report.text)
    by_span = {(f.start, f.end): f for f in ledger.figures}
    indicators: list[Indicator] = []
    seen: set[object] = set()
    flags: list[Flag] = []
    for k, (part, (offset, _)) in enumerate(zip(parts, spans, strict=True), start=1):
        for ind in part.indicators:
            start, end = ind.span[0] + offset, ind.span[1] + offset
            fig = by_span.get((start, end))
            if fig is None:
                fig = next((f for f in ledger.figures if f.start <= start < f.end), None)
            named = {  # how the part named it: in English, or in its own words (whose span moves with the part)
                "name_status": ind.name_status,
                "name_span": [ind.name_span[0] + offset, ind.name_span[1] + offset] if ind.name_span else None,
                "gloss": ind.gloss,
                "chosen_by": ind.chosen_by,
            }
            if fig is None:
                moved = ind.model_copy(update={"span": [start, end], **named})
                key: object = ("span", start, end)
            else:
                moved = figure_indicator(fig.id, ind.name, ledger, []).model_copy(
                    update={"grounding": ind.grounding, "grounding_note": ind.grounding_note, **named}
                )
                key = fig.value_key
            if key not in seen and ("span", start, end) not in seen:
                seen.update({key, ("span", start, end)})
                indicators.append(moved)
        flags += [f.model_copy(update={"part": k}) for f in part.flags]

    def unique(values: list[str]) -> list[str]:
        return list(dict.fromkeys(v for v in values if v.strip()))

    first = parts[0]
    facts = find_meeting_facts(ledger)
    meeting = first.meeting.model_copy(
        update={
            "session": facts.session,
            "session_text": facts.session_text,
            "term": facts.term,
            "date": facts.date,
            "date_as_written": facts.date_as_written,
            "date_year_inferred": facts.date_year_inferred,
            "body_vi": facts.body_vi or first.meeting.body_vi,
            "body_en": facts.body_en or first.meeting.body_en,
        }
    )
    topics = unique([t for p in parts for t in p.topics])
    code_lead = all(p.summary == write_lead(p.meeting, p.indicators) for p in parts)
    code_title = all(p.title == write_title(p.meeting, p.topics) for p in parts)
    degraded = [f"part {k}: {p.degraded}" for k, p in enumerate(parts, start=1) if p.degraded]
    directives = {d.task.lower(): d for p in parts for d in p.directives}
    officials = {o.name.lower(): o for p in parts for o in p.officials}
    return Summary(
        title=write_title(meeting, topics) if code_title else first.title,
        meeting=meeting,
        officials=list(officials.values()),
        topics=topics,
        indicators=indicators,
        directives=list(directives.values()),
        summary=write_lead(meeting, indicators) if code_lead else " ".join(unique([p.summary for p in parts])),
        flags=flags,
        degraded="; ".join(degraded) or None,
        provenance=first.provenance.model_copy(
            update={
                "source_name": report.name,
                "source_sha256": hashlib.sha256(report.text.encode()).hexdigest(),
                "elapsed_s": round(sum(p.provenance.elapsed_s for p in parts), 3),
                "max_tokens": max(p.provenance.max_tokens for p in parts),
                "usage": sum_usage([p.provenance.usage for p in parts]),
                "document": report.document,
            }
        ),
    )

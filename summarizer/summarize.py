"""One report in, one validated ``Summary`` out: ledger, prompt, model call, grounding. Prints nothing."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.basis import basis_of
from summarizer.client import AsyncModelClient, CallStats, ModelClient, StructuredResult
from summarizer.config import Settings
from summarizer.errors import ModelCallError, TruncatedOutputError
from summarizer.facts import MeetingFacts, find_meeting_facts, split_official
from summarizer.grounding import (
    MatchStatus,
    clean_name,
    draft_checker,
    draft_language_issues,
    fold,
    prose_fields,
    prose_issues,
    repair_prose,
)
from summarizer.inputs import Report
from summarizer.language import language_issues
from summarizer.local import DEFAULT_MODEL_ALIAS, LocalServer, assemble_model
from summarizer.numbers import SCALE_NAMES_EN, Figure, FigureKind, Ledger, build_ledger, split_sentences
from summarizer.prompts import DEFAULT_PROMPT, Prompt, load_prompt
from summarizer.schema import (
    CallUsage,
    Directive,
    Draft,
    DraftDirective,
    Flag,
    Indicator,
    Meeting,
    Official,
    Provenance,
    Summary,
    Usage,
    draft_model,
    schema_sha256,
)

__all__ = [
    "MIN_INDICATORS",
    "Summarizer",
    "build_messages",
    "build_summary",
    "figure_indicator",
    "ranked_candidates",
    "summarize",
]

MIN_INDICATORS = 8
_MAX_TOKENS_CAP = 4096

ProgressFn = Callable[[int, int], None]


def _tagged_report(ledger: Ledger, ids: set[str]) -> str:
    parts: list[str] = []
    pos = 0
    for fig in ledger.figures:
        if fig.id in ids:
            parts.append(ledger.text[pos : fig.start])
            parts.append(f"[{fig.id}] ")
            pos = fig.start
    parts.append(ledger.text[pos:])
    return "".join(parts)


_KIND_RANK = {
    FigureKind.MONEY: 0,
    FigureKind.PERCENT: 1,
    FigureKind.RATIO: 2,
    FigureKind.QUANTITY: 3,
    FigureKind.COUNT: 4,
}


def ranked_candidates(ledger: Ledger) -> list[Figure]:
    """Candidates, likeliest key figures first: money, then rates with a basis, ratios, quantities, counts."""

    def rank(f: Figure) -> tuple[int, int, int]:
        weak = 0 if (f.basis or f.cue or f.unit not in (None, "%")) else 1
        return (_KIND_RANK.get(f.kind, 9), weak, f.start)

    return sorted(ledger.candidates(), key=rank)


def build_messages(prompt: Prompt, ledger: Ledger, facts: MeetingFacts) -> list[dict[str, str]]:
    """System prompt first and constant, so a llama.cpp server reuses its KV cache across reports."""
    candidates = ranked_candidates(ledger)
    ids = {f.id for f in candidates}
    figures = "\n".join(f"{f.id}: {f.text} = {f.label or '?'}" for f in candidates) or "(none)"
    user = prompt.render_user(report=_tagged_report(ledger, ids), figures=figures, facts=facts.describe())
    return [{"role": "system", "content": prompt.system}, {"role": "user", "content": user}]


def _comparison(fig: Figure) -> str | None:
    if fig.kind == FigureKind.RATIO and fig.denominator is not None:
        return f"of {fig.denominator:g}" + (f" {fig.unit}" if fig.unit else "")
    return fig.basis


def figure_indicator(figure_id: str, name: str, ledger: Ledger, problems: list[str]) -> Indicator:
    """The stored indicator for one ledger figure: every value from code, the name from the model."""
    fig = ledger.get(figure_id)
    mine = [p for p in problems if f" {figure_id} " in f" {p} " or f"{figure_id}," in p or f"{figure_id})" in p]
    if fig is None:
        return Indicator(
            figure_id=figure_id,
            name=name,
            value=0.0,
            value_high=None,
            unit=None,
            scale=None,
            base_value=0.0,
            denominator=None,
            kind="unknown",
            period=None,
            comparison=None,
            basis=None,
            direction=None,
            qualifier=None,
            source_text="",
            source_quote="",
            span=[0, 0],
            grounding="ungrounded",
            grounding_note=f"{figure_id} is not a figure of the source",
        )
    note = None
    grounding = "grounded"
    if not fig.is_indicator_kind:
        grounding, note = "ungrounded", f"'{fig.text}' is a {fig.kind.value}, not an indicator"
    elif fig.ambiguous:
        grounding, note = "ungrounded", f"ambiguous number: {fig.ambiguous}"
    elif mine:
        grounding, note = "ungrounded", "; ".join(mine)
    return Indicator(
        figure_id=fig.id,
        name=name,
        value=fig.value,
        value_high=fig.high,
        unit=fig.unit,
        scale=SCALE_NAMES_EN.get(fig.scale) if fig.scale else None,
        base_value=fig.base_value,
        denominator=fig.denominator,
        kind=fig.kind.value,
        period=fig.period,
        comparison=_comparison(fig),
        basis=basis_of(fig.kind.value, fig.basis, fig.cue, fig.denominator, target=fig.target).value,
        direction=fig.cue,  # type: ignore[arg-type]
        qualifier=fig.qualifier,
        source_text=fig.text,
        source_quote=ledger.quote(fig),
        span=[fig.start, fig.end],
        grounding=grounding,  # type: ignore[arg-type]
        grounding_note=note,
    )


_GENERIC_NAMES = {
    "money": "Amount",
    "percent": "Rate",
    "quantity": "Quantity",
}


def indicator_name(fig: Figure | None, drafted: str, language_problem: str | None) -> str:
    """The program's English name where the terminology knows the subject; else the model's, when it is
    clean English; else a plain description of the figure's kind."""
    if fig is not None and fig.label:
        return fig.label
    written = drafted.strip().strip("\"'")
    name = clean_name(written) if re.search(r"[A-Za-z]{2}", written) and language_problem is None else ""
    if name:
        return name
    if fig is not None and fig.unit and fig.kind.value in ("count", "ratio"):
        return f"Number of {fig.unit}"
    return _GENERIC_NAMES.get(fig.kind.value if fig else "", "Figure")


def _short_name(name: str | None, report_folded: str) -> str:
    """A body the model named, kept only when it reads as a name (a few words of clean English)."""
    name = (name or "").strip()
    if not name or len(name.split()) > 10 or re.search(r"[.!?]|\b(?:is|are|was|discuss|report)", name):
        return ""
    return name if not language_issues(name, "body", report_folded) else ""


def _clean_owner(owner: str | None, report_folded: str) -> str | None:
    """A task's owner is shown only when it is whole English about this report."""
    return owner if owner and not language_issues(owner, "owner", report_folded) else None


def _fallback_title(facts: MeetingFacts) -> str:
    return f"{facts.body_en}: meeting briefing" if facts.body_en else "Meeting briefing"


def _in_source(phrase: str, text: str) -> str | None:
    """A Vietnamese phrase the model copied, kept only when the report really writes it."""
    phrase = phrase.strip()
    return phrase if phrase and phrase in text else None


def build_summary(
    draft: Draft, ledger: Ledger, facts: MeetingFacts, provenance: Provenance, problems: list[str]
) -> Summary:
    """Assemble the stored summary: values from the ledger, names and prose from the draft, flags kept.

    Copies of source figures in Vietnamese notation are rewritten in English notation from the ledger;
    numbers in names are removed (the value column carries them); every other number that is not
    exactly in the source is flagged, as are the problems left after the last re-ask.
    """
    folded = fold(ledger.text)
    bad_language = {issue.where: issue.message for issue in draft_language_issues(draft, folded)}
    for where, text in prose_fields(draft):
        invented = [
            msg for status, msg in prose_issues(repair_prose(text, ledger), ledger, where) if status == MatchStatus.NONE
        ]
        if invented:
            bad_language.setdefault(where, invented[0])
    indicators: list[Indicator] = []
    seen: set[tuple[object, ...]] = set()
    for k, d in enumerate(draft.indicators, start=1):
        fig = ledger.get(d.figure)
        key = fig.value_key if fig is not None else (d.figure,)
        if key not in seen:
            seen.add(key)
            name = indicator_name(fig, d.name, bad_language.get(f"indicator {k} name"))
            indicators.append(figure_indicator(d.figure, name, ledger, problems))
    withheld: list[str] = []

    def checked(where: str, text: str) -> str:
        """Prose that failed the language checks after the last re-ask is withheld, and said so."""
        if where in bad_language:
            withheld.append(f"{where} withheld: {bad_language[where]}")
            return ""
        return repair_prose(text, ledger)

    title = checked("title", draft.title) or _fallback_title(facts)
    summary_text = checked("summary", draft.summary)
    topics = [checked_t for k, t in enumerate(draft.topics, start=1) if (checked_t := checked(f"topic {k}", t))]
    directives = [
        Directive(
            task=task,
            owner=_clean_owner(d.owner, folded),
            deadline=None if f"directive {k} deadline" in bad_language else d.deadline,
        )
        for k, d in enumerate(draft.directives, start=1)
        if (task := checked(f"directive {k}", d.task))
    ]
    repaired = draft.model_copy(
        update={
            "title": title,
            "summary": summary_text,
            "topics": topics,
            "directives": [
                DraftDirective.model_construct(task=d.task, owner=d.owner, deadline=d.deadline) for d in directives
            ],
        }
    )
    language = {issue.message for issue in draft_language_issues(draft, folded)}
    messages = [p for p in problems if not p.startswith(tuple(w for w, _ in prose_fields(draft))) and p not in language]
    messages += [msg for where, text in prose_fields(repaired) for _, msg in prose_issues(text, ledger, where)]
    messages += withheld
    officials = []
    for k, o in enumerate(draft.officials, start=1):
        person, role = split_official(o.name)
        if role is None and f"official {k} role" in bad_language:
            continue
        officials.append(Official(name=person, role=role or o.role, grounded=fold(person) in folded))
    messages += [f"official '{o.name}' is not named in the source" for o in officials if not o.grounded]
    return Summary(
        title=title,
        meeting=Meeting(
            body_en=facts.body_en or _short_name(draft.body_en, folded),
            body_vi=facts.body_vi or _in_source(draft.body_vi or "", ledger.text),
            session=facts.session,
            session_text=facts.session_text,
            term=facts.term,
            date=facts.date,
            date_as_written=facts.date_as_written,
            date_year_inferred=facts.date_year_inferred,
            place=draft.place if draft.place and not language_issues(draft.place, "place", folded) else None,
        ),
        officials=officials,
        topics=topics,
        indicators=indicators,
        directives=directives,
        summary=summary_text,
        flags=[Flag(field=m.split(" ")[0], message=m) for m in dict.fromkeys(messages)],
        provenance=provenance,
    )


class Summarizer:
    """Summarizes reports with one backend; starts the embedded server on first use, stops it on close."""

    def __init__(
        self,
        settings: Settings,
        *,
        prompt: str = DEFAULT_PROMPT,
        on_model_progress: ProgressFn | None = None,
    ) -> None:
        self.settings = settings
        self.prompt = load_prompt(prompt)
        self._on_model_progress = on_model_progress
        self._server: LocalServer | None = None
        self._client: ModelClient | None = None
        self._aclient: AsyncModelClient | None = None

    def _ensure_client(self) -> ModelClient:
        if self._client is not None:
            return self._client
        if self.settings.backend == "local":
            path = self.settings.model_path or assemble_model(self._on_model_progress)
            alias = self.settings.model or (
                DEFAULT_MODEL_ALIAS if self.settings.model_path is None else Path(path).stem
            )
            self._server = LocalServer(
                Path(path),
                n_ctx=self.settings.n_ctx,
                n_threads=self.settings.n_threads,
                alias=alias,
                start_timeout=self.settings.server_start_timeout_s,
            ).start()
            self._client = ModelClient(self.settings, base_url=self._server.base_url, model=alias)
        else:
            self._client = ModelClient(self.settings)
        return self._client

    @property
    def model_name(self) -> str:
        return self._ensure_client().model

    def close(self) -> None:
        if self._aclient is not None:
            self._aclient.close_sync()
            self._aclient = None
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._server is not None:
            self._server.stop()
            self._server = None

    def __enter__(self) -> Summarizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ensure_aclient(self) -> AsyncModelClient:
        if self._aclient is None:
            sync = self._ensure_client()
            self._aclient = AsyncModelClient(self.settings, base_url=sync.base_url, model=sync.model)
        return self._aclient

    async def aclose(self) -> None:
        """Close the async client inside the event loop that used it."""
        if self._aclient is not None:
            await self._aclient.aclose()
            self._aclient = None

    def _prepare(self, report: Report) -> _Job:
        ledger = build_ledger(report.text)
        facts = find_meeting_facts(ledger)
        candidate_ids = [f.id for f in ranked_candidates(ledger)]
        floor = min(MIN_INDICATORS, len(candidate_ids))
        return _Job(
            report=report,
            ledger=ledger,
            facts=facts,
            model=draft_model(candidate_ids, min_indicators=floor),
            check=draft_checker(ledger, min_indicators=floor),
            messages=build_messages(self.prompt, ledger, facts),
            started=time.monotonic(),
        )

    def summarize(self, report: Report) -> Summary:
        """Summarize one report; a report longer than the context is split, summarized per part, merged."""
        spans = split_report(report.text, self.settings.chunk_chars)
        if len(spans) == 1:
            return self._summarize_one(report)
        parts = [self._summarize_one(_part(report, a, b, k)) for k, (a, b) in enumerate(spans, start=1)]
        return merge_parts(report, parts, spans)

    async def asummarize(self, report: Report) -> Summary:
        """The same as ``summarize``, on the async client, for concurrent batches."""
        spans = split_report(report.text, self.settings.chunk_chars)
        if len(spans) == 1:
            return await self._asummarize_one(report)
        parts = [await self._asummarize_one(_part(report, a, b, k)) for k, (a, b) in enumerate(spans, start=1)]
        return merge_parts(report, parts, spans)

    def _summarize_one(self, report: Report) -> Summary:
        client = self._ensure_client()
        job = self._prepare(report)
        max_tokens, extra = self.settings.max_tokens, CallStats()
        while True:
            try:
                result = client.structured(job.messages, job.model, context={"check": job.check}, max_tokens=max_tokens)
                return self._finish(job, result, max_tokens, extra)
            except TruncatedOutputError as e:
                max_tokens = _bigger_budget(max_tokens, e, extra)

    async def _asummarize_one(self, report: Report) -> Summary:
        client = self._ensure_aclient()
        job = self._prepare(report)
        max_tokens, extra = self.settings.max_tokens, CallStats()
        while True:
            try:
                result = await client.structured(
                    job.messages, job.model, context={"check": job.check}, max_tokens=max_tokens
                )
                return self._finish(job, result, max_tokens, extra)
            except TruncatedOutputError as e:
                max_tokens = _bigger_budget(max_tokens, e, extra)

    def _finish(self, job: _Job, result: StructuredResult, max_tokens: int, extra: CallStats) -> Summary:
        stats = result.stats
        problems: list[str] = []
        draft: Draft
        if result.parsed is not None:
            draft = result.parsed  # type: ignore[assignment]
        else:
            draft, problems = _lenient(job.model, result.last_text, job.check, result.problems, stats.attempts)
        prompt_tokens = stats.prompt_tokens + extra.prompt_tokens
        completion_tokens = stats.completion_tokens + extra.completion_tokens
        usage = Usage(
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            total_tokens=prompt_tokens + completion_tokens,
            calls=stats.calls + extra.calls,
            reasks=stats.reasks,
            per_call=[CallUsage(prompt_tokens=p, completion_tokens=c) for p, c in extra.per_call + stats.per_call],
        )
        client = self._ensure_client()
        provenance = Provenance(
            source_name=job.report.name,
            source_sha256=hashlib.sha256(job.report.text.encode()).hexdigest(),
            prompt_id=self.prompt.id,
            prompt_version=self.prompt.version,
            prompt_sha256=self.prompt.sha256,
            schema_sha256=schema_sha256(Summary),
            backend=self.settings.backend,
            model=client.model,
            temperature=self.settings.temperature,
            max_tokens=max_tokens,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            elapsed_s=round(time.monotonic() - job.started, 3),
            usage=usage,
        )
        return build_summary(draft, job.ledger, job.facts, provenance, problems)


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


def _part(report: Report, start: int, end: int, k: int) -> Report:
    return Report(name=f"{report.name}#part{k}", text=report.text[start:end], source=report.source)


def merge_parts(report: Report, parts: list[Summary], spans: list[tuple[int, int]]) -> Summary:
    """One summary from per-part summaries: spans shifted into the whole text, figures re-read from the whole
    ledger, indicators de-duplicated by source span and value, lists merged, usage summed."""
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
            if fig is None:
                moved = ind.model_copy(update={"span": [start, end]})
                key: object = ("span", start, end)
            else:
                moved = figure_indicator(fig.id, ind.name, ledger, []).model_copy(
                    update={"grounding": ind.grounding, "grounding_note": ind.grounding_note}
                )
                key = fig.value_key
            if key not in seen and ("span", start, end) not in seen:
                seen.update({key, ("span", start, end)})
                indicators.append(moved)
        flags += [Flag(field=f.field, message=f"part {k}: {f.message}") for f in part.flags]

    def unique(values: list[str]) -> list[str]:
        return list(dict.fromkeys(v for v in values if v.strip()))

    first = parts[0]
    usage = Usage(
        prompt_tokens=sum(p.provenance.usage.prompt_tokens for p in parts),
        completion_tokens=sum(p.provenance.usage.completion_tokens for p in parts),
        total_tokens=sum(p.provenance.usage.total_tokens for p in parts),
        calls=sum(p.provenance.usage.calls for p in parts),
        reasks=sum(p.provenance.usage.reasks for p in parts),
        per_call=[c for p in parts for c in p.provenance.usage.per_call],
    )
    facts = find_meeting_facts(ledger)
    directives = {d.task.lower(): d for p in parts for d in p.directives}
    officials = {o.name.lower(): o for p in parts for o in p.officials}
    return Summary(
        title=first.title,
        meeting=first.meeting.model_copy(
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
        ),
        officials=list(officials.values()),
        topics=unique([t for p in parts for t in p.topics]),
        indicators=indicators,
        directives=list(directives.values()),
        summary=" ".join(unique([p.summary for p in parts])),
        flags=flags,
        provenance=first.provenance.model_copy(
            update={
                "source_name": report.name,
                "source_sha256": hashlib.sha256(report.text.encode()).hexdigest(),
                "elapsed_s": round(sum(p.provenance.elapsed_s for p in parts), 3),
                "max_tokens": max(p.provenance.max_tokens for p in parts),
                "usage": usage,
            }
        ),
    )


def _bigger_budget(max_tokens: int, error: TruncatedOutputError, extra: CallStats) -> int:
    """Truncated output is never parsed: retry with twice the budget, up to a cap, then give up."""
    if error.stats is not None:
        extra.merge(error.stats)
    if max_tokens >= _MAX_TOKENS_CAP:
        raise error
    return min(_MAX_TOKENS_CAP, max_tokens * 2)


@dataclass
class _Job:
    """Everything prepared for one report before the model is called."""

    report: Report
    ledger: Ledger
    facts: MeetingFacts
    model: type[Draft]
    check: Callable[[Draft], list[str]]
    messages: list[dict[str, str]]
    started: float


def _lenient(
    model: type[Draft], text: str | None, check: Callable[[Draft], list[str]], reason: str | None, attempts: int
) -> tuple[Draft, list[str]]:
    """After the last re-ask: keep what parses, mark what does not ground; refuse what does not parse."""
    if text is None:
        raise ModelCallError(f"no summary after {attempts} attempt(s): {(reason or 'no output')[:300]}")
    try:
        draft = Draft.model_validate_json(text, context={"lenient": True})
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise ModelCallError(
            f"model output does not fit the schema after {attempts} attempt(s): {where}: {first['msg']}",
            attempts=attempts,
        ) from None
    return draft, check(draft)


def summarize(report: Report | str, settings: Settings | None = None, **kwargs: Any) -> Summary:
    """Convenience for notebooks: summarize one report (text or ``Report``) and stop any local server."""
    rep = report if isinstance(report, Report) else Report.from_text(report)
    with Summarizer(settings or Settings.resolve(), **kwargs) as s:
        return s.summarize(rep)

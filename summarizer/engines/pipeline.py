"""The pipeline for one report, written once, for every engine.

``plan`` is a generator: it prepares the report (split into parts when longer than ``chunk_chars``),
yields each model request it needs, receives each result (or the ``TruncatedOutputError`` of an answer
cut at its token budget, which it answers by asking again with twice the budget), assembles, merges, and
returns the ``Summary``. It does no I/O, so engines differ only in how requests travel: ``run_plan``
drives it with a blocking call, ``arun_plan`` with an awaitable one (direct async, and the Batch API,
whose calls wait for a batch round).

A model failure costs quality, never the briefing: when the answer is cut, does not fit its schema, times
out or the report's time budget runs out, the part is assembled from what code knows (``degrade``) and
the summary says why. Only a failure no later run would fix differently (a refused key, a bad request) is
raised.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass
from typing import TypeVar

from summarizer.asking.calls import CallStats, ModelRequest, StructuredResult
from summarizer.asking.recipe import Recipe
from summarizer.asking.requests import Job, no_check, prepare, prose_messages
from summarizer.checking.assembly import assemble, degrade, with_checks, with_model_prose
from summarizer.checking.chunking import merge_parts, part_report, split_report
from summarizer.errors import BatchRoundError, ModelCallError, TruncatedOutputError
from summarizer.reading.figures import Ledger
from summarizer.reading.ledger import build_ledger
from summarizer.reading.meeting import MeetingFacts, find_meeting_facts
from summarizer.reading.reports import Report
from summarizer.schema import PROSE_MAX_TOKENS, ProseDraft, Summary

__all__ = ["MAX_TOKENS_CAP", "Briefed", "Plan", "arun_plan", "is_degradable", "plan", "plan_briefed", "run_plan"]

MAX_TOKENS_CAP = 4096

Plan = Generator[ModelRequest, StructuredResult, Summary]
T = TypeVar("T")


@dataclass(frozen=True)
class Briefed:
    """A summary with what was read to make it (the ledger and the meeting facts), so the briefing and the review
    page render them instead of reading the report again."""

    summary: Summary
    ledger: Ledger
    facts: MeetingFacts


def plan(report: Report, recipe: Recipe) -> Plan:
    """Summarize ``report``: one request per part, more when an answer is cut; see the module doc."""
    briefed = yield from plan_briefed(report, recipe)
    return briefed.summary


def plan_briefed(report: Report, recipe: Recipe) -> Generator[ModelRequest, StructuredResult, Briefed]:
    """``plan``, returning the summary with the ledger and meeting facts it was made from."""
    spans = split_report(report.text, recipe.settings.chunk_chars)
    budget = recipe.settings.report_budget_s
    deadline = time.monotonic() + budget if budget is not None else None
    if len(spans) == 1:
        summary, job = yield from _plan_part(report, recipe, deadline)
        ledger, facts = job.ledger, job.facts
    else:
        parts = []
        for k, (start, end) in enumerate(spans, start=1):
            part, _ = yield from _plan_part(part_report(report, start, end, k), recipe, deadline)
            parts.append(part)
        summary = merge_parts(report, parts, spans)
        ledger = build_ledger(report.text)
        facts = find_meeting_facts(ledger)
    if recipe.prose is not None and summary.degraded is None:
        summary = yield from _model_prose(summary, report, recipe, deadline)
    return Briefed(summary, ledger, facts)


def _model_prose(summary: Summary, report: Report, recipe: Recipe, deadline: float | None) -> Plan:
    """Ask for title and lead from the fact sheet; keep what passes the checks, else the program's prose."""
    assert recipe.prose is not None
    left = None if deadline is None else deadline - time.monotonic()
    if left is not None and left <= 0:
        return summary
    messages = prose_messages(recipe.prose, summary)
    try:
        result = yield ModelRequest(messages, ProseDraft, no_check, PROSE_MAX_TOKENS, timeout_s=left)
    except ModelCallError as e:
        if not is_degradable(e):
            raise
        return summary
    return with_model_prose(summary, result, report.text)


_NOT_DEGRADABLE = frozenset({400, 401, 403, 404})
"""A refused key, a missing model or a bad request fails every report alike: an error, not a degraded briefing."""


def is_degradable(error: ModelCallError) -> bool:
    """A failure of this answer (cut, unparsable, timed out, refused, server down) rather than of the setup or
    of a Batch API round that ended before the request ran."""
    return error.status not in _NOT_DEGRADABLE and not isinstance(error, BatchRoundError)


_Part = Generator[ModelRequest, StructuredResult, tuple[Summary, Job]]


def _plan_part(report: Report, recipe: Recipe, deadline: float | None) -> _Part:
    job = with_checks(prepare(report, recipe.prompt))
    summary = yield from _answer(job, recipe, deadline)
    return summary, job


def _answer(job: Job, recipe: Recipe, deadline: float | None) -> Plan:
    max_tokens, earlier = job.max_tokens or recipe.settings.max_tokens, CallStats()
    while True:
        left = None if deadline is None else deadline - time.monotonic()
        if left is not None and left <= 0:
            return degrade(job, recipe, "the report's time budget ran out", max_tokens=max_tokens, earlier=earlier)
        try:
            result = yield ModelRequest(job.messages, job.model, job.check, max_tokens, timeout_s=left)
        except TruncatedOutputError as e:
            if e.stats is not None:
                earlier.merge(e.stats)
            if job.max_tokens is not None or max_tokens >= MAX_TOKENS_CAP:
                return degrade(job, recipe, str(e), max_tokens=max_tokens, earlier=earlier)
            max_tokens = min(MAX_TOKENS_CAP, max_tokens * 2)
            continue
        except ModelCallError as e:
            if not is_degradable(e):
                raise
            return degrade(job, recipe, str(e), max_tokens=max_tokens, earlier=earlier)
        try:
            return assemble(job, result, recipe, max_tokens=max_tokens, earlier=earlier)
        except ModelCallError as e:
            return degrade(job, recipe, str(e), max_tokens=max_tokens, earlier=earlier.merged(result.stats))


Reply = StructuredResult | ModelCallError | None


def _step(p: Generator[ModelRequest, StructuredResult, T], reply: Reply) -> ModelRequest | T:
    """Advance the plan with the last reply: its next request, or the finished summary."""
    try:
        if reply is None:
            return next(p)
        if isinstance(reply, ModelCallError):
            return p.throw(reply)
        return p.send(reply)
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]


def run_plan(p: Generator[ModelRequest, StructuredResult, T], call: Callable[[ModelRequest], StructuredResult]) -> T:
    """Drive a plan with a blocking model call."""
    step = _step(p, None)
    while isinstance(step, ModelRequest):
        reply: Reply
        try:
            reply = call(step)
        except ModelCallError as e:
            reply = e
        step = _step(p, reply)
    return step


async def arun_plan(p: Plan, call: Callable[[ModelRequest], Awaitable[StructuredResult]]) -> Summary:
    """Drive a plan with an awaitable model call."""
    step = _step(p, None)
    while isinstance(step, ModelRequest):
        reply: Reply
        try:
            reply = await call(step)
        except ModelCallError as e:
            reply = e
        step = _step(p, reply)
    return step

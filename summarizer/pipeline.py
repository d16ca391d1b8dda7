"""The pipeline for one report, written once, for every engine.

``plan`` is a generator: it prepares the report (split into parts when longer than ``chunk_chars``),
yields each model request it needs, receives each result (or the ``TruncatedOutputError`` of an answer
cut at its token budget, which it answers by asking again with twice the budget), assembles, merges, and
returns the ``Summary``. It does no I/O, so engines differ only in how requests travel: ``run_plan``
drives it with a blocking call, ``arun_plan`` with an awaitable one (direct async, and the Batch API,
whose calls wait for a batch round).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Generator

from summarizer.assembly import assemble
from summarizer.calls import CallStats, ModelRequest, StructuredResult
from summarizer.chunking import merge_parts, part_report, split_report
from summarizer.errors import TruncatedOutputError
from summarizer.inputs import Report
from summarizer.prompting import prepare
from summarizer.recipe import Recipe
from summarizer.schema import Summary

__all__ = ["MAX_TOKENS_CAP", "Plan", "arun_plan", "plan", "run_plan"]

MAX_TOKENS_CAP = 4096

Plan = Generator[ModelRequest, StructuredResult, Summary]


def plan(report: Report, recipe: Recipe) -> Plan:
    """Summarize ``report``: one request per part, more when an answer is cut; see the module doc."""
    spans = split_report(report.text, recipe.settings.chunk_chars)
    if len(spans) == 1:
        return (yield from _plan_part(report, recipe))
    parts = []
    for k, (start, end) in enumerate(spans, start=1):
        parts.append((yield from _plan_part(part_report(report, start, end, k), recipe)))
    return merge_parts(report, parts, spans)


def _plan_part(report: Report, recipe: Recipe) -> Plan:
    job = prepare(report, recipe.prompt)
    max_tokens, earlier = recipe.settings.max_tokens, CallStats()
    while True:
        try:
            result = yield ModelRequest(job.messages, job.model, job.check, max_tokens)
        except TruncatedOutputError as e:
            max_tokens = _bigger_budget(max_tokens, e, earlier)
            continue
        return assemble(job, result, recipe, max_tokens=max_tokens, earlier=earlier)


def _bigger_budget(max_tokens: int, error: TruncatedOutputError, earlier: CallStats) -> int:
    """Truncated output is never parsed: ask again with twice the budget, up to a cap, then give up."""
    if error.stats is not None:
        earlier.merge(error.stats)
    if max_tokens >= MAX_TOKENS_CAP:
        raise error
    return min(MAX_TOKENS_CAP, max_tokens * 2)


Reply = StructuredResult | TruncatedOutputError | None


def _step(p: Plan, reply: Reply) -> ModelRequest | Summary:
    """Advance the plan with the last reply: its next request, or the finished summary."""
    try:
        if reply is None:
            return next(p)
        if isinstance(reply, TruncatedOutputError):
            return p.throw(reply)
        return p.send(reply)
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]


def run_plan(p: Plan, call: Callable[[ModelRequest], StructuredResult]) -> Summary:
    """Drive a plan with a blocking model call."""
    step = _step(p, None)
    while isinstance(step, ModelRequest):
        reply: Reply
        try:
            reply = call(step)
        except TruncatedOutputError as e:
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
        except TruncatedOutputError as e:
            reply = e
        step = _step(p, reply)
    return step

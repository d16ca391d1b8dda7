"""Stage 1: one report in, one prepared model request out (ledger, meeting facts, candidates, messages).

Pure and model-free: every engine prepares a report the same way before any request travels.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from summarizer.facts import MeetingFacts, find_meeting_facts
from summarizer.grounding import draft_checker
from summarizer.inputs import Report
from summarizer.numbers import Figure, FigureKind, Ledger, build_ledger
from summarizer.prompts import Prompt
from summarizer.schema import Draft, Flag, draft_model

__all__ = ["MIN_INDICATORS", "Job", "build_messages", "prepare", "ranked_candidates"]

MIN_INDICATORS = 8

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


def build_messages(prompt: Prompt, ledger: Ledger, facts: MeetingFacts) -> list[dict[str, str]]:
    """System prompt first and constant, so a llama.cpp server reuses its KV cache across reports."""
    candidates = ranked_candidates(ledger)
    ids = {f.id for f in candidates}
    figures = "\n".join(f"{f.id}: {f.text} = {f.label or '?'}" for f in candidates) or "(none)"
    user = prompt.render_user(report=_tagged_report(ledger, ids), figures=figures, facts=facts.describe())
    return [{"role": "system", "content": prompt.system}, {"role": "user", "content": user}]


@dataclass(frozen=True)
class Job:
    """Everything prepared for one report (or one part of a split report) before the model is called."""

    report: Report
    ledger: Ledger
    facts: MeetingFacts
    model: type[Draft]
    check: Callable[[Draft], list[Flag]]
    messages: list[dict[str, str]]
    started: float


def prepare(report: Report, prompt: Prompt) -> Job:
    """Read the figures and the meeting facts, and build the request: a draft schema whose figure ids are
    this report's candidates, the re-ask checks, and the messages."""
    ledger = build_ledger(report.text)
    facts = find_meeting_facts(ledger)
    candidate_ids = [f.id for f in ranked_candidates(ledger)]
    floor = min(MIN_INDICATORS, len(candidate_ids))
    return Job(
        report=report,
        ledger=ledger,
        facts=facts,
        model=draft_model(candidate_ids, min_indicators=floor),
        check=draft_checker(ledger, min_indicators=floor),
        messages=build_messages(prompt, ledger, facts),
        started=time.monotonic(),
    )

"""Stage 1: one report in, one prepared model request out (ledger, meeting facts, candidates, messages).

Pure and model-free: every engine prepares a report the same way before any request travels.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from summarizer.asking.prompts import Prompt
from summarizer.reading.clause_words import clause_gloss
from summarizer.reading.figures import Figure, FigureKind, Ledger
from summarizer.reading.labels import known_name
from summarizer.reading.ledger import build_ledger
from summarizer.reading.meeting import MeetingFacts, find_meeting_facts
from summarizer.reading.reports import Report
from summarizer.schema import SELECTION_MAX_TOKENS, Flag, Summary, draft_model, selection_model
from summarizer.tables import either, words
from summarizer.wording.prose import fact_sheet

__all__ = [
    "MIN_INDICATORS",
    "Job",
    "build_messages",
    "known_name",
    "no_check",
    "prepare",
    "prose_messages",
    "ranked_candidates",
    "unnamed_candidates",
]

MIN_INDICATORS = 8

_KIND_RANK = {
    FigureKind.MONEY: 0,
    FigureKind.PERCENT: 1,
    FigureKind.RATIO: 2,
    FigureKind.QUANTITY: 3,
    FigureKind.COUNT: 4,
}


def ranked_candidates(ledger: Ledger) -> list[Figure]:
    """Candidates, likeliest key figures first: money, then rates with a basis, ratios, quantities, counts. Ranked
    once per ledger; do not change the list."""
    return ledger.keep("ranked_candidates", lambda: _ranked(ledger))


def _ranked(ledger: Ledger) -> list[Figure]:
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


_TASK_CUES = re.compile(either(words("markers", "task"), escape=False), re.IGNORECASE)
"""Words of a sentence that sets tasks (``data/markers.tsv``)."""


TASK_EXCERPT_CHARS = 1500
"""Room for sentences that only set tasks: the short answer names at most three tasks, and a report's long
closing list of directives (one report held 18 of them, 6,500 characters) would otherwise make its request the
slowest by far."""

TASK_SENTENCE_CHARS = 300
"""A task sentence is cut here: the gist of a directive is in its first clause."""


def _tagged_sentences(ledger: Ledger, ids: set[str]) -> str:
    """Only what the short answer needs: the first sentence, every sentence holding a candidate (tagged), and
    sentences that set tasks, in text order, up to ``TASK_EXCERPT_CHARS``; one per line."""
    by_sentence: dict[int, list[Figure]] = {}
    for fig in ledger.figures:
        if fig.id in ids:
            by_sentence.setdefault(fig.sentence_index, []).append(fig)
    lines, task_room = [], TASK_EXCERPT_CHARS
    for k, sent in enumerate(ledger.sentences):
        figs = by_sentence.get(k, [])
        if not figs and k > 0:
            if task_room <= 0 or not _TASK_CUES.search(sent.text):
                continue
            task = " ".join(sent.text.split())[:TASK_SENTENCE_CHARS]
            task_room -= len(task)
            lines.append(task)
            continue
        text, pos, parts = ledger.text, sent.start, []
        for fig in figs:
            parts += [text[pos : fig.start], f"[{fig.id}] "]
            pos = fig.start
        parts.append(text[pos : sent.end])
        lines.append(" ".join("".join(parts).split()))
    return "\n".join(lines)


UNNAMED_ASKED = 6
"""How many of the likeliest key figures the program cannot name the short answer is asked to name."""


def unnamed_candidates(ledger: Ledger) -> list[Figure]:
    """The likeliest key figures with no name the program can give (no term, or only a head noun), which the
    model is asked to name from their own clause."""
    return [f for f in ranked_candidates(ledger) if known_name(f) is None and not f.ambiguous][:UNNAMED_ASKED]


WORDS_LISTED = 30
"""At most this many glossary words go with the short answer's request (``select@v3``): about 200 tokens."""


def clause_words(ledger: Ledger, figures: list[Figure]) -> str:
    """'Vietnamese = English' for the known words of each figure's clause (``reading.glossary``), in order, once
    each. Asked one figure at a time to name it from its clause, the embedded 1.5B model named seen figures right
    11 → 31 times of 73 with these words beside the clause, unseen ones 10 → 12 of 51 (a /tmp experiment, stop 26)."""
    listed: dict[str, str] = {}
    for fig in figures:
        for vi, en in clause_gloss(ledger, fig):
            listed.setdefault(vi, en)
    return "\n".join(f"{vi} = {en}" for vi, en in list(listed.items())[:WORDS_LISTED]) or "(none)"


def build_messages(prompt: Prompt, ledger: Ledger, facts: MeetingFacts) -> list[dict[str, str]]:
    """System prompt first and constant, so a llama.cpp server reuses its KV cache across reports. The
    short-answer prompt gets only the sentences that matter; the prose prompt the whole tagged report."""
    candidates = ranked_candidates(ledger)
    ids = {f.id for f in candidates}
    figures = "\n".join(f"{f.id}: {f.text} = {known_name(f) or '?'}" for f in candidates) or "(none)"
    report = _tagged_sentences(ledger, ids) if prompt.id == "select" else _tagged_report(ledger, ids)
    unnamed = "\n".join(f"{f.id}: {f.text} — {ledger.quote(f, 140)}" for f in unnamed_candidates(ledger)) or "(none)"
    words = (
        clause_words(ledger, [f for f in candidates if known_name(f) is None])
        if "$words" in prompt.user_template
        else ""
    )
    user = prompt.render_user(report=report, figures=figures, facts=facts.describe(), unnamed=unnamed, words=words)
    return [{"role": "system", "content": prompt.system}, {"role": "user", "content": user}]


@dataclass(frozen=True)
class Job:
    """Everything prepared for one report (or one part of a split report) before the model is called."""

    report: Report
    ledger: Ledger
    facts: MeetingFacts
    model: type[BaseModel]
    check: Callable[[Any], list[Flag]]
    messages: list[dict[str, str]]
    started: float
    max_tokens: int | None = None
    """The answer's token bound when its schema sets one (the short answer); None: the settings' budget."""


def prepare(report: Report, prompt: Prompt) -> Job:
    """Read the figures and the meeting facts, and build the request: a draft schema whose figure ids are
    this report's candidates, and the messages. The re-ask checks of a whole draft come from the checking
    stage (``checking.assembly.with_checks``)."""
    ledger = build_ledger(report.text)
    facts = find_meeting_facts(ledger)
    candidate_ids = [f.id for f in ranked_candidates(ledger)]
    floor = min(MIN_INDICATORS, len(candidate_ids))
    messages = build_messages(prompt, ledger, facts)
    if prompt.id == "select":
        named = "$unnamed" in prompt.user_template  # select@v2 asks for names and at least eight ids
        answer = selection_model(floor if named else 0, named=named)
        return Job(report, ledger, facts, answer, no_check, messages, time.monotonic(), SELECTION_MAX_TOKENS)
    return Job(
        report=report,
        ledger=ledger,
        facts=facts,
        model=draft_model(candidate_ids, min_indicators=floor),
        check=no_check,
        messages=messages,
        started=time.monotonic(),
    )


def no_check(answer: Any) -> list[Flag]:
    """Nothing to re-ask for: the short answer's ids and names, and the model's prose, are checked when they
    are assembled."""
    return []


def prose_messages(prompt: Prompt, summary: Summary) -> list[dict[str, str]]:
    """The request for the model's title and lead: the constant system prompt, then the fact sheet."""
    return [
        {"role": "system", "content": prompt.system},
        {"role": "user", "content": prompt.render_user(facts=fact_sheet(summary))},
    ]

"""What one structured model call asks for and what it gives back: plain data shared by the pipeline
and every transport, with no model client behind it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from summarizer.schema import CallUsage, Flag, Usage

__all__ = ["CallStats", "ModelRequest", "StructuredResult", "without_control_chars"]


@dataclass(frozen=True)
class ModelRequest:
    """One structured call the pipeline needs: messages, the answer's schema, its re-ask checks, a token budget
    and the seconds left of the report's time budget (None: no budget)."""

    messages: list[dict[str, str]]
    response_model: type[BaseModel]
    check: Callable[[Any], list[Flag]]
    max_tokens: int
    timeout_s: float | None = None


@dataclass
class CallStats:
    """Token usage and attempts of one structured call, summed over every HTTP request."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0
    attempts: int = 0
    transport_retries: int = 0
    per_call: list[tuple[int, int]] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    """For each answer the re-ask checks rejected, the kinds of problem found ("language,too_few_figures")."""

    def add(self, response: Any) -> None:
        usage = getattr(response, "usage", None)
        prompt = int(getattr(usage, "prompt_tokens", 0) or 0) if usage is not None else 0
        completion = int(getattr(usage, "completion_tokens", 0) or 0) if usage is not None else 0
        self.prompt_tokens += prompt
        self.completion_tokens += completion
        self.per_call.append((prompt, completion))

    def merge(self, other: CallStats) -> None:
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.calls += other.calls
        self.per_call += other.per_call
        self.rejected += other.rejected

    def merged(self, other: CallStats) -> CallStats:
        """A copy of these stats with ``other``'s added."""
        out = CallStats()
        out.merge(self)
        out.merge(other)
        out.attempts = self.attempts + other.attempts
        return out

    @property
    def reasks(self) -> int:
        return max(0, self.attempts - 1)

    def usage(self, earlier: CallStats | None = None) -> Usage:
        """Stored usage: this call's, after ``earlier`` calls (e.g. answers cut at a smaller token budget)."""
        before = earlier or CallStats()
        prompt = self.prompt_tokens + before.prompt_tokens
        completion = self.completion_tokens + before.completion_tokens
        return Usage(
            prompt_tokens=prompt,
            completion_tokens=completion,
            total_tokens=prompt + completion,
            calls=self.calls + before.calls,
            reasks=self.reasks,
            per_call=[CallUsage(prompt_tokens=p, completion_tokens=c) for p, c in before.per_call + self.per_call],
            reask_reasons=before.rejected + self.rejected,
        )


_CONTROL = re.compile(r"[\x00-\x1f]")


def without_control_chars(text: str) -> str:
    """A model answer with raw control characters (a newline llama.cpp's grammar let into a JSON string) read as
    spaces, so it parses."""
    return _CONTROL.sub(" ", text)


@dataclass
class StructuredResult:
    """What a structured call gave: the parsed model, or the last raw text with the reasons it failed."""

    parsed: BaseModel | None
    last_text: str | None
    problems: str | None
    stats: CallStats

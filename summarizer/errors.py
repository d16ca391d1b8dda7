"""One tree of typed errors: every failure the program reports is a ``SummarizerError``."""

from __future__ import annotations

from typing import Any

__all__ = [
    "BatchRoundError",
    "ConfigError",
    "InputError",
    "LocalServerError",
    "ModelCallError",
    "RefusalError",
    "SummarizerError",
    "TruncatedOutputError",
]


class SummarizerError(Exception):
    """Base of every error the program raises on purpose; its message is one line for the user."""


class ConfigError(SummarizerError):
    """Bad settings: unknown backend, missing API key, unreadable model path (a usage error: exit 2)."""


class InputError(SummarizerError):
    """A report that cannot be read or holds no usable text."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class LocalServerError(SummarizerError):
    """The embedded llama.cpp server could not be assembled, started or reached."""


class ModelCallError(SummarizerError):
    """The model endpoint failed after retries, or answered something that is not a summary."""

    def __init__(self, message: str, *, attempts: int = 0, status: int | None = None) -> None:
        self.attempts = attempts
        self.status = status
        super().__init__(message)


class TruncatedOutputError(ModelCallError):
    """The model stopped at its token budget: the output is cut and never parsed as data."""

    def __init__(self, message: str, *, attempts: int = 0, stats: object | None = None) -> None:
        super().__init__(message, attempts=attempts)
        self.stats: Any = stats


class RefusalError(ModelCallError):
    """The model refused to answer."""


class BatchRoundError(ModelCallError):
    """A Batch API round ended (expired, cancelled) before this request ran: a failed record to run again,
    not a degraded briefing."""

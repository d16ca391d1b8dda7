"""Frozen settings: the only place that reads environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from summarizer.errors import ConfigError

__all__ = ["BACKENDS", "Backend", "Settings", "cache_dir", "ray_address"]

Backend = Literal["openai", "compatible", "local"]
BACKENDS: tuple[Backend, ...] = ("openai", "compatible", "local")
_DEFAULT_OPENAI_MODEL = "gpt-4o-mini"


@dataclass(frozen=True)
class Settings:
    """Everything one run needs to call a model; travels instead of long keyword lists."""

    backend: Backend = "local"
    model: str = ""
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    temperature: float = 0.0
    max_tokens: int = 1400
    max_reasks: int = 2
    transport_retries: int = 5
    retry_cap_s: float = 30.0
    timeout_s: float = 600.0
    connect_timeout_s: float = 10.0
    model_path: Path | None = None
    n_ctx: int = 8192
    chunk_chars: int = 9000
    n_threads: int | None = None
    server_start_timeout_s: float = 180.0
    model_prose: bool = False
    """Ask the model for the title and lead too, from an English fact sheet with figures by reference
    (``prompts/brief``); kept only when every check passes, else the program's prose stands."""
    report_budget_s: float | None = 180.0
    """Seconds one report may wait on the model (all its parts and retries); then its briefing is written from
    what code knows and marked degraded. None: no budget (the Batch API, whose rounds may take hours)."""

    @classmethod
    def resolve(
        cls,
        *,
        backend: str | None = None,
        model: str | None = None,
        base_url: str | None = None,
        model_path: Path | None = None,
        **overrides: object,
    ) -> Settings:
        """Pick the backend from flags, then environment: a base URL means compatible, a key means openai.

        The embedded model is re-asked once, for an answer that does not fit its schema (its short answer has
        no prose to check, and the report's time budget bounds the re-ask): re-asking its prose did not pay,
        failing again in 11 of 13 reports (``eval/runs/local-v4``) at 40 to 60 s each. API models keep two."""
        env_key = os.environ.get("OPENAI_API_KEY") or None
        env_url = os.environ.get("OPENAI_BASE_URL") or None
        base_url = base_url or env_url
        chosen = backend or ("compatible" if base_url else "openai" if env_key else "local")
        if chosen not in BACKENDS:
            raise ConfigError(f"unknown backend {chosen!r}; choose one of {', '.join(BACKENDS)}")
        if chosen == "openai" and not env_key:
            raise ConfigError("backend 'openai' needs OPENAI_API_KEY in the environment")
        if chosen == "compatible" and not base_url:
            raise ConfigError("backend 'compatible' needs --base-url or OPENAI_BASE_URL")
        if chosen == "local" and model_path is not None and not Path(model_path).is_file():
            raise ConfigError(f"{model_path}: --model-path is not a file")
        default_model = {"openai": _DEFAULT_OPENAI_MODEL, "compatible": "default", "local": ""}[chosen]
        settings = cls(
            backend=chosen,
            model=model or os.environ.get("SUMMARIZER_MODEL") or default_model,
            base_url=None if chosen == "local" else base_url,
            api_key=env_key if chosen != "local" else None,
            model_path=Path(model_path) if model_path else None,
            max_reasks=1 if chosen == "local" else 2,
        )
        return replace(settings, **overrides) if overrides else settings  # type: ignore[arg-type]


def cache_dir() -> Path:
    """Where the assembled model, server logs and result cache live (``SUMMARIZER_CACHE`` overrides)."""
    root = os.environ.get("SUMMARIZER_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "summarizer"
    )
    path = Path(root)
    path.mkdir(parents=True, exist_ok=True)
    return path


def ray_address() -> str | None:
    """The Ray cluster to join (``RAY_ADDRESS``); None starts a local Ray."""
    return os.environ.get("RAY_ADDRESS") or None

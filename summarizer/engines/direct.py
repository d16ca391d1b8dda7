"""One report in, one validated ``Summary`` out, on one backend: the notebook-facing API over the pipeline.

``Summarizer`` owns the model client (and the embedded llama.cpp server, started on first use); the work
itself is ``pipeline.plan``, the same for every engine. Prints nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from summarizer.asking.client import AsyncModelClient, ModelClient
from summarizer.asking.local_server import DEFAULT_MODEL_ALIAS, LocalServer, assemble_model
from summarizer.asking.prompts import DEFAULT_PROMPT, PROSE_PROMPT, load_prompt
from summarizer.asking.recipe import Engine, Recipe
from summarizer.config import Settings
from summarizer.engines.pipeline import Briefed, arun_plan, plan, plan_briefed, run_plan
from summarizer.reading.reports import Report
from summarizer.schema import Summary

__all__ = ["Summarizer", "summarize"]

ProgressFn = Callable[[int, int], None]


class Summarizer:
    """Summarizes reports with one backend; starts the embedded server on first use, stops it on close."""

    def __init__(
        self,
        settings: Settings,
        *,
        prompt: str = DEFAULT_PROMPT,
        engine: Engine = "direct",
        on_model_progress: ProgressFn | None = None,
    ) -> None:
        self.settings = settings
        self.prompt = load_prompt(prompt)
        self.engine = engine
        self._on_model_progress = on_model_progress
        self._server: LocalServer | None = None
        self._client: ModelClient | None = None
        self._aclient: AsyncModelClient | None = None

    def client(self) -> ModelClient:
        """The blocking client, starting the embedded server first for the local backend."""
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

    def aclient(self) -> AsyncModelClient:
        """The awaitable client on the same endpoint."""
        if self._aclient is None:
            sync = self.client()
            self._aclient = AsyncModelClient(self.settings, base_url=sync.base_url, model=sync.model)
        return self._aclient

    @property
    def model_name(self) -> str:
        return self.client().model

    @property
    def recipe(self) -> Recipe:
        """What decides this summarizer's outputs: recorded in each and hashed into cache keys."""
        prose = load_prompt(PROSE_PROMPT) if self.settings.model_prose else None
        return Recipe(self.settings, self.prompt, self.model_name, self.engine, prose)

    def summarize(self, report: Report) -> Summary:
        """Summarize one report; a report longer than ``chunk_chars`` is split, summarized per part, merged."""
        return run_plan(plan(report, self.recipe), self.client().structured)

    def brief(self, report: Report) -> Briefed:
        """``summarize``, with the ledger and meeting facts the summary was made from (for the review page)."""
        return run_plan(plan_briefed(report, self.recipe), self.client().structured)

    async def asummarize(self, report: Report) -> Summary:
        """The same as ``summarize``, on the async client, for concurrent batches."""
        return await arun_plan(plan(report, self.recipe), self.aclient().astructured)

    def close(self) -> None:
        if self._aclient is not None:
            self._aclient.close()
            self._aclient = None
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._server is not None:
            self._server.stop()
            self._server = None

    async def aclose(self) -> None:
        """Close the async client inside the event loop that used it."""
        if self._aclient is not None:
            await self._aclient.aclose()
            self._aclient = None

    def __enter__(self) -> Summarizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def summarize(report: Report | str, settings: Settings | None = None, **kwargs: Any) -> Summary:
    """Convenience for notebooks: summarize one report (text or ``Report``) and stop any local server."""
    rep = report if isinstance(report, Report) else Report.from_text(report)
    with Summarizer(settings or Settings.resolve(), **kwargs) as s:
        return s.summarize(rep)

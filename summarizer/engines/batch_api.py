"""The OpenAI Batch API engine: the same pipeline as every other engine, with requests travelling in
batch rounds instead of one HTTP call each.

Each item runs ``pipeline.plan`` on an async client whose requests wait in a queue. When every unfinished
item is waiting, the queue goes out as one batch (JSONL upload, create, poll, download) and each answer is
handed back to its request. So the re-asks, the doubled token budget after a cut answer, and
the parts of a long report all become later rounds, and the summaries are those the direct path makes.
An expired or cancelled batch keeps the answers it finished; the other items are recorded as failed,
for ``--retry-failed``.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from summarizer.asking.client import AsyncModelClient
from summarizer.engines.batch import BatchStats, Item, Recorder, item_record
from summarizer.engines.cache import ResultCache
from summarizer.engines.direct import Summarizer
from summarizer.engines.pipeline import arun_plan, plan
from summarizer.errors import BatchRoundError, ModelCallError
from summarizer.reading.reports import Report
from summarizer.schema import Summary

__all__ = ["BatchRounds", "batch_round", "run_batch_api"]

Poll = Callable[[float], Awaitable[None]]


class BatchRounds:
    """Collects the requests of concurrent plans and sends them as one batch once every live plan waits."""

    def __init__(self, client: AsyncModelClient, *, poll: Poll = asyncio.sleep, poll_cap: float = 60.0) -> None:
        self.client = client
        self.poll = poll
        self.poll_cap = poll_cap
        self.rounds = 0
        self._live = 0
        self._sent = 0
        self._waiting: dict[str, tuple[dict[str, Any], asyncio.Future[dict[str, Any]]]] = {}
        self._flushing: asyncio.Task[None] | None = None

    async def send(self, body: dict[str, Any]) -> dict[str, Any]:
        """One request body in; its chat-completion body out, after the round it went in."""
        self._sent += 1
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[f"request-{self._sent}"] = (body, future)
        self._maybe_flush()
        return await future

    def track(self, work: Awaitable[Summary]) -> Awaitable[Summary]:
        """Count ``work`` as a live plan from now until it ends, so no round leaves without its requests.
        Track every plan before any runs."""
        self._live += 1

        async def tracked() -> Summary:
            try:
                return await work
            finally:
                self._live -= 1
                self._maybe_flush()

        return tracked()

    def _maybe_flush(self) -> None:
        if self._waiting and len(self._waiting) >= self._live and self._flushing is None:
            batch, self._waiting = self._waiting, {}
            self._flushing = asyncio.create_task(self._flush(batch))

    async def _flush(self, batch: dict[str, tuple[dict[str, Any], asyncio.Future[dict[str, Any]]]]) -> None:
        self.rounds += 1
        try:
            answers, status = await batch_round(
                self.client, {cid: body for cid, (body, _) in batch.items()}, poll=self.poll, poll_cap=self.poll_cap
            )
        except Exception as e:
            for _, future in batch.values():
                future.set_exception(e)
        else:
            for cid, (_, future) in batch.items():
                _answer(future, answers.get(cid), status)
        finally:
            self._flushing = None
            self._maybe_flush()


async def batch_round(
    client: AsyncModelClient, bodies: dict[str, dict[str, Any]], *, poll: Poll = asyncio.sleep, poll_cap: float = 60.0
) -> tuple[dict[str, dict[str, Any]], str]:
    """One Batch API round: upload the bodies as JSONL (``custom_id`` = key), create, poll with a doubling wait up
    to ``poll_cap`` until done, download. Returns the output and error lines by ``custom_id`` and the final status."""
    lines = [
        json.dumps(
            {"custom_id": key, "method": "POST", "url": "/v1/chat/completions", "body": body}, ensure_ascii=False
        )
        for key, body in bodies.items()
    ]
    batch = await client.create_batch(await client.upload_batch_file(("\n".join(lines) + "\n").encode()))
    wait = 1.0
    while batch.status not in _BATCH_DONE:
        await poll(wait)
        wait = min(poll_cap, wait * 2)
        batch = await client.batch(batch.id)
    answers: dict[str, dict[str, Any]] = {}
    for file_id in (batch.output_file_id, batch.error_file_id):
        if file_id:
            for raw in (await client.file_text(file_id)).splitlines():
                if raw.strip():
                    row = json.loads(raw)
                    answers[row["custom_id"]] = row
    return answers, batch.status


_BATCH_DONE = frozenset({"completed", "failed", "expired", "cancelled"})


def _answer(future: asyncio.Future[dict[str, Any]], row: dict[str, Any] | None, status: str) -> None:
    if row is None:
        future.set_exception(BatchRoundError(f"batch {status} before this request ran"))
        return
    response = row.get("response") or {}
    body = response.get("body") or {}
    if response.get("status_code") != 200:
        message = (body.get("error") or {}).get("message") or row.get("error") or "request failed"
        future.set_exception(ModelCallError(f"batch request failed with HTTP {response.get('status_code')}: {message}"))
        return
    future.set_result(body)


def run_batch_api(
    items: Iterable[Item],
    results_path: Path,
    *,
    summarizer: Summarizer,
    cache: ResultCache | None = None,
    retry_failed: bool = False,
    on_record: Callable[[dict[str, Any]], None] | None = None,
    poll: Poll = asyncio.sleep,
    poll_cap: float = 60.0,
) -> BatchStats:
    """Summarize items through the Batch API; the same records, resume and cache as ``run_batch``, with
    cache keys of the ``batch-api`` engine."""
    recorder = Recorder(results_path, cache, retry_failed=retry_failed, on_record=on_record)
    # a batch round may take hours: the per-report time budget does not apply to its waits
    recipe = replace(summarizer.recipe, engine="batch-api", settings=replace(summarizer.settings, report_budget_s=None))
    base = summarizer.client()

    async def main() -> None:
        rounds: BatchRounds
        client = AsyncModelClient(
            summarizer.settings, base_url=base.base_url, model=base.model, send=lambda body: rounds.send(body)
        )
        rounds = BatchRounds(client, poll=poll, poll_cap=poll_cap)
        by_key: dict[str, list[str]] = {}
        texts: dict[str, str] = {}
        for item in items:
            key = recorder.admit(item, recipe.key)
            if key is not None and item.text is not None:
                by_key.setdefault(key, []).append(item.id)
                texts.setdefault(key, item.text)

        async def one(key: str, work: Awaitable[Summary]) -> None:
            outcome: Summary | BaseException
            try:
                outcome = await work
            except Exception as e:
                outcome = e
            for item_id in by_key[key]:
                recorder.settle(item_record(item_id, key, outcome))

        works = {
            key: rounds.track(
                arun_plan(plan(Report(name=ids[0], text=texts[key], source=ids[0]), recipe), client.astructured)
            )
            for key, ids in by_key.items()
        }
        try:
            await asyncio.gather(*(one(key, work) for key, work in works.items()))
        finally:
            await client.aclose()

    try:
        asyncio.run(main())
    finally:
        stats = recorder.close()
    return stats

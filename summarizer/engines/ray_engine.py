"""Past one machine: the same batch on a Ray cluster, with the same records, resume and cache.

The driver owns the results file and the cache (so resume and atomic appends work exactly as locally);
Ray tasks only summarize. ``RAY_ADDRESS`` points at a real cluster; without it a local Ray starts.
With the embedded local model, tasks reach the driver's llama.cpp server over loopback, which only
works on one machine: on a real cluster use ``--backend openai`` or ``compatible`` with a shared URL.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from summarizer.asking.client import ModelClient
from summarizer.asking.recipe import Recipe
from summarizer.config import Settings, ray_address
from summarizer.engines.batch import BatchStats, Item, Recorder, item_record
from summarizer.engines.cache import ResultCache
from summarizer.engines.direct import Summarizer
from summarizer.engines.pipeline import plan, run_plan
from summarizer.reading.reports import Report
from summarizer.schema import Summary

__all__ = ["run_batch_ray"]

_CLIENTS: dict[Settings, ModelClient] = {}


def _summarize_task(recipe: Recipe, transport: Settings, item_id: str, key: str, text: str) -> dict[str, Any]:
    """Runs in a Ray worker: the pipeline with the driver's recipe, over one client per worker process."""
    client = _CLIENTS.get(transport)
    if client is None:
        client = _CLIENTS[transport] = ModelClient(transport)
    outcome: Summary | BaseException
    try:
        outcome = run_plan(plan(Report(name=item_id, text=text, source=item_id), recipe), client.structured)
    except Exception as e:
        outcome = e
    return item_record(item_id, key, outcome)


def _transport_settings(summarizer: Summarizer) -> Settings:
    """How workers reach the model: the driver's endpoint (its embedded server over loopback, for local)."""
    settings = summarizer.settings
    client = summarizer.client()
    if settings.backend != "local":
        return replace(settings, model=client.model)
    return replace(settings, backend="compatible", base_url=client.base_url, model=client.model, api_key=None)


def run_batch_ray(
    items: Iterable[Item],
    results_path: Path,
    *,
    summarizer: Summarizer,
    cache: ResultCache | None = None,
    concurrency: int = 8,
    retry_failed: bool = False,
    on_record: Callable[[dict[str, Any]], None] | None = None,
) -> BatchStats:
    """Summarize items as Ray tasks, at most ``concurrency`` in flight; records as in ``run_batch``, with
    cache keys of the ``ray`` engine."""
    import ray

    if not ray.is_initialized():
        ray.init(
            address=ray_address(),
            include_dashboard=False,
            ignore_reinit_error=True,
            logging_level=logging.ERROR,
            log_to_driver=False,
        )
    task = ray.remote(max_retries=0)(_summarize_task)
    recipe = replace(summarizer.recipe, engine="ray")
    transport = _transport_settings(summarizer)
    recorder = Recorder(results_path, cache, retry_failed=retry_failed, on_record=on_record)
    in_flight: list[Any] = []

    def drain(keep: int) -> None:
        nonlocal in_flight
        while len(in_flight) > keep:
            ready, in_flight = ray.wait(in_flight, num_returns=1)
            for ref in ready:
                recorder.settle(ray.get(ref))

    try:
        for item in items:
            key = recorder.admit(item, recipe.key)
            if key is None or item.text is None:
                continue
            drain(max(0, concurrency - 1))
            in_flight.append(task.remote(recipe, transport, item.id, key, item.text))
        drain(0)
    finally:
        stats = recorder.close()
    return stats

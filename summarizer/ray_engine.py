"""Past one machine: the same batch on a Ray cluster, with the same records, resume and cache.

The driver owns the results file and the cache (so resume and atomic appends work exactly as locally);
Ray tasks only summarize. ``RAY_ADDRESS`` points at a real cluster; without it a local Ray starts.
With the embedded local model, tasks reach the driver's llama.cpp server over loopback, which only
works on one machine: on a real cluster use ``--backend openai`` or ``compatible`` with a shared URL.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from summarizer.batch import BatchStats, Item, Recorder, failed_record
from summarizer.cache import ResultCache
from summarizer.config import Settings
from summarizer.summarize import Summarizer

__all__ = ["run_batch_ray"]

_WORKER: dict[tuple[Settings, str], Summarizer] = {}


def _summarize_task(settings: Settings, prompt: str, item_id: str, key: str, text: str) -> dict[str, Any]:
    """Runs in a Ray worker: one Summarizer per worker process, reused across tasks."""
    from summarizer.batch import ok_record
    from summarizer.errors import SummarizerError
    from summarizer.inputs import Report

    summarizer = _WORKER.get((settings, prompt))
    if summarizer is None:
        summarizer = _WORKER[(settings, prompt)] = Summarizer(settings, prompt=prompt)
    try:
        summary = summarizer.summarize(Report(name=item_id, text=text, source=item_id))
    except SummarizerError as e:
        return failed_record(item_id, key, e)
    except Exception as e:  # a bug must not lose the item
        return failed_record(item_id, key, e)
    return ok_record(item_id, key, summary, cached=False)


def _worker_settings(summarizer: Summarizer) -> Settings:
    settings = summarizer.settings
    if settings.backend != "local":
        return settings
    client = summarizer._ensure_client()
    return replace(settings, backend="compatible", base_url=client.base_url, model=client.model, api_key=None)


def run_batch_ray(
    items: Iterable[Item],
    results_path: Path,
    *,
    summarizer: Summarizer,
    key_of: Callable[[str], str],
    cache: ResultCache | None = None,
    concurrency: int = 8,
    retry_failed: bool = False,
    on_record: Callable[[dict[str, Any]], None] | None = None,
) -> BatchStats:
    """Summarize items as Ray tasks, at most ``concurrency`` in flight; records as in ``run_batch``."""
    import ray

    if not ray.is_initialized():
        ray.init(
            address=os.environ.get("RAY_ADDRESS") or None,
            include_dashboard=False,
            ignore_reinit_error=True,
            logging_level=logging.ERROR,
            log_to_driver=False,
        )
    task = ray.remote(max_retries=0)(_summarize_task)
    settings = _worker_settings(summarizer)
    prompt_ref = f"{summarizer.prompt.id}@{summarizer.prompt.version}"
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
            key = recorder.admit(item, key_of)
            if key is None or item.text is None:
                continue
            drain(max(0, concurrency - 1))
            in_flight.append(task.remote(settings, prompt_ref, item.id, key, item.text))
        drain(0)
    finally:
        stats = recorder.close()
    return stats

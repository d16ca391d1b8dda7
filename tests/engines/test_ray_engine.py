"""The Ray engine on a local Ray instance: the same records as the async engine, resume included."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.config import Settings
from summarizer.engines.batch import Item, run_batch
from summarizer.engines.direct import Summarizer
from summarizer.testing.fakeserver import FakeOpenAI

pytestmark = pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="the 'ray' extra is not installed")


@pytest.fixture(scope="module")
def ray_local() -> Iterator[None]:
    import ray

    ray.init(num_cpus=2, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
    yield
    ray.shutdown()


def _content(path: Path) -> dict[str, Any]:
    out = {}
    for line in path.read_text().splitlines():
        rec = json.loads(line)
        summary = dict(rec.get("summary") or {})
        summary.pop("provenance", None)
        out[rec["id"]] = (rec["status"], summary)
    return out


def test_ray_matches_async_and_resumes(ray_local: None, tmp_path: Path, bac_tu_liem: str, tay_ho: str) -> None:
    from summarizer.engines.ray_engine import run_batch_ray

    items = [Item(f"r{i}", (bac_tu_liem if i % 2 else tay_ho) + f"\n\nSố {i}.") for i in range(8)]
    items.append(Item("bad", None, "bad.txt: no text (empty or only whitespace)"))
    with FakeOpenAI() as fake:
        settings = Settings(backend="compatible", model="fake-model", base_url=fake.base_url, api_key="sk-ray")
        with Summarizer(settings) as s:
            stats = run_batch_ray(items, tmp_path / "ray.jsonl", summarizer=s, concurrency=4)
            run_batch(items, tmp_path / "async.jsonl", summarize=s.asummarize, key_of=s.recipe.key, aclose=s.aclose)
            again = run_batch_ray(items, tmp_path / "ray.jsonl", summarizer=s)
    assert (stats.done, stats.failed) == (8, 1)
    assert _content(tmp_path / "ray.jsonl") == _content(tmp_path / "async.jsonl")
    ray_keys = {json.loads(x)["key"] for x in (tmp_path / "ray.jsonl").read_text().splitlines()} - {None}
    async_keys = {json.loads(x)["key"] for x in (tmp_path / "async.jsonl").read_text().splitlines()} - {None}
    assert len(ray_keys) == 8 and not ray_keys & async_keys, "the engine is part of the cache key"
    assert again.skipped == 9 and len((tmp_path / "ray.jsonl").read_text().splitlines()) == 9

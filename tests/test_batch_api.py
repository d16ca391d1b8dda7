"""The Batch API path against a loopback fake of the Files and Batches endpoints (a real HTTP server)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.batch import Item, item_key, run_batch
from summarizer.batch_api import run_batch_api
from summarizer.cache import ResultCache
from summarizer.config import Settings
from summarizer.fakeserver import FakeOpenAI
from summarizer.summarize import Summarizer


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def items(bac_tu_liem: str, tay_ho: str) -> list[Item]:
    return [Item(f"r{i}", (bac_tu_liem if i % 2 else tay_ho) + f"\n\nSố {i}.") for i in range(6)]


def _summarizer(url: str) -> Summarizer:
    return Summarizer(Settings(backend="compatible", model="fake-model", base_url=url, api_key="sk-x", max_reasks=2))


def _run(fake: FakeOpenAI, items: list[Item], out: Path, **kw: Any) -> Any:
    with _summarizer(fake.base_url) as s:
        return run_batch_api(
            items,
            out,
            summarizer=s,
            key_of=lambda t: item_key(t, s.settings, s.prompt, "fake-model"),
            poll=lambda _: None,
            **kw,
        )


def _records(path: Path) -> dict[str, dict[str, Any]]:
    return {r["id"]: r for r in map(json.loads, path.read_text().splitlines())}


def _content(rec: dict[str, Any]) -> dict[str, Any]:
    summary = dict(rec["summary"])
    summary.pop("provenance")
    return summary


def test_batch_api_round_trip_matches_async_engine(fake: FakeOpenAI, items: list[Item], tmp_path: Path) -> None:
    stats = _run(fake, items, tmp_path / "api.jsonl")
    assert (stats.done, stats.failed) == (6, 0)
    assert len(fake.batches) == 1
    sent = [json.loads(x) for x in next(iter(fake.files.values())).splitlines()]
    assert len({x["custom_id"] for x in sent}) == 6 and sent[0]["url"] == "/v1/chat/completions"
    assert sent[0]["body"]["response_format"]["type"] == "json_schema"
    with _summarizer(fake.base_url) as s:
        run_batch(
            items,
            tmp_path / "async.jsonl",
            summarize=s.asummarize,
            key_of=lambda t: item_key(t, s.settings, s.prompt, "fake-model"),
            aclose=s.aclose,
        )
    api, direct = _records(tmp_path / "api.jsonl"), _records(tmp_path / "async.jsonl")
    assert api.keys() == direct.keys()
    for rid in api:
        assert api[rid]["key"] == direct[rid]["key"]
        assert _content(api[rid]) == _content(direct[rid])


def test_invalid_lines_go_to_a_repair_batch(fake: FakeOpenAI, items: list[Item], tmp_path: Path) -> None:
    broken: set[str] = set()

    def fault(line: dict[str, Any]) -> str | None:
        if line["custom_id"] not in broken and len(broken) < 2:
            broken.add(line["custom_id"])
            return json.dumps({"title": 1})
        return None

    fake.batch_line_fault = fault
    stats = _run(fake, items, tmp_path / "r.jsonl")
    assert (stats.done, stats.failed) == (6, 0)
    assert len(fake.batches) == 2
    repair_lines = [json.loads(x) for x in fake.files["file-3"].splitlines()]
    assert {x["custom_id"] for x in repair_lines} == broken
    assert "Correct the JSON" in repair_lines[0]["body"]["messages"][-1]["content"]
    assert all(r["attempts"] == 2 for r in _records(tmp_path / "r.jsonl").values() if r["key"] in broken)


def test_expired_batch_keeps_finished_lines(fake: FakeOpenAI, items: list[Item], tmp_path: Path) -> None:
    fake.batch_stop_after, fake.batch_final_status = 2, "expired"
    out = tmp_path / "e.jsonl"
    stats = _run(fake, items, out)
    assert (stats.done, stats.failed) == (2, 4)
    recs = _records(out)
    assert len(recs) == 6
    assert sum("batch expired before this request ran" in r.get("error", "") for r in recs.values()) == 4
    fake.batch_stop_after, fake.batch_final_status = None, "completed"
    again = _run(fake, items, out, retry_failed=True)
    assert (again.done, again.skipped) == (4, 2)
    assert all(r["status"] == "ok" for r in _records(out).values())


def test_error_file_lines_are_failures_with_reason(fake: FakeOpenAI, items: list[Item], tmp_path: Path) -> None:
    faulted: list[str] = []

    def fault(line: dict[str, Any]) -> str | None:
        if len(faulted) < 2:
            faulted.append(line["custom_id"])
            return "error"
        return None

    fake.batch_line_fault = fault
    stats = _run(fake, items, tmp_path / "f.jsonl")
    recs = _records(tmp_path / "f.jsonl")
    failed = [r for r in recs.values() if r["status"] == "failed"]
    assert (stats.done, stats.failed, len(recs)) == (4, 2, 6)
    assert sorted(r["key"] for r in failed) == sorted(faulted)
    assert all("HTTP 500" in r["error"] for r in failed)


def test_cache_shared_with_batch_api(fake: FakeOpenAI, items: list[Item], tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c.sqlite")
    _run(fake, items, tmp_path / "a.jsonl", cache=cache)
    stats = _run(fake, items, tmp_path / "b.jsonl", cache=cache)
    assert stats.cached == 6 and len(fake.batches) == 1

"""The Batch API engine against a loopback fake of the Files and Batches endpoints (a real HTTP server).

It runs the same pipeline as the direct path, so its summaries must be the direct path's, including for
long reports split into parts and answers cut at their token budget."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.config import Settings
from summarizer.engines.batch import Item, run_batch
from summarizer.engines.batch_api import run_batch_api
from summarizer.engines.cache import ResultCache
from summarizer.engines.direct import Summarizer
from summarizer.schema import SELECTION_MAX_TOKENS
from summarizer.testing.fakeserver import FakeOpenAI, Fault


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def items(bac_tu_liem: str, tay_ho: str) -> list[Item]:
    return [Item(f"r{i}", (bac_tu_liem if i % 2 else tay_ho) + f"\n\nSố {i}.") for i in range(6)]


def _summarizer(url: str) -> Summarizer:
    return Summarizer(
        Settings(backend="compatible", model="fake-model", base_url=url, api_key="sk-x", max_reasks=2),
        prompt="summarize@v3",  # the whole draft: re-asks and growing budgets travel through batch rounds
    )


async def _no_wait(_: float) -> None:
    return None


def _run(fake: FakeOpenAI, items: list[Item], out: Path, **kw: Any) -> Any:
    with _summarizer(fake.base_url) as s:
        return run_batch_api(items, out, summarizer=s, poll=_no_wait, **kw)


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
            key_of=lambda t: s.recipe.key(t),
            aclose=s.aclose,
        )
    api, direct = _records(tmp_path / "api.jsonl"), _records(tmp_path / "async.jsonl")
    assert api.keys() == direct.keys()
    for rid in api:
        assert api[rid]["key"] != direct[rid]["key"], "the engine is part of the cache key"
        assert _content(api[rid]) == _content(direct[rid])
        assert api[rid]["summary"]["provenance"]["engine"] == "batch-api"
        assert direct[rid]["summary"]["provenance"]["engine"] == "direct"


def _item_of(body: dict[str, Any]) -> str:
    """Which test item a request is about (each item's text ends 'Số i.')."""
    return "r" + body["messages"][1]["content"].rsplit("Số ", 1)[1].split(".")[0]


def test_invalid_lines_are_reasked_in_the_next_round(fake: FakeOpenAI, items: list[Item], tmp_path: Path) -> None:
    broken: set[str] = set()

    def fault(line: dict[str, Any]) -> str | None:
        if len(broken) < 2 and len(line["body"]["messages"]) == 2:
            broken.add(_item_of(line["body"]))
            return json.dumps({"title": 1})
        return None

    fake.batch_line_fault = fault
    stats = _run(fake, items, tmp_path / "r.jsonl")
    assert (stats.done, stats.failed) == (6, 0)
    assert len(fake.batches) == 2
    repair_lines = [json.loads(x) for x in fake.files["file-3"].splitlines()]
    assert {_item_of(x["body"]) for x in repair_lines} == broken
    reask = repair_lines[0]["body"]["messages"]
    assert reask[-2] == {"role": "assistant", "content": '{"title": 1}'}
    assert reask[-1]["role"] == "user" and "Correct your JSON" in reask[-1]["content"]
    assert {rid for rid, r in _records(tmp_path / "r.jsonl").items() if r["attempts"] == 2} == broken


@pytest.mark.parametrize("prompt", ["summarize@v3", "select@v2"])
def test_long_report_with_a_cut_answer_matches_the_direct_path(
    fake: FakeOpenAI, bac_tu_liem: str, tay_ho: str, tmp_path: Path, prompt: str
) -> None:
    """The done-when of the one-pipeline issue: split, truncated, recovered (the whole draft is asked again with
    twice the budget; the short answer's part is written by code, marked degraded), identical on both paths."""
    from summarizer.checking.chunking import split_report
    from summarizer.reading.reports import Report

    text = "\n\n".join([bac_tu_liem, tay_ho, bac_tu_liem.replace("63.275", "71.004")])
    settings = Settings(
        backend="compatible", model="fake-model", base_url=fake.base_url, api_key="k", max_reasks=2, chunk_chars=6000
    )
    parts = len(split_report(text, 6000))
    assert parts >= 3
    cut_first = {"done": False}

    def fault(line: dict[str, Any]) -> str | None:
        if not cut_first["done"]:
            cut_first["done"] = True
            return "truncated"
        return None

    fake.batch_line_fault = fault
    with Summarizer(settings, prompt=prompt) as s:
        stats = run_batch_api([Item("long", text)], tmp_path / "api.jsonl", summarizer=s, poll=_no_wait)
    assert (stats.done, stats.failed) == (1, 0)
    batch_requests = [r for r in fake.requests]
    fake.requests.clear()
    fake.queue(Fault("truncated"))
    with Summarizer(settings, prompt=prompt) as s:
        direct = s.summarize(Report(name="long", text=text))
    api = _records(tmp_path / "api.jsonl")["long"]["summary"]

    assert [r["max_tokens"] for r in batch_requests] == [r["max_tokens"] for r in fake.requests]
    if prompt == "summarize@v3":  # one request per part plus one for the cut answer, asked with twice the budget
        assert len(batch_requests) == len(fake.requests) == parts + 1
        assert [r["max_tokens"] for r in fake.requests][:2] == [settings.max_tokens, 2 * settings.max_tokens]
        assert direct.degraded is None
    else:  # one request per part; the cut part is written from what code knows
        assert len(batch_requests) == len(fake.requests) == parts
        assert direct.degraded is not None and "cut at its token budget" in direct.degraded
        assert api["degraded"] == direct.degraded
    assert [r["messages"] for r in batch_requests] == [r["messages"] for r in fake.requests]
    direct_json = json.loads(direct.model_dump_json())
    for summary in (api, direct_json):
        summary["provenance"] = {
            k: v for k, v in summary["provenance"].items() if k not in ("created_at", "elapsed_s", "engine")
        }
    assert api == direct_json
    calls = parts + 1 if prompt == "summarize@v3" else parts
    assert api["provenance"]["usage"]["calls"] == calls
    budget = 2 * settings.max_tokens if prompt == "summarize@v3" else SELECTION_MAX_TOKENS
    assert api["provenance"]["max_tokens"] == budget
    assert api["provenance"]["chunk_chars"] == 6000
    assert len(fake.batches) == calls


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


def test_error_file_lines_are_degraded_with_reason(fake: FakeOpenAI, items: list[Item], tmp_path: Path) -> None:
    """An error line is the Batch API's 5xx: like the direct path's exhausted retries, the item is written from
    what code knows, recorded ok and degraded with the reason, and a re-run with --retry-failed redoes it."""
    faulted: list[str] = []

    def fault(line: dict[str, Any]) -> str | None:
        if len(faulted) < 2:
            faulted.append(_item_of(line["body"]))
            return "error"
        return None

    fake.batch_line_fault = fault
    stats = _run(fake, items, tmp_path / "f.jsonl")
    recs = _records(tmp_path / "f.jsonl")
    degraded = [r for r in recs.values() if r["degraded"]]
    assert (stats.done, stats.failed, stats.degraded, len(recs)) == (6, 0, 2, 6)
    assert sorted(r["id"] for r in degraded) == sorted(faulted)
    assert all("HTTP 500" in r["degraded"] and r["status"] == "ok" for r in degraded)
    again = _run(fake, items, tmp_path / "f.jsonl", retry_failed=True)
    assert (again.done, again.skipped, again.degraded) == (2, 4, 0)
    assert not any(r["degraded"] for r in _records(tmp_path / "f.jsonl").values())


def test_cache_is_per_engine(fake: FakeOpenAI, items: list[Item], tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "c.sqlite")
    _run(fake, items, tmp_path / "a.jsonl", cache=cache)
    stats = _run(fake, items, tmp_path / "b.jsonl", cache=cache)
    assert stats.cached == 6 and len(fake.batches) == 1
    with _summarizer(fake.base_url) as s:
        direct = run_batch(
            items, tmp_path / "d.jsonl", summarize=s.asummarize, key_of=s.recipe.key, cache=cache, aclose=s.aclose
        )
    assert (direct.cached, direct.done) == (0, 6), "a result the Batch API made is not handed to the direct engine"

"""Batch runs against a loopback fake model: one record per input, resume, cache, retry-failed, torn lines."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer.engines.batch import RateLimiter, ResultsFile, estimate_cost, iter_items
from summarizer.testing.fakeserver import FakeOpenAI, Fault

SECRET = "sk-batch-SECRET-777777"


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def inputs(tmp_path: Path, bac_tu_liem: str, tay_ho: str) -> Path:
    path = tmp_path / "in.jsonl"
    rows = [{"id": f"r{i}", "text": (bac_tu_liem if i % 2 else tay_ho) + f"\n\nBản tin số {i}."} for i in range(12)]
    rows.append({"id": "empty", "text": "   "})
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\nnot json\n")
    return path


def run_batch_cli(
    src: Path, out: Path, url: str, *extra: str, cache: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env.update(OPENAI_API_KEY=SECRET, OPENAI_BASE_URL=url, SUMMARIZER_CACHE=str(out.parent / "cache"))
    args = [sys.executable, "-m", "summarizer.cli", "batch", str(src), "--out", str(out), "--json", *extra]
    if cache is not None:
        args += ["--cache", str(cache)]
    return subprocess.run(args, capture_output=True, text=True, env=env, timeout=300)


def records(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_one_record_per_input_and_resume(fake: FakeOpenAI, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    first = run_batch_cli(inputs, out, fake.base_url, "--concurrency", "4", "--no-cache")
    assert first.returncode == 1  # two bad inputs
    stats = json.loads(first.stdout)
    assert (stats["done"], stats["failed"]) == (12, 2)
    recs = records(out)
    assert len(recs) == 14 and len({r["id"] for r in recs}) == 14
    failed = {r["id"]: r["error"] for r in recs if r["status"] == "failed"}
    assert "no text" in failed["empty"] and "not a JSON object" in failed["line-14"]
    assert len(fake.requests) == 12
    again = run_batch_cli(inputs, out, fake.base_url, "--no-cache")
    assert json.loads(again.stdout)["skipped"] == 14
    assert len(fake.requests) == 12 and len(records(out)) == 14
    assert SECRET not in out.read_text() + first.stderr + again.stderr


def test_cache_across_runs(fake: FakeOpenAI, inputs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "c.sqlite"
    run_batch_cli(inputs, tmp_path / "a.jsonl", fake.base_url, cache=cache)
    calls = len(fake.requests)
    second = run_batch_cli(inputs, tmp_path / "b.jsonl", fake.base_url, cache=cache)
    assert json.loads(second.stdout)["cached"] == 12
    assert len(fake.requests) == calls
    a = {r["id"]: r for r in records(tmp_path / "a.jsonl") if r["status"] == "ok"}
    b = {r["id"]: r for r in records(tmp_path / "b.jsonl") if r["status"] == "ok"}
    assert {k: v["summary"] for k, v in a.items()} == {k: v["summary"] for k, v in b.items()}
    assert SECRET.encode() not in cache.read_bytes()


def test_cache_refuses_results_made_with_other_chunking(fake: FakeOpenAI, inputs: Path, tmp_path: Path) -> None:
    """Through the CLI: --chunk-chars changes the output, so it is in the cache key and the provenance."""
    cache = tmp_path / "c.sqlite"
    run_batch_cli(inputs, tmp_path / "a.jsonl", fake.base_url, cache=cache)
    calls = len(fake.requests)
    other = run_batch_cli(inputs, tmp_path / "b.jsonl", fake.base_url, "--chunk-chars", "2000", cache=cache)
    assert (json.loads(other.stdout)["cached"], json.loads(other.stdout)["done"]) == (0, 12)
    assert len(fake.requests) > calls + 12, "reports longer than 2,000 characters went in parts"
    chunking = {r["summary"]["provenance"]["chunk_chars"] for r in records(tmp_path / "b.jsonl") if r["status"] == "ok"}
    assert chunking == {2000}
    engines = {r["summary"]["provenance"]["engine"] for r in records(tmp_path / "b.jsonl") if r["status"] == "ok"}
    assert engines == {"direct"}


def test_cache_key_covers_every_output_setting() -> None:
    from dataclasses import replace

    from summarizer.asking.prompts import load_prompt
    from summarizer.asking.recipe import Recipe
    from summarizer.config import Settings

    base = Recipe(Settings(backend="compatible", base_url="http://x"), load_prompt("summarize@v3"), "m")
    variants = [
        replace(base, engine="ray"),
        replace(base, engine="batch-api"),
        replace(base, model="m2"),
        replace(base, prompt=load_prompt("summarize@v2")),
        *(
            replace(base, settings=replace(base.settings, **{field: value}))
            for field, value in [("chunk_chars", 5000), ("max_tokens", 999), ("temperature", 0.5), ("max_reasks", 0)]
        ),
    ]
    keys = {r.key("Báo cáo.") for r in [base, *variants]}
    assert len(keys) == 1 + len(variants)
    assert base.key("Báo cáo.") == base.key("  Báo cáo.\n")  # normalised text, same key


def test_retry_failed_reruns_only_failures(fake: FakeOpenAI, inputs: Path, tmp_path: Path) -> None:
    fake.queue(*[Fault("status", 400)] * 3)
    out = tmp_path / "r.jsonl"
    first = run_batch_cli(inputs, out, fake.base_url, "--concurrency", "1", "--no-cache")
    assert json.loads(first.stdout)["failed"] == 5
    calls = len(fake.requests)
    second = run_batch_cli(inputs, out, fake.base_url, "--retry-failed", "--no-cache")
    stats = json.loads(second.stdout)
    assert stats["done"] == 3 and stats["skipped"] == 9
    assert len(fake.requests) == calls + 3
    recs = records(out)
    assert len(recs) == 14 and sum(r["status"] == "ok" for r in recs) == 12


def test_torn_last_line_is_trimmed(tmp_path: Path) -> None:
    path = tmp_path / "t.jsonl"
    path.write_bytes(b'{"id": "a", "status": "ok"}\n{"id": "b", "sta')
    results = ResultsFile(path)
    assert results.latest == {"a": "ok"}
    results.append({"id": "c", "status": "failed"})
    results.close()
    assert [json.loads(x)["id"] for x in path.read_text().splitlines()] == ["a", "c"]


def test_folder_input_with_bad_files(tmp_path: Path, tay_ho: str) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.txt").write_text(tay_ho)
    (folder / "empty.txt").write_text("")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "notes.md").write_text("ignored")
    items = {i.id: i for i in iter_items(folder)}
    assert set(items) == {"good", "empty", "binary"}
    assert items["good"].text and items["empty"].error and "binary" in (items["binary"].error or "")


def test_cost_table_and_override() -> None:
    assert estimate_cost("gpt-4o-mini", 1_000_000, 1_000_000) == pytest.approx(0.75)
    assert estimate_cost("local-model", 10, 10) is None
    assert estimate_cost("local-model", 1_000_000, 0, (1.0, 2.0)) == pytest.approx(1.0)


def test_rate_limiter_spaces_requests() -> None:
    import asyncio
    import time

    async def go() -> float:
        limiter = RateLimiter(rpm=600)
        start = time.monotonic()
        for _ in range(25):
            await limiter.acquire(10)
        return time.monotonic() - start

    elapsed = asyncio.run(go())
    assert 1.0 <= elapsed <= 3.5  # 600 rpm = 10/s after a burst of 10


def test_a_model_that_fails_gives_degraded_records_that_retry_failed_redoes(
    fake: FakeOpenAI, inputs: Path, tmp_path: Path
) -> None:
    """A cut answer and one past the time budget: each item still gets an ok record, marked degraded with the
    reason, counted apart and never cached; an unparsable answer is re-asked (API backends) and recovers;
    --retry-failed asks the model again for the degraded ones."""
    out = tmp_path / "results.jsonl"
    fake.queue(Fault("truncated"), Fault("content", content="{not json"), Fault("stall", seconds=4.0))
    first = run_batch_cli(inputs, out, fake.base_url, "--concurrency", "1", "--time-budget", "2")
    stats = json.loads(first.stdout)
    assert (stats["done"], stats["degraded"], stats["failed"]) == (12, 2, 2)
    degraded = [r for r in records(out) if r.get("degraded")]
    assert len(degraded) == 2 and all(r["status"] == "ok" for r in degraded)
    reasons = " | ".join(str(r["degraded"]) for r in degraded)
    assert "cut at its token budget" in reasons and "timed out" in reasons
    assert "degraded:" in first.stderr
    again = json.loads(run_batch_cli(inputs, out, fake.base_url, "--retry-failed").stdout)
    assert (again["done"], again["degraded"]) == (2, 0)
    latest = {r["id"]: r for r in records(out)}
    assert not any(r.get("degraded") for r in latest.values() if r["status"] == "ok")


def test_reports_read_in_the_reading_pool_give_the_same_records(fake: FakeOpenAI, inputs: Path, tmp_path: Path) -> None:
    """The ledger built in a worker process and handed back is the one the engine would have built itself."""
    from summarizer.config import Settings
    from summarizer.engines.batch import run_batch
    from summarizer.engines.direct import Summarizer

    def run(out: Path, readers: int) -> dict[str, object]:
        settings = Settings(backend="compatible", model="fake-model", base_url=fake.base_url, api_key="k")
        with Summarizer(settings) as s:
            stats = run_batch(
                iter_items(inputs),
                out,
                summarize=s.asummarize,
                key_of=s.recipe.key,
                concurrency=4,
                aclose=s.aclose,
                reading_workers=readers,
            )
        assert (stats.done, stats.failed) == (12, 2)
        recs = {r["id"]: r for r in records(out) if r["status"] == "ok"}
        for r in recs.values():
            prov = r["summary"]["provenance"]  # type: ignore[index]
            prov["created_at"], prov["elapsed_s"] = "", 0
        return {k: r["summary"] for k, r in recs.items()}

    thresholds = gc.get_threshold()
    assert run(tmp_path / "pool.jsonl", 2) == run(tmp_path / "here.jsonl", 0)
    assert (gc.get_threshold(), gc.get_freeze_count()) == (thresholds, 0), "collection as before the batch"


def test_every_slot_stays_busy_and_no_more(inputs: Path, tmp_path: Path) -> None:
    """Each of ``concurrency`` workers takes the next report as soon as its own is recorded, with the reports read
    ahead in the pool: the server sees exactly ``concurrency`` requests at once, never more."""
    from summarizer.config import Settings
    from summarizer.engines.batch import run_batch
    from summarizer.engines.direct import Summarizer

    with FakeOpenAI(latency_s=0.3) as server:
        settings = Settings(backend="compatible", model="fake-model", base_url=server.base_url, api_key="k")
        with Summarizer(settings) as s:
            stats = run_batch(
                iter_items(inputs),
                tmp_path / "out.jsonl",
                summarize=s.asummarize,
                key_of=s.recipe.key,
                concurrency=5,
                aclose=s.aclose,
                reading_workers=1,
            )
        assert (stats.done, stats.failed) == (12, 2)
        assert server.max_in_flight == 5
        assert len(server.requests) == 12


def test_readers_are_forked_only_while_the_process_has_one_thread() -> None:
    """Forking a process with other threads can copy a lock held mid-operation: forked readers (which start at once)
    only while the engine's process has no other thread, spawned ones otherwise."""
    code = (
        "import threading, time\n"
        "from summarizer.engines.batch import _reading_context\n"
        "alone = _reading_context().get_start_method()\n"
        "threading.Thread(target=time.sleep, args=(1,), daemon=True).start()\n"
        "print(alone, _reading_context().get_start_method())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.split() == ["fork", "spawn"]

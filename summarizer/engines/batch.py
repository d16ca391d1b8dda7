"""Many reports: bounded concurrency, one record per input, resume, a content-addressed cache, accounting.

Records go to a JSONL file, one whole line per ``os.write`` on an ``O_APPEND`` descriptor, so a crash
(``kill -9`` included) leaves at most a torn last line, which the next run trims before it appends.
Re-running the same command skips every id that already has a record.
"""

from __future__ import annotations

import asyncio
import gc
import json
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.documents.formats import EXTENSIONS
from summarizer.engines.cache import ResultCache
from summarizer.errors import InputError
from summarizer.reading.figures import Ledger
from summarizer.reading.ledger import forget, read_fully, ready, remember
from summarizer.reading.reports import Report, read_report
from summarizer.schema import DocumentInfo, Summary

__all__ = [
    "PRICES",
    "BatchStats",
    "Item",
    "RateLimiter",
    "Recorder",
    "ResultsFile",
    "estimate_cost",
    "failed_record",
    "item_record",
    "iter_items",
    "ok_record",
    "record_state",
    "run_batch",
    "source_texts",
]

# USD per million tokens (input, output); override with --price IN,OUT.
PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-nano": (0.10, 0.40),
}


@dataclass(frozen=True)
class Item:
    """One input: text to summarize, or the reason it could not be read."""

    id: str
    text: str | None
    error: str | None = None
    document: DocumentInfo | None = None


def source_texts(source: Path) -> dict[str, str]:
    """The text of each readable input of a batch source, by id (for review pages of its results)."""
    return {item.id: item.text for item in iter_items(source) if item.text is not None}


def iter_items(source: Path) -> Iterator[Item]:
    """Items from a folder of reports (text, PDF, Word, web pages: ``documents.EXTENSIONS``) or a JSONL of
    ``{id, text}``, lazily, in order."""
    if source.is_dir():
        for path in sorted(p for p in source.iterdir() if p.suffix.lower() in EXTENSIONS):
            try:
                report = read_report(path)
                yield Item(path.stem, report.text, document=report.document)
            except InputError as e:
                yield Item(path.stem, None, str(e))
        return
    if not source.exists():
        raise InputError(str(source), "no such file or folder")
    seen: set[str] = set()
    with source.open("rb") as f:
        for n, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            where = f"{source}:{n}"
            try:
                rec = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                yield Item(f"line-{n}", None, f"{where}: not a JSON object")
                continue
            if (
                not isinstance(rec, dict)
                or not isinstance(rec.get("id"), (str, int))
                or not isinstance(rec.get("text"), str)
            ):
                yield Item(
                    str(rec.get("id", f"line-{n}")) if isinstance(rec, dict) else f"line-{n}",
                    None,
                    f"{where}: needs string fields 'id' and 'text'",
                )
                continue
            rid = str(rec["id"])
            if rid in seen:
                yield Item(f"{rid}#dup-line-{n}", None, f"{where}: duplicate id {rid!r}")
                continue
            seen.add(rid)
            try:
                yield Item(rid, Report.from_text(rec["text"], name=rid).text)
            except InputError as e:
                yield Item(rid, None, f"{where}: {e.problem}")


class ResultsFile:
    """The append-only JSONL of records; knows which ids are finished."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._trim_torn_tail()
        self.latest: dict[str, str] = {}
        if path.exists():
            with path.open("rb") as f:
                for raw in f:
                    try:
                        rec = json.loads(raw)
                    except json.JSONDecodeError:
                        continue
                    if isinstance(rec, dict) and "id" in rec:
                        self.latest[str(rec["id"])] = record_state(rec)
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def _trim_torn_tail(self) -> None:
        if not self.path.exists() or self.path.stat().st_size == 0:
            return
        with self.path.open("rb+") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 1))
            if f.read(1) == b"\n":
                return
            step, pos = 65536, size
            while pos > 0:
                pos = max(0, pos - step)
                f.seek(pos)
                chunk = f.read(size - pos)
                cut = chunk.rfind(b"\n")
                if cut >= 0:
                    f.truncate(pos + cut + 1)
                    return
            f.truncate(0)

    def append(self, record: dict[str, Any]) -> None:
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode()
        written = os.write(self._fd, line)
        if written != len(line):
            raise OSError(f"short write to {self.path}")
        self.latest[str(record["id"])] = record_state(record)

    def compact(self) -> None:
        """Keep only the latest record per id (after --retry-failed appended newer ones)."""
        records: dict[str, bytes] = {}
        with self.path.open("rb") as f:
            for raw in f:
                try:
                    rec = json.loads(raw)
                except json.JSONDecodeError:
                    continue
                records[str(rec["id"])] = raw if raw.endswith(b"\n") else raw + b"\n"
        tmp = self.path.with_suffix(".compact.tmp")
        with tmp.open("wb") as f:
            f.writelines(records.values())
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.path)

    def close(self) -> None:
        os.fsync(self._fd)
        os.close(self._fd)


class RateLimiter:
    """Token buckets for requests and tokens per minute; ``acquire`` waits until both allow a call."""

    def __init__(self, rpm: float | None = None, tpm: float | None = None) -> None:
        self.rpm, self.tpm = rpm, tpm
        self._req = rpm / 60 if rpm else 0.0
        self._tok = tpm / 60 if tpm else 0.0
        self._last = time.monotonic()
        self._lock = asyncio.Lock()

    async def acquire(self, tokens: int) -> None:
        if not self.rpm and not self.tpm:
            return
        async with self._lock:
            while True:
                now = time.monotonic()
                elapsed, self._last = now - self._last, now
                if self.rpm:
                    self._req = min(max(1.0, self.rpm / 60), self._req + elapsed * self.rpm / 60)
                if self.tpm:
                    self._tok = min(max(float(tokens), self.tpm / 60), self._tok + elapsed * self.tpm / 60)
                waits = []
                if self.rpm and self._req < 1:
                    waits.append((1 - self._req) * 60 / self.rpm)
                if self.tpm and self._tok < tokens:
                    waits.append((tokens - self._tok) * 60 / self.tpm)
                if not waits:
                    self._req -= 1 if self.rpm else 0
                    self._tok -= tokens if self.tpm else 0
                    return
                await asyncio.sleep(max(waits))


@dataclass
class BatchStats:
    """The accounting of one batch run, whatever engine ran it."""

    done: int = 0
    failed: int = 0
    degraded: int = 0
    """Of ``done``: briefings written without a usable model answer (re-run them with ``--retry-failed``)."""
    cached: int = 0
    skipped: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    wall_s: float = 0.0
    cost_usd: float | None = None


def estimate_cost(
    model: str, prompt_tokens: int, completion_tokens: int, price: tuple[float, float] | None = None
) -> float | None:
    """USD for the tokens, from the price table (or ``price``); None for a model with no known price."""
    rates = price or PRICES.get(model)
    if rates is None:
        return None
    return round(prompt_tokens / 1e6 * rates[0] + completion_tokens / 1e6 * rates[1], 6)


def ok_record(item_id: str, key: str, summary: Summary, cached: bool) -> dict[str, Any]:
    usage = summary.provenance.usage
    return {
        "id": item_id,
        "key": key,
        "status": "ok",
        "cached": cached,
        "attempts": usage.calls,
        "usage": {"prompt_tokens": usage.prompt_tokens, "completion_tokens": usage.completion_tokens},
        "degraded": summary.degraded,
        "summary": summary.model_dump(mode="json"),
    }


def record_state(rec: dict[str, Any]) -> str:
    """'ok', 'degraded' (ok, but written without a usable model answer) or 'failed'."""
    status = str(rec.get("status"))
    return "degraded" if status == "ok" and rec.get("degraded") else status


def failed_record(item_id: str, key: str | None, error: BaseException | str, attempts: int = 0) -> dict[str, Any]:
    if isinstance(error, BaseException):
        attempts = getattr(error, "attempts", attempts) or attempts
        error_class, message = type(error).__name__, str(error)
    else:
        error_class, message = "InputError", error
    return {
        "id": item_id,
        "key": key,
        "status": "failed",
        "error_class": error_class,
        "error": message,
        "attempts": attempts,
    }


def item_record(item_id: str, key: str, outcome: Summary | BaseException) -> dict[str, Any]:
    """The record of one item a model was asked about: its summary, or the error that stopped it (a bug
    included: an item is never lost to one)."""
    if isinstance(outcome, Summary):
        return ok_record(item_id, key, outcome, cached=False)
    return failed_record(item_id, key, outcome)


class Recorder:
    """The one place batch records go: the results file, the cache, the accounting, the progress callback.

    Every engine asks it whether an item is already done (resume) or cached, and settles each record
    through it, so records, resume and cache behave the same whatever runs the model calls.
    """

    def __init__(
        self,
        results_path: Path,
        cache: ResultCache | None = None,
        *,
        retry_failed: bool = False,
        on_record: Callable[[dict[str, Any]], None] | None = None,
    ) -> None:
        self.results = ResultsFile(results_path)
        self.cache = cache
        self.retry_failed = retry_failed
        self.on_record = on_record
        self.stats = BatchStats()
        self._started = time.monotonic()
        self._documents: dict[str, DocumentInfo] = {}

    def skip(self, item: Item) -> bool:
        """True (and counted) when the item already has a record this run must keep."""
        previous = self.results.latest.get(item.id)
        if previous == "ok" or (previous in ("failed", "degraded") and not self.retry_failed):
            self.stats.skipped += 1
            if self.on_record:
                self.on_record({"id": item.id, "status": "skipped"})
            return True
        return False

    def from_cache(self, item_id: str, key: str) -> bool:
        """Settle the item from the cache when its key is there."""
        hit = self.cache.get(key) if self.cache is not None else None
        if hit is None:
            return False
        self.settle(ok_record(item_id, key, Summary.model_validate_json(hit), cached=True))
        return True

    def admit(self, item: Item, key_of: Callable[[str], str]) -> str | None:
        """The item's key when it still needs a model call; None when it was skipped, unreadable or cached
        (the last two are settled here)."""
        if self.skip(item):
            return None
        if item.text is None:
            self.settle(failed_record(item.id, None, item.error or "unreadable"))
            return None
        if item.document is not None:
            self._documents[item.id] = item.document
        key = key_of(item.text)
        return None if self.from_cache(item.id, key) else key

    def settle(self, rec: dict[str, Any]) -> None:
        document = self._documents.pop(rec["id"], None)
        if rec["status"] == "ok":
            rec["summary"]["provenance"]["document"] = document.model_dump() if document is not None else None
        self.results.append(rec)
        stats = self.stats
        if rec["status"] == "ok":
            if rec["cached"]:
                stats.cached += 1
            else:
                stats.done += 1
                stats.degraded += bool(rec.get("degraded"))
                stats.prompt_tokens += rec["usage"]["prompt_tokens"]
                stats.completion_tokens += rec["usage"]["completion_tokens"]
                if self.cache is not None and not rec.get("degraded"):
                    self.cache.put(rec["key"], json.dumps(rec["summary"], ensure_ascii=False))
        else:
            stats.failed += 1
        if self.on_record:
            self.on_record(rec)

    def close(self) -> BatchStats:
        self.results.close()
        if self.retry_failed:
            self.results.compact()
        self.stats.wall_s = round(time.monotonic() - self._started, 3)
        return self.stats


READER_NICENESS = 10
"""The reading pool runs at a lower priority than the event loop: reports are read ahead, so a reader can wait
for a core, while a loop kept waiting holds every request in flight."""

Summarize = Callable[[Report], Awaitable[Summary]]


async def _run_async(
    items: Iterable[Item],
    summarize: Summarize,
    key_of: Callable[[str], str],
    recorder: Recorder,
    *,
    concurrency: int,
    limiter: RateLimiter,
    estimate_tokens: Callable[[str], int],
    readers: Executor | None = None,
    readers_start_at_once: bool = False,
) -> None:
    loop = asyncio.get_running_loop()

    async def one(item_id: str, key: str, text: str, ledger: asyncio.Future[Ledger] | None) -> dict[str, Any]:
        await limiter.acquire(estimate_tokens(text))
        outcome: Summary | BaseException
        try:
            if ledger is not None:
                remember(await ledger)
            outcome = await summarize(Report(name=item_id, text=text, source=item_id))
        except Exception as e:
            outcome = e
        finally:
            forget(text)
        return item_record(item_id, key, outcome)

    # ``concurrency`` workers, each taking the next report the moment its own is recorded (a dispatcher waking on
    # finished tasks kept slots idle ~30 ms each); reports are read up to ``concurrency`` items ahead in the pool,
    # so a worker's next ledger is usually ready and it goes straight back to the network. Until spawned processes
    # have started (a second or more: each imports the reading stage), reports are read here, one at a time, so
    # the first requests leave at once instead of after the pool's start; forked ones start at once.
    admitted = ((item.id, key, item.text) for item in items if (key := recorder.admit(item, key_of)) and item.text)
    ahead: deque[tuple[str, str, str, asyncio.Future[Ledger] | None]] = deque()
    pool_ready = [readers is not None and readers_start_at_once]
    if readers is not None and not pool_ready[0]:
        loop.run_in_executor(readers, ready).add_done_callback(lambda _: pool_ready.__setitem__(0, True))

    def read_ahead() -> None:
        while len(ahead) < (concurrency if pool_ready[0] else 1):
            nxt = next(admitted, None)
            if nxt is None:
                return
            read = loop.run_in_executor(readers, read_fully, nxt[2]) if pool_ready[0] else None
            ahead.append((*nxt, read))

    async def worker() -> None:
        while ahead:
            job = ahead.popleft()
            read_ahead()
            record = await one(*job)
            recorder.settle(record)

    read_ahead()
    await asyncio.gather(*(worker() for _ in range(concurrency)))


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Cyclic garbage collection took about a tenth of the event loop's CPU in a batch (``benchmarks/bench_batch.py``):
    every request allocates thousands of short-lived objects. Freeze what exists (modules, caches) and collect the
    youngest generation less often, for the batch only."""
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(threshold[0], 10_000), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _reading_context() -> multiprocessing.context.BaseContext:
    """Forked readers where that is safe (Linux, no other thread in this process yet): they start at once with the
    reading stage already imported, where spawned ones take a second or more each to import it; spawned elsewhere."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def run_batch(
    items: Iterable[Item],
    results_path: Path,
    *,
    summarize: Summarize,
    key_of: Callable[[str], str],
    cache: ResultCache | None = None,
    concurrency: int = 8,
    rpm: float | None = None,
    tpm: float | None = None,
    retry_failed: bool = False,
    max_tokens: int = 1400,
    on_record: Callable[[dict[str, Any]], None] | None = None,
    aclose: Callable[[], Awaitable[None]] | None = None,
    reading_workers: int = 0,
) -> BatchStats:
    """Summarize every item into ``results_path``; returns the accounting. Each report is read (its figure ledger
    built: CPU work) in a pool of ``reading_workers`` processes when more than 0 (the CLI uses the cores, at most
    4), so the event loop spends its time on requests in flight. The pool's processes are forked where that is safe
    and spawned elsewhere (``_reading_context``): a script that asks for one must guard its entry point
    (``if __name__ == "__main__":``), as for any multiprocessing."""
    recorder = Recorder(results_path, cache, retry_failed=retry_failed, on_record=on_record)

    context = _reading_context()
    readers = (
        ProcessPoolExecutor(reading_workers, mp_context=context, initializer=os.nice, initargs=(READER_NICENESS,))
        if reading_workers > 0 and concurrency > 1
        else None
    )

    async def main() -> None:
        try:
            await _run_async(
                items,
                summarize,
                key_of,
                recorder,
                concurrency=max(1, concurrency),
                limiter=RateLimiter(rpm, tpm),
                estimate_tokens=lambda text: len(text) // 3 + max_tokens,
                readers=readers,
                readers_start_at_once=context.get_start_method() == "fork",
            )
        finally:
            if aclose is not None:
                await aclose()

    try:
        with _fewer_collections():
            asyncio.run(main())
    finally:
        if readers is not None:
            readers.shutdown(cancel_futures=True)
        stats = recorder.close()
    return stats

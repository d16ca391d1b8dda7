"""The OpenAI Batch API path: one JSONL of requests (``custom_id`` = item key), upload, create, poll,
download, validate every line locally with the same validators, and repair what fails in capped rounds.

Lines that fail validation go into a repair batch carrying the model's answer and the errors (the same
re-ask instructor makes); after the last round what parses is kept and flagged. An expired or cancelled
batch keeps the lines it finished; the others are recorded as failed, for ``--retry-failed``.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.batch import BatchStats, Item, Recorder, failed_record, ok_record
from summarizer.cache import ResultCache
from summarizer.client import CallStats, StructuredResult
from summarizer.errors import ModelCallError, SummarizerError
from summarizer.inputs import Report
from summarizer.summarize import Summarizer, _Job

__all__ = ["run_batch_api"]

_DONE = {"completed", "failed", "expired", "cancelled"}


@dataclass
class _Pending:
    key: str
    job: _Job
    ids: list[str]
    messages: list[dict[str, str]]
    stats: CallStats = field(default_factory=CallStats)
    last_text: str | None = None
    last_error: str | None = None


def _body(summarizer: Summarizer, p: _Pending) -> dict[str, Any]:
    client = summarizer._ensure_client()
    kwargs: dict[str, Any] = {
        "model": client.model,
        "messages": p.messages,
        "temperature": summarizer.settings.temperature,
        "max_tokens": summarizer.settings.max_tokens,
        "response_format": {"type": "json_schema", "json_schema": {"name": "Draft", "schema": {}}},
        "_response_model": p.job.model,
    }
    return client._shape(kwargs)


def _submit(
    summarizer: Summarizer, pending: dict[str, _Pending], poll: Callable[[float], None], poll_cap: float
) -> tuple[dict[str, dict[str, Any]], str]:
    """One batch round: returns the response line per custom_id and the batch's final status."""
    client = summarizer._ensure_client()._openai
    lines = [
        json.dumps(
            {"custom_id": key, "method": "POST", "url": "/v1/chat/completions", "body": _body(summarizer, p)},
            ensure_ascii=False,
        )
        for key, p in pending.items()
    ]
    upload = client.files.create(file=("batch.jsonl", io.BytesIO(("\n".join(lines) + "\n").encode())), purpose="batch")
    batch = client.batches.create(input_file_id=upload.id, endpoint="/v1/chat/completions", completion_window="24h")
    wait = 1.0
    while batch.status not in _DONE:
        poll(wait)
        wait = min(poll_cap, wait * 2)
        batch = client.batches.retrieve(batch.id)
    answers: dict[str, dict[str, Any]] = {}
    for file_id in (batch.output_file_id, batch.error_file_id):
        if not file_id:
            continue
        for raw in client.files.content(file_id).text.splitlines():
            if raw.strip():
                row = json.loads(raw)
                answers[row["custom_id"]] = row
    return answers, batch.status


def run_batch_api(
    items: Iterable[Item],
    results_path: Path,
    *,
    summarizer: Summarizer,
    key_of: Callable[[str], str],
    cache: ResultCache | None = None,
    retry_failed: bool = False,
    on_record: Callable[[dict[str, Any]], None] | None = None,
    poll: Callable[[float], None] = time.sleep,
    poll_cap: float = 60.0,
) -> BatchStats:
    """Summarize items through the Batch API; the same records, resume and cache as ``run_batch``."""
    recorder = Recorder(results_path, cache, retry_failed=retry_failed, on_record=on_record)
    settle = recorder.settle
    pending: dict[str, _Pending] = {}
    try:
        for item in items:
            key = recorder.admit(item, key_of)
            if key is None or item.text is None:
                continue
            if key in pending:
                pending[key].ids.append(item.id)
                continue
            job = summarizer._prepare(Report(name=item.id, text=item.text, source=item.id))
            pending[key] = _Pending(key, job, [item.id], list(job.messages))

        rounds = summarizer.settings.max_reasks + 1
        for round_no in range(1, rounds + 1):
            if not pending:
                break
            answers, status = _submit(summarizer, pending, poll, poll_cap)
            repair: dict[str, _Pending] = {}
            for key, p in pending.items():
                row = answers.get(key)
                p.stats.attempts += 1
                p.stats.calls += 1
                if row is None:
                    _fail_all(p, settle, f"batch {status} before this request ran")
                    continue
                response = row.get("response") or {}
                body = response.get("body") or {}
                if response.get("status_code") != 200:
                    message = (body.get("error") or {}).get("message") or row.get("error") or "request failed"
                    _fail_all(p, settle, f"batch request failed with HTTP {response.get('status_code')}: {message}")
                    continue
                usage = body.get("usage") or {}
                p.stats.prompt_tokens += int(usage.get("prompt_tokens") or 0)
                p.stats.completion_tokens += int(usage.get("completion_tokens") or 0)
                p.stats.per_call.append(
                    (int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0))
                )
                choice = (body.get("choices") or [{}])[0]
                content = (choice.get("message") or {}).get("content")
                if choice.get("finish_reason") == "length" or not isinstance(content, str):
                    _fail_all(p, settle, "model output was cut at its token budget or empty")
                    continue
                try:
                    parsed = p.job.model.model_validate_json(content, context={"check": p.job.check})
                except ValidationError as e:
                    p.last_text, p.last_error = content, str(e)
                    if round_no < rounds:
                        p.messages = [
                            *p.messages,
                            {"role": "assistant", "content": content},
                            {"role": "user", "content": f"Correct the JSON. Errors: {e}"},
                        ]
                        repair[key] = p
                    else:
                        _finish(summarizer, p, StructuredResult(None, content, str(e), p.stats), settle)
                    continue
                _finish(summarizer, p, StructuredResult(parsed, None, None, p.stats), settle)
            pending = repair
    finally:
        stats = recorder.close()
    return stats


def _fail_all(p: _Pending, settle: Callable[[dict[str, Any]], None], message: str) -> None:
    for item_id in p.ids:
        settle(failed_record(item_id, p.key, ModelCallError(message, attempts=p.stats.calls)))


def _finish(
    summarizer: Summarizer, p: _Pending, result: StructuredResult, settle: Callable[[dict[str, Any]], None]
) -> None:
    try:
        summary = summarizer._finish(p.job, result, summarizer.settings.max_tokens, CallStats())
    except SummarizerError as e:
        for item_id in p.ids:
            settle(failed_record(item_id, p.key, e))
        return
    for item_id in p.ids:
        settle(ok_record(item_id, p.key, summary, cached=False))

"""A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions API, for tests and benchmarks.

It answers by script: each queued fault (429 with ``Retry-After``, 5xx, connection reset, a stall,
malformed JSON, schema-breaking JSON, truncation, a refusal, an empty choice list) is served once, in
order; with the queue empty it answers a valid draft built from the request's response schema (the
figure ids its enum allows), after an optional fixed latency. Nothing here reaches past loopback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import re
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["FakeOpenAI", "Fault", "figure_ids", "listed_ids", "schema_of", "valid_draft_for"]


@dataclass
class Fault:
    """One scripted answer: ``kind`` is status, reset, stall, malformed, content, truncated, refusal, empty."""

    kind: str
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    content: str | None = None
    seconds: float = 0.0


def schema_of(request: dict[str, Any]) -> dict[str, Any]:
    """The JSON schema a chat-completions request asks the answer to fit (strict, or llama.cpp's)."""
    fmt = request.get("response_format") or {}
    schema = fmt.get("schema") or (fmt.get("json_schema") or {}).get("schema") or {}
    return schema if isinstance(schema, dict) else {}


def figure_ids(schema: dict[str, Any]) -> list[str]:
    """The figure ids a draft schema allows, in its order (none when it allows no indicators)."""
    indicator = (schema.get("$defs") or {}).get("DraftIndicator") or {}
    ids = list(((indicator.get("properties") or {}).get("figure") or {}).get("enum") or [])
    limit = ((schema.get("properties") or {}).get("indicators") or {}).get("maxItems")
    return ids[:limit] if isinstance(limit, int) else ids


def listed_ids(request: dict[str, Any]) -> list[str]:
    """The figure ids the request's FIGURES list offers, in order, with the name the program proposes ('?' when
    it has none)."""
    text = "\n".join(str(m.get("content") or "") for m in request.get("messages") or [])
    figures = text.split("FIGURES", 1)[-1]
    return [m.group(1) for m in re.finditer(r"^(F\d+): ", figures, re.MULTILINE)]


def valid_draft_for(request: dict[str, Any], n: int = 8) -> dict[str, Any]:
    """A schema-valid answer choosing the first ``n`` figure ids the request allows: a short answer (ids, a
    name for each, a task) when the schema asks for one, else a whole draft."""
    schema = schema_of(request)
    if "figures" in (schema.get("properties") or {}):
        chosen = listed_ids(request)[:n]
        answer: dict[str, Any] = {
            "figures": [f"{i} = Key indicator {chr(65 + k % 26)}" for k, i in enumerate(chosen)],
            "tasks": ["Complete the remaining targets"],
        }
        if "names" in schema["properties"]:
            answer["names"] = []
        return answer
    ids = figure_ids(schema)
    return {
        "title": "District committee reviews the year's socio-economic results",
        "body_en": "District Party Executive Committee",
        "body_vi": "Ban Chấp hành Đảng bộ quận",
        "place": None,
        "indicators": [{"figure": i, "name": f"Key indicator {chr(65 + k % 26)}"} for k, i in enumerate(ids[:n])],
        "officials": [],
        "topics": ["Socio-economic results"],
        "directives": [{"task": "Complete the remaining targets", "owner": None, "deadline": None}],
        "summary": "The committee reviewed the results of the period and set tasks for the months ahead.",
    }


def _completion(content: str | None, *, finish: str = "stop", refusal: str | None = None) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if refusal is not None:
        message["refusal"] = refusal
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "fake-model",
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 50, "total_tokens": 150},
    }


class _QuietServer(ThreadingHTTPServer):
    """Clients that hang up mid-answer (timeouts, kill -9) are part of the script, not errors to print."""

    request_queue_size = 256
    """The listen backlog (socketserver's default is 5): a batch opening 32 connections at once would have SYNs
    dropped and retried a second later, a stall no real server adds."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        return


class FakeOpenAI:
    """Start with ``with FakeOpenAI() as fake:``; point clients at ``fake.base_url``."""

    def __init__(
        self,
        *,
        latency_s: float = 0.0,
        responder: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        fault_every: Callable[[int], Fault | None] | None = None,
    ) -> None:
        self.latency_s = latency_s
        self.responder = responder or (lambda req: valid_draft_for(req))
        self.fault_every = fault_every
        self.faults: deque[Fault] = deque()
        self.requests: list[dict[str, Any]] = []
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.batch_polls_to_finish = 2
        self.batch_stop_after: int | None = None
        self.batch_final_status = "completed"
        self.batch_line_fault: Callable[[dict[str, Any]], str | None] | None = None
        self.headers_seen: list[dict[str, str]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        """The most chat completions being answered at once (a batch engine's concurrency, as the server sees it)."""
        self._lock = threading.Lock()
        self._count = 0
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}/v1"

    def queue(self, *faults: Fault) -> FakeOpenAI:
        self.faults.extend(faults)
        return self

    def __enter__(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next(self) -> tuple[int, Fault | None]:
        with self._lock:
            self._count += 1
            n = self._count
            if self.faults:
                return n, self.faults.popleft()
        return n, self.fault_every(n) if self.fault_every else None

    # --- the Files and Batches endpoints, enough for the OpenAI SDK's batch flow -------------------

    def _store_file(self, body: bytes, content_type: str) -> dict[str, Any]:
        boundary = content_type.split("boundary=")[-1].strip('"').encode()
        data = b""
        for part in body.split(b"--" + boundary):
            if b'name="file"' in part:
                data = part.split(b"\r\n\r\n", 1)[1].rsplit(b"\r\n", 1)[0]
        with self._lock:
            fid = f"file-{len(self.files) + 1}"
            self.files[fid] = data
        return {
            "id": fid,
            "object": "file",
            "bytes": len(data),
            "created_at": int(time.time()),
            "filename": "input.jsonl",
            "purpose": "batch",
            "status": "processed",
        }

    def _create_batch(self, req: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            bid = f"batch-{len(self.batches) + 1}"
            self.batches[bid] = {
                "id": bid,
                "object": "batch",
                "endpoint": req["endpoint"],
                "errors": None,
                "input_file_id": req["input_file_id"],
                "completion_window": req["completion_window"],
                "status": "validating",
                "output_file_id": None,
                "error_file_id": None,
                "created_at": int(time.time()),
                "request_counts": {"total": 0, "completed": 0, "failed": 0},
                "_polls": 0,
            }
            return {k: v for k, v in self.batches[bid].items() if not k.startswith("_")}

    def _poll_batch(self, bid: str) -> dict[str, Any] | None:
        with self._lock:
            batch = self.batches.get(bid)
            if batch is None:
                return None
            batch["_polls"] += 1
            if batch["status"] in ("validating", "in_progress"):
                batch["status"] = "in_progress"
                if batch["_polls"] >= self.batch_polls_to_finish:
                    self._run_batch(batch)
            return {k: v for k, v in batch.items() if not k.startswith("_")}

    def _run_batch(self, batch: dict[str, Any]) -> None:
        lines = [json.loads(x) for x in self.files[batch["input_file_id"]].splitlines() if x.strip()]
        if self.batch_stop_after is not None:
            lines = lines[: self.batch_stop_after]
        out, errs = [], []
        for n, line in enumerate(lines):
            self.requests.append(line["body"])
            fault = self.batch_line_fault(line) if self.batch_line_fault else None
            rid = f"batch_req_{n}"
            if fault == "error":
                errs.append(
                    {
                        "id": rid,
                        "custom_id": line["custom_id"],
                        "response": {
                            "status_code": 500,
                            "body": {"error": {"message": "injected", "type": "server_error"}},
                        },
                        "error": None,
                    }
                )
                continue
            finish = "stop"
            if fault == "truncated":
                content, finish = json.dumps(self.responder(line["body"]))[:40], "length"
            else:
                content = fault if fault is not None else json.dumps(self.responder(line["body"]), ensure_ascii=False)
            out.append(
                {
                    "id": rid,
                    "custom_id": line["custom_id"],
                    "error": None,
                    "response": {"status_code": 200, "request_id": rid, "body": _completion(content, finish=finish)},
                }
            )
        total = len(self.files[batch["input_file_id"]].splitlines())
        for name, rows in (("output_file_id", out), ("error_file_id", errs)):
            if rows:
                fid = f"file-{len(self.files) + 1}"
                self.files[fid] = "".join(json.dumps(r) + "\n" for r in rows).encode()
                batch[name] = fid
        batch["status"] = self.batch_final_status
        batch["request_counts"] = {"total": total, "completed": len(out), "failed": len(errs)}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True
            """Headers and body leave in two writes; with Nagle on, the body waits for the client's delayed ACK
            (about 40 ms on Linux), a latency no real server adds."""

            def log_message(self, *args: object) -> None:
                return

            def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                path = self.path.split("?")[0].rstrip("/")
                if path.startswith("/v1/batches/"):
                    batch = fake._poll_batch(path.rsplit("/", 1)[1])
                    if batch is None:
                        self._send(404, b'{"error": {"message": "no such batch"}}')
                    else:
                        self._send(200, json.dumps(batch).encode())
                    return
                if path.startswith("/v1/files/") and path.endswith("/content"):
                    data = fake.files.get(path.split("/")[3])
                    if data is None:
                        self._send(404, b'{"error": {"message": "no such file"}}')
                    else:
                        self.send_response(200)
                        self.send_header("Content-Type", "application/octet-stream")
                        self.send_header("Content-Length", str(len(data)))
                        self.end_headers()
                        self.wfile.write(data)
                    return
                if self.path.rstrip("/").endswith("/models"):
                    self._send(200, json.dumps({"object": "list", "data": [{"id": "fake-model"}]}).encode())
                else:
                    self._send(404, b'{"error": {"message": "not found"}}')

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                path = self.path.split("?")[0].rstrip("/")
                if path == "/v1/files":
                    self._send(200, json.dumps(fake._store_file(raw, self.headers.get("Content-Type", ""))).encode())
                    return
                if path == "/v1/batches":
                    self._send(200, json.dumps(fake._create_batch(json.loads(raw))).encode())
                    return
                try:
                    request = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    self._send(400, b'{"error": {"message": "bad json"}}')
                    return
                with fake._lock:
                    fake.requests.append(request)
                    fake.headers_seen.append(dict(self.headers))
                    fake.in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake.in_flight)
                try:
                    self._answer(request)
                finally:
                    with fake._lock:
                        fake.in_flight -= 1

            def _answer(self, request: dict[str, Any]) -> None:
                _, fault = fake._next()
                if fake.latency_s:
                    time.sleep(fake.latency_s)
                if fault is None:
                    body = _completion(json.dumps(fake.responder(request), ensure_ascii=False))
                    self._send(200, json.dumps(body).encode())
                    return
                self._serve_fault(fault, request)

            def _serve_fault(self, fault: Fault, request: dict[str, Any]) -> None:
                kind = fault.kind
                if kind == "status":
                    err = {"error": {"message": f"injected {fault.status}", "type": "injected", "code": None}}
                    self._send(fault.status, json.dumps(err).encode(), fault.headers)
                elif kind == "reset":
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                    self.connection.close()
                    self.close_connection = True
                elif kind == "stall":
                    time.sleep(fault.seconds)
                    with_content = _completion(json.dumps(fake.responder(request)))
                    with contextlib.suppress(OSError):
                        self._send(200, json.dumps(with_content).encode())
                elif kind == "malformed":
                    self._send(200, b'{"id": "x", "choices": [ {"message": ')
                elif kind == "content":
                    self._send(200, json.dumps(_completion(fault.content)).encode())
                elif kind == "truncated":
                    text = json.dumps(fake.responder(request))[:40]
                    self._send(200, json.dumps(_completion(text, finish="length")).encode())
                elif kind == "refusal":
                    self._send(200, json.dumps(_completion(None, refusal="I can't help with that.")).encode())
                elif kind == "empty":
                    body = _completion("{}")
                    body["choices"] = []
                    self._send(200, json.dumps(body).encode())
                else:
                    raise ValueError(f"unknown fault kind {kind!r}")

        return Handler


def main() -> None:
    """Run until killed: ``python -m summarizer.testing.fakeserver --latency 0.2``; prints its base URL."""
    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before each answer")
    parser.add_argument("--fault-rate", type=float, default=0.0, help="share of calls answered with a fault")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    kinds = [
        Fault("status", 429, {"Retry-After": "0"}),
        Fault("status", 500),
        Fault("status", 503),
        Fault("reset"),
        Fault("malformed"),
        Fault("content", content='{"title": 1}'),
        Fault("truncated"),
        Fault("status", 502),
    ]

    def fault_every(n: int) -> Fault | None:
        return rng.choice(kinds) if rng.random() < args.fault_rate else None

    with FakeOpenAI(latency_s=args.latency, fault_every=fault_every if args.fault_rate else None) as fake:
        sys.stdout.write(fake.base_url + "\n")
        sys.stdout.flush()
        threading.Event().wait()


if __name__ == "__main__":
    main()

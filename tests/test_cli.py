"""The CLI as a user meets it: a real subprocess against a loopback fake model, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer.testing.fakeserver import FakeOpenAI, Fault

SECRET = "sk-test-SECRET-4242424242"


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


def run_cli(
    *args: str, url: str | None = None, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env["OPENAI_API_KEY"] = SECRET
    if url:
        env["OPENAI_BASE_URL"] = url
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "-m", "summarizer.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_help_lists_commands() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "summarize" in result.stdout


def test_summarize_one_report_prints_briefing(fake: FakeOpenAI, reports_dir: Path) -> None:
    result = run_cli("summarize", str(reports_dir / "tay-ho-2024-10-12.txt"), url=fake.base_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ")
    assert "2,511 billion VND" in result.stdout
    assert "89%" in result.stdout


def test_summarize_writes_outputs(fake: FakeOpenAI, reports_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli(
        "summarize", str(reports_dir / "bac-tu-liem-2023-12-15.txt"), "--out", str(out), "--json", url=fake.base_url
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    summary = json.loads((out / "bac-tu-liem-2023-12-15.summary.json").read_text())
    chosen = [i["chosen_by"] for i in summary["indicators"]]
    assert record["status"] == "ok" and record["indicators"] == len(chosen)
    assert chosen[:8] == ["model"] * 8 and "model" not in chosen[8:]  # the fake chooses 8; code adds labelled ones
    assert summary["provenance"]["prompt_id"] == "select" and summary["provenance"]["prompt_version"] == "v3"
    assert len(summary["provenance"]["schema_sha256"]) == 64
    assert (out / "bac-tu-liem-2023-12-15.briefing.md").read_text().startswith("# ")


def test_missing_file_is_one_line_exit_1_rest_done(fake: FakeOpenAI, reports_dir: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n\t ")
    result = run_cli(
        "summarize",
        str(tmp_path / "nope.txt"),
        str(empty),
        str(reports_dir / "tay-ho-2024-10-12.txt"),
        "--out",
        str(tmp_path / "o"),
        url=fake.base_url,
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        f"error: {tmp_path / 'nope.txt'}: no such file",
        f"error: {empty}: no text (empty or only whitespace)",
    ]
    assert "Traceback" not in result.stderr
    assert (tmp_path / "o" / "tay-ho-2024-10-12.summary.json").exists()


def test_unknown_backend_is_usage_error() -> None:
    result = run_cli("summarize", "x.txt", "--backend", "nope")
    assert result.returncode == 2
    assert "unknown backend 'nope'" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_option_value_is_usage_error() -> None:
    assert run_cli("summarize").returncode == 2


def test_openai_backend_without_key_is_usage_error() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    result = subprocess.run(
        [sys.executable, "-m", "summarizer.cli", "summarize", "x.txt", "--backend", "openai"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "OPENAI_API_KEY" in result.stderr


def test_auth_failure_never_prints_the_key(fake: FakeOpenAI, reports_dir: Path, tmp_path: Path) -> None:
    fake.queue(Fault("status", 401))
    out = tmp_path / "o"
    result = run_cli("summarize", str(reports_dir / "tay-ho-2024-10-12.txt"), "--out", str(out), url=fake.base_url)
    assert result.returncode == 1
    assert "authentication failed" in result.stderr
    assert SECRET not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_local_server_failure_is_clear(tmp_path: Path, reports_dir: Path) -> None:
    bogus = tmp_path / "bogus.gguf"
    bogus.write_bytes(b"not a model")
    env = {"SUMMARIZER_CACHE": str(tmp_path / "cache")}
    result = run_cli(
        "summarize",
        str(reports_dir / "tay-ho-2024-10-12.txt"),
        "--backend",
        "local",
        "--model-path",
        str(bogus),
        env_extra=env,
    )
    assert result.returncode == 1
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
    assert len(lines) == 1 and ("local model server" in lines[0] or "llama-cpp-python" in lines[0])
    assert "Traceback" not in result.stderr

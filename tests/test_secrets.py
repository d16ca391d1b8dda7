"""The API key never appears in anything the program writes or prints, errors and caches included."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from summarizer.testing.fakeserver import FakeOpenAI, Fault

KEY = "sk-proj-LEAKCHECK-9f8e7d6c5b4a39281706"


def test_key_never_written_or_printed(tmp_path: Path, reports_dir: Path) -> None:
    cache = tmp_path / "cache"
    out = tmp_path / "out"
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    env.update(OPENAI_API_KEY=KEY, SUMMARIZER_CACHE=str(cache))
    seeds = [str(reports_dir / "bac-tu-liem-2023-12-15.txt"), str(reports_dir / "tay-ho-2024-10-12.txt")]
    printed = ""
    with FakeOpenAI() as fake:
        env["OPENAI_BASE_URL"] = fake.base_url
        fake.queue(Fault("status", 401), Fault("status", 500), Fault("content", content="{oops"))
        runs = [
            ["summarize", *seeds, "--out", str(out), "--json"],
            ["summarize", seeds[0], "--debug"],
            ["batch", str(reports_dir), "--out", str(out / "results.jsonl"), "--json"],
            ["eval", "score", str(out / "results.jsonl"), "--dataset", str(reports_dir)],
            [
                "eval",
                "run",
                "--dataset",
                str(reports_dir),
                "--runs",
                str(tmp_path / "runs"),
                "--name",
                "r",
                "--limit",
                "2",
            ],
        ]
        for args in runs:
            proc = subprocess.run(
                [sys.executable, "-m", "summarizer.cli", *args], capture_output=True, text=True, env=env, timeout=300
            )
            printed += proc.stdout + proc.stderr
        assert any(h.get("Authorization") == f"Bearer {KEY}" for h in fake.headers_seen)
    assert KEY not in printed
    assert "authentication failed" in printed
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) >= 12
    for path in written:
        assert KEY.encode() not in path.read_bytes(), f"key leaked into {path}"

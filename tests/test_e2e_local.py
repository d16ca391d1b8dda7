"""End to end on the real embedded model through the real local llama.cpp server (slow; runs in CI)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.briefing import render_markdown
from summarizer.evaluation.scorers import briefing_numbers
from summarizer.grounding import MatchStatus, match_number
from summarizer.numbers import build_ledger, normalize_text
from summarizer.schema import Summary

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None, reason="the 'local' extra is not installed"),
]

B = 10**9

# Key figures each seed must carry with the right scale: (base value, unit) of budget revenue, growth, targets.
KEY_FIGURES = {
    "bac-tu-liem-2023-12-15": [(3_594 * B, "VND"), (63_275 * B, "VND"), (12.86, "%")],
    "tay-ho-2024-10-12": [(2_511 * B, "VND"), (89.0, "%"), (142.0, "%")],
}


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory, reports_dir: Path) -> dict[str, object]:
    out = tmp_path_factory.mktemp("local")
    paths = [str(reports_dir / f"{stem}.txt") for stem in KEY_FIGURES]
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "summarizer.cli",
            "summarize",
            *paths,
            "--out",
            str(out),
            "--backend",
            "local",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=1500,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    return {"out": out, "records": json.loads(proc.stdout), "stderr": proc.stderr}


@pytest.mark.parametrize("stem", list(KEY_FIGURES))
def test_local_model_summary_is_valid_grounded_and_complete(
    local_run: dict[str, object], reports_dir: Path, stem: str
) -> None:
    out = local_run["out"]
    assert isinstance(out, Path)
    summary = Summary.model_validate_json((out / f"{stem}.summary.json").read_text())
    source = normalize_text((reports_dir / f"{stem}.txt").read_text(encoding="utf-8"))
    ledger = build_ledger(source)

    assert len(summary.indicators) >= 8
    assert summary.provenance.backend == "local"
    assert summary.provenance.usage.completion_tokens > 0
    for ind in summary.indicators:
        if ind.grounding == "grounded":
            assert source[ind.span[0] : ind.span[1]] == ind.source_text

    found = {(round(i.base_value, 6), i.unit) for i in summary.indicators if i.grounding == "grounded"}
    for key in KEY_FIGURES[stem]:
        assert (round(key[0], 6), key[1]) in found, f"{stem}: key figure {key} missing"

    briefing = render_markdown(summary)
    assert briefing == (out / f"{stem}.briefing.md").read_text()
    flagged = " ".join(f.message for f in summary.flags)
    for n in briefing_numbers(briefing):
        status = match_number(n, ledger).status
        assert status == MatchStatus.EXACT or n.text in flagged, (
            f"{stem}: '{n.text}' in the briefing is not in the source and not flagged"
        )
    record = next(r for r in local_run["records"] if r["report"].endswith(f"{stem}.txt"))  # type: ignore[union-attr]
    print(
        f"\n{stem}: {record['elapsed_s']:.0f} s, {record['tokens']} tokens, {record['indicators']} indicators, "
        f"{record['ungrounded']} ungrounded, {len(summary.flags)} flags"
    )

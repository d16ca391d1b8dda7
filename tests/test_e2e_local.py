"""End to end on the real embedded model through the real local llama.cpp server (slow; runs in CI)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.asking.requests import ranked_candidates
from summarizer.checking.grounding import MatchStatus, match_number
from summarizer.evaluation import ErrorClass, OutputRecord, load_dataset, score_output
from summarizer.evaluation.scorers import briefing_numbers, check_body
from summarizer.reading.ledger import build_ledger
from summarizer.schema import Summary
from summarizer.writing.briefing import render_markdown

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None, reason="the 'local' extra is not installed"),
]

SEEDS = ("bac-tu-liem-2023-12-15", "tay-ho-2024-10-12")
LANGUAGE = {ErrorClass.CJK, ErrorClass.UNTRANSLATED, ErrorClass.UNFINISHED, ErrorClass.ENTITY}


@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory, reports_dir: Path) -> dict[str, object]:
    out = tmp_path_factory.mktemp("local")
    paths = [str(reports_dir / f"{stem}.txt") for stem in SEEDS]
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


@pytest.mark.parametrize("stem", SEEDS)
def test_local_model_briefing_says_the_right_thing(local_run: dict[str, object], reports_dir: Path, stem: str) -> None:
    out = local_run["out"]
    assert isinstance(out, Path)
    summary = Summary.model_validate_json((out / f"{stem}.summary.json").read_text())
    sample = next(s for s in load_dataset(reports_dir) if s.id == stem)
    assert sample.gold is not None and sample.gold.meeting is not None
    ledger = build_ledger(sample.text)
    briefing = (out / f"{stem}.briefing.md").read_text()
    assert briefing == render_markdown(summary)
    assert summary.provenance.backend == "local"
    assert (summary.provenance.prompt_id, summary.provenance.prompt_version) == ("select", "v3")
    assert summary.degraded is None, summary.degraded

    score = score_output(sample, OutputRecord(stem, summary=summary, briefing=briefing))
    # every key figure the briefing carries is named as the gold label key says
    wrong_names = [c for c in score.checks if c.error == ErrorClass.WRONG_LABEL]
    assert score.found >= 5 and not wrong_names, [(c.text, c.explanation) for c in wrong_names]
    # found beyond the three figures the model is shown first
    first_three = ranked_candidates(ledger)[:3]
    beyond = [
        g
        for g in sample.gold.indicators
        if any(i.span[0] < g.span[1] and g.span[0] < i.span[1] for i in summary.indicators)
        and not any(f.start < g.span[1] and g.span[0] < f.end for f in first_three)
    ]
    assert len(beyond) >= 3
    # the body that met, in Vietnamese as written and in English
    assert summary.meeting.body_vi == sample.gold.meeting["body_vi"]
    assert check_body(sample.gold.meeting["body_vi"], "", summary.meeting.body_en)[0], summary.meeting.body_en
    assert summary.meeting.session == sample.gold.meeting["session"]
    # title and lead are written by code: whole English about this report, never withheld
    language = [c for c in score.checks if c.error in LANGUAGE]
    assert not language, [(c.where, c.text, c.explanation) for c in language]
    assert summary.title.strip() and summary.summary.strip() in briefing
    assert not any(f.kind == "withheld" and f.field in ("title", "summary") for f in summary.flags)
    # officials are copied from the report, with their role from the title before the name
    assert summary.officials and all(o.grounded and o.name in sample.text for o in summary.officials)
    # every number a reader sees is in the source, or flagged with that very number quoted
    for n in briefing_numbers(briefing):
        status = match_number(n, ledger).status
        assert status == MatchStatus.EXACT or any(f"'{n.text}'" in f.message for f in summary.flags), (
            f"{stem}: '{n.text}' in the briefing is not in the source and not flagged"
        )
    record = next(r for r in local_run["records"] if r["report"].endswith(f"{stem}.txt"))  # type: ignore[union-attr]
    print(
        f"\n{stem}: {record['elapsed_s']:.0f} s, {record['tokens']} tokens, {len(summary.indicators)} indicators, "
        f"found {score.found}/{score.gold} key figures, fully right {score.fully_right}, flags {len(summary.flags)}"
    )

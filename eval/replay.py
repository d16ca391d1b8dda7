"""Replay a saved run's model choices through today's code, with no model: which figures the model chose and the
names it wrote (the indicators it chose that were kept), its tasks; everything else (names by code, untranslated
figures, fit checks, meeting, prose) made again. For measuring a change to the program's own naming between two
model runs; a figure the model chose whose name the old code dropped is not in the saved output, so a replay may
find fewer than a fresh run.

    python eval/replay.py eval/runs/local-v39-base-unseen eval/runs/replay-v39 [--dataset eval/reports]
    summarizer eval score eval/runs/replay-v39 --dataset eval/reports

With ``--no-model`` (and ``-`` for the run) every report of ``--dataset`` gets what code alone makes of it (an empty
draft): names, bases and periods by rule, scored in seconds, e.g. on the development set:

    python eval/replay.py - /tmp/dev-code --no-model --dataset eval/dev/reports
    summarizer eval score /tmp/dev-code --dataset eval/dev/reports
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.checking.assembly import build_summary  # noqa: E402
from summarizer.reading.ledger import build_ledger  # noqa: E402
from summarizer.reading.meeting import find_meeting_facts  # noqa: E402
from summarizer.reading.reports import read_report  # noqa: E402
from summarizer.schema import Draft, DraftDirective, DraftIndicator, Summary  # noqa: E402
from summarizer.testing.synthetic import blank_provenance  # noqa: E402
from summarizer.writing.briefing import render_markdown  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("run", type=Path)
    ap.add_argument("dest", type=Path)
    ap.add_argument("--dataset", type=Path, default=ROOT / "eval" / "reports")
    ap.add_argument("--no-model", action="store_true", help="no run: an empty draft for every report of --dataset")
    args = ap.parse_args()
    out = args.dest / "outputs"
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    if args.no_model:
        for path in sorted(args.dataset.glob("*.txt")):
            ledger = build_ledger(read_report(path).text)
            new = build_summary(Draft.empty(), ledger, find_meeting_facts(ledger), blank_provenance(), [])
            (out / f"{path.stem}.summary.json").write_text(new.model_dump_json(indent=1), encoding="utf-8")
            n += 1
        print(f"{n} code-only outputs in {out}")
        return 0
    for path in sorted((args.run / "outputs").glob("*.summary.json")):
        rid = path.name.removesuffix(".summary.json")
        old = Summary.model_validate(json.loads(path.read_text(encoding="utf-8")))
        text = read_report(args.dataset / f"{rid}.txt").text
        ledger = build_ledger(text)
        draft = Draft(
            title="",
            body_en=None,
            body_vi=None,
            place=None,
            indicators=[
                DraftIndicator(figure=i.figure_id, name=i.name[:90]) for i in old.indicators if i.chosen_by == "model"
            ][:14],
            officials=[],
            topics=[],
            directives=[DraftDirective(task=d.task, owner=d.owner, deadline=d.deadline) for d in old.directives],
            summary="",
        )
        new = build_summary(draft, ledger, find_meeting_facts(ledger), old.provenance, [])
        (out / path.name).write_text(new.model_dump_json(indent=1), encoding="utf-8")
        (out / f"{rid}.briefing.md").write_text(render_markdown(new), encoding="utf-8")
        n += 1
    print(f"replayed {n} outputs into {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

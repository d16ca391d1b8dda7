"""How the program's own names (no model) do on the gold figures: the key figures code would show with no model
(``key_indicators`` on an empty draft): named right / named wrong / shown untranslated / not shown, per split.
Seconds, no model: the check to run after every change to the termbase or the rules.

    python eval/code_names.py [--split seen|unseen|all|dev] [--show]

Each name is judged as ``summarizer eval`` judges it (gold label keys, no bare head noun). ``--show`` lists the wrong
names (seen split only: unseen text is not to be read).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.checking.assembly import key_indicators  # noqa: E402
from summarizer.evaluation.dataset import GoldIndicator, Sample, load_dataset  # noqa: E402
from summarizer.reading.ledger import build_ledger  # noqa: E402
from summarizer.reading.ledger_types import Ledger  # noqa: E402
from summarizer.reading.terminology import is_generic_name  # noqa: E402
from summarizer.schema import Draft, Indicator  # noqa: E402


def split_args(doc: str) -> argparse.Namespace | None:
    """``--split`` and ``--show`` for the no-model checks; None (after saying why) when ``--show`` would print the
    text of unseen reports."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument(
        "--split",
        default="seen",
        choices=["seen", "unseen", "all", "dev", "dev2", "dev3", "dev4", "dev5"],
        help="dev: the development set, eval/dev; dev2: 36 more (stop 39); dev3, dev4: 30 and 24 more (stop 42); "
        "dev5: 24 more of the product's genre (stop 43)",
    )
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    if args.show and args.split not in ("seen", "dev", "dev2", "dev4"):  # dev4 was read at stop 43
        print("error: --show prints report text; only on the seen split or the development set", file=sys.stderr)
        return None
    return args


def split_samples(split: str) -> list[tuple[str, Sample]]:
    """(split, sample) for every evaluation report with gold in ``split`` ('all' for seen and unseen; 'dev' for the
    development set of held-out corpus articles, ``eval/dev``)."""
    found = []
    where = ROOT / "eval" / ("dev" if split.startswith("dev") else "")
    for sample in load_dataset(where / "reports", where / "gold"):
        name = sample.split or "seen"
        if (split == "all" or name == split) and sample.gold is not None:
            found.append((name, sample))
    return found


def shown_for_gold(sample: Sample) -> tuple[Ledger, list[tuple[GoldIndicator, Indicator | None]]]:
    """The key figures code would show for ``sample`` with no model, paired with the gold figure each stands for
    (by span; None where none is shown), and the ledger they come from."""
    assert sample.gold is not None
    ledger = build_ledger(sample.text)
    shown = key_indicators(Draft.empty(), ledger, [], {}, free_naming=False)
    return ledger, [
        (g, next((i for i in shown if i.span[1] > g.span[0] and i.span[0] < g.span[1]), None))
        for g in sample.gold.indicators
    ]


def named_right(g: GoldIndicator, name: str) -> tuple[bool, str]:
    """Whether ``name`` is right for ``g`` as ``summarizer eval`` judges it (its label key; no bare head noun), and
    why not."""
    ok, why = g.label.judge(name)
    return ok and not is_generic_name(name), why


def main() -> int:
    args = split_args(__doc__ or "")
    if args is None:
        return 2
    counts: dict[str, Counter[str]] = {}
    for split, sample in split_samples(args.split):
        c = counts.setdefault(split, Counter())
        for g, ind in shown_for_gold(sample)[1]:
            c["gold"] += 1
            if ind is None:
                c["not shown"] += 1
            elif ind.name_status != "translated":
                c["untranslated"] += 1
            else:
                ok, why = named_right(g, ind.name)
                c["right" if ok else "wrong"] += 1
                if not ok and args.show:
                    print(f"{sample.id}: {ind.name!r} for {g.source_text!r} ({why}; gold: {g.what})")
    for split, c in sorted(counts.items()):
        named = c["right"] + c["wrong"]
        print(
            f"{split}: {c['gold']} gold figures: named right {c['right']}, wrong {c['wrong']} "
            f"(label accuracy {c['right'] / max(named, 1):.3f}), untranslated {c['untranslated']}, "
            f"not shown {c['not shown']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

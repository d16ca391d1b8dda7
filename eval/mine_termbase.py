"""Mine the corpus of the genre for what the termbase must know, and measure how much of real text it names.

    python eval/mine_termbase.py mine       # rank the phrases that say what a figure measures, by articles
    python eval/mine_termbase.py coverage   # the curve: share of figure mentions named wholly by code, held-out slice

The corpus (``--corpus``, default ``../shared/data/corpus/articles.jsonl.gz``: 14,035 real articles of the genre
from two public corpora, no evaluation report among them) is split by id: sorted ids, every fifth one (index % 5
== 0) is *held out* and never mined; coverage is measured on it. ``mine`` reads the other four fifths with the
program's own reader and, for every candidate figure (money, percent, ratio, quantity, a count with a counted
noun), takes the words that say what it measures: the phrase before it in its clause, after the last cue or verb
(``đạt``, ``là``, ``tăng`` ...), and for a count the noun phrase after it. Phrases are normalised (NFC, lower case,
tỷ/tỉ, uỷ/ủy, hoá/hóa) and ranked by how many articles use them, apart for the figures the program cannot name
today. Output (``eval/termbase/``, generated, not hand-written): ``phrases.tsv`` (the phrase windows),
``unknown.tsv`` (runs of words no glossary entry covers inside those windows, with example windows): the work list
the termbase is written down, entry by entry, by a person who reads the examples.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.reading.glossary import Chunk, chunk  # noqa: E402
from summarizer.reading.knowledge import termbase_rows, use_termbase  # noqa: E402
from summarizer.reading.labels import known_name  # noqa: E402
from summarizer.reading.ledger import build_ledger, reset_caches  # noqa: E402
from summarizer.reading.meaning import around_of  # noqa: E402
from summarizer.reading.source_names import window  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "articles.jsonl.gz"
OUT = ROOT / "eval" / "termbase"
_ENDS = frozenset({"stop", "mark", "number", "place"})


def read_corpus(path: Path) -> list[dict[str, str]]:
    """Every article, sorted by id (the split is by position in that order)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return sorted(rows, key=lambda r: r["id"])


def split(rows: list[dict[str, str]]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(mined, held out): every fifth article by id is held out."""
    return [r for k, r in enumerate(rows) if k % 5], [r for k, r in enumerate(rows) if k % 5 == 0]


def figure_windows(text: str) -> Iterator[tuple[str, bool, tuple[Chunk, ...]]]:
    """(kind, named by code, window) for every candidate figure of one article."""
    ledger = build_ledger(text)
    for fig in ledger.candidates():
        around = around_of(ledger, fig, None)
        chunks = chunk(around.tail)
        first, last = window(chunks)
        before = chunks[first : last + 1]
        if fig.kind.value in ("count", "ratio") and fig.unit_vi:
            after = chunk(f"{fig.unit_vi} {around.after}")[:4]
            cut = next((k for k, c in enumerate(after) if c.role in _ENDS), len(after))
            before = before or after[:cut]
        yield fig.kind.value, known_name(fig) is not None, tuple(before)


def _mine_one(text: str) -> list[tuple[str, bool, tuple[tuple[str, str], ...]]]:
    try:
        return [(k, named, tuple((c.vi, c.role) for c in w)) for k, named, w in figure_windows(text)]
    except Exception as e:  # a reader failure on one article is counted, not fatal
        return [("error", False, ((type(e).__name__, "error"),))]


def _covered_one(text: str) -> tuple[int, int]:
    try:
        ledger = build_ledger(text)
    except Exception:
        return 0, 0
    cands = ledger.candidates()
    return len(cands), sum(known_name(f) is not None for f in cands)


def mine(rows: list[dict[str, str]], out: Path, top: int, workers: int) -> None:
    phrase_articles: Counter[str] = Counter()
    phrase_unnamed: Counter[str] = Counter()
    phrase_mentions: Counter[str] = Counter()
    unknown_articles: Counter[str] = Counter()
    unknown_examples: dict[str, list[str]] = defaultdict(list)
    errors = 0
    started = time.perf_counter()
    with ProcessPoolExecutor(workers) as pool:
        for k, found in enumerate(pool.map(_mine_one, [r["text"] for r in rows], chunksize=32), start=1):
            seen_p: set[str] = set()
            seen_u: set[str] = set()
            for kind, named, win in found:
                if kind == "error":
                    errors += 1
                    continue
                phrase = " ".join(vi for vi, _ in win)
                if not phrase:
                    continue
                phrase_mentions[phrase] += 1
                if phrase not in seen_p:
                    seen_p.add(phrase)
                    phrase_articles[phrase] += 1
                    if not named:
                        phrase_unnamed[phrase] += 1
                if named:
                    continue
                for run in _unknown_runs(win):
                    if run not in seen_u:
                        seen_u.add(run)
                        unknown_articles[run] += 1
                        if len(unknown_examples[run]) < 3:
                            unknown_examples[run].append(phrase)
            if k % 2000 == 0:
                print(f"  {k} articles, {time.perf_counter() - started:.0f} s", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "phrases.tsv").open("w", encoding="utf-8") as f:
        f.write("# generated by eval/mine_termbase.py mine; phrase\tarticles\tarticles_unnamed\tmentions\n")
        for phrase, n in phrase_articles.most_common(top):
            f.write(f"{phrase}\t{n}\t{phrase_unnamed[phrase]}\t{phrase_mentions[phrase]}\n")
    with (out / "unknown.tsv").open("w", encoding="utf-8") as f:
        f.write("# generated by eval/mine_termbase.py mine; unknown words\tarticles\texample windows\n")
        for run, n in unknown_articles.most_common(top):
            f.write(f"{run}\t{n}\t{' | '.join(unknown_examples[run])}\n")
    total = sum(phrase_mentions.values())
    print(
        f"mined {len(rows)} articles in {time.perf_counter() - started:.0f} s: {total} figure windows, "
        f"{len(phrase_articles)} distinct phrases, {len(unknown_articles)} distinct unknown runs, {errors} errors; "
        f"wrote {out / 'phrases.tsv'}, {out / 'unknown.tsv'}"
    )


def _unknown_runs(win: tuple[tuple[str, str], ...]) -> list[str]:
    runs, cur = [], []
    for vi, role in win:
        if role == "unknown":
            cur.append(vi)
        elif cur:
            runs.append(" ".join(cur))
            cur = []
    if cur:
        runs.append(" ".join(cur))
    return runs


def coverage(
    rows: list[dict[str, str]], steps: list[int | None], workers: int, extra: str = ""
) -> list[tuple[int, int, int]]:
    """(termbase entries used, candidate mentions, named by code) for each size in ``steps``."""
    texts = [r["text"] for r in rows]
    curve = []
    for size in steps:
        use_termbase(size, extra)
        reset_caches()
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(size, extra)) as pool:
            pairs = list(pool.map(_covered_one, texts, chunksize=32))
        used = len(termbase_rows()) if size is None else min(size, len(termbase_rows()))
        total, named = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
        curve.append((used, total, named))
        print(f"termbase {used:5d} entries: {named}/{total} = {named / max(total, 1):.3f} of figure mentions named")
    return curve


def _init_worker(size: int | None, extra: str) -> None:
    use_termbase(size, extra)
    reset_caches()


TERMBASE = ROOT / "summarizer" / "data" / "termbase.tsv"


def merge(slices: list[Path], mined: Path) -> int:
    """Merge reviewed slices into ``data/termbase.tsv``, ranked by how many articles the miner counted for each
    phrase (the coverage curve adds rows in this order); a row the glossary or terminology already holds, a row
    that fails ``check_row`` or a second row for the same phrase is left out and counted."""
    from summarizer.reading.glossary import load_glossary
    from summarizer.reading.knowledge import check_row, parse_rows
    from summarizer.reading.terminology import normalize_vi

    use_termbase(0)
    reset_caches()
    known = set(load_glossary())
    counts: dict[str, int] = {}
    for name in ("unknown.tsv", "phrases.tsv"):
        for line in (mined / name).read_text(encoding="utf-8").splitlines()[1:]:
            parts = line.split("\t")
            counts[normalize_vi(parts[0])] = max(counts.get(normalize_vi(parts[0]), 0), int(parts[1]))
    header = [ln for ln in TERMBASE.read_text(encoding="utf-8").splitlines() if ln.startswith("#")]
    rejected_file = ROOT / "eval" / "termbase" / "rejected.tsv"
    rejected = {
        normalize_vi(line.split("\t")[0])
        for line in rejected_file.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    rows, dropped = {}, Counter[str]()
    for path in slices:
        for row in parse_rows(path.read_text(encoding="utf-8")):
            if (problem := check_row(row)) is not None:
                dropped[f"invalid ({problem})"] += 1
            elif row.vi in rejected:
                dropped["rejected in review (eval/termbase/rejected.tsv)"] += 1
            elif row.vi in known:
                dropped["already in glossary/terminology"] += 1
            elif row.vi in rows:
                dropped["second row for a phrase"] += 1
            else:
                rows[row.vi] = row
    ranked = sorted(rows.values(), key=lambda r: (-counts.get(r.vi, 0), r.vi))
    lines = [*header]
    for r in ranked:
        fits = "|".join(sorted(r.fits)) or "any"
        lines.append(f"{r.vi}\t{r.en or '-'}\t{r.role}\t{fits}")
    TERMBASE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"termbase: {len(ranked)} rows from {len(slices)} slices; left out: {dict(dropped)}")
    return 0


def show_names(sentence: str) -> None:
    """What the program names each figure of a sentence (with the termbase and ``--extra``): to check an entry."""
    ledger = build_ledger(sentence)
    for fig in ledger.figures:
        if fig.is_indicator_kind:
            print(f"{fig.text!r}: {known_name(fig) or '(no name)'}   [subject: {fig.subject!r}]")
    print("chunks:", " | ".join(f"{c.vi}={c.en.strip() or '-'}:{c.role}" for c in chunk(sentence)))


def show_examples(rows: list[dict[str, str]], phrase: str, n: int) -> None:
    """Sentences of the mined part that hold ``phrase`` next to a number (for reviewing an entry); never the
    held-out slice."""
    import re

    from summarizer.reading.terminology import normalize_vi

    want = normalize_vi(phrase)
    pattern = re.compile(r"(?<!\w)" + re.escape(want) + r"(?!\w)")
    shown = 0
    for r in rows:
        for sent in re.split(r"(?<=[.!?])\s+|\n+", r["text"]):
            low = normalize_vi(sent)
            if pattern.search(low) and re.search(r"\d", sent):
                print(f"[{r['id']}] {' '.join(sent.split())[:400]}")
                shown += 1
                break
        if shown >= n:
            return


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("command", choices=["mine", "coverage", "examples", "name", "merge"])
    ap.add_argument("--slices", nargs="*", type=Path, default=[], help="merge: reviewed slice TSVs to merge")
    ap.add_argument("--extra", type=Path, default=None, help="name/coverage: also use the rows of this TSV")
    ap.add_argument("phrase", nargs="?", help="examples: the phrase to show sentences of (mined part only)")
    ap.add_argument("-n", type=int, default=6, help="examples: how many sentences")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--top", type=int, default=3000, help="rows written per list (mine)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles of the slice")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--steps", default="0,100,200,400,all", help="termbase sizes for the curve (coverage)")
    args = ap.parse_args(argv)
    if not args.corpus.is_file():
        print(f"error: {args.corpus}: no such corpus file (--corpus PATH)", file=sys.stderr)
        return 2
    mined, held = split(read_corpus(args.corpus))
    if args.command == "merge":
        return merge(args.slices, args.out)
    extra = args.extra.read_text(encoding="utf-8") if args.extra else ""
    if args.command == "name":
        use_termbase(None, extra)
        reset_caches()
        show_names(args.phrase or "")
        return 0
    if args.command == "examples":
        show_examples(mined, args.phrase or "", args.n)
    elif args.command == "mine":
        mine(mined[: args.limit], args.out, args.top, args.workers)
    else:
        steps = [None if s == "all" else int(s) for s in args.steps.split(",")]
        print(f"held-out slice: {len(held[: args.limit])} articles (every fifth by id), never mined")
        coverage(held[: args.limit], steps, args.workers, extra)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

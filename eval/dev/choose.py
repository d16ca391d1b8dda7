"""Choose the development set: 45 articles of the genre (local-government and socio-economic reports with figures)
from the held-out fifth of the corpus (every fifth article by sorted id, never mined for the termbase), by a fixed
seed. Their gold (``eval/dev/gold``) is written by reading them, like ``eval/gold``; rules may be tuned on this set,
never on the unseen split.

    python eval/dev/choose.py [--corpus ../shared/data/corpus/articles.jsonl.gz] [--n 45]
    python eval/dev/choose.py --add 36 --seed 39      # the dev2 split (stop 39)
    python eval/dev/choose.py --add 30 --seed 42 --split dev3   # stop 42: none of dev or dev2
    python eval/dev/choose.py --meetings --add 24 --seed 142 --split dev4   # stop 42: local bodies' meetings
    python eval/dev/choose.py --meetings --add 8 --mined 16 --seed 143 --split dev5   # stop 43: the rest, and more
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval"))

from mine_termbase import read_corpus, split  # noqa: E402

_GENRE = re.compile(
    r"UBND|HĐND|Hội đồng nhân dân|[UỦ]ỷ? ?ban nhân dân|kinh tế\s*[-–]\s*xã hội|hội nghị|kỳ họp"
    r"|Thành ủy|Huyện ủy|Quận ủy|Tỉnh ủy|Đảng bộ"
)
_FIGURE = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|tỷ|tỉ|triệu)")
_MEETING = re.compile(r"kỳ họp|hội nghị|phiên họp|họp thường kỳ|sơ kết|tổng kết", re.IGNORECASE)
_LOCAL_BODY = re.compile(
    r"Huyện [uủ]ỷ|Quận [uủ]ỷ|Thị [uủ]ỷ|Thành [uủ]ỷ|Tỉnh [uủ]ỷ|(?:HĐND|UBND) (?:huyện|quận|tỉnh|thành phố|TP)"
)
"""The product's own genre (``--meetings``): a local body's meeting named in the head ('Tại kỳ họp thứ 4, HĐND TP Hà
Nội …'); 80 of the 2,807 held-out articles have one, 11 of them with eight figures or more (stop 42)."""


def _is_meeting(text: str) -> bool:
    """A report of a local body's meeting (``--meetings``), four figures or more."""
    return bool(
        _MEETING.search(text[:600])
        and _LOCAL_BODY.search(text[:800])
        and len(_FIGURE.findall(text)) >= 4
        and len(text) < 12000
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "data" / "corpus" / "articles.jsonl.gz")
    ap.add_argument("--n", type=int, default=45)
    ap.add_argument("--add", type=int, default=0, help="choose this many more, leaving out those already chosen")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--split", help="with --add: leave out every article of eval/dev/splits.json's other splits too")
    ap.add_argument(
        "--meetings", action="store_true", help="only reports of a local body's meeting, four figures or more"
    )
    ap.add_argument(
        "--mined",
        type=int,
        default=0,
        help="with --meetings: this many more from the four mined fifths (none of the 500-article corpus sample)",
    )
    args = ap.parse_args()
    mined, held = split(read_corpus(args.corpus))
    genre = [
        a
        for a in held
        if len(_GENRE.findall(a["text"])) >= 3 and len(_FIGURE.findall(a["text"])) >= 6 and 1500 < len(a["text"]) < 7000
    ]
    pool = genre
    if args.meetings:
        pool = [a for a in held if _is_meeting(a["text"])]
    out = ROOT / "eval" / "dev" / "reports"
    if args.add:  # stop 39: 'choose.py --add 36 --seed 39' chose the dev2 split from what the first 45 left
        first = {a["id"] for a in random.Random(2026).sample(genre, args.n)}
        if args.split:  # stop 42: dev3 leaves out dev and dev2
            splits = json.loads((ROOT / "eval" / "dev" / "splits.json").read_text(encoding="utf-8"))
            first |= {i for name, ids in splits.items() if name not in ("_about", args.split) for i in ids}
        chosen = random.Random(args.seed).sample([a for a in pool if a["id"] not in first], args.add)
        if args.mined:  # stop 43: the held-out fifth had only 8 such articles left; the mined fifths hold ~4x more
            with gzip.open(ROOT / "tests" / "data" / "corpus_sample.jsonl.gz", "rt", encoding="utf-8") as f:
                read = {json.loads(line)["id"] for line in f}
            more = [a for a in mined if _is_meeting(a["text"]) and a["id"] not in read | first]
            chosen += random.Random(args.seed).sample(more, args.mined)
    else:
        chosen = random.Random(args.seed).sample(genre, args.n)
    out.mkdir(parents=True, exist_ok=True)
    for a in chosen:
        (out / f"{a['id']}.txt").write_text(a["text"].strip() + "\n", encoding="utf-8")
    print(f"{len(pool)} held-out articles of the genre; {len(chosen)} written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Samples (report text + gold annotation) and saved outputs (a run folder or a batch results JSONL)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.errors import InputError
from summarizer.reading.reports import read_report
from summarizer.saved import OutputRecord, load_outputs
from summarizer.tables import either, words

__all__ = ["Gold", "GoldIndicator", "GoldLabel", "OutputRecord", "Sample", "load_dataset", "load_outputs"]

SCALES = {"thousand": 1e3, "ten-thousand": 1e4, "million": 1e6, "billion": 1e9, "trillion": 1e12}


@dataclass(frozen=True)
class GoldLabel:
    """What a correct English name must say: a stem of every ``all`` group, none of ``none``."""

    all: tuple[tuple[str, ...], ...]
    none: tuple[str, ...]

    def judge(self, name: str) -> tuple[bool, str]:
        """(correct, why) for one English name, case-insensitive substring match of stems."""
        low = name.lower()
        bad = [w for w in self.none if w in low]
        if bad:
            return False, f"says '{bad[0]}'"
        missing = [group for group in self.all if not any(w in low for w in group)]
        if missing:
            return False, "lacks any of " + "/".join(missing[0][:4])
        return True, ""


@dataclass(frozen=True)
class GoldIndicator:
    """A key figure as an annotator read it (``../gold/README.md``), located in the report text."""

    what: str
    source_text: str
    span: tuple[int, int]
    value: float
    value_high: float | None
    denominator: float | None
    period: str | None
    basis: str
    label: GoldLabel

    @property
    def name(self) -> str:
        return self.what


@dataclass(frozen=True)
class Gold:
    report: str
    meeting: dict[str, Any] | None
    indicators: list[GoldIndicator]

    @classmethod
    def from_json(cls, data: dict[str, Any], text: str) -> Gold:
        taken: set[int] = set()
        inds = []
        for k in data["key_numbers"]:
            start = _locate(text, k, taken)
            taken.add(start)
            inds.append(
                GoldIndicator(
                    what=k["what"],
                    source_text=k["source"],
                    span=(start, start + len(k["source"])) if start >= 0 else (-1, -1),
                    value=float(k["value"]),
                    value_high=float(k["value_high"]) if k.get("value_high") is not None else None,
                    denominator=float(k["of"]) if k.get("of") is not None else None,
                    period=k.get("period"),
                    basis=k["basis"],
                    label=GoldLabel(
                        all=tuple(tuple(g) for g in k["label"]["all"]), none=tuple(k["label"].get("none", []))
                    ),
                )
            )
        return cls(report=data["report"], meeting=data.get("meeting"), indicators=inds)


_TARGET_WORDS = re.compile(either(words("markers", "gold_target")))
_CHANGE_WORDS = re.compile(either(words("markers", "gold_change")))
_NOT_LEVEL_WORDS = re.compile(either(words("markers", "gold_not_level")))
"""Words before a gold figure that tell a target, a change, and what is not a level (``data/markers.tsv``)."""
_YEAR = re.compile(r"(?:19|20)\d{2}")


def _locate(text: str, gold: dict[str, Any], taken: set[int]) -> int:
    """Where the gold figure is: the occurrence of ``source`` whose sentence agrees best with the gold's
    basis and period (first on ties), never one another gold figure already took. -1 when absent."""
    source = gold["source"]
    starts = [
        m.start() for m in re.finditer(r"(?<!\d)(?<!\d[.,])(?<!\d[-–])(?<!\d [-–] )" + re.escape(source), text)
    ] or [m.start() for m in re.finditer(re.escape(source), text)]
    free = [s for s in starts if s not in taken] or starts
    if len(free) <= 1:
        return free[0] if free else -1
    basis, years = gold["basis"], set(_YEAR.findall(gold.get("period") or ""))

    def agreement(pos: int) -> int:
        lo = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
        hi_candidates = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0]
        hi = min(hi_candidates) if hi_candidates else len(text)
        before, after = text[max(lo, pos - 80) : pos].lower(), text[pos + len(source) : pos + len(source) + 40].lower()
        sentence = text[lo + 1 : hi]
        score = 0
        if basis == "target":
            score += 2 * bool(_TARGET_WORDS.search(before))
        elif basis == "growth vs same period":
            score += 2 * bool(_CHANGE_WORDS.search(before[-25:]) or "cùng kỳ" in after)
        elif basis == "of plan":
            score += 2 * ("kế hoạch" in after)
        elif basis == "of estimate":
            score += 2 * ("dự toán" in after)
        elif basis == "level":
            score += not _NOT_LEVEL_WORDS.search(before[-25:])
        score += bool(years and years & set(_YEAR.findall(sentence)))
        return score

    return max(free, key=lambda p: (agreement(p), -p))


@dataclass(frozen=True)
class Sample:
    id: str
    text: str
    gold: Gold | None
    split: str | None = None
    """'seen' (rules were written from it) or 'unseen', from the dataset's ``splits.json``; None when absent."""


def load_splits(path: Path) -> dict[str, str]:
    """Report id -> split name from a ``splits.json`` (``{"seen": [ids], "unseen": [ids]}``); {} when absent."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(str(path), f"is not a readable splits file ({e})") from None
    if not isinstance(data, dict):
        raise InputError(str(path), "must hold an object of split name -> list of report ids")
    return {
        rid: name
        for name, ids in data.items()
        if not name.startswith("_") and isinstance(ids, list)
        for rid in ids
        if isinstance(rid, str)
    }


def load_dataset(reports: Path, gold: Path | None = None, splits: Path | None = None) -> list[Sample]:
    """Every ``*.txt`` under ``reports`` with its ``<stem>.json`` gold from ``gold`` (default: ../gold) and its
    split from ``splits`` (default: ../splits.json)."""
    if not reports.is_dir():
        raise InputError(str(reports), "is not a folder of reports")
    gold_dir = gold if gold is not None else reports.parent / "gold"
    split_of = load_splits(splits if splits is not None else reports.parent / "splits.json")
    samples = []
    for path in sorted(reports.glob("*.txt")):
        report = read_report(path)
        gold_path = gold_dir / f"{path.stem}.json"
        g = (
            Gold.from_json(json.loads(gold_path.read_text(encoding="utf-8")), report.text)
            if gold_path.exists()
            else None
        )
        samples.append(Sample(id=path.stem, text=report.text, gold=g, split=split_of.get(path.stem)))
    if not samples:
        raise InputError(str(reports), "holds no .txt reports")
    return samples

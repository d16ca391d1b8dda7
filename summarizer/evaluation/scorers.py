"""Pure scorers: every figure of an output checked against the source ledger and the gold annotation.

A scorer never crashes on a bad output: it returns a score whose explanation says what it could not read.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from functools import lru_cache
from typing import Any

from summarizer.evaluation.dataset import SCALES, GoldIndicator, OutputRecord, Sample
from summarizer.grounding import MatchStatus, fold, match_number
from summarizer.numbers import INDICATOR_KINDS, EnglishNumber, Figure, Ledger, build_ledger
from summarizer.numbers import parse_english_numbers as _parse_en
from summarizer.schema import Indicator, Summary

__all__ = [
    "ErrorClass",
    "FigureCheck",
    "ReportScore",
    "aggregate",
    "briefing_numbers",
    "check_indicator",
    "classify_wrong",
    "score_output",
]

_CURRENCIES = {"VND", "USD", "EUR", "CNY", "JPY"}
_PLAN_BASES = ("of plan", "of budget estimate", "of target")
_GROWTH_WORDS = re.compile(r"\b(?:grew|grow|growth|increase[ds]?|up|rose|rise|higher|gain(?:ed)?)\b[^.;]{0,25}$", re.I)
_PLAN_WORDS = re.compile(r"^[^.;]{0,25}\b(?:of (?:the )?(?:plan|estimate|target)|of the annual plan)\b", re.I)


class ErrorClass(StrEnum):
    """Why a figure is wrong."""

    SCALE = "scale"
    UNIT = "unit/currency"
    PLAN_AS_GROWTH = "percent of plan as growth"
    GROWTH_AS_PLAN = "growth as percent of plan"
    PERCENT_POINTS = "percent vs percentage points"
    WRONG_PERIOD = "wrong period"
    SIGN = "sign"
    TRANSPOSED = "transposed digits"
    INVENTED = "invented"
    ROUNDING = "rounding"
    MISSING = "missing key figure"


@dataclass
class FigureCheck:
    """One figure of the output (or one gold figure it lacks), with a verdict and the reason."""

    where: str
    text: str
    status: str
    error: ErrorClass | None = None
    explanation: str = ""


@dataclass
class ReportScore:
    id: str
    schema_valid: bool
    figures: int = 0
    exact: int = 0
    approx: int = 0
    briefing_figures: int = 0
    briefing_exact: int = 0
    gold: int = 0
    found: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)
    meeting: dict[str, bool | None] = field(default_factory=dict)
    checks: list[FigureCheck] = field(default_factory=list)
    cost: dict[str, float] = field(default_factory=dict)
    explanation: str = ""

    @property
    def precision(self) -> float | None:
        return self.exact / self.figures if self.figures else None

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None

    @property
    def errors(self) -> list[FigureCheck]:
        return [c for c in self.checks if c.error is not None]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["precision"], d["recall"] = self.precision, self.recall
        d["checks"] = [asdict(c) | {"error": c.error.value if c.error else None} for c in self.checks]
        return d


@lru_cache(maxsize=8192)
def _norm(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", " ", fold(text or "")).strip()


def _indicator_number(ind: Indicator) -> EnglishNumber:
    unit = ind.unit if ind.unit in ("%", "pp") or ind.unit in _CURRENCIES else None
    scale = int(SCALES[ind.scale]) if ind.scale in SCALES else None
    return EnglishNumber(ind.source_text or str(ind.value), 0, 0, ind.value, scale, unit, ind.denominator)


def _digits(x: float) -> str:
    return re.sub(r"\D", "", f"{x:.6f}".rstrip("0").rstrip("."))


def classify_wrong(n: EnglishNumber, ledger: Ledger) -> tuple[ErrorClass, str]:
    """Name the error of a number no source figure supports."""
    figs = [f for f in ledger.figures if f.kind in INDICATOR_KINDS]
    claimed = n.base_value
    for f in figs:
        src = f.base_value
        if src and claimed and claimed != src:
            ratio = claimed / src
            for k in (3, 6, 9, -3, -6, -9):
                if abs(ratio - 10**k) <= 1e-6 * 10**k:
                    return ErrorClass.SCALE, f"{n.text} is the source's '{f.text}' ×10^{k}"
    for f in figs:
        if abs(n.value - f.value) < 1e-9 or abs(claimed - f.base_value) < 1e-9:
            if (n.unit == "pp" and f.unit == "%") or (n.unit == "%" and f.unit == "pp"):
                return ErrorClass.PERCENT_POINTS, f"{n.text} vs source '{f.text}'"
            return ErrorClass.UNIT, f"{n.text}: the source says '{f.text}'"
    for f in figs:
        if abs(n.value + f.value) < 1e-9 and n.value != 0:
            return ErrorClass.SIGN, f"{n.text} has the opposite sign of '{f.text}'"
    for f in figs:
        a, b = _digits(n.value), _digits(f.value)
        if len(a) == len(b) >= 2 and a != b and sorted(a) == sorted(b):
            return ErrorClass.TRANSPOSED, f"{n.text} has the digits of '{f.text}' in another order"
    return ErrorClass.INVENTED, f"{n.text} is not in the source"


def _is_plan(basis: str | None) -> bool:
    return bool(basis) and any(b in (basis or "") for b in _PLAN_BASES)


def _is_growth(basis: str | None, direction: str | None) -> bool:
    return direction in ("increase", "decrease") or "same period" in (basis or "") or (basis or "").startswith("vs ")


def _gold_for(ind: Indicator, gold: list[GoldIndicator]) -> GoldIndicator | None:
    for g in gold:
        if ind.span and ind.span[1] > g.span[0] and ind.span[0] < g.span[1]:
            return g
    for g in gold:
        if abs(g.base_value - ind.base_value) < 1e-6 * max(1.0, abs(g.base_value)) and (g.unit == ind.unit):
            return g
    return None


def check_indicator(ind: Indicator, ledger: Ledger, gold: list[GoldIndicator], where: str) -> FigureCheck:
    """An indicator is right when its value is in the source and its period and basis agree."""
    n = _indicator_number(ind)
    label = f"{ind.name}: {ind.value:g}" + (f" {ind.scale}" if ind.scale else "") + (f" {ind.unit}" if ind.unit else "")
    m = match_number(n, ledger)
    if m.status == MatchStatus.APPROX:
        return FigureCheck(where, label, "approx", ErrorClass.ROUNDING, f"rounds '{m.figure.text if m.figure else ''}'")
    if m.status == MatchStatus.NONE:
        err, why = classify_wrong(n, ledger)
        return FigureCheck(where, label, "wrong", err, why)
    fig: Figure | None = m.figure
    g = _gold_for(ind, gold)
    src_basis = g.comparison if g is not None and g.comparison else (fig.basis if fig else None)
    src_dir = fig.cue if fig else None
    if _is_plan(src_basis) and _is_growth(ind.comparison, ind.direction):
        return FigureCheck(where, label, "wrong", ErrorClass.PLAN_AS_GROWTH, f"source: {src_basis}")
    if not _is_plan(src_basis) and _is_growth(src_basis, src_dir) and _is_plan(ind.comparison):
        return FigureCheck(where, label, "wrong", ErrorClass.GROWTH_AS_PLAN, f"source: {src_basis or src_dir}")
    opposite = {"increase": "decrease", "decrease": "increase"}
    if ind.direction and src_dir and opposite.get(src_dir) == ind.direction:
        return FigureCheck(where, label, "wrong", ErrorClass.SIGN, f"source says {src_dir}")
    if g is not None and g.period and ind.period and _norm(g.period) != _norm(ind.period):
        return FigureCheck(where, label, "wrong", ErrorClass.WRONG_PERIOD, f"gold period '{g.period}'")
    return FigureCheck(where, label, "exact")


def _check_prose(text: str, ledger: Ledger, where: str) -> list[FigureCheck]:
    checks = []
    for n in _parse_en(text):
        m = match_number(n, ledger)
        if m.status == MatchStatus.EXACT:
            fig = m.figure
            before, after = text[max(0, n.start - 40) : n.start], text[n.end : n.end + 40]
            if fig is not None and n.unit == "%" and _is_plan(fig.basis) and _GROWTH_WORDS.search(before):
                checks.append(FigureCheck(where, n.text, "wrong", ErrorClass.PLAN_AS_GROWTH, f"source: {fig.basis}"))
            elif fig is not None and n.unit == "%" and fig.cue == "increase" and _PLAN_WORDS.search(after):
                checks.append(FigureCheck(where, n.text, "wrong", ErrorClass.GROWTH_AS_PLAN, "source: growth"))
            else:
                checks.append(FigureCheck(where, n.text, "exact"))
        elif m.status == MatchStatus.APPROX:
            src = m.figure.text if m.figure else ""
            checks.append(FigureCheck(where, n.text, "approx", ErrorClass.ROUNDING, f"rounds '{src}'"))
        else:
            err, why = classify_wrong(n, ledger)
            checks.append(FigureCheck(where, n.text, "wrong", err, why))
    return checks


_QUOTED = re.compile(r"“[^”]*”")


def briefing_numbers(markdown: str) -> list[EnglishNumber]:
    """Numbers a reader sees in a briefing, less quoted Vietnamese source, the meeting line (scored as
    meeting facts) and the provenance footer."""
    body = markdown.rsplit("\n---\n", 1)[0]
    body = body.split("## ⚠ Unverified")[0]
    body = "\n".join(line for line in body.splitlines() if not line.startswith("**"))
    return _parse_en(_QUOTED.sub("", body), words=False)


def _meeting_scores(summary: Summary, gold_meeting: dict[str, Any]) -> dict[str, bool | None]:
    m = summary.meeting
    out: dict[str, bool | None] = {}
    out["date"] = None if not gold_meeting.get("date") else m.date == gold_meeting["date"]
    out["session"] = None if gold_meeting.get("session") is None else m.session == gold_meeting["session"]
    out["term"] = (
        None
        if not gold_meeting.get("term")
        else re.findall(r"\d{4}", m.term or "") == re.findall(r"\d{4}", gold_meeting["term"])
    )
    gb_vi, ob_vi = fold(gold_meeting.get("body_vi") or ""), fold(m.body_vi or "")
    gb_en, ob_en = set(_norm(gold_meeting.get("body")).split()), set(_norm(m.body_en).split())
    vi_ok = bool(gb_vi and ob_vi and (gb_vi in ob_vi or ob_vi in gb_vi))
    en_ok = bool(gb_en) and len(gb_en & ob_en) / len(gb_en) >= 0.6
    out["body"] = None if not (gb_vi or gb_en) else (vi_ok or en_ok)
    return out


def _field_scores(summary: Summary, gold: list[GoldIndicator]) -> tuple[int, dict[str, list[int]]]:
    fields: dict[str, list[int]] = {k: [0, 0] for k in ("value", "unit", "scale", "period", "comparison")}
    found = 0
    for g in gold:
        match = next(
            (i for i in summary.indicators if i.span and i.span[1] > g.span[0] and i.span[0] < g.span[1]), None
        ) or next(
            (
                i
                for i in summary.indicators
                if abs(i.base_value - g.base_value) < 1e-6 * max(1.0, abs(g.base_value))
                and i.unit == g.unit
                and (g.denominator is None or i.denominator == g.denominator)
            ),
            None,
        )
        if match is None:
            continue
        if abs(match.base_value - g.base_value) < 1e-6 * max(1.0, abs(g.base_value)) and match.unit == g.unit:
            found += 1
        pairs = {
            "value": (abs(match.value - g.value) < 1e-9 and match.denominator == g.denominator, True),
            "unit": (match.unit == g.unit, True),
            "scale": (match.scale == g.scale, True),
            "period": (_norm(match.period) == _norm(g.period), g.period is not None),
            "comparison": (_norm(match.comparison) == _norm(g.comparison), g.comparison is not None),
        }
        for name, (ok, scored) in pairs.items():
            if scored:
                fields[name][1] += 1
                fields[name][0] += int(ok)
    return found, fields


def score_output(sample: Sample, record: OutputRecord | None) -> ReportScore:
    """Score one output against its source and gold; a missing or broken output scores zero, explained."""
    gold = sample.gold.indicators if sample.gold else []
    if record is None or record.summary is None:
        why = "no output" if record is None else (record.error or "no summary")
        score = ReportScore(sample.id, schema_valid=False, gold=len(gold), explanation=why)
        score.checks = [FigureCheck("gold", g.source_text, "missing", ErrorClass.MISSING, g.name) for g in gold]
        return score
    summary = record.summary
    ledger = build_ledger(sample.text)
    score = ReportScore(sample.id, schema_valid=True, gold=len(gold))
    for k, ind in enumerate(summary.indicators, start=1):
        score.checks.append(check_indicator(ind, ledger, gold, f"indicator {k}"))
    prose = [("title", summary.title), ("summary", summary.summary)]
    prose += [(f"topic {k}", t) for k, t in enumerate(summary.topics, start=1)]
    prose += [(f"directive {k}", d.task) for k, d in enumerate(summary.directives, start=1)]
    for where, text in prose:
        score.checks += _check_prose(text, ledger, where)
    score.figures = len(score.checks)
    score.exact = sum(c.status == "exact" for c in score.checks)
    score.approx = sum(c.status == "approx" for c in score.checks)
    if record.briefing:
        nums = briefing_numbers(record.briefing)
        score.briefing_figures = len(nums)
        score.briefing_exact = sum(match_number(n, ledger).status == MatchStatus.EXACT for n in nums)
    score.found, score.fields = _field_scores(summary, gold)
    for g in gold:
        if not any(
            abs(i.base_value - g.base_value) < 1e-6 * max(1.0, abs(g.base_value)) and i.unit == g.unit
            for i in summary.indicators
        ):
            score.checks.append(FigureCheck("gold", g.source_text, "missing", ErrorClass.MISSING, g.name))
    if sample.gold:
        score.meeting = _meeting_scores(summary, sample.gold.meeting)
    usage = summary.provenance.usage
    score.cost = {
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "latency_s": summary.provenance.elapsed_s,
        "retries": usage.reasks + max(0, usage.calls - 1 - usage.reasks),
    }
    return score


def _rate(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def aggregate(scores: list[ReportScore]) -> dict[str, Any]:
    """Corpus-level metrics: rates pooled over figures, medians over reports for cost."""
    n = len(scores)
    fig = sum(s.figures for s in scores)
    fields: dict[str, list[int]] = {}
    for s in scores:
        for k, (ok, tot) in s.fields.items():
            fields.setdefault(k, [0, 0])
            fields[k][0] += ok
            fields[k][1] += tot
    meeting: dict[str, list[int]] = {}
    for s in scores:
        for k, v in s.meeting.items():
            if v is not None:
                meeting.setdefault(k, [0, 0])
                meeting[k][0] += int(v)
                meeting[k][1] += 1
    errors = Counter(c.error.value for s in scores for c in s.checks if c.error is not None)
    costs = [s.cost for s in scores if s.cost]

    def med(key: str) -> float | None:
        vals = [c[key] for c in costs if key in c]
        return round(statistics.median(vals), 3) if vals else None

    return {
        "reports": n,
        "schema_valid_rate": _rate(sum(s.schema_valid for s in scores), n),
        "number_precision": _rate(sum(s.exact for s in scores), fig),
        "number_precision_with_approx": _rate(sum(s.exact + s.approx for s in scores), fig),
        "approximate_figures": sum(s.approx for s in scores),
        "figures_checked": fig,
        "briefing_precision": _rate(sum(s.briefing_exact for s in scores), sum(s.briefing_figures for s in scores)),
        "key_number_recall": _rate(sum(s.found for s in scores), sum(s.gold for s in scores)),
        "field_accuracy": {k: _rate(ok, tot) for k, (ok, tot) in fields.items()},
        "meeting_accuracy": {k: _rate(ok, tot) for k, (ok, tot) in meeting.items()},
        "errors": dict(errors.most_common()),
        "median_prompt_tokens": med("prompt_tokens"),
        "median_completion_tokens": med("completion_tokens"),
        "median_latency_s": med("latency_s"),
        "total_tokens": sum(c.get("prompt_tokens", 0) + c.get("completion_tokens", 0) for c in costs),
        "retries_per_report": _rate(sum(c.get("retries", 0) for c in costs), len(costs)),
    }

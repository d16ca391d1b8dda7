"""Pure scorers: what an output says about each figure, judged against the source and independent gold.

A gold figure is *found* only when the output's figure is that one (same source span); its English name
is then judged by the gold label key, its basis and period by the gold's. Prose numbers must be source
figures of the same kind, stated with the same relation ("up X%", "X% of the plan"). English fields
must be whole English about this report. A scorer never crashes on a bad output: it returns a score
whose explanation says what it could not read.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any

from summarizer.checking.grounding import MatchStatus, match_number
from summarizer.evaluation.checks import MEANING_ERRORS, ErrorClass, FigureCheck
from summarizer.evaluation.dataset import SCALES, GoldIndicator, OutputRecord, Sample
from summarizer.evaluation.meeting_scores import check_body, meeting_scores
from summarizer.reading.basis import Basis, basis_of
from summarizer.reading.english_numbers import EnglishNumber
from summarizer.reading.english_numbers import parse_english_numbers as _parse_en
from summarizer.reading.figures import INDICATOR_KINDS, Figure, Ledger
from summarizer.reading.language import fold, language_issues
from summarizer.reading.ledger import build_ledger
from summarizer.reading.terminology import is_generic_name
from summarizer.schema import Indicator, Summary

__all__ = [
    "ErrorClass",
    "FigureCheck",
    "ReportScore",
    "aggregate",
    "briefing_numbers",
    "check_body",
    "classify_wrong",
    "indicator_basis",
    "period_matches",
    "score_output",
]

_CURRENCIES = {"VND", "USD", "EUR", "CNY", "JPY"}


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
    found_by_value: int = 0
    untranslated: int = 0
    """Gold figures shown in their Vietnamese words, marked not translated: found, not named."""
    label_ok: int = 0
    basis_ok: int = 0
    period: list[int] = field(default_factory=lambda: [0, 0])
    fully_right: int = 0
    meeting: dict[str, bool | None] = field(default_factory=dict)
    checks: list[FigureCheck] = field(default_factory=list)
    cost: dict[str, float] = field(default_factory=dict)
    reask_reasons: list[str] = field(default_factory=list)
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

    @property
    def clean(self) -> bool:
        """No error that changes meaning anywhere in the output (missing figures are recall, not meaning)."""
        return self.schema_valid and not any(c.error in MEANING_ERRORS for c in self.checks)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["precision"], d["recall"], d["clean"] = self.precision, self.recall, self.clean
        d["fully_right_rate"] = self.fully_right / self.gold if self.gold else None
        d["checks"] = [asdict(c) | {"error": c.error.value if c.error else None} for c in self.checks]
        return d


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


def indicator_basis(ind: Indicator) -> str:
    """The output's basis category: the stored one, or mapped from its comparison words and cue."""
    if ind.basis:
        return ind.basis
    return basis_of(ind.kind, ind.comparison, ind.direction, ind.denominator).value


# --- periods ---------------------------------------------------------------------------------------

_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


_COUNTS = {
    w: n
    for n, w in enumerate(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"], 1
    )
}
"""'first two months' is 'first 2 months'."""


@lru_cache(maxsize=4096)
def _period_key(period: str) -> tuple[frozenset[str], frozenset[int]]:
    low = period.lower()
    years = frozenset(re.findall(r"(?:19|20)\d{2}", low))
    months = {_COUNTS.get(m, 0) or int(m) for m in re.findall(rf"(\d{{1,2}}|{'|'.join(_COUNTS)}) months?", low)}
    months |= {int(m) for m in re.findall(r"as of \d{1,2}/(\d{1,2})", low)}
    months |= {i for i, name in enumerate(_MONTH_NAMES, start=1) if re.search(rf"as of \d{{1,2}} {name}\b", low)}
    months |= {i for i, name in enumerate(_MONTH_NAMES, start=1) if f"to 31 {name}" in low or f"to 30 {name}" in low}
    if "half" in low:
        months.add(6)
    if re.search(r"\bq[1-4]\b|quarter", low):
        months.add(3)
    return years, frozenset(months)


def period_matches(gold: str, output: str | None) -> bool:
    """Same years and the same span of months ("first 7 months"), ignoring wording."""
    if output is None:
        return False
    gy, gm = _period_key(gold)
    oy, om = _period_key(output)
    if gy and gy != oy:
        return False
    return not ((gm or om) and gm != om)


# --- prose -----------------------------------------------------------------------------------------

_GROWTH_BEFORE = re.compile(
    r"\b(?:grew|grow(?:s|ing|th)?|up|rose|rise[sn]?|increase[ds]?|higher|gain(?:ed|s)?|jump(?:ed)?|climb(?:ed)?)"
    r"(?:\s+(?:by|of|to))?\s*$",
    re.I,
)
_PLAN_AFTER = re.compile(
    r"^\s*of\s+(?:the\s+)?(?:(?:annual|year'?s?|yearly|city'?s?|assigned)\s+)*(?:plan|estimate|target|budget estimate)",
    re.I,
)
_LEVEL_AFTER = re.compile(
    r"^\s*of\s+(?:the\s+)?(?:(?:last|previous|prior)\s+year'?s?|(?:the\s+)?same\s+period|(?:the\s+)?year\s+before)",
    re.I,
)
_APPROX_BEFORE = re.compile(
    r"\b(?:about|around|nearly|almost|approximately|roughly|some|over|more than|close to|just under|just over)\s*$",
    re.I,
)
_GROWTH_BASES = {Basis.GROWTH_SAME_PERIOD.value, Basis.GROWTH_OTHER.value}
_PLAN_BASES = {Basis.OF_PLAN.value, Basis.OF_ESTIMATE.value}


def _source_basis(fig: Figure, gold: list[GoldIndicator]) -> str:
    for g in gold:
        if g.span[0] < fig.end and fig.start < g.span[1]:
            return g.basis
    return basis_of(fig.kind.value, fig.basis, fig.cue, fig.denominator).value


def _relation_error(text: str, n: EnglishNumber, basis: str) -> tuple[ErrorClass, str] | None:
    """The relation the sentence states around a percent, checked against the source figure's basis."""
    if n.unit != "%":
        return None
    before, after = text[max(0, n.start - 30) : n.start], text[n.end : n.end + 40]
    if _GROWTH_BEFORE.search(before) and basis not in _GROWTH_BASES:
        if basis in _PLAN_BASES:
            return ErrorClass.PLAN_AS_GROWTH, f"source: {basis}"
        if basis == Basis.LEVEL_SAME_PERIOD.value:
            return ErrorClass.LEVEL_AS_GROWTH, "source: a percent of last year's level"
    if _PLAN_AFTER.search(after) and basis not in _PLAN_BASES:
        return ErrorClass.GROWTH_AS_PLAN, f"source: {basis}"
    if _LEVEL_AFTER.search(after) and basis in _GROWTH_BASES:
        return ErrorClass.LEVEL_AS_GROWTH, f"source: {basis}, stated as a level"
    return None


def _check_prose(text: str, ledger: Ledger, gold: list[GoldIndicator], where: str) -> list[FigureCheck]:
    checks = []
    for n in _parse_en(text):
        m = match_number(n, ledger)
        if m.status == MatchStatus.EXACT and m.figure is not None and m.figure.scale and n.scale is None:
            fig = m.figure
            if abs(n.value - fig.value) < 1e-9 and fig.kind.value == "money":
                checks.append(FigureCheck(where, n.text, "wrong", ErrorClass.SCALE, f"drops the scale of '{fig.text}'"))
                continue
        if m.status == MatchStatus.EXACT and m.figure is not None:
            err = _relation_error(text, n, _source_basis(m.figure, gold))
            checks.append(FigureCheck(where, n.text, "wrong", *err) if err else FigureCheck(where, n.text, "exact"))
        elif m.status == MatchStatus.APPROX and m.figure is not None:
            src = m.figure
            within = abs(n.base_value - src.base_value) <= 0.01 * abs(src.base_value) or (
                abs(n.value - src.value) <= 0.01 * abs(src.value)
            )
            if within and _APPROX_BEFORE.search(text[max(0, n.start - 20) : n.start]):
                checks.append(FigureCheck(where, n.text, "approx", None, f"rounds '{src.text}', worded as approximate"))
            else:
                checks.append(
                    FigureCheck(where, n.text, "wrong", ErrorClass.ROUNDING, f"rounds '{src.text}' as if exact")
                )
        else:
            err_class, why = classify_wrong(n, ledger)
            checks.append(FigureCheck(where, n.text, "wrong", err_class, why))
    return checks


_LANGUAGE_ERRORS = {
    "cjk": ErrorClass.CJK,
    "untranslated": ErrorClass.UNTRANSLATED,
    "unfinished": ErrorClass.UNFINISHED,
    "entity": ErrorClass.ENTITY,
}


def _english_fields(summary: Summary) -> list[tuple[str, str, bool]]:
    """(where, text, is_prose) for every field a reader reads as English."""
    fields = [
        ("title", summary.title, False),
        ("summary", summary.summary, True),
        ("body", summary.meeting.body_en, False),
    ]
    if summary.meeting.place:
        fields.append(("place", summary.meeting.place, False))
    fields += [(f"topic {k}", t, False) for k, t in enumerate(summary.topics, start=1)]
    fields += [(f"task {k}", d.task, False) for k, d in enumerate(summary.directives, start=1)]
    fields += [(f"task {k} owner", d.owner, False) for k, d in enumerate(summary.directives, start=1) if d.owner]
    fields += [(f"official {k} role", o.role, False) for k, o in enumerate(summary.officials, start=1)]
    fields += [
        (f"indicator {k} name", i.name, False)
        for k, i in enumerate(summary.indicators, start=1)
        if i.name_status == "translated"  # the Vietnamese words of an untranslated figure are marked as such
    ]
    return fields


def _language_checks(summary: Summary, report_folded: str) -> list[FigureCheck]:
    checks = []
    for where, text, prose in _english_fields(summary):
        for issue in language_issues(text, where, report_folded, sentences=prose):
            checks.append(FigureCheck(where, issue.text, "wrong", _LANGUAGE_ERRORS[issue.kind], issue.message))
    return checks


# --- figures ---------------------------------------------------------------------------------------


def _overlaps(ind: Indicator, g: GoldIndicator) -> bool:
    return ind.span[1] > ind.span[0] and ind.span[1] > g.span[0] and ind.span[0] < g.span[1]


def _same_value(ind: Indicator, g: GoldIndicator) -> bool:
    """Value fallback for an output with no span: the gold value in its own unit (billion VND etc.)."""
    if g.denominator is not None and ind.denominator != g.denominator:
        return False
    if ind.unit == "%" and "percent" not in g.what and "%" not in g.source_text:
        return False
    candidates = {ind.value, ind.base_value / 1e9, ind.base_value / 1e6}
    return any(abs(c - g.value) <= 1e-6 * max(1.0, abs(g.value)) for c in candidates)


def _value_check(ind: Indicator, ledger: Ledger, where: str) -> FigureCheck | None:
    """An indicator's value must be a source figure; None when it is."""
    n = _indicator_number(ind)
    m = match_number(n, ledger)
    label = f"{ind.name}: {ind.value:g}" + (f" {ind.scale}" if ind.scale else "") + (f" {ind.unit}" if ind.unit else "")
    if m.status == MatchStatus.EXACT:
        return None
    if m.status == MatchStatus.APPROX:
        return FigureCheck(where, label, "approx", ErrorClass.ROUNDING, f"rounds '{m.figure.text if m.figure else ''}'")
    err, why = classify_wrong(n, ledger)
    return FigureCheck(where, label, "wrong", err, why)


def _judge_gold(score: ReportScore, g: GoldIndicator, ind: Indicator, where: str, *, checks: list[FigureCheck]) -> None:
    translated = ind.name_status == "translated"
    label_ok, why = g.label.judge(ind.name) if translated else (False, "")
    if label_ok and is_generic_name(ind.name):
        label_ok, why = False, "a head noun only, which names no figure"
    score.untranslated += not translated
    basis = indicator_basis(ind)
    basis_ok = basis == g.basis
    period_ok = None if g.period is None else period_matches(g.period, ind.period)
    score.label_ok += label_ok
    score.basis_ok += basis_ok
    if period_ok is not None:
        score.period[0] += period_ok
        score.period[1] += 1
    if label_ok and basis_ok and period_ok is not False:
        score.fully_right += 1
    text = f"{ind.name} ({g.source_text})"
    if translated and not label_ok:
        checks.append(FigureCheck(where, text, "wrong", ErrorClass.WRONG_LABEL, f"{why}; gold: {g.what}"))
    if not basis_ok:
        checks.append(FigureCheck(where, text, "wrong", ErrorClass.WRONG_BASIS, f"'{basis}', gold '{g.basis}'"))
    if period_ok is False:
        checks.append(FigureCheck(where, text, "wrong", ErrorClass.WRONG_PERIOD, f"'{ind.period}', gold '{g.period}'"))


def score_output(sample: Sample, record: OutputRecord | None) -> ReportScore:
    """Score one output against its source and gold; a missing or broken output scores zero, explained."""
    gold = sample.gold.indicators if sample.gold else []
    if record is None or record.summary is None:
        why = "no output" if record is None else (record.error or "no summary")
        score = ReportScore(sample.id, schema_valid=False, gold=len(gold), explanation=why)
        score.checks = [FigureCheck("gold", g.source_text, "missing", ErrorClass.MISSING, g.what) for g in gold]
        return score
    summary = record.summary
    ledger = build_ledger(sample.text)
    score = ReportScore(sample.id, schema_valid=True, gold=len(gold))
    value_checks: list[FigureCheck] = []
    meaning: list[FigureCheck] = []
    for k, ind in enumerate(summary.indicators, start=1):
        bad = _value_check(ind, ledger, f"indicator {k}")
        value_checks.append(bad or FigureCheck(f"indicator {k}", ind.name, "exact"))
    by_span: dict[int, int] = {}
    for gi, g in enumerate(gold):
        hit = next((k for k, i in enumerate(summary.indicators) if k not in by_span.values() and _overlaps(i, g)), None)
        if hit is not None:
            by_span[gi] = hit
    used = set(by_span.values())
    for gi, g in enumerate(gold):
        hit = by_span.get(gi)
        if hit is None:
            hit = next(
                (
                    k
                    for k, i in enumerate(summary.indicators)
                    if k not in used and i.span[1] <= i.span[0] and _same_value(i, g)
                ),
                None,
            )
            if hit is not None:
                used.add(hit)
                score.found_by_value += 1
        if hit is None:
            elsewhere = next(
                (
                    i
                    for k, i in enumerate(summary.indicators)
                    if k not in used and i.span[1] > i.span[0] and _same_value(i, g)
                ),
                None,
            )
            if elsewhere is not None:
                meaning.append(
                    FigureCheck(
                        "indicator",
                        f"{elsewhere.name} ({elsewhere.source_text})",
                        "wrong",
                        ErrorClass.WRONG_SENTENCE,
                        f"the value of '{g.what}' taken from characters {elsewhere.span}, gold {list(g.span)}",
                    )
                )
            meaning.append(FigureCheck("gold", g.source_text, "missing", ErrorClass.MISSING, g.what))
            continue
        score.found += 1
        _judge_gold(score, g, summary.indicators[hit], f"indicator {hit + 1}", checks=meaning)
    meaning += [
        FigureCheck(f"indicator {k}", ind.name, "wrong", ErrorClass.GENERIC_NAME, "a head noun only names no figure")
        for k, ind in enumerate(summary.indicators, start=1)
        if ind.name_status == "translated" and is_generic_name(ind.name)
    ]
    prose = [("title", summary.title), ("summary", summary.summary)]
    prose += [(f"topic {k}", t) for k, t in enumerate(summary.topics, start=1)]
    prose += [(f"task {k}", d.task) for k, d in enumerate(summary.directives, start=1)]
    for where, text in prose:
        value_checks += _check_prose(text, ledger, gold, where)
    score.figures = len(value_checks)
    score.exact = sum(c.status == "exact" for c in value_checks)
    score.approx = sum(c.status == "approx" for c in value_checks)
    if record.briefing:
        nums = briefing_numbers(record.briefing)
        score.briefing_figures = len(nums)
        score.briefing_exact = sum(match_number(n, ledger).status == MatchStatus.EXACT for n in nums)
    score.meeting, meeting_checks = meeting_scores(summary, sample.gold.meeting if sample.gold else None)
    score.checks = value_checks + meaning + meeting_checks + _language_checks(summary, fold(sample.text))
    usage = summary.provenance.usage
    score.cost = {
        "prompt_tokens": usage.prompt_tokens,
        "completion_tokens": usage.completion_tokens,
        "latency_s": summary.provenance.elapsed_s,
        "retries": usage.reasks + max(0, usage.calls - 1 - usage.reasks),
    }
    score.reask_reasons = [kind for reason in usage.reask_reasons for kind in reason.split(",")]
    return score


_QUOTED = re.compile(r"“[^”]*”")


def briefing_numbers(markdown: str) -> list[EnglishNumber]:
    """Numbers a reader sees in a briefing, less quoted Vietnamese source, the meeting line (scored as
    meeting facts) and the provenance footer."""
    body = markdown.rsplit("\n---\n", 1)[0]
    body = body.split("## ⚠ Unverified")[0]
    body = "\n".join(line for line in body.splitlines() if not line.startswith("**"))
    return _parse_en(_QUOTED.sub("", body), words=False)


def _rate(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def aggregate(scores: list[ReportScore]) -> dict[str, Any]:
    """Corpus-level metrics: rates pooled over gold figures, medians over reports for cost.

    Label and basis accuracy are over the gold figures the output found (by span); ``fully_right`` is
    over all gold figures, so a figure that is missing counts against it.
    """
    n = len(scores)
    fig = sum(s.figures for s in scores)
    found = sum(s.found for s in scores)
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

    gold = sum(s.gold for s in scores)
    untranslated = sum(s.untranslated for s in scores)
    return {
        "reports": n,
        "schema_valid_rate": _rate(sum(s.schema_valid for s in scores), n),
        "fully_right": _rate(sum(s.fully_right for s in scores), gold),
        "clean_briefings": _rate(sum(s.clean for s in scores), n),
        "label_accuracy": _rate(sum(s.label_ok for s in scores), found - untranslated),
        "named_right": sum(s.label_ok for s in scores),
        "named_wrong": found - untranslated - sum(s.label_ok for s in scores),
        "shown_untranslated": untranslated,
        "missing": gold - found,
        "wrong_name_share_of_shown": _rate(found - untranslated - sum(s.label_ok for s in scores), found),
        "basis_accuracy": _rate(sum(s.basis_ok for s in scores), found),
        "period_accuracy": _rate(sum(s.period[0] for s in scores), sum(s.period[1] for s in scores)),
        "recall_by_span": _rate(found, gold),
        "found_by_value_only": sum(s.found_by_value for s in scores),
        "number_precision": _rate(sum(s.exact for s in scores), fig),
        "number_precision_with_approx": _rate(sum(s.exact + s.approx for s in scores), fig),
        "approximate_figures": sum(s.approx for s in scores),
        "figures_checked": fig,
        "briefing_precision": _rate(sum(s.briefing_exact for s in scores), sum(s.briefing_figures for s in scores)),
        "meeting_accuracy": {k: _rate(ok, tot) for k, (ok, tot) in sorted(meeting.items())},
        "errors": dict(errors.most_common()),
        "median_prompt_tokens": med("prompt_tokens"),
        "median_completion_tokens": med("completion_tokens"),
        "median_latency_s": med("latency_s"),
        "total_tokens": sum(c.get("prompt_tokens", 0) + c.get("completion_tokens", 0) for c in costs),
        "retries_per_report": _rate(sum(c.get("retries", 0) for c in costs), len(costs)),
        "reask_reasons": dict(Counter(k for s in scores for k in s.reask_reasons).most_common()),
    }

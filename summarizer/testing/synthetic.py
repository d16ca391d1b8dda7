"""Known-answer outputs: a perfect summary built from gold, and the mistakes a pipeline really makes.

The mutations change what the model or the assembly decides (names, basis, period, which sentence a
value is taken from, body, prose), not what code computes from the source, so each one is a test of
whether the harness sees meaning.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from summarizer.checking.assembly import figure_indicator
from summarizer.evaluation.baselines import made_by_code
from summarizer.evaluation.dataset import GoldIndicator, Sample
from summarizer.evaluation.scorers import ErrorClass
from summarizer.reading.figures import Ledger
from summarizer.reading.language import fold
from summarizer.reading.ledger import build_ledger
from summarizer.schema import DocumentInfo, Indicator, Meeting, Provenance, Summary, Usage

__all__ = ["MUTATIONS", "Mutation", "blank_provenance", "mutate", "perfect_summary"]


class NotApplicable(Exception):
    """The report has nothing this mutation can change (e.g. no revenue figure to call spending)."""


def _gold_indicator(g: GoldIndicator, ledger: Ledger) -> Indicator:
    fig = next((f for f in ledger.figures if f.start < g.span[1] and g.span[0] < f.end), None)
    base = figure_indicator(fig.id if fig else "F0", g.what, ledger, [])
    if fig is None:
        base = base.model_copy(
            update={
                "value": g.value,
                "base_value": g.value,
                "denominator": g.denominator,
                "source_text": g.source_text,
                "span": list(g.span),
                "grounding": "grounded",
                "grounding_note": None,
            }
        )
    return base.model_copy(update={"name": english_name(g.what), "period": g.period, "basis": g.basis})


def blank_provenance(*, backend: str = "local", document: DocumentInfo | None = None) -> Provenance:
    """Provenance with nothing in it but the backend (which decides whether the model may name freely) and the
    document: for tests of assembly that need one."""
    return Provenance(
        source_name="x",
        source_sha256="0",
        prompt_id="p",
        prompt_version="v1",
        prompt_sha256="0",
        schema_sha256="0",
        backend=backend,
        model="m",
        temperature=0,
        max_tokens=1,
        created_at="",
        elapsed_s=0,
        usage=Usage(prompt_tokens=0, completion_tokens=0, total_tokens=0, calls=1, reasks=0, per_call=[]),
        document=document,
    )


def english_name(what: str) -> str:
    """The gold's description as an English name: bracketed notes and Vietnamese glosses dropped."""
    name = re.sub(r"\s*\([^)]*\)", "", what)
    name = " ".join(w for w in name.split() if fold(w) == w.lower() or not w.isalpha())
    return name.strip(" ,")


def perfect_summary(sample: Sample) -> Summary:
    """The summary a flawless pipeline would give: every gold figure at its gold span, named by the gold's
    `what`, with the gold basis and period; meeting facts from the gold; prose without numbers."""
    if sample.gold is None:
        raise ValueError(f"{sample.id} has no gold annotation")
    ledger = build_ledger(sample.text)
    indicators = [_gold_indicator(g, ledger) for g in sample.gold.indicators]
    m = sample.gold.meeting or {}
    date = m.get("date")
    return Summary(
        title="Briefing on the reported results",
        meeting=Meeting(
            body_en=m.get("body_en") or "",
            body_vi=m.get("body_vi"),
            session=m.get("session"),
            session_text=None,
            term=m.get("term"),
            date=date if date is None or len(date) == 10 else f"2000-{date}",
            date_as_written=None,
            date_year_inferred=date is not None and len(date) != 10,
            place=None,
        ),
        officials=[],
        topics=["Socio-economic results"],
        indicators=indicators,
        directives=[],
        summary="The report reviews the period's socio-economic results and sets tasks for the period ahead.",
        flags=[],
        provenance=made_by_code(sample, "gold", "v1", calls=1),
    )


def _with(s: Summary, i: int, **changes: object) -> Summary:
    inds = list(s.indicators)
    inds[i] = inds[i].model_copy(update=changes)
    return s.model_copy(update={"indicators": inds})


def _pairs(s: Summary, sample: Sample) -> list[tuple[int, GoldIndicator]]:
    assert sample.gold is not None
    return list(enumerate(sample.gold.indicators))


def _rotate_names(s: Summary, sample: Sample, ledger: Ledger) -> Summary:
    """Names shifted by one among figures whose labels then fail (what a model does when it loses its place)."""
    assert sample.gold is not None
    gold = sample.gold.indicators
    names = [i.name for i in s.indicators]
    rotated = names[1:] + names[:1]
    if all(g.label.judge(n)[0] for g, n in zip(gold, rotated, strict=True)):
        raise NotApplicable("rotated names still fit their labels")
    return s.model_copy(
        update={"indicators": [i.model_copy(update={"name": n}) for i, n in zip(s.indicators, rotated, strict=True)]}
    )


def _revenue_as_spending(s: Summary, sample: Sample, ledger: Ledger) -> Summary:
    for i, g in _pairs(s, sample):
        if any("revenu" in group for group in g.label.all) and "spend" in g.label.none:
            return _with(s, i, name="Budget spending")
    raise NotApplicable("no revenue figure")


def _jobs_as_unemployed(s: Summary, sample: Sample, ledger: Ledger) -> Summary:
    for i, g in _pairs(s, sample):
        if "unemploy" in g.label.none:
            return _with(s, i, name="Unemployed workers")
    raise NotApplicable("no jobs figure")


def _rebase(s: Summary, sample: Sample, bases: tuple[str, ...], **changes: object) -> Summary:
    """The first gold figure with one of ``bases`` shown with another basis (comparison and cue to match)."""
    for i, g in _pairs(s, sample):
        if g.basis in bases:
            return _with(s, i, **changes)
    raise NotApplicable(f"no figure with basis {' or '.join(bases)}")


def _growth_as_plan(s: Summary, sample: Sample, ledger: Ledger) -> Summary:
    return _rebase(s, sample, ("growth vs same period",), basis="of plan", comparison="of plan", direction="reach")


def _plan_as_growth(s: Summary, sample: Sample, ledger: Ledger) -> Summary:
    return _rebase(
        s,
        sample,
        ("of plan", "of estimate"),
        basis="growth vs same period",
        comparison="vs same period last year",
        direction="increase",
    )


def _growth_as_level(s: Summary, sample: Sample, ledger: Ledger) -> Summary:
    """'Up 12.86%' shown as '12.86% of last year's level'."""
    return _rebase(
        s,
        sample,
        ("growth vs same period",),
        basis="level vs same period",
        comparison="vs same period last year",
        direction="equal",
    )


def _target_as_result(s: Summary, sample: Sample, ledger: Ledger) -> Summary:
    """Next year's target shown as this year's result: basis level, period the year before the target's."""
    for i, g in _pairs(s, sample):
        years = [int(t[:4]) for t in (g.period or "").replace("–", " ").split() if t[:4].isdigit()]
        if g.basis == "target" and years:
            return _with(s, i, basis="level", period=str(years[-1] - 1))
    raise NotApplicable("no target with a year")


def _wrong_sentence(s: Summary, sample: Sample, ledger: Ledger) -> Summary:
    """The right value taken from another sentence: the same figure text elsewhere in the report."""
    for i, g in _pairs(s, sample):
        other = next(
            (
                f
                for f in ledger.figures
                if f.is_indicator_kind
                and f.value == s.indicators[i].value
                and f.unit == s.indicators[i].unit
                and f.denominator == s.indicators[i].denominator
                and not (f.start < g.span[1] and g.span[0] < f.end)
                and not any(f.start < o.span[1] and o.span[0] < f.end for o in sample.gold.indicators)  # type: ignore[union-attr]
            ),
            None,
        )
        if other is not None:
            return _with(s, i, span=[other.start, other.end], source_quote=ledger.quote(other))
    raise NotApplicable("no value repeated elsewhere")


def _example_place(s: Summary, sample: Sample, ledger: Ledger) -> Summary:
    if "gia lam" in fold(sample.text):
        raise NotApplicable("the report itself names Gia Lâm")
    meeting = s.meeting.model_copy(update={"body_en": "Gia Lam District People's Council"})
    return s.model_copy(update={"meeting": meeting, "summary": s.summary + " Gia Lâm district also reported."})


def _truncated(s: Summary, sample: Sample, ledger: Ledger) -> Summary:
    return s.model_copy(update={"summary": "Budget revenue exceeded the estimate compared to the"})


def _cjk(s: Summary, sample: Sample, ledger: Ledger) -> Summary:
    return s.model_copy(update={"summary": "Budget revenue rose compared with the同期."})


def _dropped(s: Summary, sample: Sample, ledger: Ledger) -> Summary:
    return s.model_copy(update={"indicators": s.indicators[1:]})


Mutation = Callable[[Summary, Sample, Ledger], Summary]

MUTATIONS: dict[str, tuple[Mutation, ErrorClass]] = {
    "names rotated": (_rotate_names, ErrorClass.WRONG_LABEL),
    "revenue as spending": (_revenue_as_spending, ErrorClass.WRONG_LABEL),
    "jobs as unemployed": (_jobs_as_unemployed, ErrorClass.WRONG_LABEL),
    "growth as percent of plan": (_growth_as_plan, ErrorClass.WRONG_BASIS),
    "percent of plan as growth": (_plan_as_growth, ErrorClass.WRONG_BASIS),
    "growth as percent of last year": (_growth_as_level, ErrorClass.WRONG_BASIS),
    "target as this year's result": (_target_as_result, ErrorClass.WRONG_BASIS),
    "value from the wrong sentence": (_wrong_sentence, ErrorClass.WRONG_SENTENCE),
    "place from the prompt example": (_example_place, ErrorClass.ENTITY),
    "truncated prose": (_truncated, ErrorClass.UNFINISHED),
    "CJK in prose": (_cjk, ErrorClass.CJK),
    "dropped key figure": (_dropped, ErrorClass.MISSING),
}


def mutate(summary: Summary, sample: Sample, kind: str) -> Summary:
    """Apply one named mistake to a correct summary; ``NotApplicable`` when the report offers no target."""
    fn, _ = MUTATIONS[kind]
    return fn(summary, sample, build_ledger(sample.text))

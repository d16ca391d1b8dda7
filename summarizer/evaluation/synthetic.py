"""Known-answer outputs: a perfect summary built from gold, and the mutations the harness must catch."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from summarizer.evaluation.dataset import Sample
from summarizer.evaluation.scorers import ErrorClass
from summarizer.formatting import format_figure
from summarizer.numbers import Ledger, build_ledger
from summarizer.schema import Indicator, Meeting, Provenance, Summary, Usage
from summarizer.summarize import _indicator

__all__ = ["MUTATIONS", "mutate", "perfect_summary"]


def perfect_summary(sample: Sample) -> Summary:
    """The summary a flawless model would give: every gold figure, values from the ledger at the gold span."""
    assert sample.gold is not None, f"{sample.id} has no gold annotation"
    ledger = build_ledger(sample.text)
    indicators = []
    for g in sample.gold.indicators:
        fig = next(f for f in ledger.figures if f.start <= g.span[0] < f.end or g.span[0] <= f.start < g.span[1])
        direction = fig.cue if fig.cue in ("increase", "decrease", "exceed", "reach", "equal", "share") else None
        indicators.append(
            _indicator(fig.id, g.name, ledger, []).model_copy(
                update={"period": g.period, "comparison": g.comparison, "direction": direction}
            )
        )
    first = indicators[0] if indicators else None
    lead = ledger.get(first.figure_id) if first else None
    summary_text = "The meeting reviewed the period's results."
    if lead is not None and first is not None:
        summary_text = f"{first.name} reached {format_figure(lead)}."
    m = sample.gold.meeting
    return Summary(
        title=f"Briefing: {m.get('body') or sample.id}",
        meeting=Meeting(
            body_en=m.get("body") or "",
            body_vi=m.get("body_vi"),
            session=m.get("session"),
            session_text=None,
            term=m.get("term"),
            date=m.get("date"),
            date_as_written=None,
            date_year_inferred=False,
            place=None,
        ),
        officials=[],
        topics=["Socio-economic results"],
        indicators=indicators,
        directives=[],
        summary=summary_text,
        flags=[],
        provenance=Provenance(
            source_name=sample.id,
            source_sha256=hashlib.sha256(sample.text.encode()).hexdigest(),
            prompt_id="gold",
            prompt_version="v1",
            prompt_sha256="0" * 64,
            schema_sha256="0" * 64,
            backend="synthetic",
            model="gold",
            temperature=0.0,
            max_tokens=0,
            created_at="1970-01-01T00:00:00",
            elapsed_s=0.0,
            usage=Usage(prompt_tokens=0, completion_tokens=0, total_tokens=0, calls=1, reasks=0, per_call=[]),
        ),
    )


def _pick(s: Summary, pred: Callable[[Indicator], bool]) -> int:
    return next(i for i, ind in enumerate(s.indicators) if pred(ind))


def _with(s: Summary, i: int, **changes: object) -> Summary:
    inds = list(s.indicators)
    inds[i] = inds[i].model_copy(update=changes)
    return s.model_copy(update={"indicators": inds})


def _scale(s: Summary, ledger: Ledger) -> Summary:
    i = _pick(s, lambda x: x.unit in ("VND", "USD"))
    ind = s.indicators[i]
    return _with(s, i, value=ind.value * 1000, base_value=ind.base_value * 1000)


def _swap(s: Summary, ledger: Ledger) -> Summary:
    def swappable(x: Indicator) -> bool:
        d = str(int(x.value))
        return x.unit in ("VND", "USD") and len(set(d)) >= 2 and float(d) == x.value

    i = _pick(s, swappable)
    ind = s.indicators[i]
    d = list(str(int(ind.value)))
    for j in range(len(d) - 2, -1, -1):
        swapped = [*d]
        swapped[j], swapped[j + 1] = d[j + 1], d[j]
        if d[j] != d[j + 1] and swapped[-1] != "0" and swapped[0] != "0":
            d = swapped
            break
    value = float("".join(d))
    return _with(s, i, value=value, base_value=value * (ind.base_value / ind.value))


def _invent(s: Summary, ledger: Ledger) -> Summary:
    extra = s.indicators[0].model_copy(
        update={
            "name": "Invented figure",
            "value": 777.0,
            "base_value": 777e9,
            "unit": "VND",
            "scale": "billion",
            "kind": "money",
            "denominator": None,
            "span": [0, 0],
        }
    )
    return s.model_copy(update={"indicators": [*s.indicators, extra]})


def _period(s: Summary, ledger: Ledger) -> Summary:
    i = _pick(s, lambda x: bool(x.period and any(c.isdigit() for c in x.period)))
    period = s.indicators[i].period or ""
    year = next(tok for tok in period.split() if tok[:4].isdigit())
    return _with(s, i, period=period.replace(year, str(int(year[:4]) - 1)))


def _plan_as_growth(s: Summary, ledger: Ledger) -> Summary:
    i = _pick(s, lambda x: x.unit == "%" and (x.comparison or "") in ("of plan", "of budget estimate"))
    return _with(s, i, comparison="vs same period last year", direction="increase")


def _currency(s: Summary, ledger: Ledger) -> Summary:
    i = _pick(s, lambda x: x.unit == "VND")
    return _with(s, i, unit="USD")


def _drop(s: Summary, ledger: Ledger) -> Summary:
    return s.model_copy(update={"indicators": s.indicators[1:]})


MUTATIONS: dict[str, tuple[Callable[[Summary, Ledger], Summary], ErrorClass]] = {
    "scale x1000": (_scale, ErrorClass.SCALE),
    "swapped digits": (_swap, ErrorClass.TRANSPOSED),
    "invented figure": (_invent, ErrorClass.INVENTED),
    "wrong period": (_period, ErrorClass.WRONG_PERIOD),
    "percent of plan as growth": (_plan_as_growth, ErrorClass.PLAN_AS_GROWTH),
    "wrong currency": (_currency, ErrorClass.UNIT),
    "dropped indicator": (_drop, ErrorClass.MISSING),
}


def mutate(summary: Summary, sample: Sample, kind: str) -> Summary:
    """Apply one named corruption to a correct summary."""
    fn, _ = MUTATIONS[kind]
    return fn(summary, build_ledger(sample.text))

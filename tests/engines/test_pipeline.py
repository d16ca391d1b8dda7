"""The pipeline for one report, driven by a plain function: one request, and a failed answer degrades."""

from __future__ import annotations

import pytest

from summarizer.asking.calls import CallStats, ModelRequest, StructuredResult
from summarizer.asking.prompts import load_prompt
from summarizer.asking.recipe import Recipe
from summarizer.config import Settings
from summarizer.engines.pipeline import plan, run_plan
from summarizer.errors import ModelCallError, TruncatedOutputError
from summarizer.reading.reports import Report
from summarizer.schema import Selection


def _recipe() -> Recipe:
    settings = Settings(backend="compatible", model="m", base_url="http://127.0.0.1:9", api_key="k")
    return Recipe(settings=settings, prompt=load_prompt("select@v1"), model="m")


def test_one_request_per_short_report_and_the_answer_is_assembled(tay_ho: str) -> None:
    seen: list[ModelRequest] = []

    def call(request: ModelRequest) -> StructuredResult:
        seen.append(request)
        answer = Selection(figures=["F15", "F16"], tasks=["Speed up site clearance"])
        return StructuredResult(answer, None, None, CallStats(calls=1))

    summary = run_plan(plan(Report(name="tay-ho", text=tay_ho), _recipe()), call)
    assert len(seen) == 1 and seen[0].max_tokens > 0
    assert summary.degraded is None
    assert [i.source_text for i in summary.indicators[:2]] == ["2.511 tỷ đồng", "89%"]
    assert [d.task for d in summary.directives] == ["Speed up site clearance"]


def test_a_cut_or_failed_answer_gives_a_degraded_briefing_not_an_error(tay_ho: str) -> None:
    for error in (TruncatedOutputError("cut at 445 tokens"), ModelCallError("server error", status=500)):

        def call(request: ModelRequest, error: ModelCallError = error) -> StructuredResult:
            raise error

        summary = run_plan(plan(Report(name="tay-ho", text=tay_ho), _recipe()), call)
        assert summary.degraded is not None and str(error) in summary.degraded
        assert any(i.source_text == "2.511 tỷ đồng" for i in summary.indicators)


def test_a_setup_failure_is_raised(tay_ho: str) -> None:
    def call(request: ModelRequest) -> StructuredResult:
        raise ModelCallError("invalid api key", status=401)

    try:
        run_plan(plan(Report(name="tay-ho", text=tay_ho), _recipe()), call)
    except ModelCallError as e:
        assert e.status == 401
    else:
        raise AssertionError("a refused key must fail, not degrade")


def test_the_plan_returns_what_it_read_with_the_summary(
    tay_ho: str, bac_tu_liem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Short and split reports alike: the ledger and meeting facts come back with the summary, so the review page
    need not read the report again."""
    from summarizer.engines.pipeline import plan_briefed
    from summarizer.reading.ledger import build_ledger
    from summarizer.reading.meeting import find_meeting_facts
    from summarizer.writing import review

    def call(request: ModelRequest) -> StructuredResult:
        return StructuredResult(Selection(figures=[], tasks=[]), None, None, CallStats(calls=1))

    long_text = "\n\n".join([bac_tu_liem, tay_ho, bac_tu_liem])
    for name, text in (("tay-ho", tay_ho), ("long", long_text)):
        recipe = _recipe()
        briefed = run_plan(plan_briefed(Report(name=name, text=text), recipe), call)
        assert briefed.ledger is build_ledger(text)
        assert briefed.facts == find_meeting_facts(briefed.ledger)
        assert briefed.summary.provenance.usage.calls == (1 if name == "tay-ho" else 2)

    def no_rereading(text: str) -> object:
        raise AssertionError("the review page read the report again")

    monkeypatch.setattr(review, "build_ledger", no_rereading)
    page = review.render_review(briefed.summary, long_text, ledger=briefed.ledger, facts=briefed.facts)
    assert "src-meeting" in page or briefed.facts.sentence is None

"""The pipeline for one report, driven by a plain function: one request, and a failed answer degrades."""

from __future__ import annotations

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

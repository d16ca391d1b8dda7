"""The client's two retry policies against a real HTTP server on 127.0.0.1 with injected faults."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import httpx
import openai
import pytest
from tenacity import RetryCallState

from summarizer.asking.calls import ModelRequest
from summarizer.asking.client import AsyncModelClient, ModelClient, is_transient, retry_wait
from summarizer.asking.requests import no_check
from summarizer.config import Settings
from summarizer.engines.direct import Summarizer
from summarizer.errors import ModelCallError
from summarizer.reading.reports import Report
from summarizer.schema import SELECTION_MAX_TOKENS, NamedSelection, Summary, selection_model
from summarizer.testing.fakeserver import FakeOpenAI, Fault, valid_draft_for
from summarizer.wording.prose import write_lead
from summarizer.writing.briefing import render_markdown


def _settings(url: str, **kw: Any) -> Settings:
    base = {
        "backend": "compatible",
        "model": "fake-model",
        "base_url": url,
        "api_key": "sk-test-123",
        "transport_retries": 3,
        "retry_cap_s": 0.05,
        "timeout_s": 5.0,
        "max_reasks": 2,
    }
    base.update(kw)
    return Settings(**base)


PROSE = "summarize@v3"
"""The prompt whose answer is a whole draft with prose (re-asks, growing budgets); the default answer is short."""


def _assert_degraded(summary: Summary, reason: str) -> None:
    """A failed model answer gives a briefing from code, marked degraded with the reason, never an exception."""
    assert summary.degraded is not None and reason in summary.degraded, summary.degraded
    assert summary.indicators and all(i.chosen_by == "code" for i in summary.indicators)
    assert summary.title.strip() and summary.summary.strip()


@pytest.fixture
def fake() -> Any:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def report(bac_tu_liem: str) -> Report:
    return Report(name="bac-tu-liem", text=bac_tu_liem)


def test_valid_answer_first_time(fake: FakeOpenAI, report: Report) -> None:
    with Summarizer(_settings(fake.base_url)) as s:
        summary = s.summarize(report)
    assert len(fake.requests) == 1
    assert sum(i.chosen_by == "model" for i in summary.indicators) == 8
    assert all(i.grounding == "grounded" for i in summary.indicators)
    assert summary.provenance.usage.calls == 1 and summary.provenance.usage.reasks == 0
    assert summary.provenance.usage.prompt_tokens == 100
    assert [(c.prompt_tokens, c.completion_tokens) for c in summary.provenance.usage.per_call] == [(100, 50)]


def test_429_with_retry_after_then_success(fake: FakeOpenAI, report: Report) -> None:
    fake.queue(Fault("status", 429, {"Retry-After": "0"}))
    with Summarizer(_settings(fake.base_url)) as s:
        summary = s.summarize(report)
    assert len(fake.requests) == 2
    assert summary.provenance.usage.calls == 2


def test_5xx_retried_then_success(fake: FakeOpenAI, report: Report) -> None:
    fake.queue(Fault("status", 500), Fault("status", 502), Fault("status", 503))
    with Summarizer(_settings(fake.base_url)) as s:
        summary = s.summarize(report)
    assert len(fake.requests) == 4
    assert summary.provenance.usage.calls == 4


def test_5xx_retries_are_bounded(fake: FakeOpenAI, report: Report) -> None:
    fake.queue(*[Fault("status", 503)] * 10)
    with Summarizer(_settings(fake.base_url)) as s:
        summary = s.summarize(report)
    assert len(fake.requests) == 4
    _assert_degraded(summary, "HTTP 503 after 4 call")


@pytest.mark.parametrize("status", [400, 401, 403])
def test_client_errors_never_retried(fake: FakeOpenAI, report: Report, status: int) -> None:
    fake.queue(Fault("status", status))
    with Summarizer(_settings(fake.base_url)) as s, pytest.raises(ModelCallError) as info:
        s.summarize(report)  # a setup error fails every report alike: raised, not a degraded briefing
    assert len(fake.requests) == 1
    assert info.value.status == status
    assert "sk-test-123" not in str(info.value)


def test_connection_reset_retried(fake: FakeOpenAI, report: Report) -> None:
    fake.queue(Fault("reset"))
    with Summarizer(_settings(fake.base_url)) as s:
        s.summarize(report)
    assert len(fake.requests) == 2


def test_stall_past_timeout_retried(fake: FakeOpenAI, report: Report) -> None:
    fake.queue(Fault("stall", seconds=1.5))
    with Summarizer(_settings(fake.base_url, timeout_s=0.5)) as s:
        summary = s.summarize(report)
    assert len(fake.requests) == 2
    assert summary.indicators


def test_schema_breaking_answer_is_reasked_with_the_reason(fake: FakeOpenAI, report: Report) -> None:
    fake.queue(Fault("content", content=json.dumps({"title": 42})))
    with Summarizer(_settings(fake.base_url), prompt=PROSE) as s:
        summary = s.summarize(report)
    assert len(fake.requests) == 2
    reask = fake.requests[1]["messages"]
    assert any("title" in m["content"] and m["role"] == "user" for m in reask[2:])
    assert summary.provenance.usage.reasks == 1
    assert summary.provenance.usage.reask_reasons == []  # the schema, not the checks, rejected it


def test_ungrounded_figure_reasked_then_flagged(fake: FakeOpenAI, report: Report) -> None:
    def bad(req: dict[str, Any]) -> dict[str, Any]:
        draft = valid_draft_for(req)
        draft["summary"] = "Revenue reached 63.275 billion yuan."
        return draft

    fake.responder = bad
    with Summarizer(_settings(fake.base_url, max_reasks=1), prompt=PROSE) as s:
        summary = s.summarize(report)
    assert len(fake.requests) == 2
    assert "63.275" in fake.requests[1]["messages"][-1]["content"]
    assert any("63.275" in f.message for f in summary.flags)
    assert summary.provenance.usage.reask_reasons == ["unsupported_number"] * 2


def test_truncated_output_never_parsed(fake: FakeOpenAI, report: Report) -> None:
    fake.queue(*[Fault("truncated")] * 3)
    settings = _settings(fake.base_url, max_tokens=1024)
    with Summarizer(settings, prompt=PROSE) as s:
        summary = s.summarize(report)
    budgets = [r["max_tokens"] for r in fake.requests]
    assert budgets == [1024, 2048, 4096]
    _assert_degraded(summary, "cut at its token budget")


def test_short_answer_cut_is_not_asked_again(fake: FakeOpenAI, report: Report) -> None:
    """The short answer's budget comes from its schema's bound: a cut answer degrades at once."""
    fake.queue(Fault("truncated"))
    with Summarizer(_settings(fake.base_url)) as s:
        summary = s.summarize(report)
    assert [r["max_tokens"] for r in fake.requests] == [SELECTION_MAX_TOKENS]
    _assert_degraded(summary, "cut at its token budget")


def test_truncated_then_larger_budget_succeeds(fake: FakeOpenAI, report: Report) -> None:
    fake.queue(Fault("truncated"))
    with Summarizer(_settings(fake.base_url, max_tokens=1000), prompt=PROSE) as s:
        summary = s.summarize(report)
    assert [r["max_tokens"] for r in fake.requests] == [1000, 2000]
    assert summary.provenance.max_tokens == 2000
    assert len(summary.provenance.usage.per_call) == 2


def test_refusal_reported_as_refusal(fake: FakeOpenAI, report: Report) -> None:
    fake.queue(Fault("refusal"))
    with Summarizer(_settings(fake.base_url)) as s:
        _assert_degraded(s.summarize(report), "refused")


def test_empty_choice_list_reported(fake: FakeOpenAI, report: Report) -> None:
    fake.queue(Fault("empty"))
    with Summarizer(_settings(fake.base_url)) as s:
        _assert_degraded(s.summarize(report), "empty choice list")


def test_malformed_body_is_retried_then_answered(fake: FakeOpenAI, report: Report) -> None:
    fake.queue(Fault("malformed"))
    with Summarizer(_settings(fake.base_url)) as s:
        summary = s.summarize(report)
    assert len(fake.requests) == 2
    assert summary.provenance.usage.calls == 2 and summary.indicators


def test_strict_schema_sent_to_compatible_server(fake: FakeOpenAI, report: Report) -> None:
    with Summarizer(_settings(fake.base_url), prompt=PROSE) as s:
        s.summarize(report)
    fmt = fake.requests[0]["response_format"]
    assert fmt["type"] == "json_schema"
    schema = fmt["json_schema"]["schema"]
    ids = schema["$defs"]["DraftIndicator"]["properties"]["figure"]["enum"]
    assert "F15" in ids and "F2" not in ids  # the money figure, not a year
    assert fake.headers_seen[0]["Authorization"] == "Bearer sk-test-123"


def _state(exc: BaseException, attempt: int = 1) -> RetryCallState:
    state = RetryCallState(retry_object=None, fn=None, args=(), kwargs={})  # type: ignore[arg-type]
    state.attempt_number = attempt
    state.set_exception((type(exc), exc, None))
    return state


def _status_error(status: int, headers: dict[str, str] | None = None) -> openai.APIStatusError:
    request = httpx.Request("POST", "http://127.0.0.1/v1/chat/completions")
    response = httpx.Response(status, headers=headers or {}, request=request)
    cls = {429: openai.RateLimitError, 500: openai.InternalServerError, 401: openai.AuthenticationError}.get(
        status, openai.APIStatusError
    )
    return cls("x", response=response, body=None)


def test_retry_wait_honours_retry_after_with_cap() -> None:
    wait = retry_wait(cap=10.0)
    assert wait(_state(_status_error(429, {"Retry-After": "7"}))) == 7.0
    assert wait(_state(_status_error(429, {"Retry-After": "120"}))) == 10.0
    assert wait(_state(_status_error(429, {"retry-after-ms": "250"}))) == 0.25


def test_retry_wait_backoff_grows_and_is_capped() -> None:
    wait = retry_wait(cap=4.0, initial=0.5)
    first = [wait(_state(_status_error(500), 1)) for _ in range(20)]
    fourth = [wait(_state(_status_error(500), 4)) for _ in range(20)]
    late = [wait(_state(_status_error(500), 12)) for _ in range(20)]
    assert max(first) <= 1.0 + 1e-9
    assert min(fourth) == max(fourth) == 4.0  # 0.5 x 2^3 plus jitter, capped at 4
    assert max(late) <= 4.0
    assert len(set(first)) > 1  # jitter


@pytest.mark.parametrize(
    ("status", "transient"),
    [(429, True), (500, True), (503, True), (400, False), (401, False), (403, False), (404, False)],
)
def test_transient_classification(status: int, transient: bool) -> None:
    assert is_transient(_status_error(status)) is transient


def test_model_client_requires_base_url_for_compatible() -> None:
    from summarizer.errors import ConfigError

    with pytest.raises(ConfigError):
        ModelClient(Settings(backend="compatible", base_url=None))


def test_persistent_stall_times_out_with_a_clear_message(fake: FakeOpenAI, report: Report) -> None:
    fake.queue(*[Fault("stall", seconds=1.0)] * 4)
    with Summarizer(_settings(fake.base_url, timeout_s=0.3)) as s:
        _assert_degraded(s.summarize(report), "model endpoint timed out after 4 call(s)")


def test_a_model_that_never_answers_in_time_gives_a_degraded_briefing(fake: FakeOpenAI, report: Report) -> None:
    """The report's time budget bounds every retry: the briefing comes from code, on time, and says why."""
    fake.queue(*[Fault("stall", seconds=3.0)] * 10)
    with Summarizer(_settings(fake.base_url, timeout_s=60.0, report_budget_s=1.5)) as s:
        started = time.monotonic()
        summary = s.summarize(report)
        took = time.monotonic() - started
    assert took < 3.0, took
    _assert_degraded(summary, "timed out")
    briefing = render_markdown(summary)
    assert "Degraded briefing" in briefing and summary.summary in briefing


def test_a_raw_control_character_in_a_string_is_read(fake: FakeOpenAI, report: Report) -> None:
    """llama.cpp's grammar lets a raw newline into a JSON string; the answer is still read, not failed."""
    fake.queue(Fault("content", content='{"figures": ["F15 = Production\nvalue", "F17"],\n"tasks": ["Keep\tgrowing"]}'))
    with Summarizer(_settings(fake.base_url, max_reasks=0)) as s:
        summary = s.summarize(report)
    assert summary.degraded is None
    assert len(fake.requests) == 1
    assert [i.figure_id for i in summary.indicators if i.chosen_by == "model"][:2] == ["F15", "F17"]
    assert summary.directives[0].task == "Keep growing"


def test_unreachable_endpoint_is_a_connection_error(report: Report) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with Summarizer(_settings(f"http://127.0.0.1:{port}/v1")) as s:
        _assert_degraded(s.summarize(report), "could not connect to the model endpoint after 4 call(s)")


def _prose_answer(title: str, summary: str) -> Any:
    """A fake that answers the short-answer request as usual and the prose request with ``title``/``summary``."""

    def responder(request: dict[str, Any]) -> dict[str, Any]:
        if "summary" in ((request.get("response_format") or {}).get("json_schema") or {}).get("schema", {}).get(
            "properties", {}
        ):
            return {"title": title, "summary": summary}
        return valid_draft_for(request)

    return responder


def test_model_prose_from_the_fact_sheet_with_figures_by_reference(fake: FakeOpenAI, report: Report) -> None:
    """A strong model's title and lead are kept when every check passes; the figures are the program's."""
    fake.responder = _prose_answer(
        "Bac Tu Liem district reviews its year",
        "Production value of the economic sectors reached {F15} in 2023. Budget revenue reached {F17}.",
    )
    with Summarizer(_settings(fake.base_url, model_prose=True)) as s:
        summary = s.summarize(report)
    assert len(fake.requests) == 2
    sheet = fake.requests[1]["messages"][1]["content"]
    assert "F15: production value of the economic sectors reached an estimated {F15} in 2023" in sheet
    assert "63,275" not in sheet  # values travel only by reference
    assert summary.title == "Bac Tu Liem district reviews its year"
    assert summary.summary == (
        "Production value of the economic sectors reached 63,275 billion VND in 2023. "
        "Budget revenue reached 3,594 billion VND."
    )
    assert summary.provenance.prose_prompt == "brief@v1"


@pytest.mark.parametrize(
    ("summary_text", "why"),
    [
        ("Production value reached 63.275 billion VND in 2023.", "'63.275' instead of a reference"),  # retyped
        ("Revenue reached {F99}.", "does not hold"),  # a figure the sheet does not hold
        ("Ủy ban nhân dân quận đã họp.", ""),  # untranslated
    ],
)
def test_model_prose_that_fails_a_check_leaves_the_programs(
    fake: FakeOpenAI, report: Report, summary_text: str, why: str
) -> None:
    fake.responder = _prose_answer("Bac Tu Liem district reviews its year", summary_text)
    with Summarizer(_settings(fake.base_url, model_prose=True)) as s:
        summary = s.summarize(report)
    assert summary.summary == write_lead(summary.meeting, summary.indicators)
    assert summary.title == "Bac Tu Liem district reviews its year"  # the title passed its checks
    flag = next(f for f in summary.flags if f.field == "summary" and f.kind == "withheld")
    assert why in flag.message


def test_template_syntax_in_a_report_reaches_the_model_as_written(fake: FakeOpenAI, bac_tu_liem: str) -> None:
    """Report text is never rendered as a template: '{{', '{%' and '{#' (a scanned table, a pasted formula) reach
    the model unchanged, and the answer is still checked against the report (the re-ask check travels beside the
    call, not in a template context)."""
    text = bac_tu_liem.replace("Kinh tế tiếp tục duy trì", "Kinh tế {{ tiếp tục }} {% duy %} {# trì")
    with Summarizer(_settings(fake.base_url)) as s:
        summary = s.summarize(Report(name="braces", text=text))
    sent = " ".join(m["content"] for m in fake.requests[0]["messages"])
    assert "{{ tiếp tục }} {% duy %} {# trì" in sent
    assert summary.degraded is None and summary.indicators
    assert all(i.grounding == "grounded" for i in summary.indicators)


def test_calls_in_flight_together_keep_their_own_model_and_accounting() -> None:
    """One client serves many calls at once; what differs per call (answer model, stats, deadline, checks) lives in
    that call's own exchange, so calls interleaved on one event loop cannot take each other's."""
    plain, named = selection_model(0), selection_model(2, named=True)
    messages = [{"role": "user", "content": "FIGURES\nF1: 5% = ?\nF2: 7 tỷ đồng = ?\nF3: 9 ha = ?"}]
    requests = [ModelRequest(messages, plain if k % 2 else named, no_check, SELECTION_MAX_TOKENS) for k in range(6)]

    async def ask_all(client: AsyncModelClient) -> list[Any]:
        try:
            return await asyncio.gather(*(client.astructured(r) for r in requests))
        finally:
            await client.aclose()

    with FakeOpenAI(latency_s=0.2) as server:
        server.queue(Fault("status", status=503))
        results = asyncio.run(ask_all(AsyncModelClient(_settings(server.base_url))))
        assert len(server.requests) == 7, "six calls, one of them retried once"
    fields = [set(type(r.parsed).model_fields) for r in results]
    assert fields == [set(r.response_model.model_fields) for r in requests]
    assert [f == set(NamedSelection.model_fields) for f in fields] == [True, False] * 3
    assert sorted(r.stats.calls for r in results) == [1, 1, 1, 1, 1, 2], "the retry is counted on its own call only"

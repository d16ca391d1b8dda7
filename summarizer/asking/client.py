"""The one path to a language model: the ``openai`` SDK, pydantic validation, ``tenacity`` for transport.

Two retry policies, one per kind of failure. Transport faults (429 honouring ``Retry-After``, 5xx,
timeouts, connection errors) are retried here with capped exponential backoff and jitter, inside each
attempt; 400/401/403 are never retried. Validation failures are re-asked with the reasons, as instructor's
JSON-schema mode does (the same messages); instructor itself is not in the path: given a validation
``context`` it renders every message as a Jinja template (a report holding '{{' breaks), and on this path,
where bodies are built and posted as they are, it would add only the re-ask loop (``_exchange``). The
OpenAI client is built with ``max_retries=0`` so retries do not multiply.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Awaitable, Callable, Generator
from dataclasses import dataclass
from typing import Any

import httpx
import openai
from openai.types.chat import ChatCompletion
from pydantic import ValidationError
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential_jitter,
)

from summarizer.asking.calls import CallStats, ModelRequest, StructuredResult, without_control_chars
from summarizer.config import Settings
from summarizer.errors import ConfigError, ModelCallError, RefusalError, TruncatedOutputError
from summarizer.schema import Draft, Flag, strict_json_schema

__all__ = ["AsyncModelClient", "BatchState", "ModelClient", "Send", "is_transient", "retry_wait"]

Send = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]
"""Another way for a request to travel: the request body in, the chat-completion body out."""
_TRANSIENT_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504})


def is_transient(exc: BaseException) -> bool:
    """Worth retrying: rate limits, server errors, timeouts, dropped connections."""
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError)):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in _TRANSIENT_STATUS
    return isinstance(exc, (httpx.TransportError,))


def _retry_after(exc: BaseException | None) -> float | None:
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    raw = headers.get("retry-after-ms")
    if raw:
        try:
            return float(raw) / 1000.0
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if raw:
        try:
            return float(raw)
        except ValueError:
            return None
    return None


def retry_wait(cap: float, initial: float = 0.5) -> Callable[[RetryCallState], float]:
    """Honour ``Retry-After`` (capped); otherwise exponential backoff with jitter."""
    backoff = wait_exponential_jitter(multiplier=initial, max=cap, jitter=initial)

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hinted = _retry_after(exc)
        if hinted is not None:
            return min(max(hinted, 0.0), cap)
        return float(backoff(state))

    return wait


def _describe(exc: BaseException) -> tuple[str, int | None]:
    if isinstance(exc, openai.APIStatusError):
        reason = {401: "authentication failed (check the API key)", 403: "permission denied", 404: "not found"}
        text = reason.get(exc.status_code, f"HTTP {exc.status_code}")
        return f"model endpoint answered {text}", exc.status_code
    if isinstance(exc, openai.APITimeoutError):
        return "model endpoint timed out", None
    if isinstance(exc, openai.APIConnectionError):
        return "could not connect to the model endpoint", None
    return f"{type(exc).__name__}: {str(exc)[:200]}", None


class ModelClient:
    """A structured-output client for one backend; every backend goes through the ``openai`` SDK."""

    def __init__(self, settings: Settings, *, base_url: str | None = None, model: str | None = None) -> None:
        self.settings = settings
        self.model = model or settings.model
        url = base_url or settings.base_url
        self.base_url = url
        if settings.backend != "openai" and not url:
            raise ConfigError(f"backend {settings.backend!r} has no base URL")
        self._timeout_default = httpx.Timeout(settings.timeout_s, connect=settings.connect_timeout_s)
        self._openai = openai.OpenAI(
            api_key=settings.api_key or "not-needed", base_url=url, timeout=self._timeout_default, max_retries=0
        )

    def close(self) -> None:
        self._openai.close()

    def request_body(self, request: ModelRequest, messages: list[dict[str, Any]]) -> dict[str, Any]:
        """The chat-completions body for ``request`` with these messages, ``response_format`` fitted to the backend:
        strict for OpenAI, a grammar for llama.cpp."""
        model = request.response_model
        if self.settings.backend == "local":
            fmt: dict[str, Any] = {"type": "json_object", "schema": strict_json_schema(model, keep_lengths=True)}
        elif self.settings.backend == "openai":
            fmt = {
                "type": "json_schema",
                "json_schema": {"name": model.__name__, "schema": strict_json_schema(model), "strict": True},
            }
        else:
            fmt = {
                "type": "json_schema",
                "json_schema": {"name": model.__name__, "schema": strict_json_schema(model, keep_lengths=True)},
            }
        return {
            "model": self.model,
            "messages": messages,
            "temperature": self.settings.temperature,
            "max_tokens": request.max_tokens,
            "response_format": fmt,
        }

    def _exchange(self, request: ModelRequest, stats: CallStats) -> Generator[dict[str, Any], Any, StructuredResult]:
        """The one structured call, sans I/O: yields each body to post and takes back its answer, for the sync and
        the async drivers alike. Re-asks with the reasons while the draft fails validation (the request's checks
        run as pydantic validation ``context``); a cut answer is never parsed."""

        def check(draft: Draft) -> list[Flag]:
            problems = request.check(draft)
            if problems:
                stats.rejected.append(",".join(sorted({p.kind for p in problems})))
            return problems

        context = {"check": check}
        messages = list(request.messages)
        failure: tuple[str | None, Exception] | None = None
        for _ in range(max(self.settings.max_reasks, 0) + 1):
            stats.attempts += 1
            response = yield self.request_body(request, messages)
            if isinstance(response, json.JSONDecodeError):  # a body that is not JSON: asked again as it was
                failure = (None, response)
                continue
            if response.choices[0].finish_reason == "length":
                raise TruncatedOutputError(
                    f"model output was cut at its token budget ({request.max_tokens} tokens)",
                    attempts=stats.attempts,
                    stats=stats,
                )
            text = response.choices[0].message.content or ""
            try:
                parsed = request.response_model.model_validate_json(text, context=context)
            except ValidationError as e:
                failure = (_completion_text(response), e)
                messages = [
                    *messages,
                    {"role": response.choices[0].message.role, "content": text},
                    {"role": "user", "content": _REASK.format(e)},
                ]
                continue
            return StructuredResult(parsed, None, None, stats)
        assert failure is not None
        return StructuredResult(None, failure[0], str(failure[1]), stats)

    def _retrying_kwargs(self, deadline: float | None = None) -> dict[str, Any]:
        stop: Any = stop_after_attempt(self.settings.transport_retries + 1)
        if deadline is not None:
            stop = stop | stop_after_delay(max(0.0, deadline - time.monotonic()))
        return {
            "stop": stop,
            "retry": retry_if_exception(is_transient),
            "wait": retry_wait(self.settings.retry_cap_s),
            "reraise": True,
        }

    def _timeout(self, deadline: float | None) -> httpx.Timeout:
        """The client's timeout, shortened to what is left of the report's time budget."""
        if deadline is None:
            return self._timeout_default
        left = max(1.0, deadline - time.monotonic())
        return httpx.Timeout(min(self.settings.timeout_s, left), connect=min(self.settings.connect_timeout_s, left))

    def _post(self, body: dict[str, Any], stats: CallStats, deadline: float | None) -> Any:
        """One body posted, with tenacity's transport retries; its answer, or the error of an answer that is not
        JSON (the exchange asks again)."""
        try:
            for attempt in Retrying(**self._retrying_kwargs(deadline)):
                with attempt:
                    _count_call(stats, attempt.retry_state)
                    response = self._openai.post(
                        CHAT_PATH, cast_to=ChatCompletion, body=body, options={"timeout": self._timeout(deadline)}
                    )
        except json.JSONDecodeError as e:
            return e
        return _answered(stats, response)

    def structured(self, request: ModelRequest) -> StructuredResult:
        """Ask for the request's draft; re-ask on validation errors; never return unparsed truncated text."""
        stats = CallStats()
        exchange, deadline = self._exchange(request, stats), _deadline(request)
        try:
            body = next(exchange)
            while True:
                body = exchange.send(self._post(body, stats, deadline))
        except StopIteration as done:
            result: StructuredResult = done.value
            return result
        except openai.OpenAIError as e:
            raise _call_error(e, stats) from e


_REASK = "Correct your JSON ONLY RESPONSE, based on the following errors:\n{}"
"""The re-ask after a draft failed validation: instructor's words in its JSON-schema mode, kept so a model sees
what it saw before."""

CHAT_PATH = "/chat/completions"
"""Bodies are posted here with the SDK's ``post``, as built: ``chat.completions.create`` would walk every typed
parameter (each message, the JSON schema) recursively, about a millisecond per call on a batch's event loop."""


def _async_http_client(timeout: httpx.Timeout) -> httpx.AsyncClient:
    """aiohttp under httpx when available: httpcore's pool costs milliseconds per request at high concurrency."""
    try:
        return openai.DefaultAioHttpClient(timeout=timeout)
    except (AttributeError, ImportError, RuntimeError):
        return httpx.AsyncClient(timeout=timeout, limits=httpx.Limits(max_connections=128))


class AsyncModelClient(ModelClient):
    """The same client on ``AsyncOpenAI``, for batches with bounded concurrency: the same exchange, driven by
    awaiting each answer.

    With ``send``, requests travel that way instead of to chat completions (the Batch API engine): the
    same re-asks, retries and truncation handling apply to whatever answers. The Batch API's files and
    batches are reached through ``upload_batch_file``, ``create_batch``, ``batch`` and ``file_text``.
    """

    def __init__(
        self, settings: Settings, *, base_url: str | None = None, model: str | None = None, send: Send | None = None
    ) -> None:
        super().__init__(settings, base_url=base_url, model=model)
        self._send = send
        self._aopenai = openai.AsyncOpenAI(
            api_key=settings.api_key or "not-needed",
            base_url=self.base_url,
            timeout=self._timeout_default,
            max_retries=0,
            http_client=_async_http_client(self._timeout_default),
        )

    async def aclose(self) -> None:
        await self._aopenai.close()

    async def _create(self, body: dict[str, Any], deadline: float | None) -> Any:
        if self._send is None:
            return await self._aopenai.post(
                CHAT_PATH, cast_to=ChatCompletion, body=body, options={"timeout": self._timeout(deadline)}
            )
        return ChatCompletion.model_validate(await self._send(body))

    async def _apost(self, body: dict[str, Any], stats: CallStats, deadline: float | None) -> Any:
        """``_post``, awaitable."""
        try:
            async for attempt in AsyncRetrying(**self._retrying_kwargs(deadline)):
                with attempt:
                    _count_call(stats, attempt.retry_state)
                    response = await self._create(body, deadline)
        except json.JSONDecodeError as e:
            return e
        return _answered(stats, response)

    async def astructured(self, request: ModelRequest) -> StructuredResult:
        """``structured``, awaitable: the same exchange."""
        stats = CallStats()
        exchange, deadline = self._exchange(request, stats), _deadline(request)
        try:
            body = next(exchange)
            while True:
                body = exchange.send(await self._apost(body, stats, deadline))
        except StopIteration as done:
            result: StructuredResult = done.value
            return result
        except openai.OpenAIError as e:
            raise _call_error(e, stats) from e

    async def upload_batch_file(self, data: bytes) -> str:
        """Upload a Batch API input file (JSONL); its id."""
        upload = await self._aopenai.files.create(file=("batch.jsonl", io.BytesIO(data)), purpose="batch")
        return upload.id

    async def create_batch(self, input_file_id: str) -> BatchState:
        """Start a batch of chat completions over an uploaded file."""
        batch = await self._aopenai.batches.create(
            input_file_id=input_file_id, endpoint="/v1/chat/completions", completion_window="24h"
        )
        return BatchState(batch.id, batch.status, batch.output_file_id, batch.error_file_id)

    async def batch(self, batch_id: str) -> BatchState:
        """A batch's state now."""
        batch = await self._aopenai.batches.retrieve(batch_id)
        return BatchState(batch.id, batch.status, batch.output_file_id, batch.error_file_id)

    async def file_text(self, file_id: str) -> str:
        """The text of a file (a batch's output or error lines)."""
        content = await self._aopenai.files.content(file_id)
        return content.text


@dataclass(frozen=True)
class BatchState:
    """What the Batch API says of one batch: its status and, once done, its output and error files."""

    id: str
    status: str
    output_file_id: str | None
    error_file_id: str | None


def _call_error(error: openai.OpenAIError, stats: CallStats) -> ModelCallError:
    """An SDK error after the transport retries ran out, as one of ours."""
    message, status = _describe(error)
    return ModelCallError(f"{message} after {stats.calls} call(s)", attempts=stats.calls, status=status)


def _count_call(stats: CallStats, state: RetryCallState) -> None:
    stats.calls += 1
    if state.attempt_number > 1:
        stats.transport_retries += 1


def _deadline(request: ModelRequest) -> float | None:
    return None if request.timeout_s is None else time.monotonic() + request.timeout_s


def _answered(stats: CallStats, response: Any) -> Any:
    """Count the answer's tokens; an empty or refused answer is an error, not a draft. Raw control characters
    (a newline inside a JSON string, which llama.cpp's grammar lets through) are read as spaces."""
    stats.add(response)
    _check_choice(response)
    message = response.choices[0].message
    if isinstance(message.content, str):
        message.content = without_control_chars(message.content)
    return response


def _check_choice(response: Any) -> None:
    choices = getattr(response, "choices", None)
    if not choices:
        raise ModelCallError("model endpoint answered with an empty choice list")
    message = getattr(choices[0], "message", None)
    refusal = getattr(message, "refusal", None)
    if refusal:
        raise RefusalError(f"model refused: {str(refusal)[:200]}")


def _completion_text(completion: Any) -> str | None:
    try:
        content = completion.choices[0].message.content
    except (AttributeError, IndexError, TypeError):
        return None
    return content if isinstance(content, str) else None

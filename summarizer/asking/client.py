"""The one path to a language model: ``openai`` patched by ``instructor``, ``tenacity`` for transport.

Two retry policies, one per kind of failure. Transport faults (429 honouring ``Retry-After``, 5xx,
timeouts, connection errors) are retried here with capped exponential backoff and jitter, inside each
instructor attempt; 400/401/403 are never retried. Validation failures are re-asked by instructor with
the reasons. The OpenAI client is built with ``max_retries=0`` so retries do not multiply.
"""

from __future__ import annotations

import asyncio
import io
import json
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import httpx
import instructor
import openai
from instructor.core import IncompleteOutputException, InstructorRetryException
from openai.types.chat import ChatCompletion
from pydantic import BaseModel, ValidationError
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
from summarizer.schema import DRAFT_CHECK, Draft, Flag, strict_json_schema

__all__ = ["AsyncModelClient", "ModelClient", "Send", "is_transient", "retry_wait"]

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


@dataclass(frozen=True)
class _Call:
    """What the transport needs to know about the call in progress; instructor is patched once per client, so
    this travels in ``_CALL`` (a task's own context under asyncio) rather than in a closure made per call."""

    stats: CallStats
    response_model: type[BaseModel]
    deadline: float | None


_CALL: ContextVar[_Call] = ContextVar("summarizer_model_call")


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
        self._patched = instructor.patch(create=self._create_current, mode=instructor.Mode.JSON_SCHEMA)

    def close(self) -> None:
        self._openai.close()

    def request_body(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        """The chat-completions body for instructor's kwargs, ``response_format`` fitted to the backend:
        strict for OpenAI, a grammar for llama.cpp."""
        fmt = kwargs.get("response_format")
        model = kwargs.pop("_response_model", None)
        if not isinstance(fmt, dict) or fmt.get("type") != "json_schema" or model is None:
            return kwargs
        name = fmt["json_schema"].get("name", "Output")
        if self.settings.backend == "local":
            kwargs["response_format"] = {"type": "json_object", "schema": strict_json_schema(model, keep_lengths=True)}
        elif self.settings.backend == "openai":
            kwargs["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": name, "schema": strict_json_schema(model), "strict": True},
            }
        else:
            kwargs["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": name, "schema": strict_json_schema(model, keep_lengths=True)},
            }
        return kwargs

    def _begin(self, kwargs: dict[str, Any], stats: CallStats, response_model: type[BaseModel]) -> dict[str, Any]:
        stats.attempts += 1
        kwargs["_response_model"] = response_model
        return self.request_body(kwargs)

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

    def _create_current(self, **kwargs: Any) -> Any:
        """The transport under instructor: this call's body (``_CALL`` says for what) with tenacity's retries."""
        call = _CALL.get()
        body = self._begin(kwargs, call.stats, call.response_model)
        for attempt in Retrying(**self._retrying_kwargs(call.deadline)):
            with attempt:
                _count_call(call.stats, attempt.retry_state)
                response = self._openai.post(
                    CHAT_PATH, cast_to=ChatCompletion, body=body, options={"timeout": self._timeout(call.deadline)}
                )
        return _answered(call.stats, response)

    def _request(self, request: ModelRequest, stats: CallStats) -> tuple[dict[str, Any], Callable[[Any], list[Flag]]]:
        """instructor's kwargs for ``request`` and the draft check to set in ``DRAFT_CHECK`` around the call."""

        def check(draft: Draft) -> list[Flag]:
            problems = request.check(draft)
            if problems:
                stats.rejected.append(",".join(sorted({p.kind for p in problems})))
            return problems

        kwargs = {
            "model": self.model,
            "messages": request.messages,
            "response_model": _prepared(request.response_model),
            "max_retries": self.settings.max_reasks,
            "temperature": self.settings.temperature,
            "max_tokens": request.max_tokens,
        }
        return kwargs, check

    def _outcome(self, error: Exception, stats: CallStats, max_tokens: int) -> StructuredResult:
        """Map what instructor raised to a result (validation ran out) or to one of our errors."""
        if isinstance(error, IncompleteOutputException):
            raise TruncatedOutputError(
                f"model output was cut at its token budget ({max_tokens} tokens)", attempts=stats.attempts, stats=stats
            ) from error
        if isinstance(error, InstructorRetryException):
            cause = error.__cause__
            if isinstance(cause, ModelCallError):
                raise cause from error
            if isinstance(cause, (ValidationError, json.JSONDecodeError)) or cause is None:
                return StructuredResult(None, _completion_text(error.last_completion), str(cause or error), stats)
            message, status = _describe(cause)
            raise ModelCallError(
                f"{message} after {stats.calls} call(s)", attempts=stats.calls, status=status
            ) from error
        if isinstance(error, openai.OpenAIError):
            message, status = _describe(error)
            raise ModelCallError(
                f"{message} after {stats.calls} call(s)", attempts=stats.calls, status=status
            ) from error
        raise error

    def structured(self, request: ModelRequest) -> StructuredResult:
        """Ask for the request's draft; re-ask on validation errors; never return unparsed truncated text."""
        stats = CallStats()
        kwargs, check = self._request(request, stats)
        tokens = DRAFT_CHECK.set(check), _CALL.set(_Call(stats, request.response_model, _deadline(request)))
        try:
            parsed = self._patched(**kwargs)
        except (IncompleteOutputException, InstructorRetryException, openai.OpenAIError) as e:
            return self._outcome(e, stats, request.max_tokens)
        finally:
            DRAFT_CHECK.reset(tokens[0])
            _CALL.reset(tokens[1])
        return StructuredResult(parsed, None, None, stats)


CHAT_PATH = "/chat/completions"
"""Bodies are posted here with the SDK's ``post``, as built: ``chat.completions.create`` would walk every typed
parameter (each message, the JSON schema) recursively, about a millisecond per call on a batch's event loop."""


@lru_cache(maxsize=256)
def _prepared(model: type[BaseModel]) -> type[BaseModel]:
    """The response model as instructor wraps it (``instructor.response_schema``), made once per model: instructor
    would build a new pydantic class for it on every call."""
    wrapped: type[BaseModel] = instructor.response_schema(model)
    return wrapped


def _async_http_client(timeout: httpx.Timeout) -> httpx.AsyncClient:
    """aiohttp under httpx when available: httpcore's pool costs milliseconds per request at high concurrency."""
    try:
        return openai.DefaultAioHttpClient(timeout=timeout)
    except (AttributeError, ImportError, RuntimeError):
        return httpx.AsyncClient(timeout=timeout, limits=httpx.Limits(max_connections=128))


class AsyncModelClient(ModelClient):
    """The same client on ``AsyncOpenAI``, for batches with bounded concurrency.

    With ``send``, requests travel that way instead of to chat completions (the Batch API engine): the
    same instructor re-asks, retries and truncation handling apply to whatever answers.
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
        self._apatched = instructor.patch(create=self._acreate_current, mode=instructor.Mode.JSON_SCHEMA)

    async def aclose(self) -> None:
        await self._aopenai.close()

    async def _create(self, body: dict[str, Any], deadline: float | None) -> Any:
        if self._send is None:
            return await self._aopenai.post(
                CHAT_PATH, cast_to=ChatCompletion, body=body, options={"timeout": self._timeout(deadline)}
            )
        return ChatCompletion.model_validate(await self._send(body))

    async def _acreate_current(self, **kwargs: Any) -> Any:
        """``_create_current``, awaitable."""
        call = _CALL.get()
        body = self._begin(kwargs, call.stats, call.response_model)
        async for attempt in AsyncRetrying(**self._retrying_kwargs(call.deadline)):
            with attempt:
                _count_call(call.stats, attempt.retry_state)
                response = await self._create(body, call.deadline)
        return _answered(call.stats, response)

    async def astructured(self, request: ModelRequest) -> StructuredResult:
        """``structured``, awaitable."""
        stats = CallStats()
        kwargs, check = self._request(request, stats)
        tokens = DRAFT_CHECK.set(check), _CALL.set(_Call(stats, request.response_model, _deadline(request)))
        try:
            parsed = await self._apatched(**kwargs)
        except (IncompleteOutputException, InstructorRetryException, openai.OpenAIError) as e:
            return self._outcome(e, stats, request.max_tokens)
        finally:
            DRAFT_CHECK.reset(tokens[0])
            _CALL.reset(tokens[1])
        return StructuredResult(parsed, None, None, stats)

    async def batch_round(
        self,
        bodies: dict[str, dict[str, Any]],
        *,
        poll: Callable[[float], Awaitable[None]] = asyncio.sleep,
        poll_cap: float = 60.0,
    ) -> tuple[dict[str, dict[str, Any]], str]:
        """One OpenAI Batch API round: upload the bodies as JSONL (``custom_id`` = key), create, poll until
        done, download. Returns the output and error lines by ``custom_id`` and the batch's final status."""
        lines = [
            json.dumps(
                {"custom_id": key, "method": "POST", "url": "/v1/chat/completions", "body": body}, ensure_ascii=False
            )
            for key, body in bodies.items()
        ]
        data = ("\n".join(lines) + "\n").encode()
        upload = await self._aopenai.files.create(file=("batch.jsonl", io.BytesIO(data)), purpose="batch")
        batch = await self._aopenai.batches.create(
            input_file_id=upload.id, endpoint="/v1/chat/completions", completion_window="24h"
        )
        wait = 1.0
        while batch.status not in _BATCH_DONE:
            await poll(wait)
            wait = min(poll_cap, wait * 2)
            batch = await self._aopenai.batches.retrieve(batch.id)
        answers: dict[str, dict[str, Any]] = {}
        for file_id in (batch.output_file_id, batch.error_file_id):
            if file_id:
                content = await self._aopenai.files.content(file_id)
                for raw in content.text.splitlines():
                    if raw.strip():
                        row = json.loads(raw)
                        answers[row["custom_id"]] = row
        return answers, batch.status


_BATCH_DONE = {"completed", "failed", "expired", "cancelled"}


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

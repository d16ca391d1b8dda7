"""The one path to a language model: ``openai`` patched by ``instructor``, ``tenacity`` for transport.

Two retry policies, one per kind of failure. Transport faults (429 honouring ``Retry-After``, 5xx,
timeouts, connection errors) are retried here with capped exponential backoff and jitter, inside each
instructor attempt; 400/401/403 are never retried. Validation failures are re-asked by instructor with
the reasons. The OpenAI client is built with ``max_retries=0`` so retries do not multiply.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import httpx
import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel, ValidationError
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)

from summarizer.config import Settings
from summarizer.errors import ConfigError, ModelCallError, RefusalError, TruncatedOutputError
from summarizer.schema import strict_json_schema

__all__ = ["AsyncModelClient", "CallStats", "ModelClient", "StructuredResult", "is_transient", "retry_wait"]

T = TypeVar("T", bound=BaseModel)
_TRANSIENT_STATUS = frozenset({408, 409, 429, 500, 502, 503, 504})


@dataclass
class CallStats:
    """Token usage and attempts of one structured call, summed over every HTTP request."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0
    attempts: int = 0
    transport_retries: int = 0
    per_call: list[tuple[int, int]] = field(default_factory=list)

    def add(self, response: Any) -> None:
        usage = getattr(response, "usage", None)
        prompt = int(getattr(usage, "prompt_tokens", 0) or 0) if usage is not None else 0
        completion = int(getattr(usage, "completion_tokens", 0) or 0) if usage is not None else 0
        self.prompt_tokens += prompt
        self.completion_tokens += completion
        self.per_call.append((prompt, completion))

    def merge(self, other: CallStats) -> None:
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.calls += other.calls
        self.per_call += other.per_call

    @property
    def reasks(self) -> int:
        return max(0, self.attempts - 1)


@dataclass
class StructuredResult:
    """What a structured call gave: the parsed model, or the last raw text with the reasons it failed."""

    parsed: BaseModel | None
    last_text: str | None
    problems: str | None
    stats: CallStats


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
        timeout = httpx.Timeout(settings.timeout_s, connect=settings.connect_timeout_s)
        self._openai = openai.OpenAI(
            api_key=settings.api_key or "not-needed", base_url=url, timeout=timeout, max_retries=0
        )

    def close(self) -> None:
        self._openai.close()

    def _shape(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        """Fit instructor's ``response_format`` to the backend: strict for OpenAI, a grammar for llama.cpp."""
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

    def _transport(self, stats: CallStats, response_model: type[BaseModel]) -> Callable[..., Any]:
        settings = self.settings

        def create(**kwargs: Any) -> Any:
            kwargs["_response_model"] = response_model
            kwargs = self._shape(kwargs)
            stats.attempts += 1
            retrying = Retrying(
                stop=stop_after_attempt(settings.transport_retries + 1),
                retry=retry_if_exception(is_transient),
                wait=retry_wait(settings.retry_cap_s),
                reraise=True,
            )
            for attempt in retrying:
                with attempt:
                    stats.calls += 1
                    if attempt.retry_state.attempt_number > 1:
                        stats.transport_retries += 1
                    response = self._openai.chat.completions.create(**kwargs)
            stats.add(response)
            _check_choice(response)
            return response

        return create

    def _request(
        self,
        messages: list[dict[str, str]],
        response_model: type[BaseModel],
        context: dict[str, Any],
        max_tokens: int | None,
    ) -> dict[str, Any]:
        return {
            "model": self.model,
            "messages": messages,
            "response_model": response_model,
            "context": context,
            "max_retries": self.settings.max_reasks,
            "temperature": self.settings.temperature,
            "max_tokens": max_tokens or self.settings.max_tokens,
        }

    def _outcome(self, error: Exception, stats: CallStats, max_tokens: int | None) -> StructuredResult:
        """Map what instructor raised to a result (validation ran out) or to one of our errors."""
        if isinstance(error, IncompleteOutputException):
            budget = max_tokens or self.settings.max_tokens
            raise TruncatedOutputError(
                f"model output was cut at its token budget ({budget} tokens)", attempts=stats.attempts, stats=stats
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

    def structured(
        self,
        messages: list[dict[str, str]],
        response_model: type[T],
        *,
        context: dict[str, Any],
        max_tokens: int | None = None,
    ) -> StructuredResult:
        """Ask for ``response_model``; re-ask on validation errors; never return unparsed truncated text."""
        stats = CallStats()
        create = instructor.patch(create=self._transport(stats, response_model), mode=instructor.Mode.JSON_SCHEMA)
        try:
            parsed = create(**self._request(messages, response_model, context, max_tokens))
        except (IncompleteOutputException, InstructorRetryException, openai.OpenAIError) as e:
            return self._outcome(e, stats, max_tokens)
        return StructuredResult(parsed, None, None, stats)


def _async_http_client(timeout: httpx.Timeout) -> httpx.AsyncClient:
    """aiohttp under httpx when available: httpcore's pool costs milliseconds per request at high concurrency."""
    try:
        from openai import DefaultAioHttpClient

        return DefaultAioHttpClient(timeout=timeout)
    except (ImportError, RuntimeError):
        return httpx.AsyncClient(timeout=timeout, limits=httpx.Limits(max_connections=128))


class AsyncModelClient(ModelClient):
    """The same client on ``AsyncOpenAI``, for batches with bounded concurrency."""

    def __init__(self, settings: Settings, *, base_url: str | None = None, model: str | None = None) -> None:
        super().__init__(settings, base_url=base_url, model=model)
        timeout = httpx.Timeout(settings.timeout_s, connect=settings.connect_timeout_s)
        self._aopenai = openai.AsyncOpenAI(
            api_key=settings.api_key or "not-needed",
            base_url=self.base_url,
            timeout=timeout,
            max_retries=0,
            http_client=_async_http_client(timeout),
        )

    async def aclose(self) -> None:
        await self._aopenai.close()

    def close_sync(self) -> None:
        self.close()

    def _atransport(self, stats: CallStats, response_model: type[BaseModel]) -> Callable[..., Any]:
        settings = self.settings

        async def create(**kwargs: Any) -> Any:
            kwargs["_response_model"] = response_model
            kwargs = self._shape(kwargs)
            stats.attempts += 1
            retrying = AsyncRetrying(
                stop=stop_after_attempt(settings.transport_retries + 1),
                retry=retry_if_exception(is_transient),
                wait=retry_wait(settings.retry_cap_s),
                reraise=True,
            )
            async for attempt in retrying:
                with attempt:
                    stats.calls += 1
                    if attempt.retry_state.attempt_number > 1:
                        stats.transport_retries += 1
                    response = await self._aopenai.chat.completions.create(**kwargs)
            stats.add(response)
            _check_choice(response)
            return response

        return create

    async def structured(  # type: ignore[override]
        self,
        messages: list[dict[str, str]],
        response_model: type[T],
        *,
        context: dict[str, Any],
        max_tokens: int | None = None,
    ) -> StructuredResult:
        stats = CallStats()
        create = instructor.patch(create=self._atransport(stats, response_model), mode=instructor.Mode.JSON_SCHEMA)
        try:
            parsed = await create(**self._request(messages, response_model, context, max_tokens))
        except (IncompleteOutputException, InstructorRetryException, openai.OpenAIError) as e:
            return self._outcome(e, stats, max_tokens)
        return StructuredResult(parsed, None, None, stats)


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

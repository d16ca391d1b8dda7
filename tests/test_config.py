"""Settings chosen from flags and environment."""

from __future__ import annotations

import pytest

from summarizer.config import Settings


def test_the_embedded_model_is_not_reasked_but_api_models_are(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    assert Settings.resolve().backend == "local"
    assert Settings.resolve().max_reasks == 1
    assert Settings.resolve(base_url="http://127.0.0.1:9/v1").max_reasks == 2
    assert Settings.resolve(max_reasks=3).max_reasks == 3

"""Everything besides the report that decides an output: recorded in its provenance and hashed into the
cache key from the same fields, so a cached result is only ever handed to a run that would make it."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from summarizer.asking.prompts import Prompt
from summarizer.config import Settings
from summarizer.reading.reports import Report
from summarizer.reading.sentences import normalize_text
from summarizer.schema import Provenance, Summary, Usage, schema_sha256

__all__ = ["ENGINES", "Engine", "Recipe"]

Engine = Literal["direct", "ray", "batch-api"]
ENGINES: tuple[Engine, ...] = ("direct", "ray", "batch-api")


@dataclass(frozen=True)
class Recipe:
    """The settings, prompt, resolved model name and engine of a run."""

    settings: Settings
    prompt: Prompt
    model: str
    engine: Engine = "direct"
    prose: Prompt | None = None
    """The prompt asking the model for title and lead (``Settings.model_prose``); None: the program writes them."""

    def key(self, text: str) -> str:
        """Cache key: normalised text plus every setting that changes the output."""
        s = self.settings
        blob = json.dumps(
            {
                "text": normalize_text(text).strip(),
                "prompt": self.prompt.sha256,
                "schema": schema_sha256(Summary),
                "backend": s.backend,
                "model": self.model,
                "engine": self.engine,
                "temperature": s.temperature,
                "max_tokens": s.max_tokens,
                "max_reasks": s.max_reasks,
                "chunk_chars": s.chunk_chars,
                "prose": self.prose.sha256 if self.prose else None,
            },
            sort_keys=True,
            ensure_ascii=False,
        )
        return hashlib.sha256(blob.encode()).hexdigest()

    def provenance(self, report: Report, *, max_tokens: int, elapsed_s: float, usage: Usage) -> Provenance:
        """What made one output, stamped now."""
        return Provenance(
            source_name=report.name,
            source_sha256=hashlib.sha256(report.text.encode()).hexdigest(),
            prompt_id=self.prompt.id,
            prompt_version=self.prompt.version,
            prompt_sha256=self.prompt.sha256,
            schema_sha256=schema_sha256(Summary),
            backend=self.settings.backend,
            model=self.model,
            temperature=self.settings.temperature,
            max_tokens=max_tokens,
            chunk_chars=self.settings.chunk_chars,
            engine=self.engine,
            prose_prompt=f"{self.prose.id}@{self.prose.version}" if self.prose else None,
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            elapsed_s=round(elapsed_s, 3),
            usage=usage,
            document=report.document,
        )

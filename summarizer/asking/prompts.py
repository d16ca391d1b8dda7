"""Prompt files: loaded by id and version, rendered, and hashed so every output records its prompt."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from string import Template

from summarizer.errors import ConfigError

__all__ = ["DEFAULT_PROMPT", "PROSE_PROMPT", "Prompt", "load_prompt"]

DEFAULT_PROMPT = "select@v3"
PROSE_PROMPT = "brief@v1"


@dataclass(frozen=True)
class Prompt:
    """A versioned system + user template pair."""

    id: str
    version: str
    system: str
    user_template: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256((self.system + "\0" + self.user_template).encode()).hexdigest()

    def render_user(self, **values: str) -> str:
        return Template(self.user_template).substitute(values)


def _prompt_root() -> Path:
    packaged = resources.files("summarizer") / "prompts"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "prompts"


@lru_cache(maxsize=16)
def load_prompt(ref: str = DEFAULT_PROMPT) -> Prompt:
    """Load ``id@version`` from ``prompts/<id>/<version>.{system,user}.txt``."""
    prompt_id, _, version = ref.partition("@")
    version = version or "v1"
    folder = _prompt_root() / prompt_id
    try:
        system = (folder / f"{version}.system.txt").read_text(encoding="utf-8").strip()
        user = (folder / f"{version}.user.txt").read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        raise ConfigError(f"prompt {ref!r} not found under {folder}") from None
    return Prompt(prompt_id, version, system, user)

"""Public names of a package, loaded from their module on first use: a stage's ``__init__`` can name its API
without importing what the API needs (``import summarizer.asking.requests`` does not load the OpenAI client)."""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(package: str, where: dict[str, str]) -> tuple[list[str], Callable[[str], Any]]:
    """``__all__`` and a module ``__getattr__`` for ``package``: each name of ``where`` comes from the submodule
    it maps to (relative to ``package``)."""

    def getattr_(name: str) -> Any:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{module}"), name)

    return sorted(where), getattr_

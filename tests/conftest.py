"""Shared fixtures: the seed reports, copied into the repo under eval/reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.numbers import normalize_text

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "eval" / "reports"


@pytest.fixture(scope="session")
def reports_dir() -> Path:
    return REPORTS


@pytest.fixture(scope="session")
def bac_tu_liem() -> str:
    return normalize_text((REPORTS / "bac-tu-liem-2023-12-15.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def tay_ho() -> str:
    return normalize_text((REPORTS / "tay-ho-2024-10-12.txt").read_text(encoding="utf-8"))

"""The termbase of the genre (``data/termbase.tsv``): Vietnamese phrases mined from real articles by how many use
them, each with its English, its role in a noun phrase and the kinds of figure it may name.

Written down the miner's ranking (``eval/mine_termbase.py mine``) by reading example sentences, never by a model.
The glossary (``glossary.load_glossary``) takes every row whose phrase it does not already hold; ``fits`` is what
the fit checks read (``reading.fit``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from summarizer.reading.terminology import normalize_vi

__all__ = ["KINDS", "TermbaseRow", "check_row", "fits_of", "parse_rows", "termbase_rows", "use_termbase"]

KINDS = frozenset({"money", "percent", "ratio", "count", "quantity"})
_ROLES = frozenset({"noun", "mod", "measure", "lead", "verb", "of", "skip", "stop", "place"})


@dataclass(frozen=True, slots=True)
class TermbaseRow:
    """One reviewed entry: normalised Vietnamese, English, role, the figure kinds it may name (empty: any)."""

    vi: str
    en: str
    role: str
    fits: frozenset[str]


_LIMIT: list[int | None] = [None]
_EXTRA: list[str] = [""]


def use_termbase(limit: int | None, extra: str = "") -> None:
    """Use only the first ``limit`` rows (None: all), then the rows of the TSV text ``extra`` (entries being
    written, tried before they are merged); for the coverage curve. Call ``ledger.reset_caches`` after."""
    _LIMIT[0] = limit
    _EXTRA[0] = extra
    _all_rows.cache_clear()
    _fits.cache_clear()


def termbase_rows() -> tuple[TermbaseRow, ...]:
    """The rows in use, in the file's (ranked) order."""
    return _all_rows()


@lru_cache(maxsize=1)
def _all_rows() -> tuple[TermbaseRow, ...]:
    text = resources.files("summarizer").joinpath("data/termbase.tsv").read_text(encoding="utf-8")
    limit = _LIMIT[0]
    rows = parse_rows(text)
    return tuple((rows if limit is None else rows[:limit]) + parse_rows(_EXTRA[0]))


def parse_rows(text: str) -> list[TermbaseRow]:
    """Rows of termbase TSV text, in order; comment and blank lines skipped."""
    rows: list[TermbaseRow] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("\t")]
        vi, en, role = parts[0], parts[1], parts[2]
        fits = frozenset(k for k in (parts[3] if len(parts) > 3 else "").split("|") if k and k != "any")
        rows.append(TermbaseRow(normalize_vi(vi), en, role, fits))
    return rows


@lru_cache(maxsize=1)
def _fits() -> dict[str, frozenset[str]]:
    return {r.vi: r.fits for r in _all_rows() if r.fits}


def fits_of(vi: str) -> frozenset[str]:
    """The figure kinds a termbase phrase may name (empty: any kind, or not in the termbase)."""
    return _fits().get(normalize_vi(vi), frozenset())


def check_row(row: TermbaseRow) -> str | None:
    """What is wrong with one row, or None: used by the per-entry tests."""
    if row.role not in _ROLES:
        return f"role '{row.role}' is not one of {sorted(_ROLES)}"
    if not row.en and row.role not in ("skip", "stop", "of", "place"):
        return "no English"
    if row.fits - KINDS:
        return f"fits {sorted(row.fits - KINDS)}: not a figure kind"
    if any(c.isdigit() for c in row.vi):
        return "holds a digit"
    return None

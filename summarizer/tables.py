"""The knowledge files under ``summarizer/data/``: one loader for every TSV (tab-separated columns, ``#`` comment
lines, no header), and the regular-expression alternation a word list becomes. Every stage reads its words, terms,
units and patterns through here, so knowledge is edited in data, never in code (``CONTRIBUTING.md`` lists the
files and what each holds)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources

__all__ = ["MONTHS", "either", "entries", "fill", "mapping", "rows", "words"]


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/<name>.tsv`` in the file's order, each a tuple of its stripped columns."""
    text = resources.files("summarizer").joinpath(f"data/{name}.tsv").read_text(encoding="utf-8")
    return tuple(
        tuple(part.strip() for part in line.split("\t"))
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@cache
def entries(name: str, kind: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/<name>.tsv`` whose first column is ``kind``, without it, in the file's order."""
    return tuple(row[1:] for row in rows(name) if row[0] == kind)


def words(name: str, kind: str) -> tuple[str, ...]:
    """The second column of the rows of ``kind``: a word list, in the file's order."""
    return tuple(row[0] for row in entries(name, kind))


def mapping(name: str, kind: str) -> dict[str, str]:
    """The rows of ``kind`` as a dict from their second column to their third (an empty third column: '')."""
    return {row[0]: (row[1] if len(row) > 1 else "") for row in entries(name, kind)}


def either(items: Iterable[str], *, escape: bool = True) -> str:
    """A regex alternation of ``items`` in the order given (order decides which alternative wins); escaped unless
    the items are themselves patterns."""
    return "|".join(re.escape(w) if escape else w for w in items)


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
"""The English months, January first: a data row's '{month0}' and the briefing's dates."""


def fill(template: str, groups: Sequence[str | None]) -> str:
    """A data row's English template filled with a match's groups: ``{0}``, ``{1}`` as written, ``{month0}`` group 0
    as an English month ('tháng 12/2016' -> 'December 2016')."""
    values = [g or "" for g in groups]
    months = {f"month{k}": MONTHS[int(g) - 1] for k, g in enumerate(values) if g.isdigit() and 1 <= int(g) <= 12}
    return template.format(*values, **months)

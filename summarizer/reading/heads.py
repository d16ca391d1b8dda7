"""The head word of an English figure name and what kinds of figure it may name (``data/name_heads.tsv``): read by
the fit checks and by the naming pass that turns a thing counted into a share of it."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from summarizer.reading.units import COUNT_UNITS

__all__ = ["head_of", "load_heads", "names_money", "names_things_counted", "singular_head"]


@lru_cache(maxsize=1)
def load_heads() -> dict[str, frozenset[str]]:
    """English head word (singular, lower case) -> the figure kinds it may name."""
    text = resources.files("summarizer").joinpath("data/name_heads.tsv").read_text(encoding="utf-8")
    heads: dict[str, frozenset[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            head, kinds = (p.strip() for p in line.split("\t"))
            heads[head] = frozenset(kinds.split("|"))
    return heads


_RELATION = re.compile(
    r"\s+(?:of|as|vs|above|below|per|for|in|at|by|from|to|with|compared|recognised|meeting|given|using|exceeding"
    r"|achieving|reaching|having|receiving|participating|attending|voting|completed|supported|granted|licensed"
    r"|increasing|adjusting|adding|newly|attracted|disbursed|raised|spent|recovered|allocated|paid|earned)\b.*$"
    r"|\s*\(.*$|\s+(?:growth|increase|cut|excess|ranking)\b.*$",
    re.IGNORECASE,
)


def singular_head(word: str) -> str:
    """One head word in the singular, lower case, as ``data/name_heads.tsv`` lists it ('arrears' -> 'arrear'; unlike
    ``language.singular``, which keeps a phrase and its plural-only words as written)."""
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    latin = w.endswith("uses") and len(w) > 5 and not w.endswith(("ouses", "auses"))
    if w.endswith(("sses", "ches", "shes", "xes")) or latin:
        return w[:-2]  # 'taxes' -> 'tax', 'bonuses' -> 'bonus', 'surpluses' -> 'surplus'; not 'houses', 'causes'
    return w[:-1] if w.endswith("s") and not w.endswith(("ss", "us", "is")) else w


def head_of(name: str) -> str:
    """The head word of a name: the last word before its first relation ('Rate of poor households' -> 'rate',
    'Production value growth (year on year)' -> 'value', 'State budget revenue' -> 'revenue')."""
    core = _RELATION.sub("", name.strip()) or name.strip()
    words = re.findall(r"[A-Za-z][A-Za-z-]*", core)
    return singular_head(words[-1]) if words else ""


@lru_cache(maxsize=1)
def _counted_nouns() -> frozenset[str]:
    """The head words of what counts count (``data/units.tsv``: 'families', 'residential groups')."""
    heads = {singular_head(en.split()[-1]) for en in COUNT_UNITS.values() if en.split()}
    return frozenset(heads - {"km", "time", "place", "item", "visit"})  # measures and events, not things counted


def names_things_counted(name: str) -> bool:
    """Whether the head of ``name`` is a thing counted ('Schools meeting national standards'), never an amount or a
    rate: a percentage of it is a share of them."""
    head = head_of(name)
    kinds = load_heads().get(head)
    if kinds is not None:
        return "count" in kinds and "money" not in kinds
    return head in _counted_nouns()


def names_money(name: str) -> bool:
    """Whether the head of ``name`` is something an amount of money can be ('Total investment capital')."""
    return "money" in load_heads().get(head_of(name), frozenset())

"""Vietnamese government and economic terms in English, from the reviewed data file ``data/terminology.tsv``.

Spelling variants the corpora mix (tỷ/tỉ, uỷ/ủy, hoá/hóa) are normalised on both sides before matching;
a longer entry wins over the shorter ones it contains.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from summarizer.tables import either, entries, mapping

__all__ = [
    "Term",
    "find_terms",
    "inside_a_term",
    "is_attribute_name",
    "is_generic_name",
    "load_terminology",
    "normalize_vi",
    "terms_with_role",
]

_OLD_TONES = mapping("language", "old_tone")
"""A vowel pair with its tone mark in the old place -> the new place ('oà' -> 'òa'), at a word's end."""
_OLD_TONE_RE = re.compile(f"(?:{'|'.join(_OLD_TONES)})(?!\\w)")
_SPELLINGS = mapping("language", "spelling")
"""A whole word spelt two ways -> the spelling terms are matched in ('tỉ' -> 'tỷ')."""
_SPELLING_RE = re.compile(rf"\b(?:{either(_SPELLINGS)})\b")


@lru_cache(maxsize=8192)
def normalize_vi(text: str) -> str:
    """Lower case, NFC, one tone placement and one spelling of tỷ: the form terms are matched in."""
    low = unicodedata.normalize("NFC", text).lower()
    low = _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group()], low)
    low = _SPELLING_RE.sub(lambda m: _SPELLINGS[m.group()], low)
    return " ".join(low.split())


@dataclass(frozen=True, slots=True)
class Term:
    """One terminology match: the Vietnamese as normalised, its English, and where it sits in the text."""

    vi: str
    en: str
    start: int
    end: int


@lru_cache(maxsize=1)
def load_terminology() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(Vietnamese, English, pattern) for every entry, longest Vietnamese first."""
    text = resources.files("summarizer").joinpath("data/terminology.tsv").read_text(encoding="utf-8")
    entries: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        vi, en = line.split("\t")
        entries[normalize_vi(vi)] = en.strip()
    ordered = sorted(entries.items(), key=lambda kv: len(kv[0]), reverse=True)
    return tuple((vi, en, re.compile(r"(?<!\w)" + re.escape(vi) + r"(?!\w)")) for vi, en in ordered)


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, tuple[int, ...]]:
    """First word of each entry -> the entries' positions in ``load_terminology()`` (longest first)."""
    index: dict[str, list[int]] = {}
    for k, (vi, _, _) in enumerate(load_terminology()):
        first = re.match(r"\w*", vi)
        index.setdefault(first.group() if first else "", []).append(k)
    return {word: tuple(ks) for word, ks in index.items()}


def find_terms(text: str) -> list[Term]:
    """Every non-overlapping term in ``text`` (normalised first), longest first where they compete,
    returned in text order. Offsets are into ``normalize_vi(text)``."""
    return list(_find_terms(text))


@lru_cache(maxsize=8192)
def _find_terms(text: str) -> tuple[Term, ...]:
    norm = normalize_vi(text)
    taken = [False] * len(norm)
    found: list[Term] = []
    entries, index = load_terminology(), _by_first_word()
    words = {*re.findall(r"\w+", norm), ""}
    candidates = sorted(k for word in words for k in index.get(word, ()))
    for vi, en, pattern in (entries[k] for k in candidates):
        if vi not in norm:
            continue
        for m in pattern.finditer(norm):
            if any(taken[m.start() : m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            found.append(Term(vi, en, m.start(), m.end()))
    return tuple(sorted(found, key=lambda t: t.start))


_RELATION = re.compile(
    r"\s*\((?:year on year|target|multiple)\)|\s+as % of .*$|\s+as a multiple of .*$|\s+vs\s.*$|\s+above\s.*$"
)
"""What a name says of the basis ('(year on year)', 'as % of plan'): not what it names."""
_GENERIC_LEAD = re.compile(r"^(?:(?:the|a|an|total|number|numbers|of|amount of|value of)\s+)+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _generic_words() -> dict[str, str]:
    text = resources.files("summarizer").joinpath("data/generic_names.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {word.strip().lower(): role.strip() for word, role in rows}


@lru_cache(maxsize=8192)
def _core(name: str) -> tuple[str, ...]:
    """The words of a name past its basis ('(year on year)') and its leading 'the', 'total', 'number of'."""
    words = re.findall(r"[a-z]+", _RELATION.sub("", name.lower()))
    return tuple(w for w in _GENERIC_LEAD.sub("", " ".join(words)).split() if w not in ("of", "and", "the"))


@lru_cache(maxsize=8192)
def is_generic_name(name: str) -> bool:
    """A name that says only what kind of figure it is ('Amount', 'Income', 'Number of enterprises', 'Growth
    rate'): one word of ``data/generic_names.tsv``, or two such words ending in a kind word ('rate', 'value')."""
    core = _core(name)
    if not core:
        return True
    roles = _generic_words()
    if len(core) > 2 or not all(w in roles for w in core):
        return False
    return len(core) == 1 or roles[core[-1]] == "kind" or all(roles[w] == "attribute" for w in core)


def is_attribute_name(name: str) -> bool:
    """A generic name that is one attribute of some thing ('Area', 'Total investment', 'Capacity'): whose it is may
    be said ('… of the plant'), where a kind word ('Amount') or a counted noun ('Households') says nothing more."""
    core = _core(name)
    return is_generic_name(name) and bool(core) and all(_generic_words().get(w) == "attribute" for w in core)


def inside_a_term(text: str, m: re.Match[str]) -> bool:
    """A dash or comma inside a term ('công nghiệp - tiểu thủ công nghiệp', 'thu gom, xử lý rác thải') joins two
    words of one phrase; it does not end a clause."""
    mark = m.group().strip()
    if mark not in ("-", "–", ","):
        return False
    before = text[max(0, m.start() - 20) : m.start()].split()
    if not before or normalize_vi(before[-1]) not in _words_before_marks():
        return False  # most marks end a clause: only a word some term has before its mark can be inside one
    left = " ".join(text[: m.start()].split()[-6:])
    right = " ".join(text[m.end() :].split()[:6])
    joined = normalize_vi(f"{left}{mark} {right}" if mark == "," else f"{left} {mark} {right}")
    at = len(normalize_vi(left)) + (0 if mark == "," else 1)  # where the mark is in ``joined``
    return any(
        found.start() <= at < found.end()
        for term in _terms_with_marks()
        for found in re.finditer(re.escape(term), joined)
    )


@lru_cache(maxsize=1)
def _terms_with_marks() -> tuple[str, ...]:
    """The terms a dash or a comma stands inside ('thương mại - dịch vụ'), as normalised."""
    return tuple(vi for vi, _, _ in load_terminology() if re.search(r"[,–-]", vi))


@lru_cache(maxsize=1)
def _words_before_marks() -> frozenset[str]:
    """The last word before the mark in each term a mark stands inside ('mại' of 'thương mại - dịch vụ')."""
    return frozenset(m.group(1) for vi in _terms_with_marks() for m in re.finditer(r"(\w+)\s*[,–-]", vi))


@lru_cache(maxsize=32)
def terms_with_role(role: str) -> frozenset[str]:
    """The terms with ``role`` among their roles in ``data/meaning.tsv`` (keyed on the Vietnamese term, normalised)."""
    return frozenset(normalize_vi(vi) for vi, roles in entries("meaning", "role") if role in roles.split("|"))

"""Names for subjects no single term covers, composed word by word from ``data/glossary.tsv``.

The terminology names the subjects it knows whole ("thu ngân sách nhà nước"). On text nobody tuned it to,
most subjects are new combinations of common words ("tỷ lệ hộ dân được dùng nước sạch"), and naming them by
the nearest known term gives a wrong name ("Transport") with confidence. Here the noun phrase before a
figure (or the counted noun after it) is cut into glossary words, and it is named only when every word of
it is known; the English follows the Vietnamese phrase's structure: the head noun last after its modifiers
("doanh thu du lịch" -> "tourism revenue"), a quantity word first ("tỷ lệ hộ nghèo" -> "rate of poor
households"), a relative verb after the noun ("xã đạt chuẩn nông thôn mới" -> "communes meeting new-rural
standards").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from summarizer.reading.terminology import Term, find_terms, load_terminology, normalize_vi

__all__ = [
    "ROLES",
    "Chunk",
    "Phrase",
    "chunk",
    "compose",
    "known_terms",
    "load_glossary",
    "phrase_after",
    "phrase_before",
]

ROLES = frozenset({"noun", "mod", "measure", "lead", "verb", "of", "skip", "stop"})
_CONTENT = frozenset({"noun", "mod", "measure", "lead", "verb", "of", "skip"})
_MAX_WORDS = 6
_WORD = re.compile(r"[^\W_]+(?:[./][^\W_]+)*|[^\w\s]", re.UNICODE)


@lru_cache(maxsize=1)
def load_glossary() -> dict[str, tuple[str, str]]:
    """Normalised Vietnamese -> (English, role): the glossary, then every terminology entry as a noun."""
    text = resources.files("summarizer").joinpath("data/glossary.tsv").read_text(encoding="utf-8")
    entries: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        vi, en, role = (part.strip() for part in line.split("\t"))
        entries[normalize_vi(vi)] = (en, role)
    for vi, en, _ in load_terminology():
        if "," not in vi:
            entries.setdefault(vi, (en, "noun"))
    return entries


@dataclass(frozen=True, slots=True)
class Chunk:
    """One glossary word (or an unknown word, a number, a name, a mark) of a phrase, in text order."""

    vi: str
    en: str
    role: str
    """A glossary role, or 'number', 'name' (an unknown capitalised word), 'mark' or 'unknown'."""


def chunk(text: str) -> list[Chunk]:
    """``text`` cut into the longest glossary entries, left to right; what no entry covers is marked."""
    glossary = load_glossary()
    words = _WORD.findall(text)
    low = [normalize_vi(w) for w in words]
    out: list[Chunk] = []
    i = 0
    while i < len(words):
        for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            key = " ".join(low[i : i + n])
            if key in glossary:
                en, role = glossary[key]
                out.append(Chunk(key, en, role))
                i += n
                break
        else:
            w = words[i]
            role = "number" if any(c.isdigit() for c in w) else "mark" if not w[0].isalnum() else "unknown"
            if role == "unknown" and w[0].isupper():
                role = "name"
            out.append(Chunk(low[i], "", role))
            i += 1
    return out


def _compound_spans(norm: str) -> list[tuple[int, int]]:
    """Where ``norm`` (normalised text) holds a glossary word of two or more syllables."""
    glossary = load_glossary()
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(norm)]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        for n in range(min(_MAX_WORDS, len(words) - i), 1, -1):
            if " ".join(w for _, _, w in words[i : i + n]) in glossary:
                spans.append((words[i][0], words[i + n - 1][1]))
                i += n
                break
        else:
            i += 1
    return spans


def known_terms(text: str) -> list[Term]:
    """The terminology's terms in ``text``, where a one-syllable term is not a syllable of a longer glossary word
    holding no other term ('trường', schools, inside 'quảng trường', a square)."""
    terms = find_terms(text)
    if not terms:
        return terms
    spans = _compound_spans(normalize_vi(text))

    def inside(t: Term, span: tuple[int, int]) -> bool:
        return span[0] <= t.start and t.end <= span[1] and span != (t.start, t.end)

    alone = {span for span in spans if sum(inside(t, span) for t in terms) == 1}
    return [t for t in terms if " " in t.vi or not any(inside(t, span) for span in alone)]


@dataclass(frozen=True, slots=True)
class Phrase:
    """The subject phrase found next to a figure: its words, and whether every one of them is known."""

    chunks: tuple[Chunk, ...]
    covered: bool

    @property
    def vi(self) -> str:
        return " ".join(c.vi for c in self.chunks)

    @property
    def english(self) -> str | None:
        return compose(self.chunks) if self.covered and self.chunks else None


def _trim(chunks: list[Chunk]) -> list[Chunk]:
    while chunks and chunks[0].role in ("skip", "of", "verb", "mod"):
        chunks = chunks[1:]
    while chunks and chunks[-1].role in ("skip", "of"):
        chunks = chunks[:-1]
    return chunks


def phrase_before(clause_tail: str) -> Phrase:
    """The noun phrase that ends a clause before its figure ('… tổng doanh thu du lịch ước đạt' -> 'tổng
    doanh thu du lịch'), skipping the cue, period and place words between it and the figure. Covered when
    it is bounded on the left by the clause start, a cue, a number or a name, not by an unknown word."""
    chunks = chunk(clause_tail)
    i = len(chunks) - 1
    while i >= 0 and chunks[i].role not in _CONTENT - {"skip"} and chunks[i].role != "unknown":
        i -= 1
    end = i
    while i >= 0 and chunks[i].role in _CONTENT:
        i -= 1
    found = _trim(chunks[i + 1 : end + 1])
    bounded = i < 0 or chunks[i].role != "unknown"
    inside_known = end < 0 or chunks[end].role != "unknown"
    has_noun = any(c.role in ("noun", "measure") for c in found)
    return Phrase(tuple(found), bounded and inside_known and has_noun)


def phrase_after(counted: str) -> Phrase:
    """The counted noun phrase after a count ('doanh nghiệp mới được thành lập, …'): known words up to the
    first cue, mark or number. Covered when it stops at such a boundary, not at an unknown word."""
    chunks = chunk(counted)
    k = 0
    while k < len(chunks) and chunks[k].role in _CONTENT:
        k += 1
    found = _trim(chunks[:k])
    bounded = k == len(chunks) or chunks[k].role != "unknown"
    has_noun = bool(found) and found[0].role in ("noun", "measure", "lead")
    return Phrase(tuple(found), bounded and has_noun)


def _abbreviates(short: str, long: str) -> bool:
    """'GRDP' after 'gross domestic product' restates it ('tổng sản phẩm GRDP'): its letters hold the initials."""
    if not re.fullmatch(r"[A-Z]{2,6}", short):
        return False
    initials = [w[0].upper() for w in re.findall(r"[A-Za-z]+", long) if w.lower() not in ("of", "and", "the")]
    letters = iter(short)
    return len(initials) >= 2 and all(ch in letters for ch in initials)


def _noun_phrase(chunks: list[Chunk]) -> str:
    chunks = [c for c in chunks if c.role != "skip"]
    if not chunks:
        return ""
    owner = next((k for k, c in enumerate(chunks) if c.role == "of"), None)
    if owner is not None:
        head, owned = _noun_phrase(chunks[:owner]), _noun_phrase(chunks[owner + 1 :])
        return f"{head} of {owned}" if head and owned else head or owned
    chunks = [c for k, c in enumerate(chunks) if not (k + 1 < len(chunks) and _abbreviates(chunks[k + 1].en, c.en))]
    first, rest = chunks[0], chunks[1:]
    if first.role == "lead" and rest:
        return f"{first.en} {_noun_phrase(rest)}"
    if first.role == "measure" and rest:
        return f"{first.en} of {_noun_phrase(rest)}"
    return " ".join(c.en for c in reversed(chunks) if c.en)


def compose(chunks: tuple[Chunk, ...] | list[Chunk]) -> str:
    """English for a phrase of known words: noun phrase, then a relative verb with its own object."""
    chunks = list(chunks)
    verb = next((k for k, c in enumerate(chunks) if c.role == "verb" and k > 0), None)
    if verb is None:
        return _REPEATED.sub(r"\1", _noun_phrase(chunks))
    rest = compose(chunks[verb + 1 :])
    return _REPEATED.sub(r"\1", " ".join(part for part in (_noun_phrase(chunks[:verb]), chunks[verb].en, rest) if part))


_REPEATED = re.compile(r"\b(\w+)(?: \1\b)+")
"""A word the source repeats ('thu ngân sách ngân sách nhà nước') is said once."""

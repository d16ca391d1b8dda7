"""Is an English field whole English about this report? CJK, untranslated Vietnamese, cut-off sentences,
and places or people that the report never names (a prompt example leaking into the answer).

Pure functions over text; the pipeline uses them to re-ask and the evaluation harness to score.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from summarizer.documents.text import VI_LETTERS
from summarizer.tables import entries, words

__all__ = [
    "CAPITALS",
    "LanguageIssue",
    "fold",
    "foreign_entities",
    "language_issues",
    "place_in_report",
    "singular",
    "strip_diacritics",
]


@dataclass(frozen=True, slots=True)
class LanguageIssue:
    """One problem in one English field."""

    kind: str  # "cjk" | "untranslated" | "unfinished" | "entity"
    where: str
    text: str
    message: str


CAPITALS = "".join(
    c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper() and unicodedata.name(c, "").startswith("LATIN")
)
"""Every capital Latin letter Vietnamese writes ('Đ', 'Ứ'), for a regex class: where a proper name starts."""

_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
"""Combining marks (the tone and vowel marks of Vietnamese once decomposed)."""


@lru_cache(maxsize=4096)
def strip_diacritics(text: str) -> str:
    """'Hà Nội' -> 'Ha Noi', case kept."""
    return _COMBINING.sub("", unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")))


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case, no diacritics, single spaces: 'Lưu Ngọc Hà' -> 'luu ngoc ha'."""
    return " ".join(strip_diacritics(text).lower().split())


_CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|«[^»]*»")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ADMIN_VI = frozenset(words("language", "admin_word"))
"""Vietnamese administrative words that an English field must translate, never copy (``data/language.tsv``)."""
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
_SYLLABLE = re.compile(_ONSET + r"[aeiouy]{1,3}(?:ng|nh|ch|[cmnptiouy])?")
_ENGLISH_SYLLABLES = frozenset(words("language", "english_syllable"))
"""English words that look like a Vietnamese syllable without its marks ('ban', 'than')."""


def _exonyms() -> dict[str, tuple[str, ...]]:
    spellings: dict[str, list[str]] = {}
    for spelling, exonym in entries("language", "exonym"):
        spellings.setdefault(exonym, []).append(spelling)
    return {exonym: tuple(written) for exonym, written in spellings.items()}


_EXONYMS = _exonyms()
"""English exonyms and the Vietnamese spellings a report may use for them (folded)."""
_DANGLING = re.compile(
    r"(?:[,;:–—\-(]|\b(?:the|a|an|of|to|and|or|with|for|in|on|at|by|from|as|than|compared|while|which|that|its|their))$"
)
_SENTENCE_END = re.compile(r"[.!?…][”\"')\]]*$")


def _has_vi_marks(word: str) -> bool:
    if word.isascii():
        return False
    if VI_LETTERS.search(word):
        return True
    return any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", word))


_PAREN = re.compile(r"\(([^()]*)\)")


def _unquoted(text: str, report_folded: str = "") -> str:
    """Blank out quoted text, and glosses in brackets that copy the report's words ('(tổ dân phố)')."""
    text = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    if report_folded:
        text = _PAREN.sub(lambda m: " " * len(m.group()) if fold(m.group(1)) in report_folded else m.group(), text)
    return text


def _vi_like(word: str) -> bool:
    f = fold(word)
    return _has_vi_marks(word) or (bool(_SYLLABLE.fullmatch(f)) and f not in _ENGLISH_SYLLABLES)


def _name_runs(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalised Vietnamese-looking words ('Gia Lâm', 'Nguyễn Văn An'): candidate names."""
    runs: list[tuple[int, int, str]] = []
    current: list[re.Match[str]] = []

    def close() -> None:
        if current and (len(current) >= 2 or any(_has_vi_marks(m.group()) for m in current)):
            a, b = current[0].start(), current[-1].end()
            runs.append((a, b, text[a:b]))
        current.clear()

    prev_end = -1
    for m in _WORD.finditer(text):
        word = re.sub(r"['’]s$", "", m.group())  # "Cà Mau's": the name is Cà Mau
        gap = text[prev_end : m.start()] if prev_end >= 0 else " "
        contiguous = prev_end >= 0 and gap.strip() in ("", "-")
        if word[:1].isupper() and _vi_like(word) and word.lower() not in _ADMIN_VI:
            if not contiguous:
                close()
            current.append(m)
        else:
            close()
        prev_end = m.end()
    close()
    return runs


@lru_cache(maxsize=64)
def _squashed(text: str) -> str:
    """Hyphens and dashes as spaces, runs of spaces as one: 'Bà Rịa - Vũng Tàu' = 'Ba Ria-Vung Tau'."""
    return " ".join(re.sub(r"[-–—]", " ", text).split())


def _in_report(name: str, report_folded: str) -> bool:
    f = _squashed(fold(re.sub(r"['’]s$", "", name)))  # "Hải Phòng's" names Hải Phòng
    if f in report_folded or f in _squashed(report_folded):
        return True
    for exonym, spellings in _EXONYMS.items():
        if exonym in f:
            rest = f.replace(exonym, " ").strip()
            if any(s in report_folded for s in spellings) and (not rest or rest in report_folded):
                return True
    return False


_ADMIN_EN = re.compile(r"\b(?:District|City|Province|Ward|Commune|Town|Township|of|the)\b", re.IGNORECASE)


def place_in_report(place: str, report_folded: str) -> bool:
    """A place the model wrote is one the report names ('Bac Tu Liem District'), not a guess at a
    translation of it ('District North Tu Liem')."""
    core = " ".join(_ADMIN_EN.sub(" ", place).replace(",", " ").split())
    return bool(core) and _in_report(core, report_folded)


def foreign_entities(text: str, report_folded: str) -> list[str]:
    """Names in ``text`` (Vietnamese-looking capitalised runs) that the report never writes."""
    return [name for _, _, name in _name_runs(_unquoted(text)) if not _in_report(name, report_folded)]


def language_issues(text: str, where: str, report_folded: str, *, sentences: bool = False) -> list[LanguageIssue]:
    """Every language problem of one English field; ``sentences``: prose that must end a sentence.
    Vietnamese names are allowed where the report writes them; administrative words must be translated."""
    issues: list[LanguageIssue] = []
    stripped = text.strip()
    if not stripped:
        return issues
    for m in () if stripped.isascii() else _CJK.finditer(stripped):
        issues.append(LanguageIssue("cjk", where, m.group(), f"{where} contains Chinese/Japanese/Korean '{m.group()}'"))
    plain = _unquoted(stripped, report_folded)
    names = _name_runs(plain)
    in_name = [False] * len(plain)
    for a, b, name in names:
        if _in_report(name, report_folded):
            for i in range(a, b):
                in_name[i] = True
        else:
            issues.append(LanguageIssue("entity", where, name, f"{where} names '{name}', which the report never names"))
            for i in range(a, b):
                in_name[i] = True
    untranslated = []
    for m in _WORD.finditer(plain):
        word = m.group()
        if word.lower() in _ADMIN_VI or (_has_vi_marks(word) and not in_name[m.start()]):
            untranslated.append(word)
    if untranslated:
        shown = " ".join(dict.fromkeys(untranslated))
        issues.append(LanguageIssue("untranslated", where, shown, f"{where} leaves Vietnamese untranslated: {shown}"))
    if _DANGLING.search(stripped) or (sentences and not _SENTENCE_END.search(stripped)):
        tail = stripped[-30:]
        issues.append(LanguageIssue("unfinished", where, tail, f"{where} stops mid-sentence: '…{tail}'"))
    elif stripped.count("(") > stripped.count(")") or stripped.count("“") > stripped.count("”"):
        issues.append(LanguageIssue("unfinished", where, stripped[-30:], f"{where} leaves a bracket or quote open"))
    return issues


_PLURAL_ONLY = frozenset({"arms", "goods", "earnings", "savings", "proceeds", "premises", "means", "series", "news"})
"""English nouns whose plural is no count of things ('arms exports' are not exports of an arm)."""


def singular(noun: str) -> str:
    """The singular of an English plural noun phrase's last word ('projects' -> 'project', 'companies' ->
    'company'); a phrase not in the plural as it is."""
    head, _, last = noun.rpartition(" ")
    if " and " in noun or last in _PLURAL_ONLY or not last.endswith("s") or last.endswith("ss"):
        return noun
    cut = 2 if last.endswith(("sses", "ches", "shes", "xes")) else 1
    return f"{head} {last[:-3] + 'y' if last.endswith('ies') else last[:-cut]}".strip()

"""Tie model output to the source: figure ids to ledger entries, English numbers to source figures.

The checks here run inside the draft's validator (a failure makes instructor re-ask with the reasons)
and again, leniently, on the last attempt, where what still fails is kept and flagged, never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from summarizer.reading.bodies import translate_admin
from summarizer.reading.english_numbers import EnglishNumber, parse_english_numbers
from summarizer.reading.figures import Figure, FigureKind, Ledger
from summarizer.reading.language import LanguageIssue, fold, language_issues
from summarizer.reading.ledger import folded_text
from summarizer.reading.units import UNTRANSLATED_SCALES, UNTRANSLATED_WORDS
from summarizer.schema import Flag
from summarizer.tables import either
from summarizer.wording.formatting import format_figure

if TYPE_CHECKING:
    from summarizer.schema import Draft

__all__ = [
    "MatchStatus",
    "NumberMatch",
    "clean_name",
    "draft_checker",
    "draft_language_issues",
    "english_fields",
    "fold",
    "language_flags",
    "match_number",
    "prose_fields",
    "prose_issues",
    "repair_draft",
    "repair_prose",
    "text_problems",
]

_REL_EXACT = 1e-9
_VI_NOTATION = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+")
_REL_APPROX = 0.05


class MatchStatus(StrEnum):
    EXACT = "exact"
    APPROX = "approx"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """How one English number relates to the source ledger."""

    number: EnglishNumber
    status: MatchStatus
    figure: Figure | None


def _close(a: float, b: float, tol: float) -> bool:
    if a == b:
        return True
    return abs(a - b) <= tol * max(abs(a), abs(b))


def _units_compatible(n: EnglishNumber, f: Figure) -> bool:
    if n.unit in ("%", "pp"):
        return f.kind == FigureKind.PERCENT and f.unit == n.unit
    if n.unit is not None:
        return f.kind == FigureKind.MONEY and f.unit == n.unit
    return f.kind != FigureKind.PERCENT or n.unit is None


def _values_for(n: EnglishNumber, f: Figure) -> list[tuple[float, float]]:
    """Pairs (claimed, source) to compare, by how each side states its scale."""
    pairs: list[tuple[float, float]] = []
    if n.scale is not None:
        pairs.append((n.base_value, f.base_value))
    else:
        pairs.append((n.value, f.value))
        pairs.append((n.value, f.base_value))
    if f.denominator is not None and n.scale is None:
        pairs.append((n.value, f.denominator))
    if f.high is not None:
        pairs.append((n.value if n.scale is None else n.base_value, f.high * (f.scale or 1 if n.scale else 1)))
    return pairs


def _significant(x: float) -> int:
    """Significant digits as written: 63.3e12 -> 3, 63275e9 -> 5."""
    digits = re.sub(r"\D", "", f"{abs(x):.6e}".split("e")[0]).rstrip("0")
    return len(digits)


def _key(x: float) -> float:
    return round(x, 6)


def _value_index(ledger: Ledger) -> dict[float, list[Figure]]:
    """Figures by every value they can be cited as (as written, in base units, denominator, range end)."""
    if ledger.value_index is not None:
        return ledger.value_index
    index: dict[float, list[Figure]] = {}
    for f in ledger.figures:
        if f.ambiguous:
            continue
        values = {f.value, f.base_value}
        if f.denominator is not None:
            values.add(f.denominator)
        if f.high is not None:
            values.update({f.high, f.high * (f.scale or 1)})
        for v in values:
            index.setdefault(_key(v), []).append(f)
    ledger.value_index = index
    return index


def match_number(n: EnglishNumber, ledger: Ledger) -> NumberMatch:
    """Exact when some source figure has this value in a compatible unit; approx when it rounds one."""
    index = _value_index(ledger)
    candidates: list[Figure] = []
    for v in {n.value, n.base_value}:
        candidates += index.get(_key(v), [])
    for f in candidates:
        if not _units_compatible(n, f):
            continue
        for claimed, source in _values_for(n, f):
            if _close(claimed, source, _REL_EXACT) and (
                n.denominator is None or f.denominator is None or _close(n.denominator, f.denominator, _REL_EXACT)
            ):
                return NumberMatch(n, MatchStatus.EXACT, f)
    for f in ledger.figures:
        if not f.is_indicator_kind or not _units_compatible(n, f):
            continue
        for claimed, source in _values_for(n, f):
            if _close(claimed, source, _REL_APPROX) and _significant(claimed) < _significant(source):
                return NumberMatch(n, MatchStatus.APPROX, f)
    return NumberMatch(n, MatchStatus.NONE, None)


def _vi_copy(n: EnglishNumber, ledger: Ledger) -> Figure | None:
    """The source figure a number copies in Vietnamese notation ('63.275 billion' for '63.275 tỷ')."""
    token = n.text.split()[0] if n.text else ""
    token = token.rstrip("%")
    if not _VI_NOTATION.fullmatch(token):
        return None
    for f in ledger.figures:
        if f.is_indicator_kind and f.text.startswith(token):
            if n.unit is not None and n.unit != f.unit:
                return None
            return f
    return None


def _ratio_claim(n: EnglishNumber) -> bool:
    """'6 out of 24 targets' claims a ratio; '31/7' and 'month 1 of 2017' are dates."""
    return n.denominator is not None and re.search(r"\bof\b", n.text) is not None and not 1900 <= n.denominator <= 2100


_OUTCOMES = (
    ("not met", "not been met", "fail", "miss", "unmet", "not complet", "not achiev"),
    ("exceed", "surpass", "above", "beyond", "outperform"),
    ("met", "meet", "complet", "achiev", "reach", "fulfil", "attain"),
)


def _outcome(text: str) -> int | None:
    low = text.lower()
    return next((i for i, words in enumerate(_OUTCOMES) if any(w in low for w in words)), None)


def _states_ratio(n: EnglishNumber, ledger: Ledger, sentence: str) -> bool:
    """The report writes the ratio ('24/24 chỉ tiêu') or the part and its whole ('24/24 chỉ tiêu, trong đó có
    6 chỉ tiêu vượt kế hoạch'); for a part, the prose must say what the report says of it: '6 of the 24
    targets exceeded the plan', not 'completed 6 out of 24 targets'."""
    if n.denominator is None:
        return False
    for f in ledger.figures:
        if not _close(n.value, f.value, _REL_EXACT):
            continue
        if f.denominator is not None and _close(n.denominator, f.denominator, _REL_EXACT):
            return True
        if f.part_of is not None and _close(n.denominator, f.part_of, _REL_EXACT):
            said = _outcome(f.label or "")
            if said is None or _outcome(sentence) == said:
                return True
    return False


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    return text[left + 1 : right]


def prose_issues(text: str, ledger: Ledger, where: str) -> list[Flag]:
    """Numbers in prose that no source figure supports (``unsupported_number``: also a ratio such as '6 out
    of 24' made of two numbers the report states apart) or that round one (``rounded_number``)."""
    issues: list[Flag] = []
    for n in parse_english_numbers(text, words=False):
        if _vi_copy(n, ledger) is not None or _a_period_year(n, ledger):
            continue
        m = match_number(n, ledger)
        claim = m.status == MatchStatus.EXACT and _ratio_claim(n)
        if claim and not _states_ratio(n, ledger, _sentence_around(text, n.start, n.end)):
            message = f"{where} says '{n.text}', but the report states no such ratio"
            issues.append(Flag(field=where, kind="unsupported_number", message=message))
        elif m.status == MatchStatus.NONE:
            message = f"{where} contains '{n.text}', which is not a figure of the report"
            issues.append(Flag(field=where, kind="unsupported_number", message=message))
        elif m.status == MatchStatus.APPROX and m.figure is not None:
            message = f"{where} rounds '{n.text}' (source: '{m.figure.text}')"
            issues.append(Flag(field=where, kind="rounded_number", figure_id=m.figure.id, message=message))
    return issues


def _a_period_year(n: EnglishNumber, ledger: Ledger) -> bool:
    """A year the program put in a figure's period from the words ('năm ngoái' in a 2019 report is 2018)."""
    year = f"{n.value:.0f}"
    return (
        n.unit is None
        and n.scale is None
        and n.value.is_integer()
        and len(year) == 4
        and any(year in (f.period or "") for f in ledger.figures)
    )


def text_problems(text: str, ledger: Ledger, where: str) -> list[Flag]:
    """Numbers in ``text`` with no source at all: reason enough to re-ask the model."""
    return [f for f in prose_issues(text, ledger, where) if f.kind == "unsupported_number"]


def repair_prose(text: str, ledger: Ledger) -> str:
    """Rewrite copies of source figures in Vietnamese notation into English notation, from the ledger."""
    out: list[str] = []
    pos = 0
    for n in parse_english_numbers(text, words=False):
        fig = _vi_copy(n, ledger)
        if fig is None or n.start < pos:
            continue
        end = n.start + len(text[n.start : n.end].rstrip())
        out.append(text[pos : n.start])
        out.append(format_figure(fig))
        pos = end
    out.append(text[pos:])
    return "".join(out)


_NAME_NUMBER = re.compile(
    r"(?:\s+(?:of|by|at|to|reached|reaching|with|is|was|from|equal to)\b)?\s*"
    r"(?:(?:VND|USD|\$)\s?)?\d[\d.,/]*\s*(?:%|percent|percentage points|thousand|million|billion|trillion|"
    rf"{either(UNTRANSLATED_SCALES)})?(?:\s*(?:VND|USD|dong|{either(UNTRANSLATED_WORDS)}))?",
    re.IGNORECASE,
)


def clean_name(name: str) -> str:
    """Indicator names carry no numbers: values come from the ledger, so digits the model wrote go."""
    cleaned = _NAME_NUMBER.sub("", name)
    cleaned = re.sub(r"\(\s*\)|\[\s*\]", "", cleaned)
    cleaned = re.sub(r"\s{2,}", " ", cleaned).strip(" ,;:-–")
    cleaned = re.sub(r"^(?:of|by|at|to)\s+", "", cleaned, flags=re.IGNORECASE)
    return cleaned[:1].upper() + cleaned[1:] if cleaned else name


def draft_checker(ledger: Ledger, min_indicators: int = 0) -> Callable[[Draft], list[Flag]]:
    """The re-ask rules for one report: ids that are not indicators, too few distinct figures once repeats
    are merged, and numbers with no source or bad language in the title or summary."""
    kinds = {f.id: f for f in ledger.figures}

    def check(draft: Draft) -> list[Flag]:
        repair_draft(draft)
        problems: list[Flag] = []
        distinct: set[tuple[object, ...]] = set()
        for i, ind in enumerate(draft.indicators, start=1):
            fig = kinds.get(ind.figure)
            where = f"indicator {i}"
            if fig is None:
                message = f"{where} uses {ind.figure}, which is not in the FIGURES list"
                problems.append(Flag(field=where, kind="unknown_figure", figure_id=ind.figure, message=message))
            elif not fig.is_indicator_kind:
                message = f"{where} uses {ind.figure} ('{fig.text}'), a {fig.kind.value}, not an indicator"
                problems.append(Flag(field=where, kind="not_indicator", figure_id=ind.figure, message=message))
            else:
                distinct.add(fig.value_key)
        if len(distinct) < min(min_indicators, len(draft.indicators)):
            message = f"only {len(distinct)} distinct figures were chosen; choose {min_indicators} different ids"
            problems.append(Flag(field="indicators", kind="too_few_figures", message=message))
        headline = [(where, text) for where, text in prose_fields(draft) if where in _REASKED_FIELDS]
        problems += [f for where, text in headline for f in text_problems(text, ledger, where)]
        problems += [f for f in language_flags(draft, folded) if f.field in _REASKED_FIELDS]
        return problems

    folded = folded_text(ledger)
    return check


_MAX_TITLE = 140
# Only the headline prose is worth a re-ask (each costs a whole answer, 30 to 60 s on the embedded model);
# a topic or task with an invented number or bad language is withheld from the briefing with the reason.
_REASKED_FIELDS = ("title", "summary")


def repair_draft(draft: Draft) -> None:
    """Put Vietnamese bodies and place words the model copied into English, by rule, before checking."""
    draft.title = translate_admin(draft.title).strip()
    draft.summary = _first_sentences(_whole_sentences(translate_admin(draft.summary)))
    draft.topics = [translate_admin(t) for t in draft.topics]
    for d in draft.directives:
        d.task = translate_admin(d.task)
        d.owner = translate_admin(d.owner) if d.owner else d.owner
    for o in draft.officials:
        o.role = translate_admin(o.role)
    if draft.place:
        draft.place = translate_admin(draft.place)


_MAX_SUMMARY = 700
_MAX_SUMMARY_SENTENCES = 4


def _first_sentences(text: str) -> str:
    """A summary capped by whole sentences (at most four, at most ``_MAX_SUMMARY`` characters), never cut
    inside one: what a length cap in the grammar did wrong."""
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s|$)", text)]
    keep = [e for k, e in enumerate(ends, start=1) if k <= _MAX_SUMMARY_SENTENCES and e <= _MAX_SUMMARY]
    return text[: keep[-1]] if keep and keep[-1] < len(text.rstrip()) else text


def draft_language_issues(draft: Draft, report_folded: str) -> list[LanguageIssue]:
    """English fields that are not whole English about this report, or too long to read as written."""
    issues: list[LanguageIssue] = []
    for where, text in english_fields(draft):
        issues += language_issues(text, where, report_folded, sentences=where == "summary")
    if len(draft.title) > _MAX_TITLE:
        issues.append(LanguageIssue("long", "title", draft.title[-30:], f"title is over {_MAX_TITLE} characters"))
    sentences = len(re.findall(r"[.!?](?:\s|$)", draft.summary.strip()))
    if len(draft.summary) > _MAX_SUMMARY or sentences > _MAX_SUMMARY_SENTENCES:
        message = f"summary is over {_MAX_SUMMARY_SENTENCES} sentences or {_MAX_SUMMARY} characters"
        issues.append(LanguageIssue("long", "summary", draft.summary[-30:], message))
    return issues


_DANGLING_END = re.compile(r"(?:[,;:–—\-(]|\b(?:the|a|an|of|to|and|or|with|for|in|on|at|by|from|as|than|compared))\s*$")


def _whole_sentences(text: str) -> str:
    """A summary that only lacks its final full stop gets one; a last fragment cut mid-clause is dropped
    when whole sentences come before it. Anything else is left for the checks to judge."""
    text = text.strip()
    if not text or re.search(r"[.!?…][”\"')\]]*$", text):
        return text
    if not _DANGLING_END.search(text):
        return text + "."
    ends = [m.end() for m in re.finditer(r"[.!?…][”\"')\]]*(?=\s)", text)]
    return text[: ends[-1]] if ends else text


def language_flags(draft: Draft, report_folded: str) -> list[Flag]:
    """``draft_language_issues`` as flags."""
    return [
        Flag(field=i.where, kind="language", message=i.message) for i in draft_language_issues(draft, report_folded)
    ]


def english_fields(draft: Draft) -> list[tuple[str, str]]:
    """Every field of a draft a reader reads as English, with its name (names written as '=' skipped)."""
    fields = [("title", draft.title), ("summary", draft.summary)]
    fields += [(f"topic {k}", t) for k, t in enumerate(draft.topics, start=1)]
    fields += [(f"directive {k}", d.task) for k, d in enumerate(draft.directives, start=1)]
    fields += [(f"official {k} role", o.role) for k, o in enumerate(draft.officials, start=1)]
    fields += [(f"indicator {k} name", i.name) for k, i in enumerate(draft.indicators, start=1) if i.name != "="]
    return fields


def prose_fields(draft: Draft) -> list[tuple[str, str]]:
    """Every free-text field of a draft that may carry numbers, with its name."""
    fields = [("title", draft.title), ("summary", draft.summary)]
    fields += [(f"topic {k}", t) for k, t in enumerate(draft.topics, start=1)]
    for k, d in enumerate(draft.directives, start=1):
        fields.append((f"directive {k}", d.task))
        if d.deadline:
            fields.append((f"directive {k} deadline", d.deadline))
    return fields

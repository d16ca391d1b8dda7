"""English labels: a figure's subject, its qualifiers (whose, per capita, what is counted) and its basis put
into one name ("Budget revenue as % of the budget estimate", "GRDP per capita", "Communes meeting new-rural
standards met"): the last pass of ``meaning.annotate``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summarizer.reading.basis import Basis, basis_of
from summarizer.reading.terminology import is_generic_name, normalize_vi, terms_with_role
from summarizer.tables import either, entries, mapping, words

if TYPE_CHECKING:
    from summarizer.reading.figures import Figure

__all__ = [
    "PER_CAPITA",
    "already_says",
    "count_qualifier",
    "figure_basis",
    "figure_label",
    "known_name",
    "names_only_the_unit",
    "qualify",
    "ratio_qualifier",
]


def _count_qualifiers() -> list[tuple[re.Pattern[str], str]]:
    """The count qualifiers of ``data/labels.tsv``: one pattern per qualifier, its rows' patterns in file order."""
    patterns: dict[str, list[str]] = {}
    for pattern, english, *_ in entries("labels", "count_qualifier"):
        patterns.setdefault(english, []).append(pattern)
    return [(re.compile(either(alternatives, escape=False)), english) for english, alternatives in patterns.items()]


_COUNT_QUALIFIERS = _count_qualifiers()
_RATIO_QUALIFIERS = [
    (re.compile(rf"(?:{pattern})\s*$"), english) for pattern, english, *_ in entries("labels", "ratio_qualifier")
]


def figure_basis(fig: Figure) -> str:
    """The basis category of a ledger figure, as stored and scored."""
    return basis_of(fig.kind.value, fig.basis, fig.cue, fig.denominator, target=fig.target, unit=fig.unit).value


_NATIONAL = re.compile(rf"\b(?:{either(words('labels', 'national'))})\b[^,;]*$", re.IGNORECASE)


_LICENSED = re.compile(rf"\b(?:{either(words('labels', 'licensed'))})\b[^,;]*$", re.IGNORECASE)


_MERGED = re.compile(rf"\b(?:{either(words('labels', 'merged'))})\s*$", re.IGNORECASE)


_TRADED_AS = mapping("labels", "traded")
_TRADED = re.compile(rf"\b({either(_TRADED_AS)})\b", re.IGNORECASE)


PER_CAPITA = re.compile(
    rf"{either(words('labels', 'per_capita'))}|^\s*/\s*(?:{either(words('labels', 'per_person'))})\b", re.I
)
"""'GRDP bình quân đầu người đạt 5.400 USD', '33,8 triệu đồng/người/năm': an amount per person."""


_GROWTH_TERMS = terms_with_role("growth")
_ECONOMY_OWNER = re.compile(
    rf"(?<!\w)(?:{either(words('meaning', 'economy_owner'))}|{either(mapping('meeting', 'province'))})(?!\w)",
    re.IGNORECASE,
)


def _economy_grows(fig: Figure, subject: str, tail: str) -> bool:
    """A growth rate said bare whose clause names the place before it (a city, a province) is its economy's."""
    said = normalize_vi(fig.subject or "")
    if fig.kind.value != "percent" or said not in _GROWTH_TERMS or not subject.startswith("growth"):
        return False
    at = normalize_vi(tail).rfind(said)
    return at > 0 and _ECONOMY_OWNER.search(tail[:at]) is not None


def qualify(fig: Figure, subject: str, clause: str, tail: str) -> str:
    """Words before the figure that change what its subject is: whose ("mục tiêu tăng trưởng của cả nước"),
    which projects ("cấp phép cho 8 dự án"), which boards ("sáp nhập 24 BQL"), which flow ("giá trị xuất
    khẩu các sản phẩm điện tử")."""
    low = subject.lower()
    if _NATIONAL.search(tail) and not re.search(r"nation|country|vietnam", low):
        subject = f"national {subject}"
    elif _economy_grows(fig, low, tail):
        subject = f"economic {subject}"  # '8 tháng đầu năm TP chỉ tăng trưởng chưa đến 8%': the city's economy
    if fig.kind.value in ("count", "ratio") and "project" in low and "licens" not in low and _LICENSED.search(tail):
        rest = subject[len("projects") :]
        subject = f"projects licensed{rest}" if low.startswith("projects") else f"licensed {subject}"
    if fig.kind.value in ("count", "ratio") and _MERGED.search(clause) and "merg" not in low:
        subject = f"{subject} merged"
    traded = _TRADED.search(tail)
    if traded and not re.search(r"export|import|trade|turnover", low):
        subject = f"{subject} {_TRADED_AS[traded.group(1).lower()]}"
    return subject


def count_qualifier(after: str) -> str | None:
    low = normalize_vi(after)
    return next((q for pattern, q in _COUNT_QUALIFIERS if pattern.search(low)), None)


def ratio_qualifier(tail: str) -> str | None:
    """What the verb right before a ratio says of the things it counts ('đạt và vượt 15/15 chỉ tiêu': met or
    exceeded, 'xóa được 2/6 điểm ngập': eliminated)."""
    low = normalize_vi(tail)
    return next((q for pattern, q in _RATIO_QUALIFIERS if pattern.search(low)), None)


def figure_label(fig: Figure, basis: str, subject: str, of_what: str | None = None) -> str:
    """An English name that carries the basis: 'Budget revenue as % of the budget estimate'."""
    s = subject[:1].upper() + subject[1:]
    if "growth" in subject.lower() and basis in (Basis.GROWTH_SAME_PERIOD.value, Basis.GROWTH_OTHER.value):
        return s + (" (year on year)" if basis == Basis.GROWTH_SAME_PERIOD.value else "")
    changed = re.search(r"reduc|\b(?:cut|added)\b", s.lower()) is not None
    if changed and basis in (Basis.GROWTH_SAME_PERIOD.value, Basis.GROWTH_OTHER.value) and fig.unit != "places":
        base = (fig.basis or "").removeprefix("vs ")
        return s + (" (year on year)" if basis == Basis.GROWTH_SAME_PERIOD.value else f" vs {base}" if base else "")
    suffix = {
        Basis.GROWTH_SAME_PERIOD.value: " growth (year on year)",
        Basis.LEVEL_SAME_PERIOD.value: " as % of the same period last year",
        Basis.OF_PLAN.value: " as % of plan",
        Basis.OF_ESTIMATE.value: " as % of the budget estimate",
        Basis.TARGET.value: " (target)",
    }.get(basis, "")
    if fig.cue == "decrease" and basis == Basis.GROWTH_SAME_PERIOD.value:
        suffix = " fall (year on year)"  # 'giảm 50%': a growth of -50% is read as a rise by anyone skimming
    compared = (fig.basis or "").startswith("vs ")
    growth_goal = (fig.cue == "increase" or compared) and fig.kind.value == "percent" and "growth" not in s.lower()
    if basis == Basis.TARGET.value and growth_goal:
        return f"{s} growth (target)"
    if fig.unit == "times":
        base = (fig.basis or "").removeprefix("vs ")
        base = f"the {base}" if base.startswith(("same", "previous")) else base
        return f"{s} as a multiple of {base}" if base and base != "ratio" else f"{s} (multiple)"
    if basis == Basis.GROWTH_OTHER.value and fig.unit == "places":
        return s + (" ranking fall" if fig.cue == "decrease" else " ranking rise")
    if basis == Basis.GROWTH_OTHER.value:
        base = (fig.basis or "").removeprefix("vs ").replace("budget estimate", "the budget estimate")
        change = "fall" if fig.cue == "decrease" else "growth"
        suffix = f" {change} vs {base}" if base else f" {change}"
        if fig.cue == "exceed" and base:
            suffix = f" above {base}"
        if fig.cue == "exceed" and not base:
            suffix = " excess"  # 'Thu ngân sách 2016 vượt 3,8%': over what is unsaid
        if base in ("previous month",):
            suffix = " growth vs the previous month"
        if not base and fig.kind.value in ("count", "ratio"):
            suffix = " cut" if fig.cue == "decrease" else " increase"
    if basis == Basis.OF_TOTAL.value:
        return f"{s} as share of {of_what}" if of_what and of_what.lower() not in s.lower() else f"Share of {subject}"
    return s + suffix


def known_name(fig: Figure) -> str | None:
    """The program's English name of a figure, unless it is only a head noun ('Income', 'Enterprises', or the
    noun a count counts: 'Markets' for '9 chợ'), which the model is asked to replace."""
    return (
        fig.label if fig.label and not is_generic_name(fig.label) and not names_only_the_unit(fig, fig.label) else None
    )


def names_only_the_unit(fig: Figure, name: str) -> bool:
    """'Markets — 9 markets': a count named by its own one-word unit is a head noun (a unit of more words, such as
    'poor households' or 'transformer stations', says what is counted)."""
    unit = (fig.unit or "").lower()
    core = re.sub(r"\s*\((?:target|year on year|multiple)\)\s*$", "", name.strip()).lower()  # 'Visits (target)'
    return fig.kind.value in ("count", "ratio") and " " not in unit and core == unit


def already_says(subject: str, qualifier: str) -> bool:
    """'Communes meeting the standard' already says 'met'."""
    return qualifier in subject or (qualifier == "met" and re.search(r"\bmeet|\bmet\b", subject) is not None)

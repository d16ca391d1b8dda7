"""Whether a figure is a goal or a result, and what it is compared with, read from the words of its clause.

A goal ('phấn đấu tăng 8%', an item of a list under 'Mục tiêu năm 2017:', a year after the report's) and a result
('đã thực hiện được') carry the same numbers; so do a share ('chiếm 31%'), growth ('tăng trưởng 8%'), a rate
('tỷ lệ 95%') and a share of the plan ('đạt 103,8% dự toán'). The ledger reads the comparison words right beside a
figure; this pass adds what the wider clause says. Its words are rows of ``data/meaning.tsv``; ``meaning.annotate``
runs it before it looks for the subject.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summarizer.reading.periods import find_period
from summarizer.tables import either, mapping, words

if TYPE_CHECKING:
    from summarizer.reading.figures import Figure, Ledger

__all__ = ["mark_target", "share_of_what_follows"]


def _any(kind: str, *, escape: bool = True) -> str:
    """The words (``escape``) or patterns of ``kind`` in ``data/meaning.tsv`` as one regex alternation."""
    return either(words("meaning", kind), escape=escape)


_ABOUT = either(words("cues", "about"))
_RATE = _any("rate_word")
_TARGET_CUE = re.compile(_any("target_cue", escape=False), re.IGNORECASE)
_RESULT_CUE = re.compile(rf"\b(?:{_any('result_cue', escape=False)})\b", re.IGNORECASE)
_TIMES = re.compile(rf"(?:{_any('times')})\s*$", re.IGNORECASE)
_HORIZON = re.compile(_any("horizon", escape=False), re.IGNORECASE)
_GROWTH_CONTEXT = re.compile(_any("growth_context", escape=False), re.IGNORECASE)
_SHARE_CONTEXT = re.compile(_any("share_context"), re.IGNORECASE)
_PREV_MONTH = re.compile(rf"^\W*(?:{_any('previous_month')})", re.IGNORECASE)
_RATE_IN = re.compile(_RATE, re.IGNORECASE)
_RATE_AT_END = re.compile(rf"(?:{_RATE})\s*$")
_EXPLICIT_BASES = mapping("meaning", "explicit_base")
_EXPLICIT_BASE = re.compile(f"({either(_EXPLICIT_BASES)})", re.IGNORECASE)


_TARGET_AFTER = re.compile(
    r"^[^,;.]{0,40}\b(?:" + _any("target_after") + r")\b(?! (?:" + _any("negation") + "))", re.IGNORECASE
)


_ASSIGNED_BASE = re.compile(_any("assigned_base", escape=False), re.IGNORECASE)
_SHARE_BEFORE = re.compile(rf"\b(?:{_any('share_verb')})(?: (?:{_ABOUT}))?\s*$", re.IGNORECASE)
_GOAL_HEADER = re.compile(_any("goal_header", escape=False), re.IGNORECASE)
"""The words before a colon that announce a list of goals ('… phấn đấu:', 'Mục tiêu năm 2017:')."""
_GOAL_OPENING = re.compile(
    rf"^\W*(?:{_any('goal_opening')})(?: (?:{_any('goal_focus')}))? (?:{_any('goal_span')})", re.IGNORECASE
)


def _is_target(ledger: Ledger, fig: Figure, clause: str) -> bool:
    """A goal, not a result: the clause's first cue is a target word ('mục tiêu', 'phấn đấu', 'được giao'),
    the sentence opens as a plan ('Phương hướng năm 2017, …'), the figure is an item of a list of goals, or
    the sentence looks ahead to a year after the report's. The estimate a result is measured against ('bằng
    91% dự toán Thành phố giao') and a share ('chiếm 31%') are not goals."""
    clause = _ASSIGNED_BASE.sub(lambda m: " " * len(m.group()), clause)
    if _SHARE_BEFORE.search(clause):
        return False
    header = ledger.list_header(fig)
    if header is not None and _TARGET_CUE.search(header.text) and not _RESULT_CUE.search(clause):
        return True
    inline = _sentence_header(ledger, fig)
    if inline and _GOAL_HEADER.search(inline) and not _RESULT_CUE.search(inline + " " + clause):
        return True  # 'Năm 2017, thành phố phấn đấu: GRDP tăng 8,5-9%; thu ngân sách …': every item is a goal
    cue, result = _TARGET_CUE.search(clause), _RESULT_CUE.search(clause)
    if cue and fig.unit in _AREAS and _ALLOCATED.fullmatch(clause[cue.start() :].strip()):
        cue = None  # 'công ty được giao hơn 100 ha đất': land allocated, not a goal (stop 42, dev2)
    if fig.kind.value == "count" and _TARGET_AFTER.search(ledger.text[fig.end : fig.end + 60]):
        return True
    if cue and (result is None or cue.start() < result.start()):
        return True
    if result is None and _GOAL_OPENING.match(ledger.sentence_of(fig).text):
        return True
    if result is not None:
        return False
    sent = ledger.sentence_of(fig)
    horizon = _HORIZON.search(sent.text)
    if horizon is not None and re.search(r"[,;]", sent.text[fig.end - sent.start : horizon.start()]):
        return False  # 'hiện nay là 8.700 tấn rác/ngày, dự kiến tới năm 2020 khoảng 10.100 tấn': a later clause's goal
    return bool(horizon and ledger.document_year and int(horizon.group(1)) > ledger.document_year)


_AREAS = frozenset({"ha", "m²", "km²"})
_ALLOCATED = re.compile(rf"(?:được )?giao(?: cho [^,;]*)?(?: (?:{_ABOUT}))?", re.IGNORECASE)


_DETAIL = re.compile(rf"\b(?:{_any('detail')})\b", re.IGNORECASE)


def _details_a_target(ledger: Ledger, fig: Figure, clause: str) -> bool:
    """A part of a goal is a goal too: "giao chỉ tiêu thu ngân sách 399.125 tỷ đồng, …, trong đó thu nội
    địa là 272.325 tỷ đồng"."""
    if _RESULT_CUE.search(clause):
        return False
    for other in ledger.figures:
        if other.start >= fig.start:
            break
        if other.sentence_index == fig.sentence_index and other.target and other.kind == fig.kind:
            return _DETAIL.search(ledger.text[other.end : fig.start]) is not None
    return False


def _refine_basis(ledger: Ledger, fig: Figure, clause: str, tail: str) -> None:
    """Bases the comparison words right after a figure do not show on their own."""
    year = re.fullmatch(r"vs ((?:19|20)\d{2})", fig.basis or "")
    period_years = re.findall(r"(?:19|20)\d{2}", fig.period or "")
    if year and period_years and int(period_years[-1]) == int(year.group(1)) + 1:
        fig.basis = "vs previous year"
    if fig.unit == "times" and _TIMES.search(clause):
        fig.basis = fig.basis or "ratio"
        return
    if fig.kind.value != "percent":
        return
    changed = _change_in_brackets(ledger, fig)
    if changed is not None and fig.cue is None:
        fig.cue = changed  # 'tăng 18 vụ (13,7%) so với cùng kỳ': the change in percent, not a level
    if _PREV_MONTH.search(ledger.text[fig.end : fig.end + 30]):
        fig.basis = "vs previous month"
        return
    explicit = _EXPLICIT_BASE.search(clause)
    if fig.basis is None and fig.cue in ("reach", "equal") and explicit and _RATE_AT_END.search(tail):
        # 'tổng thu NSNN so với dự toán là 175.785 tỷ đồng đạt tỷ lệ 103,8%'
        fig.basis = _EXPLICIT_BASES[explicit.group(1).lower()]
        return
    if fig.basis is None and fig.cue in (None, "reach", "equal"):
        if _SHARE_CONTEXT.search(tail) or _WHOLE_AFTER.match(ledger.text, fig.end):
            fig.basis = "of total"
        elif (_GROWTH_CONTEXT.search(clause) and not _RATE_IN.search(clause)) or (
            _GROWTH_HEADER.search(_sentence_header(ledger, fig))
        ):
            fig.cue = "increase"


_GROWTH_HEADER = re.compile(_any("growth_header"), re.IGNORECASE)
_WHOLE_AFTER = re.compile(rf"\s(?:{_any('whole_after')})\b", re.IGNORECASE)
"""A percentage followed at once by an amount, an area or a volume is a share of it ('hỗ trợ 50% thuế thu nhập',
'46% diện tích đất', '75% khối lượng'); one followed by people ('70% số dân') is a rate, a level."""


def _change_in_brackets(ledger: Ledger, fig: Figure) -> str | None:
    """The cue of a change in a count that a bracket right after it gives in percent ('tăng 18 vụ (13,7%)')."""
    opening = ledger.text.rfind("(", max(0, fig.start - 3), fig.start)
    if opening < 0 or ledger.text[opening + 1 : fig.start].strip():
        return None
    before = next((f for f in ledger.figures if 0 <= opening - f.end <= 1), None)
    changes = ("increase", "decrease")
    return before.cue if before is not None and before.kind.value == "count" and before.cue in changes else None


def share_of_what_follows(fig: Figure, tail: str, after: str) -> bool:
    """Whether a percentage is a share only by the amount, area or volume written right after it (``after``: the
    text after the figure), no share word before it (``tail``): its subject may then be the part, never the whole
    ('Share of vehicles' for '100% phí')."""
    return fig.kind.value == "percent" and not _SHARE_CONTEXT.search(tail) and _WHOLE_AFTER.match(after) is not None


def _sentence_header(ledger: Ledger, fig: Figure) -> str:
    """What a colon in the figure's sentence announces ("Giá trị gia tăng các ngành: công nghiệp …")."""
    sent = ledger.sentence_of(fig)
    before = ledger.text[sent.start : fig.start]
    colon = before.find(":")
    return before[:colon] if colon >= 0 else ""


def mark_target(ledger: Ledger, fig: Figure, clause: str, tail: str) -> None:
    """Whether the figure is a target (a goal word, a later year, a detail of a goal) and its basis, refined from
    the words of its clause (``tail``: the clause's last part, up to the figure)."""
    fig.target = _is_target(ledger, fig, clause) or _details_a_target(ledger, fig, clause)
    _refine_basis(ledger, fig, clause, tail)
    part = _PART_OF_YEAR.match(fig.period or "")
    said = part is not None and part.group(0).startswith("last") and _names_the_last_months(ledger, fig)
    if fig.target and part and find_period(clause) is None and not said:
        fig.period = part.group(1)  # a goal is the year's: 'kế hoạch 12,5-13%' in a report on the first half


_PART_OF_YEAR = re.compile(r"(?:first|last) \d{1,2} months of ((?:19|20)\d{2})")


def _names_the_last_months(ledger: Ledger, fig: Figure) -> bool:
    """'… thì 4 tháng còn lại phải tăng trưởng trên 9%': a goal for the last months its own sentence names is theirs
    (stop 42, seen report 07), where one for the year after a sentence on the last six months is the year's (report
    33)."""
    said = find_period(ledger.text[ledger.sentence_of(fig).start : fig.start]) or ""
    return said.startswith("last ")

"""The words right around a number that say what kind of figure it is: the verb before it (cue), how exact it is
(qualifier) and what it is measured against (basis)."""

from __future__ import annotations

import re

__all__ = ["detect_basis", "detect_cue", "detect_qualifier"]

_CUE_PATTERNS: list[tuple[str, str]] = [
    (r"tăng(?: thêm| được)?(?: khoảng| gần| hơn| trên)?$", "increase"),
    (r"giảm(?: thêm| được)?(?: khoảng| gần| hơn| trên)?$", "decrease"),
    (r"vượt(?: khoảng| gần| hơn| trên)?$", "exceed"),
    (
        r"(?:đạt|đạt được|ước đạt|đạt tỷ lệ|đạt tỉ lệ|ước thực hiện|thực hiện|hoàn thành)(?: khoảng| gần| hơn| trên)?$",
        "reach",
    ),
    (r"bằng(?: khoảng| gần| hơn| trên)?$", "equal"),
    (r"chiếm(?: khoảng| gần| hơn| trên)?$", "share"),
    (r"(?:lên|lên mức)$", "rise_to"),
    (r"(?:xuống|xuống còn|còn)$", "fall_to"),
]

_QUALIFIERS = {
    "hơn": "more than",
    "trên": "over",
    "gần": "nearly",
    "khoảng": "about",
    "dưới": "under",
    "xấp xỉ": "approximately",
    "ước": "estimated",
    "ước đạt": "estimated",
    "ước thực hiện": "estimated",
}

_BASIS_PATTERNS: list[tuple[str, str]] = [
    (r"^\W*(?:so (?:với )?)?cùng kỳ", "vs same period last year"),
    (r"^\W*so với (?:năm )?((?:19|20)\d{2})", "vs {0}"),
    (r"^\W*(?:so với )?(?:cùng thời điểm|năm trước|năm ngoái)", "vs previous year"),
    (r"^\W*(?:so với )?(?:kế hoạch|kh\b)", "of plan"),
    (r"^\W*(?:so với )?dự toán", "of budget estimate"),
    (r"^\W*(?:so với )?(?:chỉ tiêu|mục tiêu)", "of target"),
    (r"^\W*(?:tổng|trong tổng)", "of total"),
    (r"^\W*(?:số dư)", "of balance"),
]


_CUE_REGEXES = [(re.compile(r"(?:^|[\s(,;:])" + pattern), cue) for pattern, cue in _CUE_PATTERNS]


def detect_cue(before: str) -> str | None:
    """The verb just before a number that says what it is ('tăng' an increase, 'đạt' a level reached)."""
    before = before.rstrip()
    for regex, cue in _CUE_REGEXES:
        if regex.search(before):
            return cue
    return None


def detect_qualifier(before: str) -> str | None:
    """How exact the number is, from the word just before it ('hơn' more than, 'ước' estimated)."""
    tail = " ".join(before.rstrip().rsplit(" ", 3)[-3:])  # 'ước thực hiện' is three words
    for key in sorted(_QUALIFIERS, key=len, reverse=True):
        if tail.endswith(key) and (len(tail) == len(key) or not tail[-len(key) - 1].isalpha()):
            return _QUALIFIERS[key]
    return None


def detect_basis(after: str) -> str | None:
    """What a number is measured against, from the words right after it ('so với cùng kỳ', 'kế hoạch')."""
    after = re.split(r";|\.\s|\n", after, maxsplit=1)[0]
    for pattern, basis in _BASIS_PATTERNS:
        m = re.search(pattern, after)
        if m:
            return basis.format(*m.groups())
    return None

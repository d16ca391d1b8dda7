"""The words right around a number that say what kind of figure it is: the verb before it (cue), how exact it is
(qualifier) and what it is measured against (basis)."""

from __future__ import annotations

import re

from summarizer.tables import either, entries, fill, mapping, words

__all__ = ["detect_basis", "detect_cue", "detect_qualifier"]

_ABOUT = either(words("cues", "about"))
"""The approximators that may stand between a verb and its number ('tăng khoảng 12%')."""


def _cue_regexes() -> list[tuple[re.Pattern[str], str]]:
    """One regex per cue of ``data/cues.tsv``, in the order of each cue's first row: any of its verbs (an
    approximator after those that allow one) ending the words before a number."""
    verbs: dict[str, list[str]] = {}
    for verb, cue, then, *_ in entries("cues", "cue"):
        verbs.setdefault(cue, []).append(re.escape(verb) + (rf"(?: (?:{_ABOUT}))?" if then == "about" else ""))
    return [(re.compile(rf"(?:^|[\s(,;:])(?:{either(alts, escape=False)})$"), cue) for cue, alts in verbs.items()]


_CUE_REGEXES = _cue_regexes()
_QUALIFIERS = mapping("cues", "qualifier")
_BASIS_PATTERNS = [(rf"^\W*{pattern}", basis) for pattern, basis, *_ in entries("cues", "basis")]


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
            return fill(basis, m.groups())
    return None

"""Vietnamese typed in the legacy font encodings, TCVN3 (ABC, ``.VnTime``) and VNI Windows (``VNI-Times``), read
as Unicode.

Both put Vietnamese letters on the code points of Western letters, so a file, a Word run or a web page in them
reads as ``Thµnh phè`` (TCVN3) or ``Thaønh phoá`` (VNI) until converted. The tables follow the published layouts:
TCVN 5712:1993 (VN3, one byte per toned lower-case letter; capitals with a tone mark have no code of their own and
are typed in the upper-case ``.VnTimeH`` font) and VNI Windows (a base letter followed by a mark character).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

__all__ = ["LegacyEncoding", "detect_legacy", "from_legacy", "to_legacy"]

LegacyEncoding = Literal["tcvn3", "vni"]

_TONES = ["grave", "hook", "tilde", "acute", "dot"]
_TONED = {
    "a": "àảãáạ", "ă": "ằẳẵắặ", "â": "ầẩẫấậ", "e": "èẻẽéẹ", "ê": "ềểễếệ", "i": "ìỉĩíị",
    "o": "òỏõóọ", "ô": "ồổỗốộ", "ơ": "ờởỡớợ", "u": "ùủũúụ", "ư": "ừửữứự", "y": "ỳỷỹýỵ",
}  # fmt: skip
"""Each vowel with the five tone marks, in the order of ``_TONES``."""

# TCVN3: one byte per letter. Rows: the vowel's bytes in the order plain, grave, hook, tilde, acute, dot.
_TCVN3_ROWS = {
    "a": (0x61, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0x65, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0x69, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0x6F, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0x75, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0x79, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3_CAPITALS = {"Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7, "đ": 0xAE}

# VNI: a base letter and a mark. The marks after a lower-case base; capitals take the upper-case mark.
_VNI_TONE_MARKS = {"grave": "ø", "hook": "û", "tilde": "õ", "acute": "ù", "dot": "ï"}
_VNI_HAT_TONE_MARKS = {"grave": "à", "hook": "å", "tilde": "ã", "acute": "á", "dot": "ä"}
_VNI_BREVE_TONE_MARKS = {"grave": "è", "hook": "ú", "tilde": "ü", "acute": "é", "dot": "ë"}
_VNI_SINGLE = {"ơ": "ô", "ư": "ö", "đ": "ñ", "ì": "ì", "í": "í", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î"}


@lru_cache(maxsize=1)
def _tcvn3_table() -> dict[str, str]:
    """Unicode letter -> the TCVN3 character (the byte, as Latin-1)."""
    table: dict[str, str] = {}
    for vowel, row in _TCVN3_ROWS.items():
        forms = vowel + _TONED[vowel]
        for letter, code in zip(forms, row, strict=True):
            table[letter] = chr(code)
    for letter, code in _TCVN3_CAPITALS.items():
        table[letter] = chr(code)
    return table


@lru_cache(maxsize=1)
def _vni_table() -> dict[str, str]:
    """Unicode letter -> its VNI spelling (one or two Latin-1 characters), lower and upper case."""
    table: dict[str, str] = {}
    for vowel, toned in _TONED.items():
        if vowel in "âêô":
            base, marks, plain = vowel.replace("â", "a").replace("ê", "e").replace("ô", "o"), _VNI_HAT_TONE_MARKS, "â"
        elif vowel == "ă":
            base, marks, plain = "a", _VNI_BREVE_TONE_MARKS, "ê"
        elif vowel == "ơ":
            base, marks, plain = "ô", _VNI_TONE_MARKS, ""
        elif vowel == "ư":
            base, marks, plain = "ö", _VNI_TONE_MARKS, ""
        else:
            base, marks, plain = vowel, _VNI_TONE_MARKS, ""
        if plain:
            table[vowel] = base + plain
        for tone, letter in zip(_TONES, toned, strict=True):
            table[letter] = base + marks[tone]
    table.update(_VNI_SINGLE)
    for letter, spelled in list(table.items()):
        table[letter.upper()] = spelled.upper()
    return table


@lru_cache(maxsize=2)
def _reverse(encoding: LegacyEncoding) -> tuple[dict[str, str], re.Pattern[str]]:
    table = _tcvn3_table() if encoding == "tcvn3" else _vni_table()
    reverse: dict[str, str] = {}
    for letter, spelled in table.items():
        if spelled == letter:
            continue
        reverse.setdefault(spelled, letter)
        if encoding == "vni" and len(spelled) == 2 and spelled[0].isupper():
            reverse.setdefault(spelled[0] + spelled[1].lower(), letter)  # a capital typed with the lower-case mark
    keys = sorted(reverse, key=len, reverse=True)
    return reverse, re.compile("|".join(re.escape(k) for k in keys))


_LOWER_TONED = re.compile(r"[àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]")
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?:;]\s)|(?<=\n)|(?<=[.!?]\s\s))")


def _restore_capitals(text: str) -> str:
    """TCVN3 has no code for a capital with a tone mark (``Ủ``, ``Ả``): such letters come out lower-case. Put back
    those that are certain: in a word written in capitals (``ĐẢNG``) and at the start of a sentence or line."""
    chars = list(text)
    for m in _LOWER_TONED.finditer(text):
        i = m.start()
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        before = text[i - 2] if i > 1 else ""
        after = text[i + 2] if i + 2 < len(text) else ""
        in_capitals = (prev.isupper() and (nxt.isupper() or before.isupper())) or (
            not prev.isalpha() and nxt.isupper() and after.isupper()
        )
        starts_sentence = not prev.isalpha() and (i == 0 or _at_sentence_start(text, i))
        if in_capitals or starts_sentence:
            chars[i] = chars[i].upper()
    return _capital_runs("".join(chars))


_WORDS = re.compile(r"[^\W\d_]+")


def _capital_runs(text: str) -> str:
    """A word between words in capitals, in the same sentence ('ĐẢNG Bộ QUẬN'), is in capitals too."""
    words = list(_WORDS.finditer(text))
    chars = list(text)
    for k, m in enumerate(words):
        w = m.group(0)
        if w.isupper() or not w[0].isupper() or not _LOWER_TONED.search(w):
            continue
        before = words[k - 1].group(0) if k > 0 and _same_sentence(text, words[k - 1].end(), m.start()) else ""
        after = (
            words[k + 1].group(0) if k + 1 < len(words) and _same_sentence(text, m.end(), words[k + 1].start()) else ""
        )
        neighbours = [x for x in (before, after) if x]
        if neighbours and all(x.isupper() and len(x) > 1 for x in neighbours):
            chars[m.start() : m.end()] = w.upper()
    return "".join(chars)


def _at_sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"'“(":
        j -= 1
    return j < 0 or text[j] in ".!?\n"


def from_legacy(text: str, encoding: LegacyEncoding) -> str:
    """Unicode from text typed in a legacy encoding (its characters as Latin-1 / Windows-1252 read them)."""
    reverse, pattern = _reverse(encoding)
    out = pattern.sub(lambda m: reverse[m.group(0)], text)
    return _restore_capitals(out) if encoding == "tcvn3" else out


def to_legacy(text: str, encoding: LegacyEncoding) -> str:
    """The same text as a legacy-font document holds it (for tests and fixtures). In TCVN3 a capital with a tone
    mark is written with the lower-case code, as the ``.VnTimeH`` font does."""
    table = _tcvn3_table() if encoding == "tcvn3" else _vni_table()
    out = []
    for ch in text:
        spelled = table.get(ch)
        if spelled is None and encoding == "tcvn3" and not ch.isascii() and ch.isupper() and ch.lower() in table:
            spelled = table[ch.lower()]
        out.append(spelled if spelled is not None else ch)
    return "".join(out)


_COMMON = frozenset(
    (
        "của",
        "và",
        "các",
        "năm",
        "được",
        "đồng",
        "người",
        "trong",
        "với",
        "đã",
        "có",
        "là",
        "những",
        "tỷ",
        "tăng",
        "cho",
        "theo",
        "này",
        "một",
        "để",
        "đạt",
        "thực",
        "hiện",
        "kinh",
        "tế",
        "xã",
        "hội",
        "nhân",
        "dân",
        "quận",
        "huyện",
        "phường",
        "thành",
        "phố",
        "ủy",
        "ban",
    )
)
_WORD = re.compile(r"[^\W\d_]+")


_SAMPLE = 20000
"""How much of a text decides its encoding (every read of a text file asks)."""


def vietnamese_score(text: str) -> float:
    """Share of the words that are among the commonest Vietnamese words: near 0 for text read in the wrong
    encoding, 0.2–0.4 for a real report."""
    words = _WORD.findall(text[:_SAMPLE].lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in _COMMON) / len(words)


def detect_legacy(text: str) -> LegacyEncoding | None:
    """The legacy encoding ``text`` is typed in, when converting by it gives clearly Vietnamese text and the text as
    it stands does not read as Vietnamese; else None."""
    sample = text[:_SAMPLE]
    here = vietnamese_score(sample)
    scores: dict[LegacyEncoding, float] = {e: vietnamese_score(from_legacy(sample, e)) for e in ("tcvn3", "vni")}
    encoding = max(scores, key=lambda e: scores[e])
    score = scores[encoding]
    return encoding if score >= 0.05 and score > 2 * here else None


def _same_sentence(text: str, start: int, end: int) -> bool:
    return not re.search(r"[.!?:;\n]", text[start:end])

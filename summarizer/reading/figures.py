"""Vietnamese figures as reports write them, parsed into a ledger of value, unit, scale and span.

Vietnamese uses ``.`` for thousands and ``,`` for decimals (``63.275 tỷ đồng``, ``12,86%``); reports
mix real indicators with years, dates, ordinals and document codes that look like numbers. Every
figure that may reach a briefing comes from this ledger, so its values are computed by code.
"""

from __future__ import annotations

import re

from summarizer.reading.cues import detect_basis, detect_cue, detect_qualifier
from summarizer.reading.groups import group_figures
from summarizer.reading.ledger_types import INDICATOR_KINDS, Figure, FigureKind, Ledger
from summarizer.reading.notation import NumberReader
from summarizer.reading.sentences import split_sentences
from summarizer.reading.units import (
    COUNT_UNITS,
    CURRENCIES,
    DOC_TYPES,
    DURATION_UNITS,
    NUMBER_WORDS,
    PERCENT_WORDS,
    QUANTITY_UNITS,
    SCALE_ONLY_NUMBERS,
    SCALE_WORDS,
)
from summarizer.tables import either, mapping, words

__all__ = [
    "INDICATOR_KINDS",
    "Figure",
    "FigureKind",
    "Ledger",
    "read_figures",
]

# A number token is the whole run of digits and separators; which separator is which is decided per
# document (see ``NumberReader``), never by cutting the run into fragments.
_NUM = r"\d+(?:[.,]\d+)*"

_FOLLOWING_WORDS = "|".join(re.escape(w) for w in sorted({*SCALE_WORDS, *COUNT_UNITS}, key=len, reverse=True))
_SCALE_WORDS = "|".join(re.escape(w) for w in sorted(SCALE_WORDS, key=len, reverse=True))
_COUNTING_WORDS = "|".join(w for w in NUMBER_WORDS if w not in SCALE_ONLY_NUMBERS)
_SCALE_ONLY = either(SCALE_ONLY_NUMBERS)
"""What a number word must be followed by to be read as a number (``NUMBER_WORDS``): a scale word, or for all
but 'một' ('a') and 'năm' (also 'year', the commonest word of a report: ``SCALE_ONLY_NUMBERS``) a counted noun as
well."""

_MASTER = re.compile(
    rf"""
    (?P<doc>\d+(?:/\d{{2,4}})?\s?[-/]\s?[A-ZĐ]{{1,6}}(?:\s?[-/]\s?[A-ZĐ][A-Za-zĐđ]{{0,5}})*(?![\w]))
    |(?P<time>\d{{1,2}}h(?:\d{{2}})?(?![\w])|(?<![\d:])[0-2]?\d:[0-5]\d(?::[0-5]\d)?(?![\d:]))
    |(?P<yrange>(?:19|20)\d{{2}}\s?[-–—]\s?(?:19|20)\d{{2}}(?![\d]))
    |(?P<date3>\d{{1,2}}[/-]\d{{1,2}}[/-](?:19|20)\d{{2}}(?!\d))
    |(?P<slash>(?:{_NUM})/(?:{_NUM}))
    |(?P<dash>\d{{1,2}}-\d{{1,2}}(?:/\d{{1,2}})?(?![\d%]|[,.]\d))
    |(?P<yearcomma>(?<=[Nn]ăm\s)(?:19|20)\d{{2}}(?=,\d))
    |(?P<num>(?:{_NUM})(?:\s?[-–]\s?(?:{_NUM}))?)
    |(?P<word>(?<!\w)(?:(?i:{_SCALE_ONLY})(?=\s+(?i:{_SCALE_WORDS})(?!\w))|(?i:{_COUNTING_WORDS})(?=\s+(?i:{_FOLLOWING_WORDS})(?!\w))))
    """,
    re.VERBOSE,
)

_BEFORE_NUM = re.compile(r"[\w.,/]$")


def _lower_after(text: str, pos: int, n: int = 40) -> str:
    return text[pos : pos + n].lower()


def _lower_before(text: str, pos: int, n: int = 40) -> str:
    return text[max(0, pos - n) : pos].lower()


def _match_prefix(options: dict[str, str], following: str) -> tuple[str, str] | None:
    """Longest key of ``options`` that ``following`` starts with, as a whole word."""
    for key in sorted(options, key=len, reverse=True):
        if following.startswith(key):
            rest = following[len(key) : len(key) + 1]
            if not rest or not (rest.isalnum()):
                return key, options[key]
    return None


def _ends_with(kind: str, prefix: str = "") -> re.Pattern[str]:
    """One of the words of ``kind`` in ``data/number_contexts.tsv`` ends the text (trailing spaces allowed)."""
    return re.compile(rf"{prefix}(?:{either(words('number_contexts', kind))})\s*$")


_DOC_BEFORE = re.compile(rf"(?:{DOC_TYPES})(?: (?:{either(words('number_contexts', 'doc_number'))}))?\s*$")
_MAP_SCALE_BEFORE = _ends_with("map_scale")
_SLASH_DATE_BEFORE = _ends_with("slash_date")
_ACHIEVED_BEFORE = _ends_with("slash_achieved")
_DASH_DATE_BEFORE = _ends_with("dash_date")
_ORDINAL_BEFORE = _ends_with("ordinal")
_ORDINAL_ROLES = mapping("number_contexts", "ordinal")
_NOT_ORDINAL_BEFORE = _ends_with("not_ordinal")
_YEAR_BEFORE = _ends_with("year")
_DATE_BEFORE = _ends_with("date")
_DATE_AFTER = re.compile(rf"(?:{either(words('number_contexts', 'date_after'))})\s+(?:19|20)\d{{2}}")


def _classify_slash(
    text: str, m: re.Match[str], left: str, right: str, reader: NumberReader
) -> tuple[FigureKind, str | None, str | None]:
    before = _lower_before(text, m.start(), 25)
    after = _lower_after(text, m.end(), 30).lstrip()
    unit_match = _match_prefix(COUNT_UNITS, after)
    if _MAP_SCALE_BEFORE.search(before) and left == "1":
        return FigureKind.MAP_SCALE, None, None
    if left == "1" and right in {"200", "500", "1.000", "2.000", "5.000", "10.000", "2000", "5000"}:
        return FigureKind.MAP_SCALE, None, None
    if unit_match:
        return FigureKind.RATIO, unit_match[0], unit_match[1]
    if _SLASH_DATE_BEFORE.search(before):
        return FigureKind.DATE, None, None
    if re.fullmatch(r"\d{1,2}", left) and re.fullmatch(r"(?:19|20)\d{2}", right):
        return FigureKind.DATE, None, None
    (lv, lv_doubt), (rv, rv_doubt) = reader.read(left), reader.read(right)
    if lv_doubt or rv_doubt:
        return FigureKind.DOC_CODE, None, None
    if rv in (0,):
        return FigureKind.DOC_CODE, None, None
    if lv <= rv and (rv > 12 or _ACHIEVED_BEFORE.search(before)):
        return FigureKind.RATIO, None, None
    if 1 <= lv <= 31 and 1 <= rv <= 12:
        return FigureKind.DATE, None, None
    return FigureKind.RATIO, None, None


def read_figures(text: str) -> Ledger:
    """Find and classify every figure in ``text`` (already normalized) in one pass; periods are added by
    ``periods.assign_periods`` and what each figure means by ``meaning.annotate`` (``ledger.build_ledger`` does
    all three)."""
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    reader = NumberReader.for_text(text)
    figures: list[Figure] = []
    for m in _MASTER.finditer(text):
        if m.start() > 0 and _BEFORE_NUM.search(text[m.start() - 1]):
            prev = text[m.start() - 1]
            if prev.isalpha() or prev in "/":
                continue
        fig = _figure_from_match(text, m, reader)
        if fig is None:
            continue
        fig.sentence_index = _sentence_index(starts, fig.start)
        figures.append(fig)
    figures = group_figures(text, figures)
    for i, fig in enumerate(figures, start=1):
        fig.id = f"F{i}"
    return Ledger(text=text, figures=figures, sentences=sentences, convention=reader.convention)


def _sentence_index(starts: list[int], pos: int) -> int:
    lo, hi = 0, len(starts) - 1
    idx = 0
    while lo <= hi:
        mid = (lo + hi) // 2
        if starts[mid] <= pos:
            idx = mid
            lo = mid + 1
        else:
            hi = mid - 1
    return idx


def _figure_from_match(text: str, m: re.Match[str], reader: NumberReader) -> Figure | None:
    kind_group = m.lastgroup
    raw = m.group()
    start, end = m.start(), m.end()
    if kind_group == "doc":
        return Figure("", raw, start, end, FigureKind.DOC_CODE, _leading_int(raw))
    if kind_group == "yearcomma":
        return Figure("", raw, start, end, FigureKind.YEAR, float(raw))
    if kind_group == "time":
        return Figure("", raw, start, end, FigureKind.TIME, _leading_int(raw))
    if kind_group == "yrange":
        years = re.findall(r"\d{4}", raw)
        return Figure("", raw, start, end, FigureKind.YEAR_RANGE, float(years[0]), high=float(years[-1]))
    if kind_group == "date3":
        return Figure("", raw, start, end, FigureKind.DATE, _leading_int(raw))
    if kind_group == "dash":
        before = _lower_before(text, start, 12)
        if _DASH_DATE_BEFORE.search(before) or "/" in raw:
            return Figure("", raw, start, end, FigureKind.DATE, _leading_int(raw))
        ranged = _number_figure(text, m, raw, start, end, reader)  # '(cao 5-8 m)': a range when a unit follows
        if ranged is not None and (ranged.unit is not None or ranged.scale is not None):
            return ranged
        return _number_figure(text, m, raw.split("-")[0].strip(), start, end, reader)
    if kind_group == "word":
        return _word_figure(text, m)
    if kind_group == "slash":
        left, right = raw.split("/", 1)
        kind, unit_vi, unit = _classify_slash(text, m, left, right, reader)
        fig = Figure("", raw, start, end, kind, reader.read(left)[0])
        if kind == FigureKind.RATIO:
            fig.denominator = reader.read(right)[0]
            fig.unit_vi, fig.unit = unit_vi, unit
            if unit_vi:
                fig.text = text[start : end + 1 + len(unit_vi)].rstrip() if text[end : end + 1] == " " else raw
                fig.end = start + len(fig.text)
            before = text[max(0, start - 40) : start]
            fig.cue = detect_cue(before.lower())
        return fig
    return _number_figure(text, m, raw, start, end, reader)


def _word_figure(text: str, m: re.Match[str]) -> Figure | None:
    """'tám dự án', 'một tỷ đồng': a number word is a figure before a scale or a counted noun; 'một' and 'năm'
    only before a scale ('một dự án' is 'a project', 'năm hộ' may be 'the year the households …')."""
    raw, start, end = m.group(), m.start(), m.end()
    value = float(NUMBER_WORDS[raw.lower()])
    before40 = _lower_before(text, start, 40)
    measured = _measure_after(raw, start, end, value, text[end : end + 40].lower(), before40, True)
    if isinstance(measured, Figure):
        return None
    kind, scale, unit, unit_vi, consumed = measured
    if unit is None or (scale is None and raw.lower() in SCALE_ONLY_NUMBERS):
        return None
    fig = Figure("", text[start : end + consumed], start, end + consumed, kind, value, scale=scale, unit=unit)
    fig.unit_vi = unit_vi
    _cue_and_basis(fig, before40, text[end + consumed : end + consumed + 45].lower())
    return fig


def _leading_int(raw: str) -> float:
    digits = re.match(r"\d+", raw)
    return float(digits.group()) if digits else 0.0


_ROAD_BEFORE = _ends_with("road", prefix=r"\b")
"""'quốc lộ 51', 'hương lộ 2', 'đường tỉnh 295': a road's number is its name, not a count."""

_TWO_WORDS_BEFORE = re.compile(r"(\w+)[ \t]+(\w+)[ \t]+$")


def _after_a_name(text: str, start: int) -> bool:
    """A bare number after a capitalised word that does not open its sentence is that name's number ('Công ty Cổ
    phần Thép Pomina 2', 'Khu công nghiệp Phú Mỹ 1'), not a count: Vietnamese puts a count before its noun. A
    count listed after a place's name with no noun ('Hà Nội 12, Huế 3') is lost to this; none of the 32 reports
    writes one."""
    words = _TWO_WORDS_BEFORE.search(text[max(0, start - 40) : start])
    return bool(words and words.group(2)[0].isupper() and not words.group(2).isdigit() and words.group(1).isalpha())


_RANGE_SPLIT = re.compile(r"\s?[-–]\s?")


def _ordinal_before(before: str) -> str | None:
    """The role of the ordinal word that ends ``before`` ('always': 'thứ'; 'bare': 'lần', 'số' but not 'dân số')."""
    m = _ORDINAL_BEFORE.search(before)
    if m is None or _NOT_ORDINAL_BEFORE.search(before):
        return None
    return _ORDINAL_ROLES[m.group().rstrip()]


def _number_figure(text: str, m: re.Match[str], raw: str, start: int, end: int, reader: NumberReader) -> Figure | None:
    """One number as a figure, in named steps: its value (a range's two ends), what the words before make it
    (ordinal, document code), its scale and unit after it (which also tell year, duration and date apart), then
    cue, qualifier and basis from the words around it."""
    parts = _RANGE_SPLIT.split(raw, maxsplit=1)
    high_tok = parts[1] if len(parts) == 2 else None
    value, doubt = reader.read(parts[0])
    high, high_doubt = reader.read(high_tok) if high_tok else (None, None)
    before40 = _lower_before(text, start, 40)
    ordinal = _ordinal_before(before40)
    if ordinal == "always" or _ROAD_BEFORE.search(before40):
        return Figure("", raw, start, end, FigureKind.ORDINAL, value)
    if _DOC_BEFORE.search(before40):
        return Figure("", raw, start, end, FigureKind.DOC_CODE, value)
    measured = _measure_after(raw, start, end, value, text[end : end + 40].lower(), before40, high_tok is None)
    if isinstance(measured, Figure):
        return measured
    kind, scale, unit, unit_vi, consumed = measured
    bare = kind == FigureKind.COUNT and high_tok is None and scale is None
    if bare and (ordinal is not None or (unit is None and _after_a_name(text, start))):
        return Figure("", raw, start, end, FigureKind.ORDINAL, value)
    full_end = end + consumed
    fig = Figure("", text[start:full_end], start, full_end, kind, value, scale=scale, unit=unit, unit_vi=unit_vi)
    fig.high = high
    fig.ambiguous = doubt or high_doubt
    _cue_and_basis(fig, before40, text[full_end : full_end + 45].lower())
    return fig


_Measure = tuple[FigureKind, int | None, str | None, str | None, int]
"""Kind, scale, unit, Vietnamese unit, and how many characters after the number they take."""


def _measure_after(
    raw: str, start: int, end: int, value: float, after_l: str, before40: str, single: bool
) -> _Measure | Figure:
    """Scale and unit from the words after the number ('63.275 tỷ đồng', '12%', '6.100 lao động'); a year, a
    duration or a date is returned as its own figure."""
    scale: int | None = None
    stripped = after_l.lstrip()
    pos = len(after_l) - len(stripped)
    scale_match = _match_prefix({k: k for k in SCALE_WORDS}, stripped)
    if scale_match:
        scale = SCALE_WORDS[scale_match[0]]
        pos += len(scale_match[0])
    rest = after_l[pos:]
    rest_stripped = rest.lstrip()
    gap = len(rest) - len(rest_stripped)
    consumed = pos if scale is not None else 0
    if rest_stripped.startswith("%") and gap <= 1:
        return FigureKind.PERCENT, scale, "%", None, pos + gap + 1
    for written, unit in PERCENT_WORDS.items():
        if rest_stripped.startswith(written):
            return FigureKind.PERCENT, scale, unit, None, pos + gap + len(written)
    if (cur := _match_prefix(CURRENCIES, rest_stripped)) is not None and not _counted_over(cur[0], rest_stripped):
        return FigureKind.MONEY, scale, cur[1], cur[0], pos + gap + len(cur[0])
    if (
        single
        and re.fullmatch(r"(?:19|20)\d{2}", raw)
        and scale is None
        and (
            _YEAR_BEFORE.search(before40) is not None
            or (
                _match_prefix(COUNT_UNITS, rest_stripped) is None
                and _match_prefix(QUANTITY_UNITS, rest_stripped) is None
            )
        )
    ):
        return Figure("", raw, start, end, FigureKind.YEAR, value)
    if (q := _match_prefix(QUANTITY_UNITS, rest_stripped)) is not None:
        return FigureKind.QUANTITY, scale, q[1], q[0], pos + gap + len(q[0])
    duration = _duration(raw, start, end, value, rest_stripped) if scale is None else None
    if duration is not None:
        return duration
    if _DATE_BEFORE.search(before40) and scale is None and value <= 31:
        return Figure("", raw, start, end, FigureKind.DATE, value)
    cnt = _match_prefix(COUNT_UNITS, rest_stripped)
    if cnt is not None:
        return FigureKind.COUNT, scale, cnt[1], cnt[0], pos + gap + len(cnt[0])
    return FigureKind.COUNT, scale, None, None, consumed


def _counted_over(currency: str, rest: str) -> bool:
    """The words after the number start with a counted noun that starts with the currency word: 'đồng chí'
    (comrades), not 'đồng' (dong)."""
    return any(key.startswith(currency + " ") and rest.startswith(key) for key in COUNT_UNITS)


_DURATION = re.compile(rf"(?:{'|'.join(DURATION_UNITS)})(?!\w)")


def _duration(raw: str, start: int, end: int, value: float, rest: str) -> Figure | None:
    """'5 năm', '9 tháng đầu năm', '3 ngày': a length of time, not a measure."""
    d = _DURATION.match(rest)
    if d is None or _DATE_AFTER.match(rest):
        return None
    return Figure("", raw, start, end, FigureKind.DURATION, value, unit=DURATION_UNITS[d.group()])


def _cue_and_basis(fig: Figure, before40: str, after45: str) -> None:
    """The verb before the figure (cue), a qualifier, and the basis written after it ('so với cùng kỳ')."""
    fig.cue = detect_cue(before40)
    fig.qualifier = detect_qualifier(before40)
    fig.basis = detect_basis(after45)
    if fig.basis and fig.cue in ("increase", "decrease", "exceed") and fig.basis.startswith("of "):
        fig.basis = "vs " + fig.basis.removeprefix("of ")
    if fig.kind == FigureKind.PERCENT and fig.basis is None and fig.cue == "share":
        fig.basis = "of total"

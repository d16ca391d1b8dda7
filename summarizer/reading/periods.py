"""Periods: the reporting period of each figure ("first 9 months of 2024"), the report's year and period, and
a term of office, read from the Vietnamese around the figure."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from summarizer.reading.figures import Figure, Ledger
from summarizer.reading.sentences import Sentence
from summarizer.tables import either, entries, fill, words

__all__ = ["TERM_YEARS", "assign_periods", "document_year", "find_period"]


def _word(kind: str) -> str:
    """The one word of ``kind`` in ``data/periods.tsv``, escaped for a regex."""
    return re.escape(words("periods", kind)[0])


def _any_case_initial(pattern: str) -> str:
    """'năm' -> '[Nn]ăm': the word with its first letter in either case."""
    return f"[{pattern[0].upper()}{pattern[0]}]{pattern[1:]}"


def assign_periods(ledger: Ledger) -> None:
    """The report's year and period, and the period of every indicator figure."""
    ledger.document_year = document_year(ledger.text, ledger.sentences)
    ledger.document_period = _with_year(_document_period(ledger.text, ledger.sentences), ledger.document_year)
    for fig in ledger.figures:
        if fig.is_indicator_kind:
            fig.period = _figure_period(ledger, fig)


_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_PERIOD_ROWS = entries("periods", "period")
_PERIOD_PATTERNS: list[tuple[re.Pattern[str], str]] = [(re.compile(row[0]), row[1]) for row in _PERIOD_ROWS]
"""The period expressions of ``data/periods.tsv`` and their English templates, in the order they are tried."""


_REPORTED_PATTERNS = [pt for pt, row in zip(_PERIOD_PATTERNS, _PERIOD_ROWS, strict=True) if row[2] == "reported"]
"""The periods a report reports on: all but a goal's horizon and a day a figure of one clause is counted to."""
_SPREAD_PATTERNS = [pt for pt, row in zip(_PERIOD_PATTERNS, _PERIOD_ROWS, strict=True) if row[2] != "own"]


@lru_cache(maxsize=8192)
def find_period(text: str, *, last: bool = False, horizons: bool = True, own: bool = False) -> str | None:
    """The first (or ``last``) reporting period named in ``text`` in English ("first 9 months of 2024"); a
    goal's horizon ("đến năm 2030": "by 2030") only with ``horizons``; a period of role 'own' ('Tính đến 31-10, …':
    a day the clause's figures are counted to, never spread to other sentences or the report) only with ``own``."""
    text = _WORD_MONTHS.sub(lambda m: f"{_MONTH_WORDS[m.group(1).lower()]} {_MONTH}", text)
    patterns = _PERIOD_PATTERNS if own else _SPREAD_PATTERNS if horizons else _REPORTED_PATTERNS
    found = [(m, template) for pattern, template in patterns for m in pattern.finditer(text)]
    # "6 tháng đầu năm 2017" also holds "năm 2017": a match inside a longer one is not a period of its own
    found = [(m, t) for m, t in found if not any(_inside(m, o) for o, _ in found)]
    found = [(m, t) for m, t in found if not _COMPARED.search(text, max(0, m.start() - 60), m.start())]
    found = [(m, t) for m, t in found if not _REFERENCE.search(text, max(0, m.start() - 20), m.start())]
    found = [(m, t) for m, t in found if _months_ok(m, t)]
    if not found:
        return None
    m, template = max(found, key=lambda f: f[0].start()) if last else min(found, key=lambda f: f[0].start())
    return fill(template, [str(_ROMAN.get(g, g)) for g in m.groups()])


def _months_ok(m: re.Match[str], template: str) -> bool:
    """'18 tháng' (a duration, a loan's term) is not 'the first 18 months': a count of months in a period is 1–12,
    and so is a month's number."""
    if "months" not in template and "month" not in template:
        return True
    months = [int(g) for g in m.groups() if g and g.isdigit() and len(g) <= 2]
    return all(1 <= k <= 12 for k in months)


_COMPARED = re.compile(
    rf"\b{_word('comparison')}\b(?:(?!\b(?:{either(words('periods', 'comparison_end'))})\b)[^,;:.()])*$", re.IGNORECASE
)
"""A year inside "so với kế hoạch … năm 2016" is the comparison's, not the figure's period."""


_REFERENCE = re.compile(rf"\b(?:{either(words('periods', 'reference_before'))})\s+$", re.IGNORECASE)
"""A period right after these is a point of reference ('cao nhất kể từ năm 2011'), not the figure's."""


def _inside(m: re.Match[str], other: re.Match[str]) -> bool:
    return other.start() <= m.start() and m.end() <= other.end() and other.end() - other.start() > m.end() - m.start()


_MONTH = words("periods", "month")[0]
_MONTH_WORDS = {word: int(number) for word, number in entries("periods", "month_count")}
_WORD_MONTHS = re.compile(rf"\b({either(_MONTH_WORDS)}) {re.escape(_MONTH)}\b", re.IGNORECASE)


def _with_year(period: str | None, year: int | None) -> str | None:
    """'first 7 months of the year' -> 'first 7 months of 2018' with the report's year."""
    if period is None or year is None:
        return period
    if period == "the year":
        return str(year)
    if period == "the previous year":
        return str(year - 1)
    return period.replace("the year", str(year))  # 'first 7 months of 2018', 'Tet 2024', 'Q4 2017'


_REPORTED_YEAR = re.compile(
    "".join(rf"(?<!{re.escape(w)} )" for w in words("periods", "horizon_before"))
    + rf"{_any_case_initial(_word('year'))} ((?:19|20)\d{{2}})(?![\d.,]\d)"
)
"""A year the text reports on; a horizon ('đến năm 2030', 'tầm nhìn năm 2030') is a goal's year, not the report's."""


_DATED_YEAR = re.compile(
    rf"(?:{_word('month')} \d{{1,2}}|[Qq]uý [IV1-4]+|(?<![\d/])\d{{1,2}}/\d{{1,2}})"
    r"\s?[-/]\s?((?:19|20)\d{2})(?![\d.,]\d)"
)
"""Where no year is written after 'năm', the years of dated months, quarters and days ('tháng 6/2019', 'quý I/2019',
'1/10/2019'): the report's year where one of them is written more often than any other, and at least twice."""


def _dated_year(text: str) -> list[str]:
    counts = Counter(_DATED_YEAR.findall(text)).most_common(2)
    if not counts or counts[0][1] < 2 or (len(counts) > 1 and counts[1][1] == counts[0][1]):
        return []
    return [counts[0][0]]


def document_year(text: str, sentences: list[Sentence]) -> int | None:
    """The report's year: the one year its title names, else the year its text names most, horizons aside."""
    title_years = re.findall(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,]\d)", sentences[0].text if sentences else "")
    if len(set(title_years)) == 1:
        return int(title_years[0])
    years = _REPORTED_YEAR.findall(text) or _dated_year(text)
    if not years:
        return int(title_years[-1]) if title_years else None
    counts: dict[str, int] = {}
    for y in years:
        counts[y] = counts.get(y, 0) + 1
    return int(max(counts, key=lambda y: (counts[y], y)))


def _document_period(text: str, sentences: list[Sentence]) -> str | None:
    """The period the report's opening names, else the one its sentences name most (the first of equals): one
    date told in passing deep in a story ('Tháng 7/2013, khi …') is not the whole story's period."""
    head = " ".join(s.text for s in sentences[:4])
    found = find_period(head, horizons=False)
    if found:
        return found
    periods = [p for p in (find_period(s.text, horizons=False) for s in sentences) if p]
    return Counter(periods).most_common(1)[0][0] if periods else None


TERM_YEARS = re.compile(rf"{_word('term')}\s+((?:19|20)\d{{2}})\s?[-–—]\s?((?:19|20)\d{{2}})", re.IGNORECASE)
"""A term of office, 'nhiệm kỳ 2020 - 2025': its first and last year."""


_PARTY_TERM = re.compile(rf"\b{_word('party_committee')}\b[^:]*$", re.IGNORECASE)


def _plan_period(header: str) -> str | None:
    """The period a list of goals covers: the header's period, else the term it names. A Party congress
    meets in the term's first year and its targets are the five-year plan that follows: the goals of
    "Đảng bộ … nhiệm kỳ 2015-2020" are for 2016–2020."""
    found = find_period(header)
    term = TERM_YEARS.search(header)
    if found or not term:
        return found
    first, last = int(term.group(1)), int(term.group(2))
    if last - first == 5 and _PARTY_TERM.search(header[: term.start()]):
        first += 1
    return f"{first}–{last}"


_YEAR_AFTER = re.compile(
    rf"\s?(?:{either(f'{w} ' for w in words('periods', 'year_after_link'))})?"
    rf"(?:{_word('year')} (?:19|20)\d{{2}}(?!\s?[-–]\s?\d)|{_word('this_year')})\b",
    re.IGNORECASE,
)
"""A year written right after the figure is its own ("từ gần 41% năm 2015 lên hơn 45% năm 2016")."""

_RANGE_AFTER = re.compile(
    rf"(?:/\s?{_word('year')})?\s?(?:{either(f'{w} ' for w in words('periods', 'year_after_link'))})?"
    rf"{_word('stage')} (?:19|20)\d{{2}}\s?[-–]\s?(?:19|20)\d{{2}}",
    re.IGNORECASE,
)
"""So is a stage written right after it: an average yearly growth "3,4%/năm giai đoạn 2010-2017" is of 2010–2017,
not of the "năm 2017" before it."""


_YEAR_JUST_BEFORE = re.compile(rf"{_any_case_initial(_word('year'))} (?:19|20)\d{{2}}\s?[:(]\s*$")
"""A year a colon or a bracket gives the figure is its own, even after a comparison word: 'thấp hơn năm 2018:
64,1%' is the 2018 level, 'thấp hơn cùng kỳ năm 2016 (6,5%)' the 2016 one."""


_SAME_PERIOD_YEAR = re.compile(
    rf"(?:{either(words('periods', 'same_period'))}) {_word('year')} ((?:19|20)\d{{2}})\s?[:(]\s*$", re.IGNORECASE
)
"""'thấp hơn cùng kỳ năm 2016 (6,5%)': the report's span of months in that year, 'first 6 months of 2016'."""


def _same_span(document: str | None, year: str) -> str | None:
    """The report's period moved to ``year`` where it is a span of months ('first 6 months of 2017' -> 'first 6
    months of 2016'); else None (the year alone is read as before)."""
    m = re.fullmatch(r"((?:first|last) \d{1,2} months of )(?:19|20)\d{2}", document or "")
    return f"{m.group(1)}{year}" if m else None


_CONTINUES = re.compile(rf"\W*(?:{either(words('periods', 'continues'))})\b", re.IGNORECASE)
"""A sentence that details the one before it ("Trong đó, khoản thu …") shares its period."""


_PARTS = re.compile(rf"\b(?:{either(words('periods', 'parts'))})\b", re.IGNORECASE)
"""After the figure, what it is made of: a year there is a part's ("… là 1.291.342 tỷ đồng, bao gồm cả số thu
chuyển nguồn từ năm 2014 chuyển sang năm 2015"), not the figure's."""


def _without_parts(text: str, start: int, end: int, after: int) -> str:
    """``text[start:end]`` up to the first ``_PARTS`` phrase at or after ``after``."""
    parts = _PARTS.search(text, after, end)
    return text[start : parts.start() if parts else end]


def _figure_period(ledger: Ledger, fig: Figure) -> str | None:
    """The period nearest before the figure in its sentence, else the sentence's, else the paragraph's or
    the document's; a period without a year takes the report's year."""
    sent = ledger.sentence_of(fig)
    before = ledger.text[sent.start : fig.start]
    header = ledger.list_header(fig)
    own = (
        _YEAR_AFTER.match(ledger.text, fig.end)
        or _RANGE_AFTER.match(ledger.text, fig.end)
        or _YEAR_JUST_BEFORE.search(ledger.text, max(sent.start, fig.start - 20), fig.start)
    )
    same = _SAME_PERIOD_YEAR.search(ledger.text, max(sent.start, fig.start - 40), fig.start)
    found = (
        (same and _same_span(ledger.document_period, same.group(1)))
        or (own and find_period(own.group()))
        or find_period(before, last=True, own=True)
        or find_period(_without_parts(ledger.text, sent.start, sent.end, fig.end))
        or (header and _plan_period(header.text))
    )
    if not found:
        for prev in reversed(ledger.sentences[max(0, fig.sentence_index - 2) : fig.sentence_index]):
            if (
                prev.paragraph != sent.paragraph
                and not _CONTINUES.match(sent.text)
                and (prev.paragraph != sent.paragraph - 1 or prev is not ledger.sentences[fig.sentence_index - 1])
            ):
                break
            found = find_period(_without_parts(prev.text, 0, len(prev.text), 0))
            if found:
                break
    if found and found.startswith("year to date"):
        # 'Từ đầu năm 2018' in a report on the first 2 months of 2018: the report's period
        year = found.removeprefix("year to date ")
        doc = ledger.document_period or ""
        found = doc if doc.startswith("first") and doc.endswith(year) else year
    if found == "the previous year" and ledger.document_year and str(ledger.document_year - 1) not in ledger.text:
        return found  # 'năm ngoái' in a report that never writes that year: a year the prose would invent
    return _with_year(found, ledger.document_year) if found else ledger.document_period

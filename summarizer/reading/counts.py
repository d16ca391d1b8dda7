"""What the words next to a count say of it and of the amount after it: the verb that acted on what it counts
('Đã giải quyết 412/425 đơn thư' -> petitions resolved) and what an amount after 'kinh phí', 'trị giá' … cost
('xây dựng 35 nhà đại đoàn kết … với kinh phí 1,75 tỷ đồng' -> funding for great-solidarity houses)."""

from __future__ import annotations

import re

from summarizer.reading.basis import Basis
from summarizer.reading.glossary import chunk, phrase_after, verb_right_before
from summarizer.reading.heads import head_of, load_heads, names_money, names_things_counted
from summarizer.reading.ledger_types import Figure
from summarizer.reading.terminology import Term, is_generic_name, normalize_vi
from summarizer.tables import either, mapping, words

__all__ = ["cost_of_count", "per_unit", "share_of", "share_of_things_counted", "what_was_done_to_it"]

_ABOUT = either(words("cues", "about"))
_COSTS = {normalize_vi(vi): en for vi, en in mapping("meaning", "cost_of").items()}
_COST_LAST = re.compile(
    rf"(?<!\w)(?P<word>{either(sorted(_COSTS, key=len, reverse=True))})\s*(?:là\s*)?(?:(?:{_ABOUT})\s*)?$",
    re.IGNORECASE,
)


def cost_of_count(fig: Figure, previous: Figure | None, tail: str) -> None:
    """An amount after 'kinh phí', 'trị giá' … that follows a count in its sentence is what that count cost
    ('xây dựng 35 nhà đại đoàn kết cho hộ nghèo với kinh phí 1,75 tỷ đồng' -> 'funding for great-solidarity
    houses'), unless its own words already name it money."""
    if fig.kind.value != "money" or previous is None or previous.kind.value not in ("count", "ratio"):
        return
    if previous.sentence_index != fig.sentence_index or previous.subject is None or previous.subject_en is None:
        return
    if previous.label is None or previous.unit in ("km", None):
        return  # 'con đường đất dài hơn 1,5 km …, tổng kinh phí khoảng 70 triệu đồng': a length costs nothing
    m = _COST_LAST.search(normalize_vi(tail))
    own = fig.subject_en is not None and fig.subject != previous.subject and names_money(fig.subject_en)
    if m is None or own:
        return
    fig.subject = f"{m.group('word')} {previous.subject}"
    fig.subject_en = f"{_COSTS[m.group('word')]} {previous.subject_en}"


def what_was_done_to_it(fig: Figure, tail: str, after: str) -> None:
    """A count named by its counted noun alone takes the verb that acts on it ('Đã giải quyết 412/425 đơn thư' ->
    'petitions resolved'; ``glossary.verb_right_before``), after every other pass has had its say; not where words
    after the noun say what they are ('phát hiện 6 hộ vay sử dụng vốn sai mục đích': not households detected)."""
    if fig.kind.value not in ("count", "ratio") or fig.subject is None or not fig.subject_en:
        return
    subject, unit = normalize_vi(fig.subject), normalize_vi(fig.unit_vi or "#")
    said = normalize_vi(after)
    extra = subject[len(unit) + 1 :] if subject.startswith(f"{unit} ") else ""
    nouns = bool(extra) and said.startswith(extra) and all(c.role in ("noun", "mod") for c in chunk(extra))
    if subject != unit and not nouns:
        return  # the counted noun, or the nouns written right after the count ('5.000 căn hộ nhà ở xã hội')
    following = chunk(said[len(subject) - len(unit) :][:40])
    ends = ("stop", "mark", "number") if subject == unit else ("mark", "number")
    alone = not following or following[0].role in ends or following[0].vi == "và"
    acted = verb_right_before(tail) if alone else None
    if acted is not None and fig.subject_en is not None and acted not in fig.subject_en:
        fig.subject_en = f"{fig.subject_en} {acted}"


_RATE_LAST = re.compile(rf"(?:{either(words('meaning', 'rate_word'))})\s*(?:là|đạt|ở mức)?\s*(?:{_ABOUT})?\s*$", re.I)


def share_of_things_counted(fig: Figure, subject: str, tail: str, after: str, basis: str) -> str:
    """A percentage of things counted is their share (a goal for it too): right after 'tỷ lệ' ('Toàn huyện có 98
    trường đạt chuẩn quốc gia, đạt tỷ lệ 85,2%' -> share of schools meeting national standards) or right before them
    ('98% hộ gia đình đạt danh hiệu gia đình văn hóa' -> share of families recognised as cultured families)."""
    if (
        fig.kind.value != "percent"
        or basis not in (Basis.LEVEL.value, Basis.TARGET.value)
        or not names_things_counted(subject)
    ):
        return subject
    if is_generic_name(subject):
        return subject  # '32,4% doanh nghiệp có dưới 50 nhân viên': not 'Share of enterprises'
    them, words_after = normalize_vi(fig.subject or "#"), normalize_vi(after)
    at = words_after.find(them)
    rest = chunk(words_after[at + len(them) :][:40]) if 0 <= at <= 4 else None
    # all of them said: not '50% hộ nghèo cần tiếp cận nguồn vốn' (the poor who need capital)
    before_them = rest is not None and (not rest or rest[0].role in ("mark", "number"))
    return f"share of {subject}" if _RATE_LAST.search(tail) is not None or before_them else subject


_PER_UNITS = {normalize_vi(vi): en for vi, en in mapping("meaning", "per_unit").items()}
_PER_UNIT = either(sorted(_PER_UNITS, key=len, reverse=True))
_PER_AFTER = re.compile(rf"^\s*(?:/\s*|(?:một|mỗi)\s+)({_PER_UNIT})(?!\w)", re.IGNORECASE)
_TIMES = frozenset({"day", "week", "month", "quarter", "year"})
_AVERAGE = either(words("meaning", "change_average"))
_CHANGED_BEFORE = re.compile(rf"\b(?:{either(mapping('meaning', 'change'))})(?: (?:{_AVERAGE}))?\b[^,;.]{{0,12}}$")
_CHANGE_COMPOUNDS = re.compile(rf"\b(?:{either(words('meaning', 'change_compound'))})\b")
_PER_BEFORE = re.compile(rf"(?<!\w)mỗi\s+({_PER_UNIT})(?!\w)", re.IGNORECASE)


def per_unit(fig: Figure, subject: str, tail: str, after: str) -> str:
    """An amount, quantity or count per unit of time or thing says per what ('mỗi ngày thành phố thu ngân sách
    1.000 tỷ đồng' -> budget revenue per day, '7.000 đồng một mét vuông' -> per square metre)."""
    if fig.kind.value not in ("money", "quantity", "count", "percent") or re.search(r"\bper\b|capita", subject):
        return subject
    if fig.kind.value not in load_heads().get(head_of(subject), frozenset()):
        return subject  # 'mỗi năm ĐBSCL mất đi khoảng 500ha đất': what is measured per year is not said
    m = _PER_AFTER.match(normalize_vi(after)) or _PER_BEFORE.search(normalize_vi(tail))
    per = _PER_UNITS[normalize_vi(m.group(1))] if m else None
    if fig.kind.value == "percent" and per is not None and not _a_rate_per(fig, subject, tail, per):
        return subject
    return f"{subject} per {per}" if per else subject


def _a_rate_per(fig: Figure, subject: str, tail: str, per: str) -> bool:
    """A percent is a rate per unit of time only ('tỷ lệ gia tăng của ôtô gần 17%/năm'), never '50%/ha', and not a
    change of a rate each year ('giảm bình quân 1,5% mỗi năm')."""
    if per not in _TIMES or head_of(subject) not in ("rate", "growth") or fig.cue in ("increase", "decrease"):
        return False
    return _CHANGED_BEFORE.search(_CHANGE_COMPOUNDS.sub(" ", normalize_vi(tail))) is None


def share_of(after: str, after_terms: list[Term]) -> str | None:
    """What a share is of: the whole known phrase after it where it holds the first term ('chiếm 10% số dân sử
    dụng nước sạch' -> 'residents using clean water', not 'clean water'), else that term."""
    if not after_terms:
        return None
    whole = phrase_after(after)
    term = after_terms[0].en
    return whole.english if whole.english and term.lower() in whole.english.lower() else term

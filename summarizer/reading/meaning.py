"""What each figure measures, read from the Vietnamese around it: subject, target or result, basis, label.

Runs once per ledger, after parsing. The subject is the term nearest before the figure in its clause
("thu ngân sách ... đạt 3.594 tỷ đồng"), the counted noun after it ("6.100 người lao động được tạo việc
làm"), or, for "…, tăng 12,86%", the previous figure's subject. Its English comes from the reviewed
terminology; the label adds the basis ("growth", "as % of plan", "target") so a reader cannot mistake a
share of the plan for growth. The words each rule reads, and the role of each term (keyed on its Vietnamese),
are rows of ``data/meaning.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from summarizer.reading.basis import Basis
from summarizer.reading.bodies import translate_admin
from summarizer.reading.clause_words import written_whole
from summarizer.reading.counts import cost_of_count, per_unit, share_of, share_of_things_counted, what_was_done_to_it
from summarizer.reading.glossary import commas_inside_entries, known_terms, name_from_glossary
from summarizer.reading.labels import (
    PER_CAPITA,
    already_says,
    count_qualifier,
    figure_basis,
    figure_label,
    qualify,
    ratio_qualifier,
)
from summarizer.reading.language import CAPITALS
from summarizer.reading.owners import is_thing, names_one_project, whose_attribute, whose_project
from summarizer.reading.targets import mark_target, share_of_what_follows
from summarizer.reading.terminology import (
    Term,
    inside_a_term,
    is_attribute_name,
    is_generic_name,
    normalize_vi,
    terms_with_role,
)
from summarizer.tables import either, mapping, words

if TYPE_CHECKING:
    from summarizer.reading.figures import Figure, Ledger

__all__ = [
    "Around",
    "annotate",
    "around_of",
    "find_subject",
    "mark_target_and_basis",
    "refine_cue_and_share",
    "write_label",
]


def _any(kind: str) -> str:
    """The words of ``kind`` in ``data/meaning.tsv`` as a regex alternation, in the file's order."""
    return either(words("meaning", kind))


_ABOUT = either(words("cues", "about"))
"""'khoảng', 'gần', 'hơn', 'trên' (``data/cues.tsv``): how exact the number after them is."""
_AND = _any("and")
_HARD_BOUNDARY = re.compile(rf"[;:(\n]|\s[-–]\s|\b(?:{_any('clause_break')})\b", re.IGNORECASE)
_SOFT_BOUNDARY = re.compile(r"(?<!\d),|,(?!\d)")  # never a decimal comma: 'với hơn 4,5 triệu xe máy là …'
_CLOSED_PAREN = re.compile(r"\([^()]*\)")
_AT_PLACE = re.compile(rf"(?:{_any('place_word')})\s*$")
_AFTER_CUT = re.compile(rf"[,;:.()]|\s[-–]\s|\s(?:(?:{_AND})\s+)?\d")
_IS = re.compile(rf"\s*(?:{_any('copula')})\b")


_ORGANISATION = re.compile(rf"\b(?:{_any('organisation')})\s+[{CAPITALS}][^,.;:()]{{0,40}}$")
"""What stands before a capitalised term inside an organisation's proper name ('Bộ Tài nguyên và Môi trường',
'Sở Giao thông Vận tải'): its opening word, then a capital, with no punctuation between."""


def _as_found(text: str) -> str:
    """``text`` as its terms were found: spaces collapsed, case kept (a term's start and end index it)."""
    return " ".join(text.split())


def _outside_organisations(text: str) -> list[Term]:
    """The terms of ``text`` less the capitalised words of an organisation's name ('Bộ Tài nguyên và Môi trường')."""
    found = _as_found(text)

    def inside(term: Term) -> bool:
        written = found[term.start : term.end]
        return written[:1].isupper() and written.lower() == term.vi and bool(_ORGANISATION.search(found, 0, term.start))

    return [t for t in known_terms(text) if not inside(t)]


def _not_places(text: str) -> list[Term]:
    """Terms of ``text`` less those that say where ('… điện tử tại Khu công nghệ cao') or sit in an organisation's
    name ('Bộ Tài nguyên và Môi trường giảm 160 người'), when others remain."""
    norm = normalize_vi(text)
    terms = _outside_organisations(text)
    kept = [t for t in terms if not _AT_PLACE.search(norm[: t.start])]
    return kept if any(t.vi not in _MODIFIERS | _BASES for t in kept) else terms


def _opens_paren(ledger: Ledger, fig: Figure) -> int | None:
    """Where the parenthesis holding ``fig`` opens, if the figure sits inside one."""
    sent = ledger.sentence_of(fig)
    before = _CLOSED_PAREN.sub(lambda m: " " * len(m.group()), ledger.text[sent.start : fig.start])
    k = before.rfind("(")
    return sent.start + k if k >= 0 else None


def _segments_before(ledger: Ledger, fig: Figure, paren: int) -> str:
    """The clause before an opening parenthesis: what the parenthesis comments on."""
    sent = ledger.sentence_of(fig)
    before = ledger.text[sent.start : paren]
    hard = [m.end() for m in re.finditer(r"[;:\n]", before)]
    return before[hard[-1] :] if hard else before


def _segments(ledger: Ledger, fig: Figure) -> tuple[str, str, str]:
    """(clause before the figure, the part of it after the last comma, the words after the figure)."""
    sent = ledger.sentence_of(fig)
    before = _CLOSED_PAREN.sub(lambda m: " " * len(m.group()), ledger.text[sent.start : fig.start])
    hard = [
        m.end() for m in _HARD_BOUNDARY.finditer(before) if before[m.end() :].strip() and not inside_a_term(before, m)
    ]
    clause = before[hard[-1] :] if hard else before
    inside = commas_inside_entries(clause)  # 'Giá trị sản xuất nông, lâm, thuỷ sản ước đạt': one noun phrase
    soft = [
        m.end()
        for k, m in enumerate(_SOFT_BOUNDARY.finditer(clause))
        if k not in inside and not inside_a_term(clause, m)
    ]
    tail = clause[soft[-1] :] if soft else clause
    after_full = ledger.text[fig.end : sent.end]
    cut = _AFTER_CUT.search(after_full)
    after = after_full[: cut.start()] if cut else after_full
    return clause, tail, after[:80]


# Terms that qualify a subject rather than name one: growth words, comparison bases, bare entities.
_MODIFIERS = terms_with_role("growth")
_GENERIC = terms_with_role("generic")
_BASES = terms_with_role("base")
_ENTITIES = terms_with_role("entity")
_PROJECTS = terms_with_role("projects")
_UNSPECIFIC = terms_with_role("unspecific")
_OWNERS = terms_with_role("owner")
_BUDGET_SOURCES = terms_with_role("budget")
_COUNTERS = terms_with_role("counter")
_UNIT_NOUNS = mapping("meaning", "unit_noun")
"""What a bare counted unit counts, when the terminology has no longer phrase for it ('82/97 xã')."""
_PAIRED = re.compile(rf"\s+(?:{_AND})\s+(?:(?:{_ABOUT}) )?\d")
_RANKED = re.compile(rf"\b(?:{_any('ranked')})\s*$", re.IGNORECASE)
_INVESTED = re.compile(rf"\b(?:{_any('invested')})(?: (?:{_ABOUT}))?\s*$", re.IGNORECASE)
_RATE_WORDS = re.compile(f"{_any('rate_word')}|{_any('share_verb')}", re.IGNORECASE)


def _nearest(terms: list[Term]) -> Term | None:
    """The subject among a clause's terms: the nearest one that names a quantity, not a base or modifier."""
    for kinds in (
        _MODIFIERS | _BASES | _ENTITIES | _GENERIC,
        _MODIFIERS | _BASES | _GENERIC,
        _MODIFIERS | _BASES,
        frozenset(),
    ):
        named = [t for t in terms if t.vi not in kinds]
        if named:  # 'Dự án được xây dựng trên diện tích 2.440 m2': the project's area, not projects
            owned = [t for t in terms if t.start >= named[-1].end and is_attribute_name(t.en)]
            return owned[-1] if owned and (is_generic_name(named[-1].en) or is_thing(named[-1].vi)) else named[-1]
    return None


_PREDICATE = re.compile(r".{0,40}?\b(?:" + _any("predicate") + r")\b(.{0,80})")
_QUOTED_LIST = re.compile(r"“[^”]*”(?:\s*,\s*“[^”]*”)*")


def _domain_before(
    ledger: Ledger, fig: Figure, previous: Figure | None, clause_terms: list[Term], counted: Term | None
) -> Term | None:
    """For a count whose own comma segment names nothing ('…, 13/13 chỉ tiêu thi đua'), the domain named
    earlier in the clause ('Chất lượng giáo dục …') when no other figure stands between them and it is not
    another counted population ('hộ nghèo' beside 'hộ cận nghèo')."""
    if counted is None or not clause_terms:
        return None
    if previous is not None and previous.sentence_index == fig.sentence_index:
        return None
    named = _nearest(clause_terms)
    if named is None or set(named.en.lower().split()) & set(counted.en.lower().split()):
        return None
    return named


def _nearest_named(terms: list[Term]) -> Term | None:
    """The nearest term that names a quantity rather than qualifying one."""
    named = [t for t in terms if t.vi not in _MODIFIERS | _BASES]
    return named[-1] if named else None


def _change_of_previous(fig: Figure, previous: Figure | None, counted: Term) -> Figure | None:
    """The count just before in the sentence whose change this bare count is ('149 vụ phạm pháp hình sự, tăng 18
    vụ': the 18 are criminal offences too), where it counts the same unit and names more than the unit."""
    bare = normalize_vi(counted.vi) == normalize_vi(fig.unit_vi or "")
    named = previous is not None and previous.subject_en and normalize_vi(previous.subject or "") != counted.vi
    return previous if bare and named and _changes(fig, previous) else None


def _changes(fig: Figure, previous: Figure | None) -> bool:
    """Whether ``fig`` is a change ('tăng', 'giảm') in the count of the same unit just before it in its sentence."""
    changes = ("increase", "decrease")
    return (
        previous is not None
        and previous.sentence_index == fig.sentence_index
        and fig.cue in changes
        and previous.cue not in changes
        and previous.kind == fig.kind
        and fig.kind.value == "count"
        and bool(fig.unit_vi)
        and previous.unit_vi == fig.unit_vi
    )


def _named_since(ledger: Ledger, previous: Figure, fig: Figure) -> Term | None:
    """The nearest quantity a term names between the previous figure and this one, past the comma that ends the
    previous figure's own words ('3,7% GDP, tương đương …'), brackets aside: the subject has changed since ('4,2
    triệu người, trong đó, gần một nửa là khách quốc tế, đạt tăng trưởng đến 30%')."""
    between = _CLOSED_PAREN.sub(" ", ledger.text[previous.end : fig.start]).partition(",")[2]
    return _nearest_named([t for t in known_terms(between) if t.vi not in _GENERIC | _ENTITIES | _UNSPECIFIC])


def _strip_growth(subject: str) -> str:
    return re.sub(r"\s*(?:average )?growth(?: rate)?\b", "", subject).strip() or subject


def _compose(head: Term, terms: list[Term], *, paired: bool = False) -> str:
    """'Registered capital' + 'new projects' in the same clause -> 'Registered capital of new projects';
    'GDP' + 'average growth' -> 'GDP average growth'."""
    subject = head.en
    growth = next((t for t in terms if t.vi in _MODIFIERS and t.start > head.start), None)
    if growth is not None and "growth" not in subject.lower():
        subject = f"{subject} {growth.en}"
    entities = [t for t in terms if t.vi in _ENTITIES and t is not head]
    before = [t for t in entities if t.start < head.start]
    specific = [t for t in before if t.vi not in _UNSPECIFIC]
    entity = (specific or before)[-1] if before else (entities[0] if entities else None)
    if entity is not None and not paired and head.vi not in _ENTITIES and entity.en.lower() not in subject.lower():
        subject = f"{subject} of {entity.en}"
    return subject


_RESPECTIVELY = re.compile(
    rf"(?P<kind>{_any('respective_place')})\s+(?P<names>[^:;.()\d]+?)\s*"
    rf"(?:{_any('respectively')})(?: (?:{_any('respectively_verb')}))?\s*:?\s*$",
    re.IGNORECASE,
)
_NAME_LIST_SEP = re.compile(rf"\s*(?:,|;|{_AND})\s*")
"""Between the names of a list; never at a dash, which joins one name ('Bà Rịa - Vũng Tàu')."""


def _respective_places(ledger: Ledger) -> None:
    """'Tỷ lệ này ở các huyện Hoài Đức, Quốc Oai, … lần lượt là: 91, 82, …%': one place per figure, in order."""
    figures = [f for f in ledger.figures if f.is_indicator_kind]
    for k, first in enumerate(figures):
        sent = ledger.sentence_of(first)
        m = _RESPECTIVELY.search(ledger.text[sent.start : first.start])
        if m is None:
            continue
        names = [n.strip() for n in _NAME_LIST_SEP.split(m.group("names")) if n.strip()]
        run = [first]
        for nxt in figures[k + 1 :]:
            if not _NAME_LIST_SEP.fullmatch(ledger.text[run[-1].end : nxt.start]):
                break
            run.append(nxt)
        if len(run) != len(names):
            continue
        earlier = [f for f in figures[:k] if f.subject_en and f.kind == first.kind]
        base = first.subject_en or (earlier[-1].subject_en if earlier else None)
        if base is None:
            continue
        for fig, name in zip(run, names, strict=True):
            place = translate_admin(f"{m.group('kind').lower()} {name}")
            fig.subject, fig.subject_en = f"{name}", f"{base} in {place}"
            basis = figure_basis(fig)
            fig.label = figure_label(fig, basis, fig.subject_en)


def annotate(ledger: Ledger) -> None:
    """Set target, refined basis, subject and label on every indicator figure of ``ledger``, in named passes:
    the context around the figure, target and basis, subject (then the glossary's name where the subject phrase
    holds more than the term chosen: ``glossary.name_from_glossary``), cue and share, then the English label."""
    previous: Figure | None = None
    for fig in ledger.figures:
        if not fig.is_indicator_kind:
            continue
        around = around_of(ledger, fig, previous)
        mark_target_and_basis(ledger, fig, around)
        find_subject(ledger, fig, previous, around)
        carried = previous is not None and (fig.subject, fig.subject_en) == (previous.subject, previous.subject_en)
        carried = carried and not _changes(fig, previous)  # its own: '149 vụ phạm pháp hình sự, tăng 18 vụ'
        name_from_glossary(fig, around.tail, around.after, carried=carried)
        what_was_done_to_it(fig, around.tail, around.after)
        still_carried = previous is not None and fig.subject == previous.subject
        if fig.subject is not None and not written_whole(ledger, fig, previous if still_carried else None):
            fig.subject, fig.subject_en = None, None
        cost_of_count(fig, previous, around.tail)
        if fig.subject_en is not None:
            refine_cue_and_share(fig, previous, around)
            write_label(fig, around)
        previous = fig
    _respective_places(ledger)
    _respective_pairs(ledger)


@dataclass
class Around:
    """What surrounds one figure: its clause (``tail``: the clause up to the figure; ``after``: the rest of the
    sentence), the terms found in each, and whether it shares a clause with the figure before it."""

    clause: str
    tail: str
    after: str
    tail_terms: list[Term]
    clause_terms: list[Term]
    unit_terms: list[Term]
    after_terms: list[Term]
    same_clause: bool


def mark_target_and_basis(ledger: Ledger, fig: Figure, around: Around) -> None:
    """The target and basis pass (``reading/targets.py``) on the figure's clause."""
    mark_target(ledger, fig, around.clause, around.tail)


def around_of(ledger: Ledger, fig: Figure, previous: Figure | None) -> Around:
    """The context pass: clause, terms and clause-sharing of ``fig`` (``previous``: the indicator before it)."""
    clause, tail, after = _segments(ledger, fig)
    tail_terms = _not_places(tail)
    clause_terms = _outside_organisations(clause)
    unit_terms = known_terms(f"{fig.unit_vi or ''} {after}") if fig.kind.value in ("count", "ratio") else []
    same_clause = (
        previous is not None
        and previous.sentence_index == fig.sentence_index
        and previous.end <= fig.start
        and not _HARD_BOUNDARY.search(_CLOSED_PAREN.sub(" ", ledger.text[previous.end : fig.start]))
    )
    in_paren = _opens_paren(ledger, fig)
    if in_paren is not None and not tail_terms:
        # '188.000 tỷ đồng (tăng 6,5% so với tháng trước, …)': the subject of what the parenthesis annotates
        if previous is not None and previous.sentence_index == fig.sentence_index and previous.end <= in_paren:
            same_clause = True
        elif not clause_terms:
            clause_terms = known_terms(_segments_before(ledger, fig, in_paren))
    return Around(clause, tail, after, tail_terms, clause_terms, unit_terms, known_terms(after[:60]), same_clause)


_HAS = re.compile(rf"(?<!\w)(?:{either(words('labels', 'whole_has'))})\s*$", re.IGNORECASE)
"""'các khu công nghiệp có 205 dự án': what comes before 'có' holds what is counted, it is not what is counted."""


def _counted_noun(fig: Figure, around: Around) -> tuple[Term | None, list[Term]]:
    """The noun the figure counts ('6.100 lao động'), or what a share or sum is of ('50,7% dân số …'), with the
    terms that follow it."""
    unit_terms, after_terms = around.unit_terms, around.after_terms
    counted = unit_terms[0] if unit_terms and unit_terms[0].start <= len(fig.unit_vi or "") + 2 else None
    if (
        counted is None
        and fig.kind.value in ("percent", "money")
        and fig.basis is None
        and after_terms
        and after_terms[0].start <= 1
        and after_terms[0].vi not in _BASES | _MODIFIERS | _GENERIC
    ):
        counted, unit_terms = after_terms[0], after_terms  # '50,7% dân số nông thôn được dùng nước …'
    noun = _UNIT_NOUNS.get(normalize_vi(fig.unit_vi or ""))
    if counted is None and noun is not None and fig.kind.value in ("count", "ratio"):
        counted = Term(normalize_vi(fig.unit_vi or ""), noun, 0, len(fig.unit_vi or ""))
        unit_terms = [counted, *[t for t in unit_terms if t.start > counted.end]]
    return counted, unit_terms


_GAP_WORDS = 4
_COUNT_LINKS = frozenset(words("meaning", "count_link"))
_NUMBER_BEFORE = re.compile(r"\d\s*(?:\S+\s*)?$")
_WITH_BEFORE = re.compile(rf"\b(?:{_any('with')})\s+(?:\S+\s+)?$", re.IGNORECASE)
"""'6.760 dự án với vốn đầu tư đăng ký 59 tỷ USD': what follows 'với' is another quantity of them, not what they are."""


def _names_what_it_counts(named: Term, tail_terms: list[Term], tail: str, kind: str) -> bool:
    """Whether a term before a count says what its counted things are for ('giải quyết việc làm cho 6.100 lao
    động', 'dân số trên 23 vạn người'): one that counts (role ``counter``: not 'cấp điện cho 2.000 hộ dân', 'vụ
    cháy 13 người chết'), in the figure's clause, joined to it by at most a few linking words or names
    (``count_link``: no verb, no punctuation), and not itself counted by a number before it."""
    if named not in tail_terms:
        return True  # the domain the sentence before named ('Chất lượng giáo dục …, 13/13 chỉ tiêu thi đua')
    if not _HAS.search(tail) and (kind not in ("count", "ratio") or named.vi not in _COUNTERS):
        return False  # 'ngoài ngân sách 43.000 tỷ đồng vốn đầu tư' is no 'Budget (investment capital)'
    text = _as_found(tail)
    if _NUMBER_BEFORE.search(text, 0, named.start):
        return False  # '1.000 vụ cháy nổ làm 33 người chết': the fires are another figure's, not the dead's
    gap = text[named.end :].split()
    return len(gap) <= _GAP_WORDS and all(w[:1].isupper() or w.lower() in _COUNT_LINKS for w in gap)


def find_subject(ledger: Ledger, fig: Figure, previous: Figure | None, around: Around) -> None:
    """The figure's subject in Vietnamese and English: the term nearest before it in its clause, the noun it
    counts, or, where the clause names nothing (or only growth), the subject of the figure before it."""
    tail_terms, clause_terms, after_terms = around.tail_terms, around.clause_terms, around.after_terms
    same_clause = around.same_clause
    head: Term | None
    context = clause_terms
    counted, unit_terms = _counted_noun(fig, around)
    named = _nearest(tail_terms) or _domain_before(ledger, fig, previous, clause_terms, counted)
    if (
        counted is not None
        and named is not None
        and counted.en not in named.en
        and not _names_what_it_counts(named, tail_terms, around.tail, fig.kind.value)
    ):
        named = None  # 'Bộ Tài nguyên và Môi trường giảm 160 người' is no 'Environment (people)'
    if counted is not None and named is not None and counted.en not in named.en:
        composed = _compose(named, tail_terms)
        en = f"{counted.en} in {composed}" if _HAS.search(around.tail) else f"{composed} ({counted.en})"
        fig.subject, fig.subject_en = f"{named.vi} {counted.vi}", en  # 'các khu công nghiệp có 205 dự án FDI'
        head = None
    elif counted is not None and named is not None:
        head, context = named, tail_terms  # 'phường đạt chuẩn đô thị văn minh đối với 2 phường': the longer name
    elif counted is not None and (same := _change_of_previous(fig, previous, counted)) is not None:
        fig.subject, fig.subject_en = same.subject, same.subject_en  # '149 vụ phạm pháp hình sự, tăng 18 vụ'
        head = None
    elif counted is not None:
        head, context = counted, unit_terms
        rest = _QUOTED_LIST.sub("", ledger.text[fig.end : ledger.sentence_of(fig).end])
        rest = _CLOSED_PAREN.sub(" ", rest)
        predicate = _PREDICATE.match(re.split(r"[,;:.]", rest, maxsplit=1)[0])
        later = known_terms(predicate.group(1)) if predicate else []
        unit_text = normalize_vi(f"{fig.unit_vi or ''} {around.after}")
        own = [t for t in unit_terms[1:] if not _WITH_BEFORE.search(unit_text, 0, t.start)]
        extra = next((t for t in [*own, *later] if t.vi not in _BASES and t.en not in counted.en), None)
        if extra is not None:
            fig.subject, fig.subject_en = f"{counted.vi} {extra.vi}", f"{counted.en} ({extra.en})"
            head = None
    elif (
        tail_terms
        and _nearest_named(tail_terms) is None
        and same_clause
        and previous is not None
        and previous.subject_en
    ):
        # the clause names only growth ("tăng trưởng 8%"): the growth of the previous figure's subject, or of what
        # the words since that figure name ('…, trong đó, gần một nửa là khách quốc tế, đạt tăng trưởng đến 30%')
        between = _named_since(ledger, previous, fig)
        fig.subject, fig.subject_en = (
            (between.vi, between.en) if between else (previous.subject, _strip_growth(previous.subject_en))
        )
        head = None
    elif _nearest(tail_terms) is not None:
        head, context = _nearest(tail_terms), tail_terms
    elif same_clause and previous is not None and previous.subject:
        between = _named_since(ledger, previous, fig)
        fig.subject, fig.subject_en = (between.vi, between.en) if between else (previous.subject, previous.subject_en)
        head = None
    else:
        head = _nearest(clause_terms) or (after_terms[0] if after_terms else None)
    if head is not None:
        _subject_from_head(ledger, fig, head, context)
    ranked = fig.subject_en is not None and "rank" not in fig.subject_en
    if ranked and fig.kind.value == "ratio" and _RANKED.search(around.clause):
        fig.subject_en = f"{fig.subject_en} rank"
    lowered = (fig.subject_en or "").lower()
    invested = fig.kind.value == "money" and _INVESTED.search(around.tail)
    if fig.subject_en and invested and not re.search(r"invest|capital", lowered):
        fig.subject_en = f"{fig.subject_en} investment"  # 'ngành điện đã đầu tư trên 2.400 tỷ đồng'
    if (
        fig.subject_en is None
        and previous is not None
        and previous.subject_en
        and previous.kind == fig.kind
        and previous.sentence_index in (fig.sentence_index - 1, fig.sentence_index)
        and not known_terms(ledger.sentence_of(fig).text)
    ):
        # 'Trong năm 2017, TP đặt mục tiêu 8,4-8,7% nhưng đến nay chỉ ước đạt 8,25%': nothing named, so
        # the subject of the sentence before
        fig.subject, fig.subject_en = previous.subject, previous.subject_en


_SPENT = re.compile(r"spend|spent|disburse|invest|capital|expend|cost|fund", re.IGNORECASE)
"""What a budget pays for ('giải ngân vốn đầu tư …, đối với ngân sách Trung ương là …'), as its English says."""


def _subject_from_head(ledger: Ledger, fig: Figure, head: Term, context: list[Term]) -> None:
    # '… 451 dự án trong nước với tổng vốn 26,7 tỷ USD và 245.500 tỷ đồng': which projects is unsaid
    paired = bool(_PAIRED.match(ledger.text[fig.end : fig.end + 40]))
    fig.subject, fig.subject_en = head.vi, _compose(head, context, paired=paired)
    start = ledger.sentence_of(fig).start
    sentence_before = ledger.text[start : fig.start]
    if fig.subject_en.endswith(" of projects") and names_one_project(sentence_before):
        # 'Dự án cầu Rạch Miễu 2 có …': of the Rach Mieu 2 bridge project; 'Dự án có …': of which project, unsaid
        whose = whose_project(ledger, sentence_before, ledger.text[:start], fig.subject_en)
        fig.subject_en = fig.subject_en.removesuffix("projects") + whose if whose else None
    elif is_attribute_name(fig.subject_en) and fig.kind.value != "count":  # '100 triệu (hành khách)': of what, unsaid
        at = list(re.finditer(r"\s+".join(map(re.escape, head.vi.split())), sentence_before, re.IGNORECASE))
        before = sentence_before[: at[-1].start()] if at else sentence_before
        whose = whose_attribute(ledger, before, ledger.text[:start], head.en)
        fig.subject_en = f"{fig.subject_en} of {whose}" if whose else fig.subject_en  # 'Nhà máy có tổng mức đầu tư …'
    spent = _nearest_named(
        [
            t
            for t in known_terms(sentence_before)
            if t.vi not in _GENERIC | _BUDGET_SOURCES | _ENTITIES and _SPENT.search(t.en)
        ]
    )
    if head.vi in _BUDGET_SOURCES and spent is not None:
        # 'giải ngân vốn đầu tư XDCB, đối với ngân sách Trung ương là 6.596 tỷ đồng'
        fig.subject, fig.subject_en = f"{spent.vi} {head.vi}", f"{spent.en} from the {head.en}"
    elif head.vi in _PROJECTS and fig.kind.value == "money":
        fig.subject_en = f"capital of {fig.subject_en}"


def refine_cue_and_share(fig: Figure, previous: Figure | None, around: Around) -> None:
    """A growth rate with no other cue is an increase on the year before; a share that rises in the clause of a
    share of the same subject is still a share."""
    assert fig.subject_en is not None
    plain_rate = fig.kind.value == "percent" and fig.basis is None and fig.cue in (None, "reach") and not fig.target
    if plain_rate and re.search(r"\bgrowth\b", fig.subject_en) and not _RATE_WORDS.search(around.clause):
        fig.cue = "increase"  # a growth rate is growth on the year before: 'GRDP growth … đạt 8,25%'
    if (
        fig.kind.value == "percent"
        and fig.basis is None
        and fig.cue in ("rise_to", "fall_to")
        and around.same_clause
        and previous is not None
        and previous.basis == "of total"
        and previous.subject_en == fig.subject_en
    ):
        fig.basis = "of total"  # 'đóng góp hơn 27% ngân sách, năm 2014 tăng lên 30%': the share rose


_PAIR_GAP = re.compile(rf"^\s*(?:{_AND}|,)\s*(?:(?:{_ABOUT}) )?$")


def _respective_pairs(ledger: Ledger) -> None:
    """'có 301 dự án đầu tư nước ngoài, 451 dự án đầu tư trong nước … với tổng vốn đăng ký 26,7 tỷ USD và
    245.500 tỷ đồng': two amounts after two kinds of projects belong to them in order."""
    figures = [f for f in ledger.figures if f.is_indicator_kind]
    for a, b in pairwise(figures):
        if a.kind.value != "money" or b.kind.value != "money" or a.sentence_index != b.sentence_index:
            continue
        if not _PAIR_GAP.match(ledger.text[a.end : b.start]):
            continue
        counts = [
            f
            for f in figures
            if f.sentence_index == a.sentence_index and f.end <= a.start and f.kind.value in ("count", "ratio")
        ]
        if len(counts) != 2 or "," not in ledger.text[counts[0].end : counts[1].start]:
            continue
        owners = []
        for c in counts:
            phrase = re.split(r"[,;.]|\s\d", ledger.text[c.start : c.end + 60])[0]
            terms = [t for t in known_terms(phrase) if t.vi in _ENTITIES | _OWNERS]
            owners.append(terms[0].en if terms else None)
        if None in owners or owners[0] == owners[1]:
            continue
        for fig, owner in zip((a, b), owners, strict=True):
            if fig.subject_en is None or owner is None or owner.lower() in fig.subject_en.lower():
                continue
            fig.subject_en = f"{fig.subject_en} of {owner}"
            fig.label = figure_label(fig, figure_basis(fig), fig.subject_en)


def write_label(fig: Figure, around: Around) -> None:
    """The English label: the subject with its qualifiers (per capita, what is counted, reduced), then the basis
    ('as % of plan', 'growth (year on year)') or what a share is of."""
    assert fig.subject_en is not None
    clause, tail, after, after_terms = around.clause, around.tail, around.after, around.after_terms
    basis = figure_basis(fig)
    subject = qualify(fig, fig.subject_en, clause, tail)
    per_person = PER_CAPITA.search(tail) or PER_CAPITA.search(after[:12])
    if fig.kind.value == "money" and per_person and not re.search(r"per capita|per person", subject):
        subject = f"{subject} per capita"
    q = count_qualifier(after) if fig.kind.value in ("count", "ratio") else None
    counted = fig.kind.value == "ratio" and fig.value.is_integer() and (fig.denominator or 0.5).is_integer()
    q = q or (ratio_qualifier(clause) if counted else None)  # '15/15 chỉ tiêu', not a score '6,75/8,0 điểm'

    subject = per_unit(fig, share_of_things_counted(fig, subject, tail, after, basis), tail, after)
    if q and not already_says(subject, q):
        subject = f"{subject} {q}"
    elif fig.kind.value in ("count", "ratio") and fig.cue == "decrease" and not re.search(r"reduc|\bcut\b", subject):
        subject = f"{subject} reduced"
    of_what = share_of(after, after_terms) if basis == Basis.OF_TOTAL.value else None
    if basis == Basis.OF_TOTAL.value and of_what is None and share_of_what_follows(fig, tail, after):
        basis = Basis.LEVEL.value  # '100% phí' with no English for the fee: not 'Share of vehicles'
    if of_what and _IS.match(after):
        subject, of_what = of_what, subject  # 'diện tích …, trên 50% là đất nông nghiệp': the part comes after
    fig.label = figure_label(fig, basis, subject, of_what)

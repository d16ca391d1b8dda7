"""Names for subjects no single term covers, composed word by word from ``data/glossary.tsv``.

The terminology names the subjects it knows whole ("thu ngân sách nhà nước"). On text nobody tuned it to,
most subjects are new combinations of common words ("tỷ lệ hộ dân được dùng nước sạch"), and naming them by
the nearest known term gives a wrong name ("Transport") with confidence. Here the noun phrase before a
figure (or the counted noun after it) is cut into glossary words, and it is named only when every word of
it is known; the English follows the Vietnamese phrase's structure: the head noun last after its modifiers
("doanh thu du lịch" -> "tourism revenue"), a quantity word first ("tỷ lệ hộ nghèo" -> "rate of poor
households"), a relative verb after the noun ("xã đạt chuẩn nông thôn mới" -> "communes meeting new-rural
standards").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from summarizer.reading.knowledge import termbase_rows
from summarizer.reading.language import singular, strip_diacritics
from summarizer.reading.terminology import Term, find_terms, is_generic_name, load_terminology, normalize_vi
from summarizer.tables import either, entries, mapping, words

if TYPE_CHECKING:
    from summarizer.reading.figures import Figure

__all__ = [
    "ROLES",
    "Chunk",
    "Phrase",
    "chunk",
    "clear_caches",
    "compose",
    "known_terms",
    "load_glossary",
    "name_from_glossary",
    "phrase_after",
    "phrase_before",
    "verb_right_before",
    "word_spans",
]

ROLES = frozenset({"noun", "mod", "measure", "lead", "verb", "of", "skip", "stop", "place"})
_OPEN = frozenset({"unknown", "place"})
"""What leaves a subject phrase open on its left: an unknown word, or a preposition of place ('doanh thu tại các
khu du lịch': the words after 'tại' are where, not what)."""
_CONTENT = frozenset({"noun", "mod", "measure", "lead", "verb", "of", "skip"})
_MAX_WORDS = 8
_WORD = re.compile(r"[^\W_]+(?:[./][^\W_]+)*|[^\w\s]", re.UNICODE)


def _any(kind: str) -> str:
    """The words of ``kind`` in ``data/meaning.tsv`` as a regex alternation, in the file's order."""
    return either(words("meaning", kind))


@lru_cache(maxsize=1)
def load_glossary() -> dict[str, tuple[str, str]]:
    """Normalised Vietnamese -> (English, role): the glossary, then every terminology entry as a noun."""
    text = resources.files("summarizer").joinpath("data/glossary.tsv").read_text(encoding="utf-8")
    entries: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        vi, en, role = (part.strip() for part in line.split("\t"))
        entries[normalize_vi(vi)] = (en, role)
    for vi, en, _ in load_terminology():
        if "," not in vi:
            entries.setdefault(vi, (en, "noun"))
    for row in termbase_rows():
        entries.setdefault(row.vi, (row.en, row.role))
    return entries


def clear_caches() -> None:
    """Forget what was loaded from the data files (after ``knowledge.use_termbase``)."""
    for cached in (load_glossary, _comma_entry_starts, _longest_from, _compound_starts, _known_terms):
        cached.cache_clear()


@dataclass(frozen=True, slots=True)
class Chunk:
    """One glossary word (or an unknown word, a number, a name, a mark) of a phrase, in text order."""

    vi: str
    en: str
    role: str
    """A glossary role, or 'number', 'name' (an unknown capitalised word), 'mark' or 'unknown'."""
    words: int = 1
    """How many words of the text it covers (``word_spans``)."""


def word_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every word and mark of ``text``, as ``chunk`` cuts it."""
    return [m.span() for m in _WORD.finditer(text)]


def chunk(text: str) -> list[Chunk]:
    """``text`` cut into the longest glossary entries, left to right; what no entry covers is marked."""
    glossary = load_glossary()
    words = _WORD.findall(text)
    low = [normalize_vi(w) for w in words]
    out: list[Chunk] = []
    i = 0
    longest = _longest_from()
    while i < len(words):
        for n in range(min(longest.get(low[i], 1), len(words) - i), 0, -1):
            key = " ".join(low[i : i + n]).replace(" ,", ",")  # 'phòng, ban'
            if key in glossary and not (n == 1 and _in_a_name(words, i)):
                en, role = glossary[key]
                out.append(Chunk(key, en, role, n))
                i += n
                break
        else:
            w = words[i]
            role = "number" if any(c.isdigit() for c in w) else "mark" if not w[0].isalnum() else "unknown"
            if role == "unknown" and w[0].isupper():
                role = "name"
            out.append(Chunk(low[i], strip_diacritics(w) if role == "name" else "", role))
            i += 1
    return out


_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")


def commas_inside_entries(text: str) -> set[int]:
    """Which commas of ``text`` (0 for its first) belong to a glossary entry ('nông, lâm, thủy sản', 'phòng,
    ban') rather than end a clause."""
    if not any(first in text.lower() for first in _comma_entry_starts()):
        return set()
    inside: set[int] = set()
    k = 0
    for c in chunk(_DECIMAL_COMMA.sub(".", text)):  # a decimal comma ('4,5') is no comma between clauses
        commas = c.vi.count(",")
        if c.role != "mark" and commas:
            inside.update(range(k, k + commas))
        k += commas
    return inside


@lru_cache(maxsize=1)
def _comma_entry_starts() -> frozenset[str]:
    return frozenset(key.split(",")[0] for key in load_glossary() if "," in key)


@lru_cache(maxsize=1)
def _longest_from() -> dict[str, int]:
    """For each word that starts a glossary entry, the most words such an entry has (at most ``_MAX_WORDS``)."""
    longest: dict[str, int] = {}
    for vi in load_glossary():
        words = _WORD.findall(vi)
        if words:
            longest[words[0]] = min(_MAX_WORDS, max(longest.get(words[0], 1), len(words)))
    return longest


def _in_a_name(words: list[str], i: int) -> bool:
    """A capitalised syllable next to another is part of a proper name ('Hồ Chí Minh', 'Sông Hồng', 'Ngô Quyền',
    'Long Thành'), not the common word it spells."""
    if not words[i][0].isupper():
        return False
    after = i + 1 < len(words) and words[i + 1][0].isupper()
    before = i > 0 and words[i - 1][0].isupper() and words[i - 1][0].isalpha()  # 'Long Thành': its last syllable
    return after or before


@lru_cache(maxsize=1)
def _compound_starts() -> frozenset[str]:
    """The first words of the glossary's entries of two or more words."""
    return frozenset(vi.split(" ", 1)[0] for vi in load_glossary() if " " in vi)


def _compound_spans(norm: str) -> list[tuple[int, int]]:
    """Where ``norm`` (normalised text) holds a glossary word of two or more syllables."""
    glossary, starts = load_glossary(), _compound_starts()
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(norm)]
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if words[i][2] not in starts:
            i += 1
            continue
        for n in range(min(_MAX_WORDS, len(words) - i), 1, -1):
            if " ".join(w for _, _, w in words[i : i + n]).replace(" ,", ",") in glossary:
                spans.append((words[i][0], words[i + n - 1][1]))
                i += n
                break
        else:
            i += 1
    return spans


def known_terms(text: str) -> list[Term]:
    """The terminology's terms in ``text``, where a one-syllable term is not a syllable of a longer glossary word
    holding no other term ('trường', schools, inside 'quảng trường', a square)."""
    return list(_known_terms(text))


@lru_cache(maxsize=8192)
def _known_terms(text: str) -> tuple[Term, ...]:
    terms = find_terms(text)
    if not terms:
        return ()
    spans = _compound_spans(normalize_vi(text))

    def inside(t: Term, span: tuple[int, int]) -> bool:
        return span[0] <= t.start and t.end <= span[1] and span != (t.start, t.end)

    alone = {span for span in spans if sum(inside(t, span) for t in terms) == 1}
    return tuple(t for t in terms if " " in t.vi or not any(inside(t, span) for span in alone))


@dataclass(frozen=True, slots=True)
class Phrase:
    """The subject phrase found next to a figure: its words, and whether every one of them is known."""

    chunks: tuple[Chunk, ...]
    covered: bool
    cue: str | None = None
    """The cue word right before the phrase ('giảm chi ngân sách khoảng …' -> 'giảm'), if any."""

    @property
    def vi(self) -> str:
        return " ".join(c.vi for c in self.chunks)

    @property
    def english(self) -> str | None:
        return compose(self.chunks) if self.covered and self.chunks else None


def _trim(chunks: list[Chunk]) -> list[Chunk]:
    while chunks and chunks[0].role in ("skip", "of", "verb", "mod"):
        chunks = chunks[1:]
    while chunks and chunks[-1].role in ("skip", "of"):
        chunks = chunks[:-1]
    return chunks


def phrase_before(clause_tail: str) -> Phrase:
    """The noun phrase that ends a clause before its figure ('… tổng doanh thu du lịch ước đạt' -> 'tổng
    doanh thu du lịch'), skipping the cue, period and place words between it and the figure. Covered when
    it is bounded on the left by the clause start, a cue, a number or a name, not by an unknown word."""
    chunks = chunk(clause_tail)
    i = len(chunks) - 1
    while i >= 0 and chunks[i].role not in _CONTENT - {"skip"} and chunks[i].role not in _OPEN:
        i -= 1
    end = i
    while i >= 0 and chunks[i].role in _CONTENT:
        i -= 1
    where: list[Chunk] = []
    if (
        i > 0
        and chunks[i].role == "place"
        and chunks[i - 1].role in _CONTENT - {"skip", "of"}
        and not _at_a_time(chunks, i)
    ):
        at = _trim(chunks[i + 1 : end + 1])  # 'sản lượng hàng hóa qua cảng': what is measured, then where
        where = [chunks[i], *at] if any(c.role in ("noun", "measure") for c in at) else []
        end = i = i - 1
        while i >= 0 and chunks[i].role in _CONTENT:
            i -= 1
    found = _trim(chunks[i + 1 : end + 1])
    named = _name_after(chunks, end)
    if found and named is not None and found[-1].role in ("noun", "mod"):
        found.append(named)  # 'dự án Cảng hàng không quốc tế Long Thành': the thing's own name
    bounded = i < 0 or chunks[i].role not in _OPEN
    inside_known = end < 0 or chunks[end].role not in _OPEN
    has_noun = any(c.role in ("noun", "measure") for c in found)
    cue = chunks[i].vi if i >= 0 and chunks[i].role == "stop" else None
    return Phrase(tuple(found + where if found else found), bounded and inside_known and has_noun, cue)


_TIME_WORDS = frozenset(words("meaning", "time_word"))


def _at_a_time(chunks: list[Chunk], place: int) -> bool:
    """'trong năm 2018', 'trong giai đoạn …': the preposition says when, and what is before it stays open."""
    return place + 1 < len(chunks) and chunks[place + 1].vi in _TIME_WORDS


def _name_after(chunks: list[Chunk], end: int) -> Chunk | None:
    """The run of capitalised unknown words right after chunk ``end``, as one name chunk ('Long Thành')."""
    k = end + 1
    while k < len(chunks) and chunks[k].role == "name":
        k += 1
    if end < 0 or k == end + 1:
        return None
    run = chunks[end + 1 : k]
    return Chunk(" ".join(c.vi for c in run), " ".join(c.en for c in run), "name", sum(c.words for c in run))


def phrase_after(counted: str, *, joined: bool = False) -> Phrase:
    """The counted noun phrase after a count ('doanh nghiệp mới được thành lập, …'): known words up to the
    first cue, mark or number (``joined``: 'và' between two known nouns joins them, as in a list of what money
    pays for: 'quảng trường và tượng đài'). Covered when it stops at such a boundary, not at an unknown word."""
    chunks = chunk(counted)
    k = 0
    while k < len(chunks) and (
        chunks[k].role in _CONTENT
        or (joined and chunks[k].vi == "và" and k + 1 < len(chunks) and chunks[k + 1].role == "noun")
    ):
        k += 1
    found = _trim(chunks[:k])
    bounded = k == len(chunks) or chunks[k].role != "unknown"
    has_noun = bool(found) and found[0].role in ("noun", "measure", "lead")
    return Phrase(tuple(found), bounded and has_noun)


def _abbreviates(short: str, long: str) -> bool:
    """'GRDP' after 'gross domestic product' restates it ('tổng sản phẩm GRDP'): its letters hold the initials."""
    if not re.fullmatch(r"[A-Z]{2,6}", short):
        return False
    initials = [w[0].upper() for w in re.findall(r"[A-Za-z]+", long) if w.lower() not in ("of", "and", "the")]
    letters = iter(short)
    return len(initials) >= 2 and all(ch in letters for ch in initials)


def _noun_phrase(chunks: list[Chunk]) -> str:
    chunks = [c for c in chunks if c.role != "skip"]
    if not chunks:
        return ""
    place = next((k for k, c in enumerate(chunks) if c.role == "place"), None)
    if place is not None:
        what, where = _noun_phrase(chunks[:place]), _noun_phrase(chunks[place + 1 :])
        return f"{what} {chunks[place].en} {where}" if what and where else what
    owner = next((k for k, c in enumerate(chunks) if c.role == "of"), None)
    if owner is not None:
        head, owned = _noun_phrase(chunks[:owner]), _noun_phrase(chunks[owner + 1 :])
        return f"{head} of {owned}" if head and owned else head or owned
    chunks = [c for k, c in enumerate(chunks) if not (k + 1 < len(chunks) and _abbreviates(chunks[k + 1].en, c.en))]
    first, rest = chunks[0], chunks[1:]
    if any(c.vi == "và" for c in chunks):
        parts: list[list[Chunk]] = [[]]
        for c in chunks:
            if c.vi == "và":
                parts.append([])
            else:
                parts[-1].append(c)
        return " and ".join(p for p in (_noun_phrase(part) for part in parts) if p)
    if first.role == "lead" and rest:
        return f"{first.en} {_noun_phrase(rest)}"
    if first.role == "measure" and rest:
        return f"{first.en} of {_noun_phrase(rest)}"
    named = len(chunks)
    while named > 0 and _ends_a_name(chunks, named - 1):
        named -= 1
    run = chunks[named:]
    numbers = next((k for k, c in enumerate(run) if c.role != "number"), len(run))
    mods = named
    while mods > 0 and chunks[mods - 1].role == "mod":
        mods -= 1
    if 0 < mods < len(chunks) and chunks[mods - 1].role == "noun" and any(c.role == "name" for c in run):
        # 'dự án Long Thành': one project, the Long Thanh project, not 'Thanh Long projects'; 'cầu Rạch Miễu 2':
        # the Rach Mieu 2 bridge, its words in their order; 'cảng hàng không quốc tế Long Thành': the Long Thanh
        # international airport; 'tuyến metro số 1 Bến Thành - Suối Tiên': metro line 1 Ben Thanh - Suoi Tien
        noun, said = chunks[mods - 1], run[numbers:]
        en = " ".join([singular(noun.en), *(c.vi for c in run[:numbers])])
        name = Chunk(" ".join(c.vi for c in said), " ".join(c.en or c.vi for c in said), "name", len(said))
        chunks = [*chunks[: mods - 1], Chunk(noun.vi, en, "noun", noun.words), *chunks[mods:named], name]
    elif 0 < named < len(chunks) and chunks[named - 1].role == "noun":
        # 'đường vành đai 3': Ring road 3, one road
        noun = chunks[named - 1]
        number = " ".join(c.vi for c in run)
        chunks = [*chunks[: named - 1], Chunk(noun.vi, f"{singular(noun.en)} {number}", "noun", noun.words)]
    return " ".join(c.en for c in reversed(chunks) if c.en)


def _ends_a_name(chunks: list[Chunk], k: int) -> bool:
    """Whether chunk ``k`` belongs to a proper name ending the phrase: a name, a number after a name or noun, or a
    dash between two names ('Bến Thành - Suối Tiên')."""
    c = chunks[k]
    if c.role == "name" or (c.role == "number" and re.fullmatch(r"\d{1,3}", c.vi)):
        return True
    between = 0 < k < len(chunks) - 1 and chunks[k - 1].role == "name" and chunks[k + 1].role == "name"
    return c.role == "mark" and c.vi in ("-", "–") and between


def compose(chunks: tuple[Chunk, ...] | list[Chunk]) -> str:
    """English for a phrase of known words: noun phrase, then a relative verb with its own object."""
    chunks = list(chunks)
    verb = next((k for k, c in enumerate(chunks) if c.role == "verb" and k > 0), None)
    if verb is None:
        return _REPEATED.sub(r"\1", _noun_phrase(chunks))
    rest = compose(chunks[verb + 1 :])
    return _REPEATED.sub(r"\1", " ".join(part for part in (_noun_phrase(chunks[:verb]), chunks[verb].en, rest) if part))


_REPEATED = re.compile(r"\b(\w+)(?: \1\b)+")
"""A word the source repeats ('thu ngân sách ngân sách nhà nước') is said once."""


_CUT = frozenset(words("meaning", "cut"))
_PURPOSE = re.compile(
    rf"^\s*(?:(?:{_any('purpose_lead')})\s+)?(?:{either(words('meaning', 'purpose'), escape=False)})\s+",
    re.IGNORECASE,
)
_PAYS = re.compile(r"spend|invest|cost|fund|support|allowance|capital|budget", re.IGNORECASE)


def name_from_glossary(fig: Figure, tail: str, after: str, *, carried: bool) -> None:
    """Where the subject phrase next to the figure holds more than the term the subject pass chose, name it
    from the glossary word by word, when every word is known: the phrase before the figure when it extends the
    chosen subject ('tổng số thu cân đối ngân sách nhà nước là …') or replaces a subject that says nothing (the
    unit, a head noun), or the noun a count counts ('giảm 130 đơn vị sự nghiệp', 'giảm 55 phòng, ban',
    '454 đại biểu tán thành'), which names the count better than a subject carried from the figure before. A
    length after 'cao', 'dài', 'rộng', 'sâu' is that dimension of the thing before it. An amount after 'giảm' and its
    subject is a cut ('giảm chi ngân sách khoảng 9,94 tỷ đồng'); an amount followed by what it pays for says so
    ('chi 1.400 tỷ đồng xây quảng trường và tượng đài'). ``tail``: the clause up to the figure; ``after``: the
    words after it; ``carried``: its subject is the one of the figure before, carried over because its own
    clause named none."""
    before = phrase_before(tail)
    counted = phrase_after(f"{fig.unit_vi or ''} {after}") if fig.kind.value in ("count", "ratio") else None
    if carried and fig.kind.value == "money" and _A_SIZE.match(fig.subject_en or ""):
        fig.subject, fig.subject_en = None, None  # '… dài 4,6 km, tổng mức đầu tư 3.070 tỉ đồng'
    weak = fig.subject is None or fig.subject == fig.unit_vi or is_generic_name(fig.subject_en or "")
    by_count = False
    if counted is not None and _names_the_count(fig, counted, before, carried or weak):
        named = _counted_name(fig, counted, tail)
        subject = normalize_vi(fig.subject or "")
        extends = bool(subject) and subject in counted.vi and _words(counted.vi) > _words(subject)
        if named and not is_generic_name(named) and (carried or weak or extends or _relative(counted)):
            fig.subject, fig.subject_en = counted.vi, named
            by_count = True
        elif carried and _counted_by_noun(fig) and counted.covered and (fig.unit is None or subject not in counted.vi):
            fig.subject, fig.subject_en = None, None  # '… 115 cán bộ': not the contracts counted before it
    if not by_count and fig.unit in _AREA_UNITS and (carried or weak):
        sown = phrase_after(after)  # '1.800 ha lúa bị ngập': an area of rice, not the houses counted before it
        nouns = sown.covered and sown.chunks[0].role == "noun" and all(c.role != "measure" for c in sown.chunks)
        if nouns and sown.english and not is_generic_name(sown.english) and not _DIMENSION.search(tail):
            fig.subject, fig.subject_en, by_count = sown.vi, f"area of {sown.english}", True
    dimension = _DIMENSION.search(tail)
    area = dimension is not None and dimension.group(1).lower() in _AREA_MEASURES and fig.unit in _AREA_UNITS
    if dimension is not None and (fig.unit in ("m", "km") or area):
        owner = phrase_before(tail[: dimension.start()].rstrip(" (,"))
        known = owner.covered and owner.english and not is_generic_name(owner.english)
        word = dimension.group(1).lower()
        measure = _AREA_MEASURES[word] if area else _DIMENSIONS[word]
        fig.subject = f"{dimension.group(1)} {owner.vi}" if known else None
        fig.subject_en = f"{measure} of {owner.english}" if known else None
    elif carried and fig.subject is not None and fig.subject.split()[0] in _DIMENSIONS:
        fig.subject, fig.subject_en = None, None  # 'hầm chui dài 430 m, đường dẫn … là 150 m': not its length
    elif not by_count:
        named = before.english if not _bare_measure(before) else None
        subject = normalize_vi(fig.subject or "")
        extends = weak or subject in before.vi
        # its own clause names it, not the figure before ('chi phí bán hàng giảm 35%, chi phí quản lý giảm 15%')
        own = carried and before.covered and subject not in before.vi and _new_clause(tail)
        longer = extends and (weak or _words(before.vi) > _words(subject))
        if named and not is_generic_name(named) and (own or longer):
            fig.subject, fig.subject_en = before.vi, named
    if fig.kind.value != "money":
        return
    if fig.subject_en is None and before.covered and before.english and _PAYS.search(before.english):
        fig.subject, fig.subject_en = before.vi, before.english  # 'chi': generic alone, named by what it pays for
        if not _pays_for(fig, after):
            fig.subject, fig.subject_en = None, None
        return
    if fig.subject_en is None:
        return
    if before.cue in _CUT and before.covered and not re.search(r"cut|reduc|sav", fig.subject_en):
        fig.subject_en = f"{fig.subject_en} cut"
    _pays_for(fig, after)


def _new_clause(tail: str) -> bool:
    """Whether the words before a figure start a clause of their own: no number before them in the clause, or one
    followed by 'và' / 'còn' ('tín dụng VND tăng 5,87% và tín dụng ngoại tệ tăng 4,64%'), not the complement of
    the number before ('bằng 91% dự toán thành phố giao và tăng 41%')."""
    numbers = list(re.finditer(r"\d", tail))
    return not numbers or _NEW_CLAUSE.match(tail[numbers[-1].end() :]) is not None


_NEW_CLAUSE = re.compile(rf"\S*\s+(?:{_any('new_clause')})\s")


_A_SIZE = re.compile(r"(?:total )?(?:length|width|height|depth|area)\b", re.IGNORECASE)
"""A subject that is a size: carried to an amount of money after it, it would name the money by a length."""

_DIMENSIONS = mapping("meaning", "dimension")
_AREA_MEASURES = {row[0]: row[2] for row in entries("meaning", "dimension") if len(row) > 2 and row[2]}
"""What a dimension before an area unit measures ('rộng 300 ha': the area)."""
_AREA_UNITS = frozenset({"ha", "m2", "m²", "km2", "km²"})
"""'khu công nghiệp rộng 300 ha': 'rộng' before an area is the area of what is before it, not its width."""
_DIMENSION = re.compile(
    rf"\b({either(_DIMENSIONS)})\s*(?:{either([*words('cues', 'about'), *words('meaning', 'up_to')])})?\s*$",
    re.IGNORECASE,
)
"""'nhóm tượng đài (cao 5-8 m)', 'hầm chui dài 430 m': the adjective right before a length names its dimension."""


def _names_the_count(fig: Figure, counted: Phrase, before: Phrase, weak: bool) -> bool:
    """The noun after a count names it when nothing names it before, when it is a bare number ('giảm 55 phòng,
    ban': its noun is its unit), or when the noun carries its own clause ('454 đại biểu tán thành')."""
    if not counted.covered:
        return False
    return weak or not before.chunks or _counted_by_noun(fig) or _relative(counted)


def _counted_by_noun(fig: Figure) -> bool:
    """A number of things, no scale: its noun is what it counts ('55 phòng, ban', '115 cán bộ', '12 nhà văn hóa')."""
    return fig.scale is None and (fig.unit is None or fig.kind.value == "count")


_CHANGES = mapping("meaning", "change")
_CHANGED = re.compile(rf"\b({either(_CHANGES)})(?:\s+(?:{_any('change_tail')}))?\s*$", re.IGNORECASE)


def _counted_name(fig: Figure, counted: Phrase, tail: str) -> str | None:
    """What a count counts, in English; a bare number's noun right after a verb of change says the change too
    ('giảm 55 phòng, ban' -> 'departments reduced'), which makes a head noun a name."""
    named = counted.english
    change = _CHANGED.search(tail) if _counted_by_noun(fig) else None
    if named and change is not None:
        return f"{named} {_CHANGES[change.group(1).lower()]}"
    achieved = _ACHIEVED.search(tail) if fig.kind.value in ("count", "ratio") else None
    if named and achieved is not None:
        return f"{named} {_ACHIEVEMENTS[achieved.group(1).lower()]}"
    plain = fig.kind.value == "count" and _counted_by_noun(fig) and not _relative(counted)
    verb = verb_right_before(tail) if named and plain and not _ENDS_IN_VERB.search(named) else None
    return f"{named} {verb}" if verb and verb.lower() not in (named or "").lower() else named


_ENDS_IN_VERB = re.compile(r"(?:ed|ing|en)$")
"""A counted phrase whose English already ends in a participle ('People injured') says what was done to it."""
_PASSIVE = re.compile(r"(?:ed|built|held|paid|sold|given|taken|won|set up|made)$")
"""A verb's English that says what was done to what it is said of: before a count, only such a verb is its name's."""


def verb_right_before(tail: str) -> str | None:
    """The English of the verb right before a count, past any approximator ('khởi công khoảng 25 công trình' ->
    'started'): what was done to the things counted ('Works started', 'Petitions received')."""
    chunks = chunk(tail)
    while chunks and (chunks[-1].role == "skip" or (chunks[-1].role == "stop" and not chunks[-1].en.strip())):
        if normalize_vi(chunks[-1].vi) in _LINKS:
            return None  # 'được Quốc hội thông qua với 403 đại biểu tán thành': the resolution passed, not the deputies
        chunks.pop()
    last = chunks[-1] if chunks else None
    en = last.en.strip() if last is not None and last.role == "verb" else ""
    return en if _PASSIVE.search(en) else None  # 'sử dụng 1.000 lao động': 'using' would make the workers the users


_LINKS = frozenset(normalize_vi(w) for w in words("meaning", "verb_link"))
"""Words that join a verb to a count it does not act on."""

_ACHIEVEMENTS = mapping("meaning", "achieved")
_ACHIEVED = re.compile(rf"\b({either(_ACHIEVEMENTS)})\s*$", re.IGNORECASE)
"""'hoàn thành 24/24 chỉ tiêu' -> 'Targets completed', 'đạt 12/19 tiêu chí' -> 'Criteria met': the verb before a
count of targets or criteria is what the count says of them."""


def _bare_measure(phrase: Phrase) -> bool:
    """A measure with nothing measured ('kim ngạch', 'tổng giá trị'): what kind of figure, not what it is of."""
    return all(c.role in ("measure", "lead", "mod") for c in phrase.chunks)


def _relative(phrase: Phrase) -> bool:
    """A noun with a relative verb after it ('doanh nghiệp thành lập mới', 'đại biểu tán thành')."""
    return any(c.role == "verb" for c in phrase.chunks[1:])


def _pays_for(fig: Figure, after: str) -> bool:
    """Add what an amount pays for when the words after it say so ('… xây quảng trường và tượng đài')."""
    purpose = _PURPOSE.match(after)
    if purpose is None or fig.subject_en is None or not _PAYS.search(fig.subject_en):
        return False
    paid = phrase_after(after[purpose.end() :], joined=True)
    if not (paid.covered and paid.english):
        return False
    fig.subject_en = f"{fig.subject_en} for {paid.english}"
    return True


def _words(text: str | None) -> int:
    return len(normalize_vi(text or "").split())

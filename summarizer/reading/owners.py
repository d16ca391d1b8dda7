"""Whose a figure is. 'tổng mức đầu tư của dự án Long Thành 336.630 tỷ đồng' is the airport's total investment:
a name that leaves the owner out ('Capital of projects') names someone else's figure, quietly. The owner is the
proper names after an owner word of ``data/owners.tsv`` (or right after the figure: '450 triệu USD của ADB'); the
report's own place (the one it names most after a place word, or a name its title holds), people and the
abbreviations a name translates go without saying. Where the owner word says what it is ('dự án', 'huyện'), the
name says the owner in English ('… of the Long Thanh project') rather than being withheld. An attribute said alone
('Area', 'Total investment') is the one thing's its clause names ('Nhà máy có tổng mức đầu tư …': of the plant)."""

from __future__ import annotations

import re

from summarizer.reading.bodies import translate_admin
from summarizer.reading.glossary import Chunk, chunk, compose
from summarizer.reading.language import CAPITALS, fold, strip_diacritics
from summarizer.reading.ledger_types import Ledger
from summarizer.reading.terminology import normalize_vi
from summarizer.tables import either, entries, mapping, words

__all__ = [
    "is_thing",
    "many_for_one",
    "named_project",
    "names_one_project",
    "owner_after",
    "owner_english",
    "owner_left_out",
    "proper_name_left_out",
    "whose_attribute",
    "whose_project",
]

_UPPER = CAPITALS
_CUE = re.compile(rf"(?<!\w)(?i:{either(words('owners', 'cue'))})(?!\w)")
_RUN = re.compile(rf"(?:[{_UPPER}][\w.]*|\d+)(?:[ -](?:[{_UPPER}][\w.]*|\d+))*")
_NOT_OWNER = frozenset(fold(w) for w in words("owners", "not_owner"))
_NOT_OWNER_WORDS = re.compile(rf"(?<!\w)(?:{either(words('owners', 'not_owner'))})(?!\w)")
_SURNAMES = frozenset(words("meeting", "surname"))
_PLACE_CUE = re.compile(rf"(?<!\w)(?:{either(words('owners', 'place_cue'))})\s+({_RUN.pattern})")


def _home(ledger: Ledger) -> frozenset[str]:
    """The report's own places: the place it names most often after a place word ('huyện Thanh Trì'), folded."""
    counts: dict[str, int] = {}
    for m in _PLACE_CUE.finditer(ledger.text):
        key = fold(m.group(1).strip(" ."))
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return frozenset()
    top = max(counts.values())
    return frozenset(k for k, n in counts.items() if n == top)


_EXONYMS = tuple((fold(spelling), exonym.lower()) for spelling, exonym in entries("language", "exonym"))
"""'Hà Nội' is said 'Hanoi', 'TP HCM' 'Ho Chi Minh City' (``data/language.tsv``)."""


def _says(name: str, run: str) -> bool:
    """The name holds the owner: its words without marks, or its English exonym."""
    key = fold(run)
    low = " ".join(strip_diacritics(name).lower().replace("-", " ").split())
    if key in low or key.replace(" ", "") in low.replace(" ", ""):
        return True
    return any(spelling in key and exonym in low for spelling, exonym in _EXONYMS)


def _goes_without_saying(run: str, home: frozenset[str], title: str) -> bool:
    """Not an owner a name must say: an abbreviation the name translates, a person, the report's own place or
    title, a number, or one capitalised Vietnamese word (a sentence's first word, 'Giấy chứng nhận')."""
    key = fold(run)
    first = run.split()[0]
    return (
        all(w in _NOT_OWNER for w in key.split())
        or key in _NOT_OWNER
        or first in _SURNAMES
        or key in title
        or any(key in h or h in key for h in home)
        or not re.search(r"[^\W\d]", run)
        or (" " not in run and not run.isupper() and strip_diacritics(run) != run)
    )


_GAP = re.compile(rf"(?:\s+(?!(?:{either(words('owners', 'gap_break'))})\b)[^\W\d{_UPPER}]\w*){{0,8}}\s+")
"""Between a cue and its owner, a few lower-case words that say what it is ('dự án khu liên hợp gang thép Hòa
Phát'), never 'và' (another thing's name follows)."""


def _said_already(ledger: Ledger) -> tuple[frozenset[str], str]:
    """The report's own places and its title, folded: owners that go without saying."""
    home = ledger.keep("home_places", lambda: _home(ledger))
    return home, fold(ledger.sentences[0].text) if ledger.sentences else ""


_BACK = re.compile(rf"(?<!\w)({either(words('owners', 'cue'))})\s+(?:{either(words('owners', 'back'))})(?!\w)")


def _pointed_back(tail: str, earlier: str) -> str:
    """``tail`` with an owner it points back to written out: 'huyện này thống kê thiệt hại' after '… huyện Hoằng
    Hóa …' is Hoằng Hóa's damage; unchanged where nothing earlier names one after the same cue."""
    m = _BACK.search(tail)
    if m is None or not earlier:
        return tail
    named = [
        n
        for n in re.finditer(rf"(?<!\w)(?i:{re.escape(m.group(1))})\s+({_RUN.pattern})", earlier)
        if not _CUE.fullmatch(n.group(1).strip(" ."))
    ]
    return tail if not named else f"{tail[: m.start()]}{m.group(1)} {named[-1].group(1).strip(' .')}{tail[m.end() :]}"


def _owners_left_out(ledger: Ledger, tail: str, name: str, earlier: str = "") -> list[tuple[str, str]]:
    """(cue, owner) for each owner the clause before the figure (or the text ``earlier``, where the clause points
    back to it: 'huyện này') names and ``name`` leaves out; the cue as written where only a few lower-case words
    stand between them (``_GAP``), else ''."""
    tail = _pointed_back(tail, earlier)
    cues = list(_CUE.finditer(tail))
    if not cues:
        return []
    home, title = _said_already(ledger)
    start = cues[0].end()
    phrase = _NOT_OWNER_WORDS.sub(lambda m: " " * len(m.group()), tail[start:])
    found = [(m.start() + start, m.group().strip(" .")) for m in _RUN.finditer(phrase)]
    found = [(at, r) for at, r in found if r and not _CUE.fullmatch(r)]
    if not found or any(_says(name, r) for _, r in found):
        return []
    owners = []
    for at, r in found:
        if not _goes_without_saying(r, home, title):
            cue = next(c for c in reversed(cues) if c.end() <= at)
            owners.append((cue.group() if _GAP.fullmatch(tail[cue.end() : at]) else "", r))
    return owners


def owner_left_out(ledger: Ledger, tail: str, name: str, earlier: str = "") -> str | None:
    """The owner the clause before the figure names (or points back to in ``earlier``) and ``name`` leaves out, or
    None."""
    owners = _owners_left_out(ledger, tail, name, earlier)
    return owners[0][1] if owners else None


_NAME_WORD = re.compile(rf"[{_UPPER}][^\W\d_]*")
_AGENCIES = frozenset(words("owners", "agency"))
_ROMAN = re.compile(r"[IVX]+")
"""A Roman numeral: a quarter or a term ('Quý I', 'khóa IX'), no part of a proper name."""
_SAYS = re.compile(rf"(?<!\w)(?:{either(words('owners', 'says'))})(?!\w)", re.IGNORECASE)


def proper_name_left_out(ledger: Ledger, tail: str, name: str) -> str | None:
    """A proper name of two words or more in the clause before the figure ('Thừa Thiên - Huế có 10 người chết', 'cho
    Cty TNHH MTV đạm Ninh Bình vay 49 tỉ đồng') that ``name`` does not say and that does not go without saying (the
    report's own place, a person, an abbreviation a name translates): whose or which the figure is, where no owner
    word names it. On held-out articles such names were wrong 5 times in 5 (stop 42, ``eval/name_features.py``)."""
    if _NAME_WORD.search(name, 1):
        return None  # 'Rural residents … in Hoai Duc District': an owner said (of a list read 'lần lượt')
    home, title = _said_already(ledger)
    said = list(_SAYS.finditer(tail))
    tail = tail[said[-1].end() :] if said else tail  # 'Bộ trưởng … cho biết, …': who speaks owns nothing
    for m in _RUN.finditer(tail):
        words = [
            w
            for w in m.group().split()
            if _NAME_WORD.fullmatch(w) and fold(w) not in _NOT_OWNER and not _ROMAN.fullmatch(w)
        ]
        if words and words[0] in _AGENCIES:
            continue  # 'Ban Tuyên giáo Tỉnh ủy đưa nội dung … tại 11.189 chi bộ': an agency acts, it owns nothing
        if len(words) < 2:
            continue
        run = " ".join(words)
        if not _says(name, run) and not _goes_without_saying(run, home, title):
            return run
    return None


_OWNER_EN = mapping("owners", "owner_en")
_PLACE_CUES = frozenset(fold(w) for w in words("owners", "place_cue"))
_NATIONAL = frozenset(fold(w) for w in words("owners", "national"))


def owner_english(ledger: Ledger, tail: str, name: str, earlier: str = "") -> str | None:
    """The English of the one owner ``name`` leaves out, where its cue says what it is ('dự án Long Thành' -> 'the
    Long Thanh project', 'huyện Hoằng Hóa' -> 'Hoang Hoa District'); None where there is none, or more than one,
    or its cue is not written in lower case right before it (or opening the clause), or has no English."""
    return _english_of(_owners_left_out(ledger, tail, name, earlier), tail)


def _english_of(owners: list[tuple[str, str]], tail: str) -> str | None:
    """``owner_english`` of owners already found in ``tail``."""
    if len(owners) != 1:
        return None
    cue, run = owners[0]
    opens = cue[:1].isupper() and tail.lstrip().startswith(cue)  # 'Dự án cầu Rạch Miễu 2 có tổng mức đầu tư …'
    if not (cue[:1].islower() or opens) or fold(run) in _NATIONAL:
        return None
    if fold(cue) in _PLACE_CUES:
        return translate_admin(f"{cue.lower() if opens else cue} {run}")
    template = _OWNER_EN.get(cue.lower() if opens else cue)
    return template.format(strip_diacritics(run)) if template else None


_AFTER = re.compile(rf"^\s*(?:{either(words('owners', 'after'))})\s+({_RUN.pattern})")


def owner_after(ledger: Ledger, after: str, name: str) -> str | None:
    """The English of an owner written right after the figure ('cam kết tài trợ 450 triệu USD của ADB' -> 'ADB')
    that ``name`` leaves out: its words without their marks; None where there is none, or it goes without saying."""
    after = re.split(r"[,;:()]|\.(?:\s|$)", after, maxsplit=1)[0]
    m = _AFTER.match(_NOT_OWNER_WORDS.sub(lambda w: " " * len(w.group()), after))
    run = m.group(1).strip(" .") if m else ""
    if not run or _says(name, run) or fold(run) in _NATIONAL:
        return None
    return None if _goes_without_saying(run, *_said_already(ledger)) else strip_diacritics(run)


_PROJECT = either(words("owners", "project"))
_MANY = either(words("owners", "many"))
_ONE_NAMED = re.compile(
    rf"(?<![\d.] )(?<!\w)(?:{_PROJECT})\s+(?:{either(words('owners', 'one_project'))})\b", re.IGNORECASE
)
_MANY_BEFORE = re.compile(rf"(?<!\w)(?:{_MANY})\s+$", re.IGNORECASE)
_ONE_PROJECT = re.compile(
    rf"^(?!.*\b(?:{_MANY}) {_PROJECT}\b)(?!.*\d {_PROJECT}\b).*\b{_PROJECT}\b", re.IGNORECASE | re.DOTALL
)
_OF_PROJECTS = re.compile(r"\bof (?:projects|the project)(?:$|\s*\()|^projects\b", re.IGNORECASE)


def names_one_project(text: str) -> bool:
    """Whether ``text`` names a project with no word or number that makes it many ('Dự án có tổng mức đầu tư …',
    'dự án này'): one project, 'the project', not 'projects'."""
    return bool(_ONE_PROJECT.search(text))


def many_for_one(tail: str, name: str) -> bool:
    """A name of many projects ('Total investment of projects') for the one project its clause names by what it
    builds ('dự án tuyến metro số 1 … tổng mức đầu tư …'): whose it is is lost."""
    one = next((m for m in _ONE_NAMED.finditer(tail) if not _MANY_BEFORE.search(tail, 0, m.start())), None)
    return bool(_OF_PROJECTS.search(name) and one)


_PROJECT_WORD = re.compile(rf"(?<!\w)(?:{_PROJECT})(?!\w)", re.IGNORECASE)
_BUILDING = frozenset(normalize_vi(w) for w in words("owners", "building"))
_IN_A_PROJECT_NAME = frozenset({"noun", "mod", "name", "number", "skip"})


def named_project(text: str) -> str | None:
    """The English of the one project ``text`` names by what it builds ('Dự án BT nút giao thông Ngọc Hội có …' ->
    'Ngoc Hoi intersection'), from the known words right after its last 'dự án' up to the first that is not part of
    a name; None where no word after it names a thing."""
    found = list(_PROJECT_WORD.finditer(text))
    if not found or not names_one_project(text):
        return None
    return _what_it_is(text[found[-1].end() :]) or None


def whose_project(ledger: Ledger, before: str, earlier: str, name: str) -> str | None:
    """The one project the sentence ``before`` a figure names, as a name ending 'of projects' should say it: by what
    it builds ('the Rach Mieu 2 bridge project') or its proper name ('the Hoa Phat Dung Quat project'); None where
    it names neither (which project is unsaid)."""
    named = named_project(before)
    if named:
        return f"the {named} project"
    owners = _owners_left_out(ledger, before, name, earlier)  # its own name, not what it links to ('… sân bay X')
    return _english_of(owners, before) if len(owners) == 1 and _PROJECT_WORD.fullmatch(owners[0][0]) else None


def _what_it_is(rest: str, *, whole: bool = False) -> str | None:
    """The English of the known words right after a thing's word ('nút giao thông Ngọc Hội có …' -> 'Ngoc Hoi
    intersection') up to the first that is not part of a name: '' where none names a thing, None where a word of
    them is unknown ('trường đua ngựa Sóc Sơn': what it is, not known whole) or, ``whole``, where they end in
    anything but a link to what it has ('có', 'với', a comma): 'đường ven sông Cái …' is not just 'roads'."""
    words: list[Chunk] = []
    end = None
    for c in chunk(rest):
        if not words and (normalize_vi(c.vi) in _BUILDING or c.vi == ","):
            continue  # 'dự án đầu tư xây dựng tuyến …': what it builds, not that it builds
        if c.role == "unknown":
            return None
        if c.role not in _IN_A_PROJECT_NAME and not (c.role == "mark" and c.vi in ("-", "–")):
            end = c
            break
        words.append(c)
    while words and words[-1].role == "mark":
        end = words.pop()
    if whole and end is not None and normalize_vi(end.vi) not in _HAS_LINKS:
        return None
    words = [c for c in words if not (c.role == "name" and fold(c.vi) in _NOT_OWNER)]  # 'BT': how it is paid for
    return compose(words) if any(c.role == "noun" for c in words) else ""


_HAS_LINKS = frozenset(normalize_vi(w) for w in words("owners", "has_link"))


_THINGS = mapping("owners", "thing")
_THING_KEYS = frozenset(normalize_vi(w) for w in _THINGS)
_NUMBER_BEFORE = r"(?<![\d.,])(?!(?:19|20)\d\d\b)(\d[\d.,]*\d|\d)"  # '3 nhà máy', not 'Năm 2017, nhà máy'
_THING = re.compile(
    rf"(?<!\w)(?:({_MANY})\s+|{_NUMBER_BEFORE}\s+)?({either(sorted(_THINGS, key=len, reverse=True))})(?!\w)",
    re.IGNORECASE,
)


def is_thing(vi: str) -> bool:
    """Whether the Vietnamese term names one of the things an attribute may belong to ('khu công nghiệp', 'dự án')."""
    return normalize_vi(vi) in _THING_KEYS


def whose_attribute(ledger: Ledger, before: str, earlier: str, attribute: str) -> str | None:
    """Whose an attribute said alone is ('Area', 'Total investment'), as its clause ``before`` it names: its one
    proper-named owner ('Sân bay quốc tế Long Thành được triển khai trên diện tích …' -> 'Long Thanh airport'; a place
    only where it opens the clause: 'Xã Bình Sơn … diện tích tăng lên 7.420 ha'), else the one thing it names ('Nhà
    máy có tổng mức đầu tư …' -> 'the plant'); None where it names none, two kinds of thing, or many of one ('các
    nhà máy', '3 nhà máy'). What brackets hold ('ông Công (xã Đại Thành) nuôi 6 ao cá') is not its owner."""
    before = _BRACKETED.sub(" ", re.split(r"[;:]", before)[-1])
    found = _things_in(before)
    if len({normalize_vi(m.group(3)) for m in found}) > 1 or any(m.group(1) or m.group(2) for m in found):
        return None  # 'dự án các tuyến đường … kết nối với khu sân bay Nha Trang có tổng mức đầu tư': not the airport's
    owners = _owners_left_out(ledger, before, attribute, earlier)
    cue = fold(owners[0][0]) if len(owners) == 1 else ""
    if cue in _PLACE_CUES and not fold(before.lstrip()).startswith(cue):
        return None  # '… thuộc xã Phước Ninh và Quế Lâm với diện tích gần 19.000 ha': the reserve's, not the commune's
    owner = _english_of(owners, before)
    if owner is not None or not found:
        return owner
    thing = _THINGS[found[-1].group(3).lower()]
    what = _what_it_is(before[found[-1].end() :], whole=True)
    if what and not re.search(rf"[{_UPPER}]", what):
        return f"the {what} {thing}"  # 'Nhà máy sữa bột Việt Nam có …' -> 'the milk powder plant'
    return None if thing == "project" else f"the {thing}"  # many projects in one article: which one, unsaid


def _things_in(text: str) -> list[re.Match[str]]:
    """The things ``text`` names, a project named by the thing it builds ('dự án sân bay Long Thành') as that thing."""
    found = list(_THING.finditer(text))
    kept = []
    for k, m in enumerate(found):
        after = found[k + 1] if k + 1 < len(found) else None
        builds = after is not None and not _BETWEEN.sub("", text[m.end() : after.start()])
        if not (builds and _THINGS[m.group(3).lower()] == "project"):
            kept.append(m)
    return kept


_BETWEEN = re.compile(rf"\s+|(?i:{either(sorted(_BUILDING, key=len, reverse=True))})")


_BRACKETED = re.compile(r"\([^()]*\)")

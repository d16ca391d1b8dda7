"""Bodies and officials as Vietnamese news writes them, put in English by rule: 'HĐND thành phố Hà Nội' ->
"Hanoi People's Council", 'Bí thư Quận ủy Bắc Từ Liêm Lưu Ngọc Hà' -> a name and its role. The lower layer of
``meeting`` (which body met) and of the naming modules (whose a figure is): it knows words, not reports.
"""

from __future__ import annotations

import re

from summarizer.reading.language import CAPITALS, strip_diacritics
from summarizer.tables import either, entries, mapping, words

__all__ = [
    "ADMIN_PLACE",
    "BODY",
    "SURNAMES",
    "any_case_initial",
    "body_end",
    "body_english",
    "find_officials",
    "grammar",
    "meeting_words",
    "role_after",
    "role_in_source",
    "split_official",
    "translate_admin",
    "used_as",
]


def meeting_words(kind: str) -> str:
    """The words of ``kind`` in ``data/meeting.tsv`` as a regex alternation, in the file's order."""
    return either(words("meeting", kind))


def used_as(kind: str, use: str) -> tuple[str, ...]:
    """The words of ``kind`` whose last column (its uses, '|') names ``use``, in the file's order."""
    return tuple(row[0] for row in entries("meeting", kind) if use in row[-1].split("|"))


def grammar(role: str) -> str:
    """The short words of ``data/meeting.tsv`` that play ``role`` ('ordinal': 'thứ'), as a regex alternation."""
    return either(row[0] for row in entries("meeting", "grammar") if row[1] == role)


def any_case_initial(word: str) -> str:
    """'ngày' -> '[Nn]gày': the word with its first letter in either case."""
    return f"[{word[0].upper()}{word[0]}]{re.escape(word[1:])}"


# Bodies as Vietnamese writes them; the place follows. Longest first.
_UPPER = CAPITALS
_PLACE = rf"(?:TP\.?\s*)?[{_UPPER}][^\s,.;:()…]*(?:\s*-\s*[{_UPPER}][^\s,.;:()…]*|\s+[{_UPPER}][^\s,.;:()…]*)*"
_BODIES = [(re.compile(pattern), en, level) for pattern, en, level, *_ in entries("meeting", "body")]
"""The bodies of ``data/meeting.tsv``: the pattern, its English and the level it implies, in the order tried."""
BODY = re.compile(
    rf"(?P<kind>{either((b[0].pattern for b in _BODIES), escape=False)})"
    rf"(?:\s+(?P<level>{meeting_words('body_level')}))?"
    rf"(?:\s+(?P<place>{_PLACE}|(?(level)\d{{1,2}}(?![\d,/]|\.\d)|(?!))))?"
)
"""A body, its level and its place: 'HĐND quận Tây Hồ', 'Quận ủy quận 2' (a numbered district of Ho Chi Minh City)."""


SURNAMES = frozenset(words("meeting", "surname"))


def _trim_place(place: str) -> str | None:
    """'Hà Nội Hoàng Trung Hải' -> 'Hà Nội': a person's name (a surname and one or two more words) after
    the place is not part of it; a 'place' that is only a person's name is none."""
    words = place.split()
    if words[0] in SURNAMES and len(words) >= 3 and _place_key(place) not in _PLACES_EN:
        return None
    for i, w in enumerate(words[1:], start=1):
        if w in SURNAMES and words[i - 1] != "-" and len(words) - i >= 2:
            return " ".join(words[:i])
    return place


def body_end(m: re.Match[str]) -> tuple[int, str | None] | None:
    """Where a body ``BODY`` found ends, and its place; None when the 'place' is only a person's name."""
    place = _trim_place(m.group("place")) if m.group("place") else None
    if m.group("place") and place is None and not m.group("level"):
        return None
    if place is not None and len(place.rstrip(".")) == 1 and place[0].isalpha():
        return None  # 'UBND Q.1': an abbreviated level ('Q.' quận, 'P.' phường), not a place
    return (m.start("place") + len(place) if place else m.end("level") if m.group("level") else m.end("kind")), place


# --- bodies in English, by rule ---------------------------------------------------------------------

_PLACES_EN = mapping("meeting", "place")
_ADMIN = entries("meeting", "admin")
_LEVEL_EN = {vi: body_en for vi, _, body_en, *_ in _ADMIN}
_PLACE_WORDS = {vi: place_en for vi, place_en, *_ in _ADMIN}
_CITY_WORDS = frozenset(words("meeting", "city"))


def _place_key(place: str) -> str:
    key = " ".join(place.lower().replace("tp.", "tp. ").split())
    return key.removeprefix("tp. ").removeprefix("tp ").strip()


def _place_en(place: str) -> str:
    key = _place_key(place)
    if key in _PLACES_EN:
        return _PLACES_EN[key]
    city = re.match(r"tp\.?\s", place.lower()) is not None
    name = " ".join(strip_diacritics(w) for w in key.title().replace(" - ", "-").split()).replace("-", " - ")
    return f"{name} City" if city else name


def body_english(body_vi: str) -> str:
    """'Ban Chấp hành Đảng bộ quận Bắc Từ Liêm' -> 'Bac Tu Liem District Party Executive Committee';
    'HĐND thành phố Hà Nội' -> "Hanoi People's Council"; the place is kept, transliterated."""
    m = BODY.match(body_vi)
    if m is None:
        return strip_diacritics(body_vi)
    kind, implied = next(
        ((en, lv) for b, en, lv in _BODIES if (k := b.match(body_vi)) and k.end() == m.end("kind")),
        (strip_diacritics(m.group("kind")), ""),
    )  # matched on the whole body: a pattern may look ahead at the level ('Đảng ủy' only before 'phường', 'xã')
    level_vi = (m.group("level") or "").lower() or implied
    place = _place_en(body_vi[m.start("place") :].strip()) if m.group("place") else ""
    level = _LEVEL_EN.get(level_vi, "")
    if place.isdigit():
        return " ".join(x for x in (level, place, kind) if x)  # 'Quận ủy quận 2' -> 'District 2 Party Committee'
    return " ".join(x for x in (place, level, kind) if x)


ADMIN_PLACE = re.compile(
    rf"\b(?<![Hh]ợp tác )(?P<kind>{'|'.join(any_case_initial(w) for w in (*_PLACE_WORDS, *_CITY_WORDS))}|TP\.?)\s+"
    rf"(?P<name>[{_UPPER}][^\s,.;:()'’-]*(?:(?:\s+|\s?[-–]\s?)[{_UPPER}][^\s,.;:()'’-]*){{0,3}})"
)
"""A place after its place word, hyphenated names whole ('tỉnh Bà Rịa - Vũng Tàu'); 'Hợp tác xã Quốc tế' is a
cooperative, not a commune."""
_EXONYMS = [(re.compile(rf"\b(?:{pattern})\b"), en) for pattern, en, *_ in entries("meeting", "exonym")]


def translate_admin(text: str) -> str:
    """Vietnamese bodies and administrative words an English field copied, put in English by rule:
    'HĐND thành phố Hà Nội' -> "Hanoi People's Council", 'Quận Bắc Từ Liêm' -> 'Bac Tu Liem District'."""
    for pattern, en in _EXONYMS:
        text = pattern.sub(en.replace("\\", r"\\"), text)
    out = BODY.sub(lambda m: body_english(m.group()) if m.group("place") or m.group("level") else m.group(), text)

    def place(m: re.Match[str]) -> str:
        kind = m.group("kind").lower().rstrip(".")
        if kind == "tp" or kind in _CITY_WORDS:
            return _place_en("TP " + m.group("name"))
        return f"{_place_en(m.group('name'))} {_PLACE_WORDS[kind]}"

    return ADMIN_PLACE.sub(place, out)


_TITLES_EN = [(vi, en) for vi, en, *_ in entries("meeting", "title")]


def split_official(written: str) -> tuple[str, str | None]:
    """'Bí thư Quận ủy Bắc Từ Liêm Lưu Ngọc Hà' -> ('Lưu Ngọc Hà', 'Secretary of the Bac Tu Liem District Party
    Committee'): a title copied into a name becomes the role, translated by rule."""
    words = written.strip().split()
    starts = [i for i in range(len(words) - 1) if words[i] in SURNAMES and 2 <= len(words) - i <= 4]
    if not starts or not all(w[:1].isupper() for w in words[starts[0] :]):
        return written.strip(), None
    i = max((j for j in starts if len(words) - j >= 3), default=starts[-1])
    if i == 0:
        return written.strip(), None
    name, title = " ".join(words[i:]), " ".join(words[:i]).strip(" ,-")
    low = title.lower()
    role = next((en for vi, en in _TITLES_EN if low.startswith(vi)), None)
    if role is None:
        return name, None
    rest = title[len(next(vi for vi, en in _TITLES_EN if low.startswith(vi))) :].strip()
    body = translate_admin(rest) if rest else ""
    if body and BODY.match(rest) is None and not re.search(r"[A-Z]", body[:1]):
        body = ""
    return name, f"{role} of the {body}" if body else role


def role_in_source(person: str, text: str) -> str | None:
    """The role the report writes before a person's name, in English by rule: '…, Bí thư Quận ủy Bắc Từ
    Liêm Lưu Ngọc Hà' -> 'Secretary of the Bac Tu Liem District Party Committee'. A chain of titles ('Bí
    thư Quận ủy, Chủ tịch HĐND quận Tây Hồ Lê Thị Thu Hằng') gives every title that translates, in order."""
    at = text.find(person) if person else -1
    if at <= 0:
        return None
    before = text[max(0, at - 120) : at]
    roles: list[str] = []
    later = ""
    for k, part in enumerate(reversed(before.split(","))):
        part = part.strip(" -–")
        role = _one_role(part, person)
        place = ADMIN_PLACE.search(later)
        if role is None and place is not None:
            role = _one_role(f"{part} {place.group()}", person)  # 'Bí thư Quận ủy, Chủ tịch HĐND quận Tây Hồ'
        if role is None:
            if k == 0:
                return None
            break
        roles.insert(0, role)
        later = part
    return " and ".join(roles) or None


_TITLE_AFTER = re.compile(r"^\s*,\s*(?P<title>[^,;:()\n]+?)(?=\s*(?:[,;:(]|\.\s|\.$|$))")


def _whole_body(text: str) -> bool:
    """Whether ``text`` is one body and its place, nothing more ('Thành ủy TP.HCM', not 'UBND' nor 'UBND TP')."""
    b = BODY.fullmatch(text)
    ends = body_end(b) if b else None
    return ends is not None and ends[0] == len(text) and (ends[1] or "TP").strip(". ").upper() != "TP"


def role_after(person: str, after: str) -> str | None:
    """The role the report writes right after a name, between commas: 'ông Đinh La Thăng, Bí thư Thành ủy TP.HCM,
    …' -> 'Secretary of the Ho Chi Minh City Party Committee'; a title this module translates, followed by nothing or
    by one whole body ('Chủ tịch UBND tỉnh Hưng Yên cho biết' stops before 'cho'), or none."""
    m = _TITLE_AFTER.match(after)
    if m is None:
        return None
    if _PERSON.search(m.group("title")):
        return None  # 'A, Bí thư Thành ủy TP.HCM Đinh La Thăng': the title is the next person's
    words_ = m.group("title").split()
    for n in range(len(words_), 0, -1):  # the title ends where the clause's verb begins ('… TP.HCM đã đến')
        title = " ".join(words_[:n])
        head = next((vi for vi, _ in _TITLES_EN if title.lower().startswith(vi)), None)
        rest = title[len(head) :].strip() if head else None
        whole = (rest == "" and n == len(words_)) or (rest and _whole_body(rest))
        name, role = split_official(f"{title} {person}")
        if whole and role and name == person and role.isascii():
            return role
    return None


def _one_role(title: str, person: str) -> str | None:
    """One title of a chain in English, or None when it is not a title this module can translate."""
    low = title.lower()
    found = [(k + len(vi), -k, k) for vi, _ in _TITLES_EN if (k := low.rfind(vi)) >= 0]
    if not found:
        return None
    title = title[max(found)[2] :].strip(" ,-–")
    if re.search(r"[.;:!?()\n]", title):
        return None
    role = split_official(f"{title} {person}")[1]
    return (
        role if role and role.isascii() and not re.search(rf"\b(?:{meeting_words('untranslated')})\b", role) else None
    )


_NAME_WORD = rf"[{_UPPER}][a-zà-ỹđ]+"
_SURNAME = "|".join(sorted(SURNAMES, key=len, reverse=True))
_PERSON = re.compile(rf"(?<![\w])(?:{_SURNAME})(?:\s+{_NAME_WORD}){{1,3}}(?![\w])(?!\s+[{_UPPER}])")
"""A whole name: it ends where the capitalised words end ('Tây Hồ Lê Thị Thu Hằng' holds 'Lê Thị Thu Hằng', not
'Hồ Lê Thị Thu')."""


def find_officials(text: str, limit: int = 4) -> list[tuple[str, str]]:
    """Officials as the report writes them: a Vietnamese name (a surname and one to three given names) right
    after a title this module translates, with the role in English by rule. Names are copied, never retyped."""
    found: dict[str, str] = {}
    for m in _PERSON.finditer(text):
        name = m.group()
        if name in found or len(found) >= limit:
            continue
        role = role_in_source(name, text[: m.end()]) or role_after(name, text[m.end() :])
        if role:
            found[name] = role
    return list(found.items())

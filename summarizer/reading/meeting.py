"""Meeting facts found by code: body, session, term and date, all from the sentence that reports the meeting.

A report mentions many meetings and numbers ("Đại hội Đảng toàn quốc lần thứ XII", "Nghị quyết số 24",
"kỳ họp thứ 3" of an earlier session); only the sentence that reports *this* meeting may give its facts.
Where no sentence reports a meeting, the facts are null.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.reading.bodies import ADMIN_PLACE as _ADMIN_PLACE
from summarizer.reading.bodies import BODY as _BODY
from summarizer.reading.bodies import any_case_initial as _any_case_initial
from summarizer.reading.bodies import body_end as _body_end
from summarizer.reading.bodies import (
    body_english,
    find_officials,
    translate_admin,
)
from summarizer.reading.bodies import grammar as _grammar
from summarizer.reading.bodies import meeting_words as _words
from summarizer.reading.bodies import used_as as _used_as
from summarizer.reading.figures import Ledger
from summarizer.reading.glossary import chunk
from summarizer.reading.language import CAPITALS, fold, strip_diacritics
from summarizer.reading.periods import TERM_YEARS, find_period
from summarizer.reading.sentences import Sentence
from summarizer.reading.terminology import find_terms
from summarizer.tables import either, mapping, words

__all__ = ["MeetingFacts", "find_meeting_facts", "officials_in", "roman_to_int"]

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_CAPITAL = "[A-ZĐ]"
"""A capital letter that starts a Vietnamese abbreviation or name ('TP. HCM', 'Đinh Dậu')."""


_SESSION = re.compile(
    rf"(?:{either(_used_as('meeting_noun', 'numbered'))})(?:\s+[^\s,.;:]+){{0,5}}?\s+"
    rf"(?:(?:{_grammar('times')})\s+)?(?:{_grammar('ordinal')})\s+(\d{{1,3}}|[IVXLC]{{1,7}})\b",
    re.IGNORECASE,
)
_NOT_THIS_MEETING = re.compile(_words("national"), re.IGNORECASE)
_RESOLUTION_BEFORE = re.compile(rf"(?:{_words('document')})\s*$", re.IGNORECASE)
_DATE = re.compile(
    rf"(?:^|[\s(,])(?:{'|'.join(_any_case_initial(w) for w in _used_as('date_word', 'date'))})\s+"
    rf"(?:(?:{_grammar('day')})\s+)?(\d{{1,2}})[/-](\d{{1,2}})(?:[/-]((?:19|20)\d{{2}}))?"
)
_EVENT = re.compile(_words("event"), re.IGNORECASE)
_HEAD_SENTENCES = 6

_MEETING_NOUN = re.compile(either(_used_as("meeting_noun", "reported")), re.IGNORECASE)
_REVIEW = re.compile(
    rf"(?:{either(_used_as('meeting_noun', 'review'))}) (?P<kind>{_words('review')}) "
    rf"(?:(?P<years>\d+(?:,\d+)?) (?:{_grammar('years')}) )?(?:(?:{_grammar('implementing')}) )?"
    rf"(?P<what>{_words('plan')}) (?P<topic>[^,.;:()]+?)"
    rf"(?: (?:{_grammar('span')}) (?P<first>(?:19|20)\d{{2}})\s?[-–]\s?(?P<last>(?:19|20)\d{{2}}))?"
    rf"(?=\s+(?:{either(_used_as('date_word', 'topic_end'))})\b|[,.;:(]|$)",
    re.IGNORECASE,
)
_PRESS = re.compile(
    rf"(?:{_words('press')})(?P<spring> (?:{_words('spring')})(?: (?P<lunar>{_CAPITAL}\w+ {_CAPITAL}\w+))?)?"
)
_REVIEW_EN = mapping("meeting", "review")
_WHAT_EN = mapping("meeting", "plan")


@dataclass(frozen=True)
class MeetingFacts:
    session: int | None
    session_text: str | None
    term: str | None
    date: str | None
    date_as_written: str | None
    date_year_inferred: bool
    body_vi: str | None = None
    body_en: str | None = None
    sentence: tuple[int, int] | None = None

    def describe(self) -> str:
        parts = []
        if self.body_vi:
            parts.append(f"body {self.body_vi} ({self.body_en})")
        if self.session is not None:
            parts.append(f"session number {self.session}")
        if self.term:
            parts.append(f"term {self.term}")
        if self.date_as_written:
            parts.append(f"date {self.date_as_written}")
        return "; ".join(parts) or "nothing"


def roman_to_int(token: str) -> int:
    """'XII' -> 12; digits pass through."""
    if token.isdigit():
        return int(token)
    total, prev = 0, 0
    for ch in reversed(token.upper()):
        v = _ROMAN[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _head(ledger: Ledger) -> list[Sentence]:
    """The sentences of the report's head, where a meeting is reported: its first third (at least 1,200 characters)."""
    return [s for s in ledger.sentences if s.start < max(1200, len(ledger.text) // 3)]


def _session_in(sentence: Sentence) -> re.Match[str] | None:
    for m in _SESSION.finditer(sentence.text):
        before = sentence.text[max(0, m.start() - 20) : m.start()]
        if _NOT_THIS_MEETING.search(m.group()) or _RESOLUTION_BEFORE.search(before):
            continue
        return m
    return None


def _meeting_sentence(ledger: Ledger) -> tuple[Sentence, re.Match[str] | None] | None:
    """The sentence reporting this meeting: a session phrase of this body, else a dated event in the head."""
    head = _head(ledger)
    for sent in head:
        m = _session_in(sent)
        if m is not None:
            return sent, m
    for sent in head[:_HEAD_SENTENCES]:
        if _DATE.search(sent.text) and _EVENT.search(sent.text):
            return sent, None
    for sent in head[:_HEAD_SENTENCES]:
        if _MEETING_NOUN.search(sent.text):
            return sent, None
    return None


def _body_in(ledger: Ledger, sentence: Sentence, session: re.Match[str] | None) -> str | None:
    found = []
    for m in _BODY.finditer(sentence.text):
        if (ends := _body_end(m)) is not None:
            found.append((m.start(), *ends))
    if not found:
        return None
    if session is not None:
        start, end, _ = min(
            found,
            key=lambda f: (
                0
                if f[0] < session.end() and f[1] > session.start()
                else min(abs(f[0] - session.end()), abs(f[1] - session.start()))
            ),
        )
    else:
        start, end, _ = max(found, key=lambda f: (_governed(sentence.text, f[0], f[1]), bool(f[2]), -f[0]))
    body = sentence.text[start:end].strip()
    # 'Thành uỷ TP' -> 'Thành uỷ TP. HCM'
    longer = re.search(re.escape(body) + rf"[.]?\s{_CAPITAL}{{2,4}}\b", ledger.text)
    return longer.group() if longer and body.endswith("TP") else body


_MEETS_AFTER = re.compile(rf"^\s*(?:(?:{_grammar('tense')})\s+)?(?:{_words('meets')})", re.IGNORECASE)
_MEETING_OF_BEFORE = re.compile(
    rf"(?:{either(_used_as('meeting_noun', 'held_by'))})(?:\s+\S+){{0,5}}?\s+(?:{_grammar('of')})\s*$", re.IGNORECASE
)
_TITLE_BEFORE = re.compile(rf"(?:{_words('title_word')})\s*(?:(?:{_grammar('delegation')})\s+)?$")
_VENUE_BEFORE = re.compile(rf"(?:{_words('venue_word')})\s*$", re.IGNORECASE)


def _governed(text: str, start: int, end: int) -> int:
    """How surely a body written in the meeting sentence is the one that met: it meets ('HĐND tỉnh họp', 'Ban
    Thường vụ Tỉnh ủy làm việc với …') or the meeting is its ('kỳ họp thứ 5 của HĐND …'), not a title in an
    official's string of titles ('Trưởng đoàn ĐBQH tỉnh', 'Chủ tịch UBND tỉnh')."""
    score = 2 * bool(_MEETS_AFTER.match(text[end:])) + 2 * bool(_MEETING_OF_BEFORE.search(text[:start]))
    before = text[max(0, start - 40) : start]
    return score - 3 * bool(_TITLE_BEFORE.search(before)) - 3 * bool(_VENUE_BEFORE.search(before))


def _titled(text: str, body: str) -> bool:
    """Whether ``body`` is written in ``text`` only as part of an official's title or a venue, never as what met."""
    spans = [(m.start(), m.start() + len(body)) for m in re.finditer(re.escape(body), text)]
    return bool(spans) and all(_governed(text, start, end) < 0 for start, end in spans)


def _event_in(ledger: Ledger) -> tuple[Sentence, str, str] | None:
    """A meeting that is not a body's session, described as the report names it: "cuộc họp sơ kết 2,5 năm
    chương trình giảm ô nhiễm môi trường giai đoạn 2016-2020" -> "2.5-year review meeting of the 2016–2020
    environmental pollution reduction programme"; "buổi gặp mặt báo chí đầu xuân Đinh Dậu" of a district's
    leaders -> "Duc Tho District spring press meeting (Dinh Dau lunar new year)"."""
    head = _head(ledger)
    for sent in head:
        m = _REVIEW.search(sent.text)
        if m:
            topic = m.group("topic")
            terms = [t for t in find_terms(topic) if t.end - t.start >= len(topic.strip()) - 1]
            if not terms:
                continue
            years = f"{m.group('years').replace(',', '.')}-year " if m.group("years") else ""
            span = f"{m.group('first')}–{m.group('last')} " if m.group("first") else ""
            kind = _REVIEW_EN.get(m.group("kind").lower(), "final review")
            en = f"{years}{kind} meeting of the {span}{terms[0].en} {_WHAT_EN[m.group('what').lower()]}"
            return sent, sent.text[m.start() : m.end("topic")], en[:1].upper() + en[1:]
        m = _PRESS.search(sent.text)
        if m:
            place = _ADMIN_PLACE.search(sent.text[m.end() :])
            where = translate_admin(place.group()) + " " if place else ""
            en = f"{where}{'spring ' if m.group('spring') else ''}press meeting"
            if m.group("lunar"):
                en += f" ({fold(m.group('lunar')).title()} lunar new year)"
            vi = place.group() if place else m.group()
            return sent, vi, en
    return None


_EVENT_NOUNS = either(words("meeting", "event_noun"))
_EVENT_NOUN = re.compile(rf"(?<!\w)(?P<noun>{_EVENT_NOUNS})\s+(?P<topic>[^,.;:()\"“”]+)", re.IGNORECASE)
_EVENT_EN = {vi.lower(): en for vi, en in mapping("meeting", "event_noun").items()}
_AT_EVENT = re.compile(rf"(?<!\w)(?:{_grammar('at')})\s+(?:{_EVENT_NOUNS})\s", re.IGNORECASE)
_OF_WITH = re.compile(rf"^(?:{_grammar('of')})\s+(?P<host>.+?)\s+(?:{_words('with')})\s+(?P<who>.+)$", re.IGNORECASE)
_TOPIC_STOP = re.compile(rf"\s+(?:{either(words('meeting', 'topic_stop'))})(?!\w).*$", re.IGNORECASE)


_ORGANIZERS = {re.sub(r"\s", "", vi).lower(): en for vi, en in mapping("meeting", "organizer").items()}
_ORGANIZER_NAMES = sorted(mapping("meeting", "organizer"), key=len, reverse=True)
_ORGANIZER = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(vi).replace(r"\&", r"\s?&\s?") for vi in _ORGANIZER_NAMES) + r")(?!\w)"
)
"""A central organizer as the press writes it, longest first; '&' with or without spaces ('Bộ NN & PTNT')."""
_HOLDS = either(words("meeting", "holds"))
_HELD_BY = re.compile(rf"\bdo\s+(?P<who>[^.;:]+?)\s+(?:{_HOLDS})\b")
_HOLDS_BEFORE = re.compile(rf"(?P<who>[^.;:]{{1,150}}?)\s+(?:(?:đã|vừa)\s+)?(?:{_HOLDS})\s*$")


def _central(written: str) -> str:
    """The English of a central organizer as written ('Bộ NN & PTNT' -> 'Ministry of Agriculture and …')."""
    return _ORGANIZERS[re.sub(r"\s", "", written).lower()]


def _organizer(sent: Sentence, m: re.Match[str]) -> str | None:
    """Who holds the event of ``m`` (an ``_EVENT_NOUN`` match), in English: a central body its topic opens with
    ('họp báo Chính phủ thường kỳ'), or the one named after it ('… do Bộ Y tế tổ chức') or right before it ('tỉnh Bà
    Rịa - Vũng Tàu tổ chức hội nghị'): an organizer of ``data/meeting.tsv``, a body, or a place."""
    opens = _ORGANIZER.match(m.group("topic"))
    if opens:
        return _central(opens.group())
    after, before = _HELD_BY.search(sent.text, m.start("topic")), _HOLDS_BEFORE.search(sent.text[: m.start()])
    for who in (x.group("who") for x in (after, before) if x):
        if central := [c for c in _ORGANIZER.finditer(who) if not _VENUE_BEFORE.search(who[: c.start()])]:
            return _central(central[-1].group())
        if found := _party(who.rsplit(",", 1)[-1]):  # a body or place is named in the clause of the verb
            return found
    return None


_WITH = re.compile(rf"(?:{_words('with')})\s+(?P<who>.+)", re.IGNORECASE)


def _party(who: str) -> str | None:
    """The first central body, body or place ``who`` names, in English."""
    found = _party_at(who)
    return found[0] if found else None


def _party_at(who: str) -> tuple[str, int, int] | None:
    """``_party``, and where in ``who`` its name starts and ends."""
    if central := _ORGANIZER.search(who):
        return _central(central.group()), central.start(), central.end()
    if (body := _BODY.search(who)) and (ends := _body_end(body)):
        return body_english(who[body.start() : ends[0]]), body.start(), ends[0]
    if place := _ADMIN_PLACE.search(who):
        return translate_admin(place.group()), place.start(), place.end()
    return _province_in(who)


def _province_in(text: str) -> tuple[str, int, int] | None:
    """The English of the first province or centrally-run city ``text`` names without a place word ('lãnh đạo Hà
    Nội' -> 'Hanoi'), at most four words from its start, and where its name starts and ends."""
    spans = [(m.group(), m.start(), m.end()) for m in re.finditer(r"(?:[^\s,.;:()]|\.(?=\S))+|TP\.", text)][:8]
    for i in range(min(len(spans), 4)):
        for n in range(5, 0, -1):  # 'Bà Rịa - Vũng Tàu': five words with the dash
            place = _PROVINCES.get(fold(" ".join(w for w, _, _ in spans[i : i + n])))
            if place and spans[i][0][:1].isupper():
                return place, spans[i][1], spans[min(i + n, len(spans)) - 1][2]
    return None


_REVIEWS = re.compile(rf"(?:{_words('review')})\s", re.IGNORECASE)
_PLAIN_YEAR = re.compile(r"^(?:19|20)\d{2}$")


def _reviewed(clause: str) -> str | None:
    """The period a review meeting reviews, in English, where its topic opens with a review word: 'sơ kết 6 tháng
    đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2017' -> 'the first 6 months of 2017' (the year written once,
    at the end, is the first half's too); 'tổng kết năm 2017' -> '2017'."""
    if not _REVIEWS.match(clause):
        return None
    clause = re.split(r"[.;:]", clause, maxsplit=1)[0]
    period = find_period(clause)
    if period is None:
        return None
    if (
        period.endswith(" of the year")
        and (year := find_period(clause, last=True))
        and _PLAIN_YEAR.search(year.rsplit(" ", 1)[-1])
    ):
        period = period.removesuffix(" of the year") + " of " + year.rsplit(" ", 1)[-1]
    return period if _PLAIN_YEAR.match(period) else f"the {period}"


_HELD_AT = re.compile(
    rf"(?<!\w)(?:{_words('held_at')})\s+(?:(?:{either(words('meeting', 'city'))}|tỉnh)\s+)?"
    rf"(?P<name>(?:TP\.?\s?)?[{CAPITALS}][^\s,.;:()]*(?:(?:\s+|\s?[-–]\s?)[{CAPITALS}][^\s,.;:()]*){{0,3}})"
)
_PROVINCES = {fold(vi): en for vi, en in mapping("meeting", "province").items()}


def with_venue(body_en: str, text: str) -> str:
    """An event's name with the province or city it was held at, where the sentence says so and the name does not
    ('Southwest Region Steering Committee conference' … 'tại thành phố Cần Thơ' -> '… (Can Tho)')."""
    for m in _HELD_AT.finditer(text):
        words_ = m.group("name").split()
        for n in range(len(words_), 0, -1):
            written = fold(" ".join(words_[:n]))
            place = _PROVINCES.get(written) or _PROVINCES.get(re.sub(r"^tp\.?\s?", "", written))
            if place:
                return body_en if fold(place) in fold(body_en) else f"{body_en} ({place})"
    return body_en


def _chaired(ledger: Ledger) -> tuple[Sentence, str, str] | None:
    """A meeting an official led, where no body met: 'thông báo kết luận của Phó Thủ tướng Trịnh Đình Dũng sau cuộc
    họp …' -> 'Meeting chaired by Deputy Prime Minister Trinh Dinh Dung'; the official's title and name as written
    is the body."""
    officials = officials_in(ledger)
    for sent in _head(ledger)[:_HEAD_SENTENCES]:
        if not _MEETING_NOUN.search(sent.text):
            continue
        for name, role in officials:
            at = sent.text.find(name)
            if at < 0:
                continue
            before, after = sent.text[:at], sent.text[at + len(name) :]
            if not (_LED_BY_BEFORE.search(before) or _LEADS_AFTER.match(after)):
                continue
            written = re.split(rf"[,(]|(?<!\w)(?:{_words('chairs')})(?!\w)", before)[-1].strip()
            body_vi = f"{written} {name}".strip() if len(written.split()) <= 8 else name
            return sent, body_vi, f"Meeting chaired by {_official_en(name, role)}"
    return None


_LED_BY_BEFORE = re.compile(rf"(?:{either(_used_as('chairs', 'after'))})\s+[^,.;:()]{{0,80}}$")
_LEADS_AFTER = re.compile(rf"\s*(?:{either(_used_as('chairs', 'before'))})(?!\w)")


_WORKS_WITH = re.compile(
    rf"(?<!\w)(?:{_words('works_with')})\s+(?P<who>(?:[^,.;:()]|\.(?=\S)|(?<=TP)\.)+)", re.IGNORECASE
)
_PEOPLE_OF = {vi.lower(): en for vi, en in mapping("meeting", "people_of").items()}
_PEOPLE = re.compile(rf"^(?P<people>{either(_PEOPLE_OF)})\s", re.IGNORECASE)


def _official_en(name: str, role: str) -> str:
    """An official as English writes one: 'Deputy Prime Minister Trinh Dinh Dung', and a long role after the name,
    'Dinh La Thang (Secretary of the Ho Chi Minh City Party Committee)'."""
    return f"{strip_diacritics(name)} ({role})" if " of " in role else f"{role} {strip_diacritics(name)}"


def _host(text: str, officials: list[tuple[str, str]]) -> str | None:
    """Who holds a working session: the first official of the report that the text of its sentence outside the other
    party names, in full or as 'ông Thăng' for Đinh La Thăng, with the role; None where it names none."""
    for name, role in officials:
        last = name.split()[-1]
        if name in text or re.search(rf"(?<!\w)(?:ông|bà)\s+{re.escape(last)}(?!\w)", text):
            return _official_en(name, role)
    return None


def _partner(who: str) -> tuple[str, str] | None:
    """The other party of a working session in English, and as written ('lãnh đạo tỉnh Bình Dương' -> 'Binh Duong
    Province leaders'); None where something else comes before the party ('Công an TP.HCM', 'Liên đoàn Lao động thành
    phố Hồ Chí Minh': the police, a federation, not the city); only its people may."""
    party = _party_at(who)
    people = _PEOPLE.match(who)
    if party is None or who[: party[1]].strip() not in ("", people.group("people") if people else ""):
        return None
    partner = f"{party[0]} {_PEOPLE_OF[people.group('people').lower()]}" if people else party[0]
    return partner, who[: party[2]]


def _working_session(ledger: Ledger) -> tuple[Sentence, str, str] | None:
    """A working session in a head sentence: 'Làm việc với lãnh đạo tỉnh Bình Dương, ông Thăng cho biết …' (ông Đinh
    La Thăng, Bí thư Thành ủy TP.HCM) -> 'Working session of Dinh La Thang (Secretary of the Ho Chi Minh City Party
    Committee) with Binh Duong Province leaders'; the other party, as written, is the body met."""
    officials = officials_in(ledger)
    for sent in _head(ledger)[:_HEAD_SENTENCES]:
        m = _WORKS_WITH.search(sent.text)
        if m is None:
            continue
        who = _TOPIC_STOP.sub("", m.group("who")).strip()
        found = _partner(who)
        if found is None:
            continue
        partner, who = found
        host = _host(sent.text[: m.start()] + " " + sent.text[m.end() :], officials)
        if host is None:
            host = _party(re.split(r"[,;:]", sent.text[: m.start()])[-1])
        en = f"Working session {f'of {host} ' if host and host != partner else ''}with {partner}"
        return sent, who, en
    return None


def _topic_event(ledger: Ledger) -> tuple[Sentence, str, str] | None:
    """A meeting named by its topic in a head sentence ('hội nghị xúc tiến đầu tư tỉnh Hậu Giang' -> 'Hau Giang
    Province investment promotion conference'): the place first, then the topic where it is one known term (longer
    topics composed word by word read as garbage on corpus articles: 'Banks sectors tasks implemented
    conference'), else the place alone ('Tien Giang Province working session'); nothing without either."""
    for sent in _head(ledger)[:_HEAD_SENTENCES]:
        m = _EVENT_NOUN.search(sent.text)
        if m is None:
            continue
        partner = _WITH.match(m.group("topic"))
        whose = _OF_WITH.match(m.group("topic"))
        host = _host(whose.group("host"), officials_in(ledger)) if whose else None
        if whose and host and (with_whom := _partner(whose.group("who").strip())):
            en = f"{_EVENT_EN[m.group('noun').lower()]} of {host} with {with_whom[0]}"  # 'cuộc làm việc của … với'
            return sent, sent.text[m.start() : m.end()], en[:1].upper() + en[1:]
        if partner and (with_whom := _partner(partner.group("who"))):
            en = f"{_EVENT_EN[m.group('noun').lower()]} with {with_whom[0]}"  # 'buổi làm việc với UBND phường Phú Mỹ'
            return sent, sent.text[m.start() : m.end()], en[:1].upper() + en[1:]
        topic = _TOPIC_STOP.sub("", m.group("topic")).strip()
        reviewed = _reviewed(sent.text[m.start("topic") :])
        if reviewed and (who := _organizer(sent, m)):  # 'Ban Chỉ đạo … tổ chức hội nghị sơ kết 6 tháng đầu năm …'
            en = f"{who} {_EVENT_EN[m.group('noun').lower()]} reviewing {reviewed}"
            return sent, sent.text[m.start() : m.start("topic") + len(topic)], en
        place = _ADMIN_PLACE.search(topic)
        about = chunk(topic[: place.start()] if place else topic)
        known = len(about) == 1 and about[0].role == "noun"  # one known term: composing more is translating
        who = translate_admin(place.group()) if place else _organizer(sent, m) or ""
        parts = (who, about[0].en if known and about[0].en.lower() not in who.lower() else "")
        if not any(parts):
            continue
        en = " ".join((*(p for p in parts if p), _EVENT_EN[m.group("noun").lower()]))
        return sent, sent.text[m.start() : m.start("topic") + len(topic)], en[:1].upper() + en[1:]
    return None


def find_meeting_facts(ledger: Ledger) -> MeetingFacts:
    """Session, term, date and body as the meeting sentence states them; a bare dd/mm's year is inferred
    and says so. All null when no sentence reports a meeting. Read once per ledger."""
    return ledger.keep("meeting_facts", lambda: _read_meeting_facts(ledger))


def officials_in(ledger: Ledger) -> list[tuple[str, str]]:
    """``find_officials`` of the ledger's text, read once per ledger."""
    return ledger.keep("officials", lambda: find_officials(ledger.text))


_ACT = re.compile(rf"\b(?:{_words('vote')})\b", re.IGNORECASE)
"""What a body does only in session, by vote ('vừa được HĐND tỉnh thông qua'), in a report about the decision
rather than the meeting; issuing or approving ('ban hành', 'phê duyệt') is an office's act, not a meeting's."""


def _act_sentence(ledger: Ledger) -> Sentence | None:
    """A head sentence in which a body decides: the report is about that body's act."""
    head = _head(ledger)[:_HEAD_SENTENCES]
    return next((s for s in head if _ACT.search(s.text) and _BODY.search(s.text)), None)


def _fuller(body: str, text: str) -> str:
    """A body written short ('HĐND tỉnh', 'Quốc hội') is the one the report names in full elsewhere ('HĐND tỉnh
    Sơn La', 'Quốc hội khóa XIV'): its most frequent longer form."""
    short = _BODY.fullmatch(body)
    if short is None or short.group("place"):
        return body
    longer: dict[str, int] = {}
    for m in _BODY.finditer(text):
        ends = _body_end(m)
        full = text[m.start() : ends[0]] if ends else ""
        if full.startswith(body + " "):
            longer[full] = longer.get(full, 0) + 1
    return max(longer, key=lambda k: (longer[k], -text.find(k))) if longer else body


def _holding(body_vi: str, text: str) -> str:
    """A body's English, with the event it holds where the meeting sentence says so ('Thành uỷ TP. HCM tổ chức hội
    nghị cán bộ TP' -> 'Ho Chi Minh City Party Committee conference'): not its own session, but an event it held."""
    held = re.search(rf"{re.escape(body_vi)}\s+(?:(?:đã|vừa)\s+)?(?:{_HOLDS})\s+(?P<noun>{_EVENT_NOUNS})\b", text, re.I)
    event = f" {_EVENT_EN[held.group('noun').lower()]}" if held else ""
    return body_english(body_vi) + event


_AROUND = re.compile(rf"(?<!\w)(?:{_grammar('around')})\s*$", re.IGNORECASE)
_VOTERS = re.compile(rf"(?<!\w)(?:{_words('voters')})(?!\w)", re.IGNORECASE)
_DEPUTIES = mapping("meeting", "deputies")


def _voters_met(ledger: Ledger) -> tuple[Sentence, str, str] | None:
    """Deputies meeting voters, in a head sentence ('Đoàn ĐBQH TP.HCM đã tiếp xúc cử tri huyện Bình Chánh' ->
    "National Assembly deputies' meeting with voters of Binh Chanh District"): the voters' place after it."""
    for sent in _head(ledger)[:_HEAD_SENTENCES]:
        m = _VOTERS.search(sent.text)
        if m is None:
            continue
        place = _ADMIN_PLACE.match(sent.text, m.end() + 1)  # 'tiếp xúc cử tri huyện Bình Chánh'; else which, unsaid
        before = sent.text[: m.start()].lower()
        who = next((en for vi, en in _DEPUTIES.items() if vi in before), "")
        where = f" of {translate_admin(place.group())}" if place else ""
        en = f"{who} meeting with voters{where}".strip()
        return sent, sent.text[m.start() : place.end() if place else m.end()], en[:1].upper() + en[1:]
    return None


def _sentence_at(ledger: Ledger, m: re.Match[str]) -> str:
    """The text of the sentence ``m`` starts in."""
    return next((s.text for s in ledger.sentences if s.start <= m.start() < s.end), "")


def _read_meeting_facts(ledger: Ledger) -> MeetingFacts:
    found = _meeting_sentence(ledger)
    body_vi = _body_in(ledger, found[0], found[1]) if found else None
    if body_vi is None and (found is None or found[1] is None) and (act := _act_sentence(ledger)) is not None:
        found, body_vi = (act, None), _body_in(ledger, act, None)
    body_vi = _fuller(body_vi, ledger.text) if body_vi else None
    body_en: str | None = None
    dated = found[0] if found else None  # the head sentence that dates the meeting, where the event is told later
    working = _working_session(ledger) if body_vi and found and found[1] is None else None
    if working and body_vi and found and _titled(found[0].text, body_vi) and body_vi not in working[1]:
        body_vi = None  # the only body is in the title of the official who went ('Bí thư Thành ủy …'), not the host
    spoke_at = found is not None and found[1] is None and _AT_EVENT.search(found[0].text) is not None
    if found and body_vi and spoke_at and _titled(found[0].text, body_vi) and _topic_event(ledger) is not None:
        body_vi = None  # 'Phát biểu tại cuộc làm việc …, Chủ tịch UBND TP Hà Nội …': the event, not the speaker's title
    if body_vi is None and (found is None or found[1] is None):
        event = _event_in(ledger) or working or _working_session(ledger) or _topic_event(ledger) or _chaired(ledger)
        if event is not None:
            sent, body_vi, body_en = event  # no body meets: the event the report names
            body_en = with_venue(body_en, sent.text)
            found = (sent, None)
    voters = _voters_met(ledger)
    if voters and found and found[1] and not _AROUND.search(found[0].text[: found[1].start()]):
        voters = None  # 'bên lề kỳ họp thứ 13 HĐND …, qua tiếp xúc cử tri trước kỳ họp': the session met
    if voters is not None:
        found, body_vi, body_en = (voters[0], None), voters[1], voters[2]  # not the session it comes before
    if found is None:
        return MeetingFacts(None, None, None, None, None, False)
    sent, session = found
    t = TERM_YEARS.search(sent.text)
    if t is None:
        following = [s for s in ledger.sentences if sent.start < s.start][:3]
        t = next(
            (m for s in following if (m := TERM_YEARS.search(s.text)) and not _NOT_THIS_MEETING.search(s.text)), None
        )
    if t is None and body_vi:
        core = re.sub(rf"^(?:{_words('body_prefix')})\s+", "", body_vi)
        t = re.search(re.escape(core) + r"[^.;:\n]{0,20}?" + TERM_YEARS.pattern, ledger.text, re.IGNORECASE)
        t = TERM_YEARS.search(t.group()) if t else None
    if t is None and session is not None:
        terms = [m for m in TERM_YEARS.finditer(ledger.text) if not _NOT_THIS_MEETING.search(_sentence_at(ledger, m))]
        t = terms[0] if terms and len({m.groups() for m in terms}) == 1 else None  # the one term a session report names
    d = _DATE.search(sent.text) or (_DATE.search(dated.text) if dated is not None else None)
    date_iso = date_written = None
    inferred = False
    if d:
        day, month, year = int(d.group(1)), int(d.group(2)), d.group(3)
        date_written = d.group().strip(" (,\n")
        if 1 <= day <= 31 and 1 <= month <= 12:
            y = int(year) if year else ledger.document_year
            inferred = year is None and y is not None
            # no year written or found anywhere: the day and month alone, as ISO 8601 writes a date without its year
            date_iso = f"{y:04d}-{month:02d}-{day:02d}" if y is not None else f"--{month:02d}-{day:02d}"
    return MeetingFacts(
        session=roman_to_int(session.group(1)) if session else None,
        session_text=session.group() if session else None,
        term=f"{t.group(1)}–{t.group(2)}" if t else None,
        date=date_iso,
        date_as_written=date_written,
        date_year_inferred=inferred and date_iso is not None,
        body_vi=body_vi,
        body_en=body_en or (_holding(body_vi, sent.text) if body_vi else None),
        sentence=(sent.start, sent.end),
    )

"""Title, lead and topics written by code from a checked summary (data-to-text).

The embedded model's prose is not trustworthy (``shared/notes/local-model.md``: invented currencies,
transliterated names, relations no report states), so the briefing's words around the figures are written
here, from what the summary already holds: the meeting facts and the grounded key figures with their
names, bases and periods. Each figure is said on its own, with its own basis and period; no relation
between two figures is stated. Every number is written in the table's notation (``formatting``) or from the
meeting facts, so the prose cites nothing the table does not show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.reading.basis import Basis
from summarizer.schema import Indicator, Meeting, Summary
from summarizer.wording.formatting import format_date, format_quantity, lower_first

__all__ = [
    "ORDINAL_WORDS",
    "TOPICS",
    "fact_sheet",
    "figure_clause",
    "key_figures",
    "meeting_sentence",
    "render_references",
    "topics_of",
    "write_lead",
    "write_title",
]

TOPICS: list[tuple[str, re.Pattern[str]]] = [
    (topic, re.compile(pattern, re.IGNORECASE))
    for topic, pattern in [
        ("Tourism", r"\btouris|\bvisitors?\b"),
        ("State budget", r"\bbudget|\bstate revenue|\bspending|\bexpenditure|\btax"),
        ("Economic growth", r"\bGRDP\b|\bGDP\b|production value|economic|\bgrowth\b|\boutput\b|value added"),
        ("Investment", r"\binvest|\bcapital\b|\bFDI\b|\bprojects?\b|disburse"),
        ("Trade and services", r"\bexport|\bimport|\btrade|\bretail|\bservices?\b|\bsales\b"),
        ("Enterprises", r"\benterprises?\b|\bbusinesses\b|\bcompanies\b|\bfirms?\b"),
        (
            "Jobs and social welfare",
            r"\bjobs?\b|\bworkers?\b|\blabou?r|\bemploy|\bpoor\b|\bpoverty|\bsocial|\binsurance",
        ),
        ("Education, health and culture", r"\bschool|\beducation|\bstudents?\b|\bhealth|\bhospital|\bcultur|\bfamil"),
        ("Agriculture and rural development", r"\bagricultur|\brice\b|\bcrops?\b|\blivestock|\bforest|\brural|\bfarm"),
        ("Land, construction and transport", r"\bland\b|\bconstruction|\bhousing|\burban|\broads?\b|\btransport"),
        ("Targets and plans", r"\btargets?\b|\bcriteria\b|\bindicators?\b|\bplan\b"),
    ]
]
"""A figure's English name -> the subject a reader files it under, first match wins (knowledge as data)."""

_MAX_LEAD_FIGURES = 4


def topics_of(indicators: list[Indicator], limit: int = 4) -> list[str]:
    """The subjects of the grounded key figures, in the order their first figure comes."""
    found: list[str] = []
    for ind in key_figures(indicators):
        topic = _topic(ind.name)
        if topic and topic not in found:
            found.append(topic)
    return found[:limit]


def _topic(name: str) -> str | None:
    return next((topic for topic, pattern in TOPICS if pattern.search(name)), None)


def key_figures(indicators: list[Indicator]) -> list[Indicator]:
    """Grounded figures named in English, the model's choices first, then the ones code added (a figure shown in its
    Vietnamese words is for the table, not for English prose)."""
    grounded = [i for i in indicators if i.grounding == "grounded" and i.name_status == "translated"]
    return [i for i in grounded if i.chosen_by == "model"] + [i for i in grounded if i.chosen_by == "code"]


ORDINAL_WORDS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
)
_TENS = {2: ("twenty", "twentieth"), 3: ("thirty", "thirtieth"), 4: ("forty", "fortieth")}


def _session_ordinal(meeting: Meeting) -> str:
    """'29th' where the report writes the number in digits ('kỳ họp lần thứ 29'), 'tenth' where it writes a Roman
    numeral ('Đại hội lần thứ X'): every digit in the prose is one the source holds."""
    n = meeting.session or 0
    if meeting.session_text and re.search(rf"(?<!\d){n}(?!\d)", meeting.session_text):
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return _ordinal(n)


def _ordinal(n: int) -> str:
    """'tenth', 'twenty-second': a session number in words, for one the report writes in Roman numerals."""
    if 1 <= n <= 20:
        return ORDINAL_WORDS[n - 1]
    if 20 < n < 50:
        tens, unit = divmod(n, 10)
        return f"{_TENS[tens][0]}-{ORDINAL_WORDS[unit - 1]}" if unit else _TENS[tens][1]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _is_event(body: str) -> bool:
    return re.search(r"\b(?:meeting|conference|congress|session|review|ceremony|visit)\b", body, re.I) is not None


def meeting_sentence(meeting: Meeting) -> str:
    """Who met, which session and term, when: 'The Tay Ho District Party Committee held its 20th session
    (term 2020–2025) on 12 October 2024.'"""
    body = meeting.body_en.strip()
    when = format_date(meeting)
    on = f" on {when}" if when else ""
    term = f" (term {meeting.term})" if meeting.term else ""
    if not body:
        return f"The report covers a local-government meeting{on}." if on else ""
    the = "" if re.match(r"(?:the|a|an)\b", body, re.I) else "the "
    if _is_event(body) and meeting.session is None:
        return f"{(the + body)[:1].upper()}{(the + body)[1:]}{term} took place{on}."
    subject = f"{(the + body)[:1].upper()}{(the + body)[1:]}"
    if meeting.session is not None:
        return f"{subject} held its {_session_ordinal(meeting)} session{term}{on}."
    return f"{subject} met{term}{on}." if on or term else f"{subject} met."


def _period_phrase(ind: Indicator) -> str:
    period = (ind.period or "").strip()
    if not period:
        return ""
    if re.match(r"(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?$", period):
        return f" in {period}"
    if re.match(r"by (?:19|20)\d{2}$", period):
        return f" {period}"
    if re.match(r"(?:the )?(?:first|last|\d+|nine|six|three)", period, re.I):
        return f" in {period}" if period.lower().startswith("the ") else f" in the {period}"
    return f" ({period})"


_BASIS_TAIL = {
    Basis.GROWTH_SAME_PERIOD: " year on year",
    Basis.LEVEL_SAME_PERIOD: " of the level a year earlier",
    Basis.OF_PLAN: " of the plan",
    Basis.OF_ESTIMATE: " of the estimate",
    Basis.OF_TOTAL: " of the total",
}

_NAMED_RELATION = re.compile(
    r"^(?P<subject>.+?)(?:"
    r"(?P<growth>\s+growth)?\s*\((?P<yoy>year on year)\)"
    r"|\s+as % of (?:the )?(?P<of>.+)"
    r"|(?P<goal>\s+growth)?\s*\(target\)"
    r"|\s+growth vs (?P<vs>.+)"
    r"|\s+above (?P<above>.+)"
    r")$"
)
"""The relation a program-made name carries (``meaning.figure_label``): 'Budget revenue as % of the budget
estimate', 'Industrial output growth (year on year)', 'GRDP growth (target)'."""

_VERBS = {"increase": "rose by", "decrease": "fell by", "rise_to": "rose to", "fall_to": "fell to"}


def _value(ind: Indicator) -> str:
    value = format_quantity(
        ind.value, unit=ind.unit, scale=ind.scale, kind=ind.kind, denominator=ind.denominator, high=ind.value_high
    )
    qualifier = "" if ind.qualifier in (None, "estimated") else f"{ind.qualifier} "
    return ("an estimated " if ind.qualifier == "estimated" else "") + qualifier + value


@dataclass(frozen=True)
class _Clause:
    """One figure as a sentence part: who ('budget revenue'), what is said of it, and when."""

    subject: str
    predicate: str
    period: str

    @property
    def text(self) -> str:
        if self.subject.startswith("the ") and "target" in self.subject:
            return f"{self.subject}{self.period} {self.predicate}"
        return f"{self.subject} {self.predicate}{self.period}"

    @property
    def relation(self) -> bool:
        """It says more than a level: growth, a share of a plan or an estimate, an excess."""
        plain = re.match(r"(?:stood at|reached|was) ", self.predicate) is not None
        return not plain or " of the " in self.predicate or " above " in self.predicate

    @property
    def bare(self) -> str:
        """The predicate as an apposition after another about the same subject: 'reached 103% of the plan' ->
        '103% of the plan', 'grew 12.86% year on year' -> 'up 12.86% year on year'."""
        for verb, short in _APPOSITIONS:
            if self.predicate.startswith(verb):
                return short + self.predicate.removeprefix(verb)
        return ""


_APPOSITIONS = (
    ("reached ", ""),
    ("stood at ", ""),
    ("was ", ""),
    ("grew ", "up "),
    ("rose by ", "up "),
    ("fell by ", "down "),
    ("fell ", "down "),
)


def _said_by_name(ind: Indicator, subject: str, m: re.Match[str]) -> _Clause | None:
    """The clause for a name that carries its relation: the relation becomes the verb and its object."""
    value, period = _value(ind), _period_phrase(ind)
    if m.group("yoy"):
        verb = "fell" if ind.direction == "decrease" else "grew"
        return _Clause(subject, f"{verb} {value.removeprefix('an estimated ')} year on year", period)
    if m.group("of"):
        return _Clause(subject, f"reached {value} of the {m.group('of')}", period)
    if m.group("vs"):
        verb = "fell" if ind.direction == "decrease" else "grew"
        return _Clause(subject, f"{verb} {value} compared with {m.group('vs')}", period)
    if m.group("above"):
        return _Clause(subject, f"was {value} above {m.group('above')}", period)
    if m.group("goal") is not None or "(target)" in m.group(0):
        what = f"{subject} growth" if m.group("goal") else subject
        return _Clause(f"the {what}" if "target" in what else f"the target for {what}", f"is {value}", period)
    return None


def _clause(ind: Indicator) -> _Clause:
    name = lower_first(ind.name.strip())
    m = _NAMED_RELATION.match(name)
    if m is not None and (said := _said_by_name(ind, m.group("subject"), m)) is not None:
        return said
    value, period, basis = _value(ind), _period_phrase(ind), ind.basis or ""
    tail = _BASIS_TAIL.get(Basis(basis), "") if basis in Basis.__members__.values() else ""
    if basis == Basis.TARGET:
        if "target" in name.lower() or "goal" in name.lower():
            return _Clause(name, f"is {value}", period)
        return _Clause(f"the target for {name}", f"is {value}", period)
    if basis == Basis.RATIO:
        return _Clause(f"{name}:", value, period)
    if basis == Basis.GROWTH_OTHER and ind.comparison and ind.comparison.startswith("vs "):
        tail = f" compared with {ind.comparison.removeprefix('vs ')}"
    if ind.direction == "exceed":
        return _Clause(name, f"was {value} above {'the plan' if basis == Basis.OF_PLAN else 'its benchmark'}", period)
    verb = _VERBS.get(ind.direction or "", "reached" if ind.qualifier == "estimated" else "stood at")
    return _Clause(name, f"{verb} {value}{tail}", period)


def figure_clause(ind: Indicator) -> str:
    """One figure said with its basis and period: 'budget revenue reached an estimated 3,594 billion VND in
    2023', 'production value grew 12.86% year on year in 2023', 'the target for GRDP growth is 8.5–9%'."""
    return _clause(ind).text


def _joined(clauses: list[_Clause]) -> list[str]:
    """Clauses about the same subject and period said once: 'budget revenue reached an estimated 3,594 billion
    VND in 2023, 103% of the budget estimate' (both are the report's, in the same words). A second plain level
    of the same subject and period (a part the name does not tell apart) is left to the table."""
    parts: dict[tuple[str, str], list[str]] = {}
    for clause in clauses:
        key = (clause.subject.lower(), clause.period)
        if key not in parts:
            parts[key] = [clause.text]
        elif clause.relation and clause.bare and clause.bare not in parts[key]:
            parts[key].append(clause.bare)
    return [p[0] + (", " + " and ".join(p[1:]) if len(p) > 1 else "") for p in parts.values()]


def _sentence(clauses: list[str]) -> str:
    text = clauses[0] if len(clauses) == 1 else ", ".join(clauses[:-1]) + " and " + clauses[-1]
    return text[:1].upper() + text[1:] + "."


def write_lead(meeting: Meeting, indicators: list[Indicator]) -> str:
    """Two to four sentences: the meeting, then the first key figures grouped by subject (two statements per
    sentence), the targets for the period ahead last."""
    sentences = [s for s in [meeting_sentence(meeting)] if s]
    chosen = key_figures(indicators)[:_MAX_LEAD_FIGURES]
    results = [i for i in chosen if i.basis != Basis.TARGET]
    targets = [i for i in chosen if i.basis == Basis.TARGET]
    groups: dict[str, list[_Clause]] = {}
    for ind in results:
        groups.setdefault(_topic(ind.name) or ind.name, []).append(_clause(ind))
    for clauses in groups.values():
        said = _joined(clauses)
        for k in range(0, len(said), 2):
            if len(sentences) < 3:
                sentences.append(_sentence(said[k : k + 2]))
    if targets and len(sentences) < 4:
        sentences.append(_sentence(_joined([_clause(t) for t in targets[:2]])))
    if not results and not targets:
        sentences.append("The program found no key figure it could name and check against the source.")
    return " ".join(sentences)


def write_title(meeting: Meeting, topics: list[str]) -> str:
    """'Tay Ho District Party Executive Committee, twenty-second session: state budget; jobs and social welfare'
    (topics that hold 'and' are set apart by semicolons)."""
    body = re.sub(r"^the\s+", "", meeting.body_en.strip(), flags=re.IGNORECASE)
    head = body[:1].upper() + body[1:] if body else "Local-government report"
    if meeting.session is not None and not _is_event(body):
        head += f", {_session_ordinal(meeting)} session"
    if not topics:
        return head
    named = [t[:1].lower() + t[1:] for t in topics[:3]]
    listed = any(" and " in t or "," in t for t in named)
    said = "; ".join(named) if listed else named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return f"{head}: {said}"


_FACT_FIGURES = 8
_REFERENCE = re.compile(r"\{(F\d+)\}")


def fact_sheet(summary: Summary) -> str:
    """The checked facts in English for a model that writes the prose: the meeting, officials, and each key
    figure as the program would say it, its value replaced by a reference ('budget revenue reached {F17} in
    2023'), so the model never retypes a number."""
    lines = []
    if meeting := meeting_sentence(summary.meeting):
        lines.append(f"Meeting: {meeting}")
    lines += [f"Official: {o.name}, {o.role}" for o in summary.officials if o.grounded]
    for ind in key_figures(summary.indicators)[:_FACT_FIGURES]:
        clause = _clause(ind)
        value = _value(ind).removeprefix("an estimated ")
        lines.append(f"{ind.figure_id}: {clause.text.replace(value, '{' + ind.figure_id + '}', 1)}")
    lines += [f"Task: {d.task}" for d in summary.directives]
    return "\n".join(lines)


def render_references(text: str, summary: Summary) -> str | None:
    """'{F17}' -> '3,594 billion VND', from the grounded figure with that id; None when the text refers to a
    figure the fact sheet does not hold."""
    known = {i.figure_id: i for i in key_figures(summary.indicators)[:_FACT_FIGURES]}
    if any(ref not in known for ref in _REFERENCE.findall(text)):
        return None
    return _REFERENCE.sub(lambda m: _value(known[m.group(1)]).removeprefix("an estimated "), text)

"""Stage 3: a model's draft and the prepared job in, a validated ``Summary`` out.

Every value comes from the ledger; names and prose from the draft, checked; the flags grounding found
travel as typed records. Pure: no model, no I/O.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, replace

from pydantic import ValidationError

from summarizer.asking.calls import CallStats, StructuredResult, without_control_chars
from summarizer.asking.recipe import Recipe
from summarizer.asking.requests import MIN_INDICATORS, Job, ranked_candidates
from summarizer.checking.grounding import (
    draft_checker,
    fold,
    language_flags,
    prose_fields,
    prose_issues,
    repair_prose,
)
from summarizer.checking.key_figures import (
    MAX_KEY_FIGURES,
    figure_indicator,
    indicator_name,
    key_indicators,
    untranslated,
)
from summarizer.errors import ModelCallError
from summarizer.reading.bodies import role_in_source, split_official
from summarizer.reading.figures import Ledger
from summarizer.reading.language import language_issues, place_in_report
from summarizer.reading.ledger import build_ledger, folded_text
from summarizer.reading.meeting import MeetingFacts, find_meeting_facts, officials_in
from summarizer.schema import (
    FIGURE_ITEM_CHARS,
    TASK_CHARS,
    Directive,
    Draft,
    DraftDirective,
    DraftIndicator,
    Flag,
    Indicator,
    Meeting,
    Official,
    ProseDraft,
    Provenance,
    Selection,
    Summary,
)
from summarizer.wording.prose import ORDINAL_WORDS, fact_sheet, render_references, topics_of, write_lead, write_title

__all__ = [
    "MAX_KEY_FIGURES",
    "assemble",
    "build_summary",
    "checked_prose",
    "degrade",
    "draft_from_selection",
    "failed_prose",
    "figure_indicator",
    "indicator_name",
    "key_indicators",
    "meeting_of",
    "ocr_doubts",
    "officials_of",
    "parse_lenient",
    "untranslated",
    "with_checks",
    "with_model_prose",
]

_BODY_WORDS = re.compile(r"\b(?:Committee|Council|District|Province|City|Ward|Commune|Party|Department)\b")


_ORDINALS = {w: k for k, w in enumerate(ORDINAL_WORDS, start=1)}
_ORDINAL_MEETING = re.compile(
    r"\b(" + "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\s+(?:\w+\s+)?(?:meeting|session|conference)\b",
    re.IGNORECASE,
)


def _session_contradiction(text: str, facts: MeetingFacts) -> str | None:
    """'held a second meeting' when the report's session is the 22nd: a number the grounding of digits
    does not see."""
    if facts.session is None:
        return None
    for m in _ORDINAL_MEETING.finditer(text):
        word = m.group(1).lower()
        said = _ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        if said != facts.session:
            return f"calls it the '{m.group()}', but the report's session is no. {facts.session}"
    return None


def _place_ok(place: str, report_folded: str) -> bool:
    return place_in_report(place, report_folded) and not language_issues(place, "place", report_folded)


def _short_name(name: str | None, report_folded: str) -> str:
    """A body the model named, kept only when it reads as a name (a few words of clean English)."""
    name = (name or "").strip()
    if not name or len(name.split()) > 10 or re.search(r"[.!?]|\b(?:is|are|was|discuss|report)", name):
        return ""
    return name if not language_issues(name, "body", report_folded) else ""


_NOT_PLACE = r"(?!(?:Party|People's|Executive|Standing|Committee|Council|District|City|Province|Ward|Commune)\b)"
_OWNER_PLACES = re.compile(
    rf"((?:{_NOT_PLACE}[A-Z][\w'-]*\s+){{1,3}})(?:District|City|Province|Ward|Commune)\b"
    rf"|\b(?:District|City|Province|Ward|Commune)\s+((?:{_NOT_PLACE}[A-Z][\w'-]*\s*){{1,3}})"
)


def _clean_owner(owner: str | None, report_folded: str) -> str | None:
    """A task's owner is shown only when it is whole English about this report and any place it names is
    one the report names ('District North Tu Liem' is a guess at Bắc Từ Liêm, not a name)."""
    if not owner or language_issues(owner, "owner", report_folded):
        return None
    places = [p.strip() for m in _OWNER_PLACES.finditer(owner) for p in m.groups() if p and p.strip()]
    return owner if all(place_in_report(p, report_folded) for p in places) else None


def _in_source(phrase: str, text: str) -> str | None:
    """A Vietnamese phrase the model copied, kept only when the report really writes it."""
    phrase = phrase.strip()
    return phrase if phrase and phrase in text else None


def build_summary(
    draft: Draft,
    ledger: Ledger,
    facts: MeetingFacts,
    provenance: Provenance,
    problems: list[Flag],
    *,
    degraded: str | None = None,
) -> Summary:
    """Assemble the stored summary: values from the ledger, names and prose from the draft, flags kept.

    Named passes: which prose fields failed their checks (``failed_prose``), the key figures (``key_indicators``:
    the model's first, then candidates it left out that the terminology names, up to ``MAX_KEY_FIGURES``), the
    meeting (``meeting_of``), title, lead, topics and tasks (``checked_prose``: code writes what the draft lacks
    or what failed), the officials (``officials_of``: copied from the report by rule, then the draft's that
    check out), and the flags left.
    """
    folded = folded_text(ledger)
    problems = [*problems, *ocr_doubts(ledger, provenance)]
    language = language_flags(draft, folded)
    bad = failed_prose(draft, ledger, facts, language)
    indicators = key_indicators(draft, ledger, problems, bad, free_naming=provenance.backend != "local")
    meeting = meeting_of(draft, facts, ledger, folded)
    prose = checked_prose(draft, ledger, meeting, indicators, bad, folded)
    prose_names = {where for where, _ in prose_fields(draft)}
    language_messages = {f.message for f in language}
    flags = [p for p in problems if p.field not in prose_names and p.message not in language_messages]
    flags += [f for where, text in prose_fields(prose.repaired) for f in prose_issues(text, ledger, where)]
    flags += prose.withheld
    officials = officials_of(draft, ledger, bad, folded)
    flags += [
        Flag(
            field=f"official {k}", kind="official_not_found", message=f"official '{o.name}' is not named in the source"
        )
        for k, o in enumerate(officials, start=1)
        if not o.grounded
    ]
    return Summary(
        title=prose.title,
        meeting=meeting,
        officials=officials,
        topics=prose.topics,
        indicators=indicators,
        directives=prose.directives,
        summary=prose.summary,
        flags=_unique(flags),
        provenance=provenance,
        degraded=degraded,
    )


def ocr_doubts(ledger: Ledger, provenance: Provenance) -> list[Flag]:
    """A flag for every figure that touches a word OCR may have misread: such a figure is never shown verified."""
    doc = provenance.document
    if doc is None or not doc.doubtful:
        return []
    return [
        Flag(field="indicator", kind="ocr_doubt", figure_id=fig.id, message=d.why)
        for fig in ledger.figures
        for d in doc.doubtful
        if fig.is_indicator_kind and d.start < fig.end and fig.start < d.end
    ]


def failed_prose(draft: Draft, ledger: Ledger, facts: MeetingFacts, language: list[Flag]) -> dict[str, str]:
    """Each prose field of the draft that fails a check (language, a number not in the source, a session that
    contradicts the meeting's), with the first reason."""
    bad = {f.field: f.message for f in language}
    for where, text in prose_fields(draft):
        invented = [
            f for f in prose_issues(repair_prose(text, ledger), ledger, where) if f.kind == "unsupported_number"
        ]
        if invented:
            bad.setdefault(where, invented[0].message)
        wrong_session = _session_contradiction(text, facts)
        if wrong_session:
            bad.setdefault(where, f"{where} {wrong_session}")
    return bad


def meeting_of(draft: Draft, facts: MeetingFacts, ledger: Ledger, folded: str) -> Meeting:
    """The meeting as code read it; the draft's body and place only where code found none and they check out."""
    return Meeting(
        body_en=facts.body_en or _short_name(draft.body_en, folded),
        body_vi=facts.body_vi or _in_source(draft.body_vi or "", ledger.text),
        session=facts.session,
        session_text=facts.session_text,
        term=facts.term,
        date=facts.date,
        date_as_written=facts.date_as_written,
        date_year_inferred=facts.date_year_inferred,
        place=draft.place if draft.place and _place_ok(draft.place, folded) else None,
    )


@dataclass
class CheckedProse:
    """Title, lead, topics and tasks after the checks, the draft with them in place, and what was withheld."""

    title: str
    summary: str
    topics: list[str]
    directives: list[Directive]
    repaired: Draft
    withheld: list[Flag]


def tasks_ahead(directives: list[Directive], ledger: Ledger, withheld: list[Flag]) -> list[Directive]:
    """Tasks are for the period ahead: one that sets itself in a year the report reviews whole, or before ('complete
    the 24 targets by the end of 2023' in a December 2023 report that sets its 2024 tasks) restates a result; one that
    says again what a task before it said (most of its words) adds nothing; both are withheld and said so."""
    kept: list[Directive] = []
    year = ledger.document_year
    if year is not None and ledger.document_period != str(year):
        year -= 1  # a report on part of a year sets tasks for the rest of it: only an earlier year is past
    for k, d in enumerate(directives, start=1):
        years = [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", d.task)]
        words = set(re.findall(r"[a-z]{4,}", d.task.lower()))
        again = any(len(words & (seen := set(re.findall(r"[a-z]{4,}", o.task.lower())))) >= 0.6 * max(
            1, min(len(words), len(seen))) for o in kept)  # fmt: skip
        if year is not None and years and max(years) <= year:
            withheld.append(Flag(field=f"task {k}", kind="withheld", message=f"task {k} withheld: set in {max(years)}, "
                                 f"not the period ahead"))  # fmt: skip
        elif again:
            withheld.append(Flag(field=f"task {k}", kind="withheld", message=f"task {k} withheld: repeats a task"))
        else:
            kept.append(d)
    return kept


def checked_prose(
    draft: Draft,
    ledger: Ledger,
    meeting: Meeting,
    indicators: list[Indicator],
    bad: dict[str, str],
    folded: str,
) -> CheckedProse:
    """The draft's prose that passed its checks (repaired), the rest withheld and said so; code writes the title,
    lead and topics the draft lacks."""
    withheld: list[Flag] = []

    def checked(where: str, text: str) -> str:
        if where in bad:
            withheld.append(Flag(field=where, kind="withheld", message=f"{where} withheld: {bad[where]}"))
            return ""
        return repair_prose(text, ledger)

    topics = [checked_t for k, t in enumerate(draft.topics, start=1) if (checked_t := checked(f"topic {k}", t))]
    topics = topics or topics_of(indicators)
    title = checked("title", draft.title) if draft.title.strip() else ""
    title = title or write_title(meeting, topics)
    summary_text = checked("summary", draft.summary) if draft.summary.strip() else ""
    summary_text = summary_text or write_lead(meeting, indicators)
    directives = [
        Directive(
            task=task,
            owner=_clean_owner(d.owner, folded),
            deadline=None if f"directive {k} deadline" in bad else d.deadline,
        )
        for k, d in enumerate(draft.directives, start=1)
        if (task := checked(f"directive {k}", d.task))
    ]
    directives = tasks_ahead(directives, ledger, withheld)
    repaired = draft.model_copy(
        update={
            "title": title,
            "summary": summary_text,
            "topics": topics,
            "directives": [
                DraftDirective.model_construct(task=d.task, owner=d.owner, deadline=d.deadline) for d in directives
            ],
        }
    )
    return CheckedProse(title, summary_text, topics, directives, repaired, withheld)


def officials_of(draft: Draft, ledger: Ledger, bad: dict[str, str], folded: str) -> list[Official]:
    """Officials copied from the report by rule (a name right after a title the program translates), then the
    draft's officials that are persons, not already listed, with the role the report gives them."""
    officials = [Official(name=name, role=role, grounded=True) for name, role in officials_in(ledger)]
    for k, o in enumerate(draft.officials, start=1):
        person, role = split_official(o.name)
        role = role_in_source(person, ledger.text) or role
        if role is None and f"official {k} role" in bad:
            continue
        if fold(person) not in folded and _BODY_WORDS.search(person):
            continue  # a body written where a person belongs ('… Party Executive Committee'): not an official
        if any(fold(person) == fold(known.name) for known in officials):
            continue
        officials.append(Official(name=person, role=role or o.role, grounded=fold(person) in folded))
    return officials


def _unique(flags: list[Flag]) -> list[Flag]:
    """The first flag of each message, in order."""
    first: dict[str, Flag] = {}
    for f in flags:
        first.setdefault(f.message, f)
    return list(first.values())


_SELECTED = re.compile(r"\s*\[?(F\d+)\]?(?:\s*[=:–—-]+)*\s*(.*?)\s*$")


def with_checks(job: Job) -> Job:
    """The job with the re-ask checks its answer needs: a whole draft is checked against the ledger before it is
    accepted (ids, distinct figures, numbers and language of the headline); a short answer is checked when it is
    assembled."""
    if not issubclass(job.model, Draft):
        return job
    floor = min(MIN_INDICATORS, len(ranked_candidates(job.ledger)))
    return replace(job, check=draft_checker(job.ledger, min_indicators=floor))


def draft_from_selection(selection: Selection, ledger: Ledger) -> Draft:
    """The short answer as a draft with no prose: ids the ledger holds, each once, with the model's name where
        it wrote one ('F7 = Workers given new jobs'); then the figures it named under UNNAMED; and the tasks of a
        sensible length. An item or task that reached its schema bound was cut by the grammar: its name or the task
        is dropped, the id kept. A name written after the figure as the list shows it ('F9 = 58/63 = PAPI rank') is
    the part after the last ' = '."""
    indicators: list[DraftIndicator] = []
    for item in [*selection.figures, *getattr(selection, "names", [])]:
        m = _SELECTED.match(item)
        if m is None or ledger.get(m.group(1)) is None:
            continue
        cut = len(item) >= FIGURE_ITEM_CHARS
        name = "=" if cut else (m.group(2) or "").strip().rsplit(" = ", 1)[-1] or "="
        known = next((d for d in indicators if d.figure == m.group(1)), None)
        if known is None:
            indicators.append(DraftIndicator(figure=m.group(1), name=name))
        elif known.name == "=":
            known.name = name
    tasks = [t.strip() for t in selection.tasks if len(t.strip()) > 0 and len(t) < TASK_CHARS]
    return Draft.empty().model_copy(
        update={
            "indicators": indicators[:18],
            "directives": [DraftDirective(task=t, owner=None, deadline=None) for t in tasks],
        }
    )


def parse_lenient(job: Job, result: StructuredResult) -> tuple[Draft, list[Flag]]:
    """The draft a call gave; after the last re-ask, what parses is kept with its problems as flags, and
    what does not parse is refused. A short answer becomes a draft without prose."""
    if isinstance(result.parsed, Selection):
        return draft_from_selection(result.parsed, job.ledger), []
    if isinstance(result.parsed, Draft):
        return result.parsed, []
    attempts = result.stats.attempts
    if result.last_text is None:
        raise ModelCallError(f"no summary after {attempts} attempt(s): {(result.problems or 'no output')[:300]}")
    text = without_control_chars(result.last_text)
    try:
        if issubclass(job.model, Selection):
            return draft_from_selection(Selection.model_validate_json(text), job.ledger), []
        draft = Draft.model_validate_json(text, context={"lenient": True})
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise ModelCallError(
            f"model output does not fit the schema after {attempts} attempt(s): {where}: {first['msg']}",
            attempts=attempts,
        ) from None
    return draft, job.check(draft)


def assemble(job: Job, result: StructuredResult, recipe: Recipe, *, max_tokens: int, earlier: CallStats) -> Summary:
    """The summary of one job from its call's result; ``earlier`` holds calls cut at a smaller budget."""
    draft, problems = parse_lenient(job, result)
    provenance = recipe.provenance(
        job.report,
        max_tokens=max_tokens,
        elapsed_s=time.monotonic() - job.started,
        usage=result.stats.usage(earlier),
    )
    return build_summary(draft, job.ledger, job.facts, provenance, problems)


def with_model_prose(summary: Summary, result: StructuredResult, text: str) -> Summary:
    """The model's title and lead in place of the program's, each only when it passes every check: figures
    only by reference to the fact sheet (a digit it typed is an error, but for a year the sheet names), then
    the checks every prose gets (numbers in the source, whole English about this report, the report's
    session); what fails is flagged and the program's text stands."""
    draft = result.parsed if isinstance(result.parsed, ProseDraft) else None
    if draft is None and result.last_text:
        try:
            draft = ProseDraft.model_validate_json(without_control_chars(result.last_text))
        except ValidationError:
            draft = None
    if draft is None:
        return summary
    ledger = build_ledger(text)
    folded = folded_text(ledger)
    facts = find_meeting_facts(ledger)
    years = set(re.findall(r"\b(?:19|20)\d{2}\b", fact_sheet(summary)))
    kept: dict[str, str] = {}
    flags = list(summary.flags)
    for field, written in (("title", draft.title), ("summary", draft.summary)):
        rendered = render_references(written.strip(), summary)
        typed = [n for n in re.findall(r"\d[\d.,]*\d|\d", re.sub(r"\{F\d+\}", "", written)) if n not in years]
        problems = (
            ["refers to a figure the fact sheet does not hold"]
            if rendered is None
            else [f"writes the number '{typed[0]}' instead of a reference"]
            if typed
            else [f.message for f in prose_issues(rendered, ledger, field)]
            + [i.message for i in language_issues(rendered, field, folded, sentences=field == "summary")]
            + [f"{field} {m}" for m in [_session_contradiction(rendered, facts)] if m]
        )
        if rendered and not problems:
            kept[field] = rendered
        else:
            why = problems[0] if problems else "empty"
            flags.append(Flag(field=field, kind="withheld", message=f"model's {field} not used: {why}"))
    return summary.model_copy(update={**kept, "flags": flags})


def degrade(job: Job, recipe: Recipe, reason: str, *, max_tokens: int, earlier: CallStats) -> Summary:
    """The summary of a job the model gave no usable answer for: every figure the terminology names, the
    meeting facts, officials and prose by code, and why (``Summary.degraded``)."""
    provenance = recipe.provenance(
        job.report,
        max_tokens=max_tokens,
        elapsed_s=time.monotonic() - job.started,
        usage=earlier.usage(),
    )
    why = f"the model gave no usable answer ({reason}); figures and text are the program's own"
    return build_summary(Draft.empty(), job.ledger, job.facts, provenance, [], degraded=why)

"""Summarize: long reports split and merged with spans into the original; briefing figures from the ledger."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from summarizer.checking.chunking import split_report
from summarizer.config import Settings
from summarizer.engines.direct import Summarizer
from summarizer.reading.reports import Report
from summarizer.schema import Draft, Provenance
from summarizer.testing.fakeserver import FakeOpenAI
from summarizer.testing.synthetic import blank_provenance
from summarizer.wording.prose import topics_of, write_lead
from summarizer.writing.briefing import format_value, render_markdown


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


def _settings(url: str, **kw: object) -> Settings:
    return Settings(backend="compatible", model="m", base_url=url, api_key="k", **kw)  # type: ignore[arg-type]


def test_split_report_cuts_at_sentence_starts(bac_tu_liem: str) -> None:
    text = "\n\n".join([bac_tu_liem] * 4)
    spans = split_report(text, 6000)
    assert len(spans) >= 4
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(b - a <= 6000 for a, b in spans)
    assert all(text[a - 1] in "\n " for a, _ in spans[1:])


def test_long_report_is_split_summarized_and_merged(fake: FakeOpenAI, bac_tu_liem: str, tay_ho: str) -> None:
    text = "\n\n".join([bac_tu_liem, tay_ho, bac_tu_liem.replace("63.275", "71.004"), tay_ho])
    with Summarizer(_settings(fake.base_url, chunk_chars=6000)) as s:
        summary = s.summarize(Report(name="long", text=text))
    assert len(fake.requests) == len(split_report(text, 6000)) >= 3
    spans = [tuple(i.span) for i in summary.indicators]
    assert len(spans) == len(set(spans))
    for ind in summary.indicators:
        assert text[ind.span[0] : ind.span[1]] == ind.source_text
    values = {(i.base_value, i.unit) for i in summary.indicators}
    assert len(values) == len(summary.indicators)
    assert summary.provenance.usage.calls == len(fake.requests)
    assert summary.provenance.source_name == "long"
    # a figure a part showed in its own words stays marked so, its words' span moved into the whole report
    untranslated = [i for i in summary.indicators if i.name_status != "translated"]
    assert untranslated and all(i.chosen_by == "code" for i in untranslated)
    spanned = [i for i in untranslated if i.name_span]
    assert spanned and all(text[i.name_span[0] : i.name_span[1]] == i.name for i in spanned)


def test_briefing_formats_figures_in_english(fake: FakeOpenAI, bac_tu_liem: str) -> None:
    with Summarizer(_settings(fake.base_url)) as s:
        summary = s.summarize(Report(name="btl", text=bac_tu_liem))
    values = {i.source_text: format_value(i) for i in summary.indicators}
    assert values["63.275 tỷ đồng"] == "63,275 billion VND (est.)"
    assert values["3.594 tỷ đồng"] == "3,594 billion VND (est.)"  # "ước thực hiện"
    assert values["24/24 chỉ tiêu"] == "24 of 24 targets"
    assert values["12,86%"] == "up 12.86%"
    md = render_markdown(summary)
    assert "| 12.86%" not in md and "up 12.86%" in md
    assert "session no. 29" in md and "term 2020–2025" in md


def test_ungrounded_indicator_is_kept_and_flagged_not_dropped(bac_tu_liem: str) -> None:
    from summarizer.checking.assembly import build_summary
    from summarizer.reading.ledger import build_ledger
    from summarizer.reading.meeting import find_meeting_facts
    from summarizer.schema import Draft, DraftIndicator

    ledger = build_ledger(bac_tu_liem)
    draft = Draft(
        title="t",
        body_en="b",
        body_vi="b",
        place=None,
        officials=[],
        topics=[],
        directives=[],
        summary="s",
        indicators=[
            DraftIndicator(figure="F15", name="Production value"),
            DraftIndicator(figure="F2", name="Year"),
            DraftIndicator(figure="F99", name="Nothing"),
        ],
    )
    prov = _provenance()
    summary = build_summary(draft, ledger, find_meeting_facts(ledger), prov, [])
    chosen = [i for i in summary.indicators if i.chosen_by == "model"]
    assert [i.grounding for i in chosen] == ["grounded", "ungrounded", "ungrounded"]
    md = render_markdown(summary)
    assert md.count("⚠ unverified") == 2


def test_candidates_the_model_left_out_are_added_when_the_terminology_names_them(bac_tu_liem: str) -> None:
    """After the model's choices, labelled candidates follow (ranked, distinct values, never ambiguous), up to
    MAX_KEY_FIGURES, each named by code and shown apart in the briefing; a label that is only a head noun
    ('Income') is not a name, so its figure is not added."""
    from summarizer.asking.requests import known_name, ranked_candidates
    from summarizer.checking.assembly import MAX_KEY_FIGURES, build_summary
    from summarizer.reading.ledger import build_ledger
    from summarizer.reading.meeting import find_meeting_facts
    from summarizer.reading.terminology import is_generic_name
    from summarizer.schema import DraftIndicator

    bac_tu_liem += _UNKNOWN_SENTENCE
    ledger = build_ledger(bac_tu_liem)
    first = ranked_candidates(ledger)[0]
    draft = _draft(title="t", summary="", indicators=[DraftIndicator(figure=first.id, name="=")])
    summary = build_summary(draft, ledger, find_meeting_facts(ledger), _provenance(), [])
    added = summary.indicators[1:]
    labelled = [f for f in ranked_candidates(ledger) if known_name(f) and f.value_key != first.value_key]
    assert summary.indicators[0].chosen_by == "model"
    every = [f for f in ranked_candidates(ledger) if not f.ambiguous and f.value_key != first.value_key]
    assert len(summary.indicators) == min(MAX_KEY_FIGURES, 1 + len({f.value_key for f in every}))
    assert added and all(i.chosen_by == "code" for i in added)
    by_id = {f.id: f for f in ledger.figures}
    translated = [i for i in added if i.name_status == "translated"]
    assert len(translated) == len({f.value_key for f in labelled})
    assert all(i.name == by_id[i.figure_id].label and not is_generic_name(i.name) for i in translated)
    # a figure nobody names is shown in its own words, linked to them, never dropped ('hoàn thành 24/24 chỉ tiêu')
    source = [i for i in added if i.name_status != "translated"]
    assert source and all(i.name_span and bac_tu_liem[slice(*i.name_span)] == i.name for i in source)
    assert len({by_id[i.figure_id].value_key for i in summary.indicators}) == len(summary.indicators)
    names = {i.source_text: i.name for i in added}
    assert names.get("3.594 tỷ đồng", "") == "State budget revenue"
    md = render_markdown(summary)
    assert md.index("## Key figures") < md.index("## Also in the report")


def test_repaired_fields_longer_than_written_do_not_break_assembly(bac_tu_liem: str) -> None:
    """Administrative words put in English can lengthen a field; assembly must not re-validate it to death,
    and what the model wrote is judged: a copied title is translated, an invented number withheld."""
    from summarizer.checking.assembly import build_summary
    from summarizer.checking.grounding import draft_checker
    from summarizer.reading.ledger import build_ledger
    from summarizer.reading.meeting import find_meeting_facts
    from summarizer.schema import DraftDirective

    ledger = build_ledger(bac_tu_liem)
    draft = _draft(
        title="Quận Bắc Từ Liêm reviews its results",
        directives=[
            DraftDirective(
                task="Speed up site clearance", owner="Bí thư Quận ủy, Chủ tịch UBND quận Bắc Từ Liêm", deadline=None
            )
        ],
        summary="Revenue reached 4,242 billion VND",
    )
    problems = draft_checker(ledger)(draft)
    assert any("4,242" in p.message and p.kind == "unsupported_number" and p.field == "summary" for p in problems)
    prov = _provenance()
    summary = build_summary(draft, ledger, find_meeting_facts(ledger), prov, problems)
    assert summary.title == "Bac Tu Liem District reviews its results"
    assert any("summary withheld" in f.message for f in summary.flags)
    assert summary.summary == write_lead(summary.meeting, summary.indicators)  # the program's lead stands in
    assert summary.meeting.body_en == "Bac Tu Liem District Party Executive Committee"
    assert summary.directives[0].owner is None  # still holds "Bí thư", "Chủ tịch": not shown


def test_an_invented_number_in_a_task_is_withheld_without_a_reask(bac_tu_liem: str) -> None:
    """A re-ask costs a whole answer; only the title and summary are worth one."""
    from summarizer.checking.assembly import build_summary
    from summarizer.checking.grounding import draft_checker
    from summarizer.reading.ledger import build_ledger
    from summarizer.reading.meeting import find_meeting_facts
    from summarizer.schema import DraftDirective

    ledger = build_ledger(bac_tu_liem)
    draft = _draft(
        title="Bac Tu Liem District reviews its results",
        topics=["Budget revenue of 7,777 billion VND"],
        directives=[DraftDirective(task="Finish 9,999 projects", owner=None, deadline=None)],
        summary="The district reviewed its results for the year.",
    )
    problems = draft_checker(ledger)(draft)
    assert problems == []
    summary = build_summary(draft, ledger, find_meeting_facts(ledger), _provenance(), problems)
    assert summary.directives == [] and "Budget revenue of 7,777 billion VND" not in summary.topics
    assert summary.topics == topics_of(summary.indicators)  # topics from the figures' subjects instead
    withheld = {f.field for f in summary.flags if f.kind == "withheld"}
    assert withheld == {"topic 1", "directive 1"}


def _provenance() -> Provenance:
    return blank_provenance()


def _draft(**fields: object) -> Draft:
    """A draft as the model might send it: the given fields, every other list or name left empty."""
    empty = {"body_en": None, "body_vi": None, "place": None}
    lists = {"indicators": [], "officials": [], "topics": [], "directives": []}
    return Draft.model_construct(**{**empty, **lists, **fields})


def test_flags_are_typed_and_survive_merging(bac_tu_liem: str, tay_ho: str) -> None:
    """A rounded headline number keeps the briefing's warning banner on a split report; each flag says its
    field, kind and part; 'too few figures' is about the indicator list, not a field named 'only'."""
    from summarizer.testing.fakeserver import valid_draft_for
    from summarizer.writing.briefing import render_markdown

    def responder(request: dict[str, object]) -> dict[str, object]:
        draft = valid_draft_for(request)
        chosen: list[dict[str, str]] = draft["indicators"]  # type: ignore[assignment]
        draft["indicators"] = [{**i, "figure": chosen[0]["figure"]} for i in chosen]
        draft["summary"] = "Production value reached about 63.3 trillion VND."
        return draft

    text = "\n\n".join([bac_tu_liem, tay_ho])
    with (
        FakeOpenAI(responder=responder) as fake,
        Summarizer(_settings(fake.base_url, chunk_chars=6000), prompt="summarize@v3") as s,
    ):
        summary = s.summarize(Report(name="long", text=text))
    parts = len(split_report(text, 6000))
    headline = [f for f in summary.flags if f.in_headline]
    assert parts == 2 and [(f.part, f.field, f.kind) for f in headline] == [(1, "summary", "rounded_number")]
    withheld = [f for f in summary.flags if f.kind == "withheld"]
    assert [(f.part, f.field) for f in withheld] == [(2, "summary")]  # part 2 has no 63,275 billion to round
    too_few = [f for f in summary.flags if f.kind == "too_few_figures"]
    assert too_few and all(f.field == "indicators" for f in too_few)
    md = render_markdown(summary)
    assert "could not be verified against the source" in md
    assert "- part 1: summary rounds '63.3 trillion VND' (source: '63.275 tỷ đồng')" in md


def test_a_ratio_in_prose_must_be_a_ratio_of_the_report(bac_tu_liem: str) -> None:
    """'24/24 chỉ tiêu, trong đó có 6 chỉ tiêu vượt kế hoạch': 6 of the 24 exceeded the plan; 'completed 6 out
    of 24 targets' says something else of them (all 24 were met): a wrong fact."""
    from summarizer.checking.grounding import prose_issues
    from summarizer.reading.ledger import build_ledger

    ledger = build_ledger(bac_tu_liem)
    wrong = prose_issues("The district completed 6 out of 24 targets.", ledger, "summary")
    assert [f.kind for f in wrong] == ["unsupported_number"] and "6 out of 24" in wrong[0].message
    assert prose_issues("The district completed 24 of 24 targets.", ledger, "summary") == []
    right = "All 24 targets were met. Of them, 6 out of 24 targets exceeded the plan, led by budget revenue."
    assert prose_issues(right, ledger, "summary") == []
    assert [f.kind for f in prose_issues("It met 6 of 12 targets.", ledger, "summary")] == ["unsupported_number"]


def test_a_year_the_report_never_writes_is_not_a_figure_of_the_report() -> None:
    """49: 'năm ngoái' in a report that never writes the year before its own stays 'the previous year' (stop 36:
    its year was inferred from a completion date, and the prose's '2018' was scored invented); a lead that says a
    year the report does not hold is unsupported, one it holds is not."""
    from summarizer.checking.grounding import prose_issues
    from summarizer.reading.ledger import build_ledger

    ledger = build_ledger(
        "6 tháng đầu năm 2019 thu ngân sách đạt 1.500 tỷ đồng. Tổng thu ngân sách năm ngoái là 2.800 tỷ đồng."
    )
    assert next(f.period for f in ledger.figures if f.text == "2.800 tỷ đồng") == "the previous year"
    for year in ("2018", "2016"):
        wrong = prose_issues(f"Total budget revenue stood at 2,800 billion VND in {year}.", ledger, "summary")
        assert [f.kind for f in wrong] == ["unsupported_number"]
    assert prose_issues("Budget revenue stood at 1,500 billion VND in 2019.", ledger, "summary") == []


def test_officials_roles_come_from_the_report_and_bodies_are_not_people(bac_tu_liem: str) -> None:
    from summarizer.checking.assembly import build_summary
    from summarizer.reading.ledger import build_ledger
    from summarizer.reading.meeting import find_meeting_facts
    from summarizer.schema import DraftOfficial

    ledger = build_ledger(bac_tu_liem)
    draft = _draft(
        title="Bac Tu Liem District reviews its results",
        officials=[
            DraftOfficial(name="Bac Tu Liem District Party Executive Committee", role="Chairman"),
            DraftOfficial(name="Lưu Ngọc Hà", role="Bibliothecary of District North Tu Liem"),
        ],
        summary="The district reviewed its results for the year.",
    )
    summary = build_summary(draft, ledger, find_meeting_facts(ledger), _provenance(), [])
    assert [(o.name, o.role, o.grounded) for o in summary.officials] == [
        ("Lưu Ngọc Hà", "Secretary of the Bac Tu Liem District Party Committee", True)
    ]
    assert not any(f.kind == "official_not_found" for f in summary.flags)


def test_prose_that_miscounts_the_session_is_withheld(tay_ho: str) -> None:
    """'held a second meeting' for the report's 22nd session: a wrong fact with no digits in it."""
    from summarizer.checking.assembly import build_summary
    from summarizer.reading.ledger import build_ledger
    from summarizer.reading.meeting import find_meeting_facts

    ledger = build_ledger(tay_ho)
    facts = find_meeting_facts(ledger)
    assert facts.session == 22

    def summary_of(text: str) -> str:
        draft = _draft(title="Tay Ho District reviews nine months", summary=text)
        return build_summary(draft, ledger, facts, _provenance(), []).summary

    assert "second meeting" not in summary_of("The committee held a second meeting on October 12.")
    kept = "The committee held its 22nd meeting on October 12."
    assert summary_of(kept) == kept


def test_a_withheld_summary_is_replaced_by_the_programs_lead(bac_tu_liem: str) -> None:
    """The model's summary fails its checks ('6 out of 24' joins two numbers the report states apart); the
    summary is then the program's lead from the checked parts, in whole English, with no number the table
    lacks, and the briefing does not present it as a failure."""
    from summarizer.checking.assembly import build_summary
    from summarizer.checking.grounding import prose_issues
    from summarizer.reading.language import fold, language_issues
    from summarizer.reading.ledger import build_ledger
    from summarizer.reading.meeting import find_meeting_facts
    from summarizer.schema import DraftIndicator

    ledger = build_ledger(bac_tu_liem)
    production = next(f for f in ledger.figures if f.text.startswith("63.275"))
    draft = _draft(
        title="Bac Tu Liem District reviews its year",
        indicators=[DraftIndicator(figure=production.id, name="=")],
        summary="The district completed 6 out of 24 targets.",
    )
    summary = build_summary(draft, ledger, find_meeting_facts(ledger), _provenance(), [])
    lead = summary.summary
    assert "6 out of 24" not in lead
    assert lead.startswith("The Bac Tu Liem District Party Executive Committee held its 29th session (term 2020–2025)")
    assert "Production value of the economic sectors reached an estimated 63,275 billion VND in 2023" in lead
    assert language_issues(lead, "summary", fold(bac_tu_liem), sentences=True) == []
    assert prose_issues(lead, ledger, "summary") == []
    md = render_markdown(summary)
    assert lead in md and "failed its checks" not in md


def test_an_owner_named_by_a_guessed_place_is_not_shown(bac_tu_liem: str) -> None:
    """'District North Tu Liem' is the model's translation of Bắc Từ Liêm, a name the report never writes."""
    from summarizer.checking.assembly import build_summary
    from summarizer.reading.ledger import build_ledger
    from summarizer.reading.meeting import find_meeting_facts
    from summarizer.schema import DraftDirective

    ledger = build_ledger(bac_tu_liem)

    def owner_of(owner: str) -> str | None:
        draft = _draft(
            title="Bac Tu Liem District reviews its year",
            directives=[DraftDirective(task="Carry out the tasks of the coming year", owner=owner, deadline=None)],
            summary="The district reviewed its results for the year.",
        )
        return build_summary(draft, ledger, find_meeting_facts(ledger), _provenance(), []).directives[0].owner

    assert owner_of("District North Tu Liem Party Executive Committee") is None
    assert (
        owner_of("Bac Tu Liem District Party Executive Committee") == "Bac Tu Liem District Party Executive Committee"
    )
    assert owner_of("Communes and wards") == "Communes and wards"


def test_the_short_answer_becomes_a_draft_of_ids_names_and_tasks(bac_tu_liem: str) -> None:
    """'F15', 'F17 = Workers given jobs', '[F9]: x': ids the ledger holds, once each, the model's name where it
    wrote one; unknown ids and over-long tasks are dropped rather than failing the answer."""
    from summarizer.asking.requests import ranked_candidates
    from summarizer.checking.assembly import draft_from_selection
    from summarizer.reading.ledger import build_ledger
    from summarizer.schema import Selection

    ledger = build_ledger(bac_tu_liem)
    a, b, c = (f.id for f in ranked_candidates(ledger)[:3])
    answer = Selection(
        figures=[a, f"{b} = Workers given new jobs", f"[{c}]: Schools meeting national standards", "F999", a],
        tasks=["Speed up site clearance", "x" * 400],
    )
    draft = draft_from_selection(answer, ledger)
    assert [(d.figure, d.name) for d in draft.indicators] == [
        (a, "="),
        (b, "Workers given new jobs"),
        (c, "Schools meeting national standards"),
    ]
    assert [d.task for d in draft.directives] == ["Speed up site clearance"]
    assert draft.title == draft.summary == "" and draft.officials == []


def test_money_in_one_briefing_is_on_one_scale() -> None:
    """'204.772.000 triệu đồng' beside '3.500 tỷ đồng' reads as two scales; both are said in billions, and the
    English still matches the source exactly."""
    from summarizer.checking.grounding import MatchStatus, match_number
    from summarizer.reading.english_numbers import parse_english_numbers
    from summarizer.reading.ledger import build_ledger
    from summarizer.wording.formatting import format_quantity

    said = [
        format_quantity(204772000, unit="VND", scale="million", kind="money"),
        format_quantity(3500, unit="VND", scale="billion", kind="money"),
        format_quantity(1.2, unit="VND", scale="trillion", kind="money"),
        format_quantity(4.45, unit="VND", scale="million", kind="money"),
        format_quantity(86, unit="VND", scale="million", kind="money", high=88),
    ]
    assert said == [
        "204,772 billion VND",
        "3,500 billion VND",
        "1,200 billion VND",
        "4.45 million VND",
        "86–88 million VND",
    ]
    ledger = build_ledger("Tổng thu đạt 204.772.000 triệu đồng; đầu tư 3.500 tỷ đồng; vốn 1,2 nghìn tỷ đồng.")
    for n in parse_english_numbers(" and ".join(said[:3]), words=False):
        assert match_number(n, ledger).status == MatchStatus.EXACT, n.text


_UNKNOWN_SENTENCE = "\nRiêng xyzabc qwerty đạt 300 tỷ đồng."
"""A figure whose words nobody knows (every figure of the seed is named by code since stop 30)."""


def test_figures_the_program_cannot_name_are_asked_by_their_clause(bac_tu_liem: str) -> None:
    """The short answer names the likeliest figures code cannot name (UNNAMED, each with its clause); a name
    it gives there joins the key figures, and 'F7 = = name' is read as the name."""
    from summarizer.asking.prompts import load_prompt
    from summarizer.asking.requests import build_messages, known_name, unnamed_candidates
    from summarizer.checking.assembly import draft_from_selection
    from summarizer.reading.ledger import build_ledger
    from summarizer.reading.meeting import find_meeting_facts
    from summarizer.schema import NamedSelection

    ledger = build_ledger(bac_tu_liem + _UNKNOWN_SENTENCE)
    unnamed = unnamed_candidates(ledger)
    assert unnamed and all(known_name(f) is None for f in unnamed)
    user = build_messages(load_prompt("select@v2"), ledger, find_meeting_facts(ledger))[1]["content"]
    listed = user.split("UNNAMED", 1)[1]
    assert all(f"{f.id}: {f.text} — " in listed for f in unnamed)
    first = unnamed[0].id
    draft = draft_from_selection(
        NamedSelection(figures=["F15"], names=[f"{first} = = Targets met in the year"], tasks=[]), ledger
    )
    assert [(d.figure, d.name) for d in draft.indicators] == [("F15", "="), (first, "Targets met in the year")]


@pytest.mark.parametrize(
    ("drafted", "shown"),
    [
        ("Workers given new jobs", "Workers given new jobs"),
        ("= Spending reduction", "Spending reduction"),
        ("100 million", None),  # a number is not a name
        ("? USD", None),  # nor a question mark
        ("Amount", None),  # nor is a head noun
    ],
)
def test_a_name_the_model_writes_is_shown_only_when_it_names_something(drafted: str, shown: str | None) -> None:
    from summarizer.checking.assembly import indicator_name

    assert indicator_name(None, drafted, None) == shown

"""Title, lead and topics written by code from checked facts (``summarizer.wording.prose``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.asking.calls import CallStats
from summarizer.asking.prompts import load_prompt
from summarizer.asking.recipe import Recipe
from summarizer.asking.requests import prepare
from summarizer.checking.assembly import degrade
from summarizer.checking.grounding import prose_issues
from summarizer.config import Settings
from summarizer.reading.language import fold, language_issues
from summarizer.reading.reports import Report
from summarizer.schema import Indicator, Meeting, Summary
from summarizer.wording.prose import figure_clause, meeting_sentence, topics_of, write_lead, write_title


def _meeting(**kw: object) -> Meeting:
    base: dict[str, object] = {
        "body_en": "Tay Ho District Party Executive Committee",
        "body_vi": None,
        "session": 22,
        "session_text": None,
        "term": "2020–2025",
        "date": "2024-10-12",
        "date_as_written": "12/10",
        "date_year_inferred": False,
        "place": None,
    }
    return Meeting(**{**base, **kw})  # type: ignore[arg-type]


def _ind(name: str, value: float, **kw: object) -> Indicator:
    base: dict[str, object] = {
        "figure_id": "F1",
        "name": name,
        "value": value,
        "value_high": None,
        "unit": "VND",
        "scale": "billion",
        "base_value": value * 1e9,
        "denominator": None,
        "kind": "money",
        "period": "2023",
        "comparison": None,
        "basis": "level",
        "direction": None,
        "qualifier": None,
        "source_text": "x",
        "source_quote": "x",
        "span": [0, 1],
        "grounding": "grounded",
        "grounding_note": None,
    }
    return Indicator(**{**base, **kw})  # type: ignore[arg-type]


def _of_estimate() -> Indicator:
    """'103% of the budget estimate', as the terminology names it."""
    return _ind(
        "Budget revenue as % of the budget estimate", 103, unit="%", scale=None, kind="percent", basis="of estimate"
    )


def test_meeting_sentence_says_who_which_session_and_when() -> None:
    assert meeting_sentence(_meeting()) == (
        "The Tay Ho District Party Executive Committee held its twenty-second session (term 2020–2025) on 12 October "
        "2024."
    )
    assert meeting_sentence(_meeting(session=None, term=None)) == (
        "The Tay Ho District Party Executive Committee met on 12 October 2024."
    )
    assert meeting_sentence(_meeting(session=1, date=None)).endswith("held its first session (term 2020–2025).")
    assert meeting_sentence(_meeting(body_en="", date=None)) == ""
    # dev set (baomoi-22324761, 'chiều ngày 19/5' in a report that writes no year): the day, no year made up
    assert meeting_sentence(_meeting(session=None, term=None, date="--05-19")) == (
        "The Tay Ho District Party Executive Committee met on 19 May."
    )
    # the session as the report writes it: digits stay digits, a Roman numeral is said in words
    assert "held its 22nd session" in meeting_sentence(_meeting(session_text="Hội nghị lần thứ 22"))
    assert "held its tenth session" in meeting_sentence(_meeting(session=10, session_text="Đại hội lần thứ X"))


@pytest.mark.parametrize(
    ("ind", "said"),
    [
        (
            _ind("Budget revenue", 3594, qualifier="estimated"),
            "budget revenue reached an estimated 3,594 billion VND in 2023",
        ),
        (
            _ind(
                "Production value growth (year on year)",
                12.86,
                unit="%",
                scale=None,
                kind="percent",
                basis="growth vs same period",
                direction="increase",
            ),
            "production value grew 12.86% year on year in 2023",
        ),
        (
            _of_estimate(),
            "budget revenue reached 103% of the budget estimate in 2023",
        ),
        (
            _ind(
                "GRDP growth (target)",
                8.5,
                value_high=9,
                unit="%",
                scale=None,
                kind="percent",
                basis="target",
                period="2017",
            ),
            "the target for GRDP growth in 2017 is 8.5–9%",
        ),
        (
            _ind("Targets met", 24, unit="targets", scale=None, kind="ratio", denominator=24, basis="ratio"),
            "targets met: 24 of 24 targets in 2023",
        ),
    ],
)
def test_each_figure_is_said_with_its_basis_and_period(ind: Indicator, said: str) -> None:
    assert figure_clause(ind) == said


def test_two_figures_of_one_subject_and_period_are_said_once() -> None:
    lead = write_lead(
        _meeting(),
        [
            _ind("Budget revenue", 3594, qualifier="estimated"),
            _of_estimate(),
        ],
    )
    assert lead.endswith("Budget revenue reached an estimated 3,594 billion VND in 2023, 103% of the budget estimate.")


def test_topics_follow_the_figures_subjects_and_title_names_them() -> None:
    inds = [_ind("Budget revenue", 1), _ind("GRDP growth (year on year)", 8), _ind("Workers given new jobs", 6100)]
    assert topics_of(inds) == ["State budget", "Economic growth", "Jobs and social welfare"]
    assert write_title(_meeting(), topics_of(inds)) == (
        "Tay Ho District Party Executive Committee, twenty-second session: state budget; economic growth; jobs and "
        "social welfare"
    )
    assert write_title(_meeting(body_en="", session=None), []) == "Local-government report"


@pytest.fixture(scope="module")
def degraded(reports_dir: Path) -> dict[str, tuple[str, Summary]]:
    """The program's own briefing (no model answer) of every seen report."""
    recipe = Recipe(Settings(), load_prompt("select@v2"), "none")
    out = {}
    for path in sorted(reports_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        job = prepare(Report(name=path.stem, text=text), recipe.prompt)
        out[path.stem] = (job.ledger.text, degrade(job, recipe, "test", max_tokens=1, earlier=CallStats()))
    return out


def test_every_lead_is_whole_english_with_only_checked_numbers(degraded: dict[str, tuple[str, Summary]]) -> None:
    """On all 32 reports: a title and a lead of two to four sentences, no untranslated or unfinished text, and
    no number the ledger does not hold (the same checks the model's prose gets)."""
    from summarizer.reading.ledger import build_ledger

    for stem, (text, summary) in degraded.items():
        assert summary.title.strip() and summary.summary.strip(), stem
        assert 1 <= summary.summary.count(". ") + 1 <= 4, (stem, summary.summary)
        for where, prose in (("title", summary.title), ("summary", summary.summary)):
            assert language_issues(prose, where, fold(text), sentences=where == "summary") == [], (stem, prose)
            assert prose_issues(prose, build_ledger(text), where) == [], (stem, prose)

"""The request for one report: what the model sees is bounded, and so is what it may answer."""

from __future__ import annotations

from pathlib import Path

from summarizer.asking.prompts import load_prompt
from summarizer.asking.requests import TASK_EXCERPT_CHARS, TASK_SENTENCE_CHARS, no_check, prepare, ranked_candidates
from summarizer.checking.assembly import with_checks
from summarizer.reading.ledger import build_ledger
from summarizer.reading.reports import Report, read_report
from summarizer.schema import FIGURE_ITEM_CHARS, SELECTION_MAX_TOKENS, TASK_CHARS, strict_json_schema

SELECT = load_prompt("select@v1")


def _excerpt(job_text: str) -> str:
    return job_text.split("REPORT (", 1)[1].split("FIGURES (", 1)[0]


def test_every_candidate_sentence_is_sent_and_task_sentences_are_capped(reports_dir: Path) -> None:
    for path in sorted(reports_dir.glob("*.txt")):
        report = read_report(path)
        if len(report.text) > 9000:
            continue  # split into parts first (chunk_chars)
        job = prepare(report, SELECT)
        excerpt = _excerpt(job.messages[1]["content"])
        ledger = build_ledger(report.text)
        tagged = {f.id for f in ranked_candidates(ledger)}
        for fid in tagged:
            assert f"[{fid}]" in excerpt, (path.name, fid)
        task_only = [line for line in excerpt.splitlines()[2:] if line.strip() and "[F" not in line]
        assert sum(len(line) for line in task_only) <= TASK_EXCERPT_CHARS + TASK_SENTENCE_CHARS, path.name
        assert all(len(line) <= TASK_SENTENCE_CHARS for line in task_only), path.name


def test_a_long_list_of_directives_is_cut_to_its_budget() -> None:
    directive = (
        "Đề nghị các quận, huyện tiếp tục tập trung triển khai đồng bộ các giải pháp phát triển kinh tế - xã hội."
    )
    text = "Thu ngân sách ước đạt 2.511 tỷ đồng, bằng 89% kế hoạch năm.\n" + "\n".join([directive] * 60)
    job = prepare(Report(name="r", text=text), SELECT)
    excerpt = _excerpt(job.messages[1]["content"])
    assert "[F1] 2.511 tỷ đồng" in excerpt
    assert len(excerpt) < TASK_EXCERPT_CHARS + 2 * TASK_SENTENCE_CHARS + 200
    assert len(text) > 6000


def test_the_short_answer_is_bounded_by_its_schema_and_its_budget_follows() -> None:
    job = prepare(Report(name="r", text="Thu ngân sách ước đạt 2.511 tỷ đồng, bằng 89% kế hoạch năm."), SELECT)
    schema = strict_json_schema(job.model, keep_lengths=True)
    figures, tasks = schema["properties"]["figures"], schema["properties"]["tasks"]
    assert (figures["maxItems"], figures["items"]["maxLength"]) == (12, FIGURE_ITEM_CHARS)
    assert (tasks["maxItems"], tasks["items"]["maxLength"]) == (3, TASK_CHARS)
    bound = 12 * (FIGURE_ITEM_CHARS + 4) + 3 * (TASK_CHARS + 4)
    assert job.max_tokens == SELECTION_MAX_TOKENS and bound / 4 < SELECTION_MAX_TOKENS < bound / 2
    assert "maxLength" not in str(strict_json_schema(job.model)), "OpenAI strict mode gets no length bounds"


def test_checks_come_from_the_checking_stage(bac_tu_liem: str) -> None:
    report = Report(name="btl", text=bac_tu_liem)
    draft_job = prepare(report, load_prompt("summarize@v3"))
    assert draft_job.check is no_check
    checked = with_checks(draft_job)
    assert checked.check is not no_check
    select_job = prepare(report, SELECT)
    assert with_checks(select_job) is select_job


def test_select_v3_lists_the_english_of_known_words_around_the_figures_it_cannot_name() -> None:
    """The model names a '?' figure from its clause; the glossary's English of that clause's known words goes
    with it ('đậu xe = parking'), and only for unnamed figures."""
    text = (
        "UBND thành phố đề xuất thu 25.000 đồng cho một giờ đậu xe. "
        "Thu ngân sách ước đạt 2.511 tỷ đồng, bằng 89% kế hoạch năm."
    )
    user = prepare(Report(name="r", text=text), load_prompt("select@v3")).messages[1]["content"]
    words = user.split("WORDS (", 1)[1].split("\n", 1)[1]
    figures = user.split("FIGURES (", 1)[1].split("WORDS (", 1)[0]
    assert "25.000 đồng = ?" in figures and "2.511 tỷ đồng = Budget revenue" in figures
    assert "đậu xe = parking" in words.splitlines() and "giờ = hours" in words.splitlines()
    assert "ngân sách" not in words, "the named figure's words are not listed"
    assert "WORDS" not in prepare(Report(name="r", text=text), SELECT).messages[1]["content"]

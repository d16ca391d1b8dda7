"""The harness on outputs with known answers, and mutation tests: every corruption detected and classified."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.briefing import render_markdown
from summarizer.evaluation import ErrorClass, OutputRecord, Sample, aggregate, load_dataset, load_outputs, score_output
from summarizer.evaluation.report import compare_markdown, render_html
from summarizer.evaluation.run import score_run
from summarizer.evaluation.scorers import briefing_numbers, classify_wrong
from summarizer.evaluation.synthetic import MUTATIONS, mutate, perfect_summary
from summarizer.numbers import EnglishNumber, build_ledger, parse_english_numbers

SEEDS = ("bac-tu-liem-2023-12-15", "tay-ho-2024-10-12")


@pytest.fixture(scope="module")
def dataset(reports_dir: Path) -> list[Sample]:
    return load_dataset(reports_dir)


@pytest.fixture(scope="module")
def seeds(dataset: list[Sample]) -> list[Sample]:
    return [s for s in dataset if s.id in SEEDS]


def test_dataset_has_gold_for_every_report(dataset: list[Sample]) -> None:
    assert len(dataset) == 22
    assert all(s.gold is not None and len(s.gold.indicators) >= 3 for s in dataset)
    for s in dataset:
        assert s.gold is not None
        for g in s.gold.indicators:
            assert s.text[g.span[0] : g.span[1]] == g.source_text, f"{s.id}: gold span of {g.source_text!r}"


def test_perfect_output_scores_one(dataset: list[Sample]) -> None:
    scores = []
    for s in dataset:
        p = perfect_summary(s)
        sc = score_output(s, OutputRecord(s.id, summary=p, briefing=render_markdown(p)))
        assert sc.recall == 1.0, (s.id, [c for c in sc.checks if c.error])
        scores.append(sc)
    agg = aggregate(scores)
    seed_scores = [sc for sc in scores if sc.id in SEEDS]
    assert all(sc.precision == 1.0 for sc in seed_scores)
    assert agg["key_number_recall"] == 1.0
    assert agg["schema_valid_rate"] == 1.0
    assert agg["field_accuracy"] == {"value": 1.0, "unit": 1.0, "scale": 1.0, "period": 1.0, "comparison": 1.0}
    assert agg["meeting_accuracy"] == {"date": 1.0, "session": 1.0, "body": 1.0, "term": 1.0}


def test_known_misses_lower_recall_exactly(seeds: list[Sample]) -> None:
    s = seeds[0]
    assert s.gold is not None
    p = perfect_summary(s)
    n = len(s.gold.indicators)
    dropped = p.model_copy(update={"indicators": p.indicators[3:]})
    sc = score_output(s, OutputRecord(s.id, summary=dropped))
    assert sc.recall == pytest.approx((n - 3) / n)
    assert sum(c.error == ErrorClass.MISSING for c in sc.checks) == 3
    assert sc.precision == 1.0


def test_missing_or_broken_output_scores_zero_with_reason(seeds: list[Sample]) -> None:
    s = seeds[1]
    sc = score_output(s, None)
    assert not sc.schema_valid and sc.recall == 0.0 and sc.explanation == "no output"
    broken = OutputRecord(s.id, error="schema: indicators: Field required")
    assert score_output(s, broken).explanation.startswith("schema:")


def test_mutations_detected_and_classified_on_seeds(seeds: list[Sample], capsys: pytest.CaptureFixture[str]) -> None:
    rows = []
    for s in seeds:
        perfect = perfect_summary(s)
        for kind, (_, expected) in MUTATIONS.items():
            mutated = mutate(perfect, s, kind)
            sc = score_output(s, OutputRecord(s.id, summary=mutated))
            errors = [c.error for c in sc.checks if c.error is not None]
            first = next((e for e in errors if e != ErrorClass.MISSING), errors[0] if errors else None)
            rows.append((s.id, kind, expected, first, first == expected))
    with capsys.disabled():
        print("\nmutation detection table")
        print(f"{'report':26} {'mutation':28} {'expected':28} {'classified as':28} ok")
        for rid, kind, exp, got, ok in rows:
            got_text = got.value if got else "not detected"
            print(f"{rid:26} {kind:28} {exp.value:28} {got_text:28} {'yes' if ok else 'NO'}")
        print(f"detected and classified: {sum(r[4] for r in rows)}/{len(rows)}")
    assert all(r[4] for r in rows), [r for r in rows if not r[4]]


def test_prose_errors_classified(seeds: list[Sample]) -> None:
    s = next(x for x in seeds if x.id.startswith("bac"))
    p = perfect_summary(s)
    cases = {
        "Production value reached 63.275 billion VND.": ErrorClass.SCALE,
        "Revenue rose 103% on last year.": ErrorClass.PLAN_AS_GROWTH,
        "Revenue was 3,594 billion USD.": ErrorClass.UNIT,
        "Output grew 12.86 percentage points.": ErrorClass.PERCENT_POINTS,
        "A figure of 4,242 billion VND appeared.": ErrorClass.INVENTED,
        "Output reached VND 63.3 trillion.": ErrorClass.ROUNDING,
    }
    for text, expected in cases.items():
        sc = score_output(s, OutputRecord(s.id, summary=p.model_copy(update={"summary": text})))
        prose = [c for c in sc.checks if c.where == "summary"]
        assert [c.error for c in prose] == [expected], (text, prose)


def test_rounding_reported_separately_from_exact(seeds: list[Sample]) -> None:
    s = seeds[0]
    p = perfect_summary(s).model_copy(update={"summary": "Output reached VND 63.3 trillion."})
    sc = score_output(s, OutputRecord(s.id, summary=p))
    assert sc.approx == 1
    agg = aggregate([sc])
    assert agg["number_precision_with_approx"] > agg["number_precision"]


@pytest.mark.parametrize(
    ("text", "base", "unit", "den"),
    [
        ("63,275", 63275, None, None),
        ("63.3 trillion", 63.3e12, None, None),
        ("12.86%", 12.86, "%", None),
        ("24 of 24", 24, None, 24),
        ("24/24", 24, None, 24),
        ("VND 3,594 billion", 3594e9, "VND", None),
        ("3.594 trillion dong", 3.594e12, "VND", None),
        ("six targets", 6, None, None),
    ],
)
def test_english_output_formats(text: str, base: float, unit: str | None, den: float | None) -> None:
    (n,) = parse_english_numbers(text)
    assert n.base_value == pytest.approx(base)
    assert (n.unit, n.denominator) == (unit, den)


def test_scale_conversion_grounds_trillions(bac_tu_liem: str) -> None:
    from summarizer.grounding import MatchStatus, match_number

    ledger = build_ledger(bac_tu_liem)
    for text in ("63,275 billion VND", "VND 63.275 trillion", "63,275,000,000,000 dong"):
        (n,) = parse_english_numbers(text)
        assert match_number(n, ledger).status == MatchStatus.EXACT, text
    (n,) = parse_english_numbers("63.275 billion VND")
    assert match_number(n, ledger).status == MatchStatus.NONE
    assert classify_wrong(n, ledger)[0] == ErrorClass.SCALE


def test_classify_sign_and_transposition(bac_tu_liem: str) -> None:
    ledger = build_ledger(bac_tu_liem)
    assert classify_wrong(EnglishNumber("-12.86%", 0, 0, -12.86, None, "%", None), ledger)[0] == ErrorClass.SIGN
    assert classify_wrong(EnglishNumber("3,549", 0, 0, 3549, 10**9, "VND", None), ledger)[0] == ErrorClass.TRANSPOSED


def test_briefing_numbers_skip_vietnamese_quotes_and_footer() -> None:
    md = "# T\n\n**Body** · session no. 29\n\n| x | 12.86% | 2023 | | “63.275 tỷ đồng” |\n\n---\nsha256 9a8b7c 5e\n"
    assert [n.text for n in briefing_numbers(md)] == ["12.86%", "2023"]


def test_score_run_writes_reports_and_compare(tmp_path: Path, seeds: list[Sample]) -> None:
    for name, mutation in (("a", None), ("b", "scale x1000")):
        out = tmp_path / name / "outputs"
        out.mkdir(parents=True)
        for s in seeds:
            p = perfect_summary(s)
            p = mutate(p, s, mutation) if mutation else p
            (out / f"{s.id}.summary.json").write_text(p.model_dump_json())
    doc_a, dest_a = score_run(tmp_path / "a", seeds)
    doc_b, dest_b = score_run(tmp_path / "b", seeds)
    assert doc_a["aggregate"]["number_precision"] == 1.0
    assert doc_b["aggregate"]["number_precision"] < 1.0
    html = (dest_a / "report.html").read_text()
    assert "<svg" in html and "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert json.loads((dest_b / "metrics.json").read_text())["aggregate"]["errors"]["scale"] == 2
    table = compare_markdown(doc_a, doc_b)
    assert "| number precision | 1.000 |" in table and "errors: scale | 0 | 2 | +2" in table
    assert render_html(doc_b).count("<rect") == 4


def test_results_jsonl_is_scored(tmp_path: Path, seeds: list[Sample]) -> None:
    path = tmp_path / "results.jsonl"
    lines = [
        json.dumps({"id": s.id, "status": "ok", "summary": json.loads(perfect_summary(s).model_dump_json())})
        for s in seeds
    ]
    lines.append(json.dumps({"id": "x", "status": "failed", "error": "boom"}))
    path.write_text("\n".join(lines) + "\n")
    outputs = load_outputs(path)
    assert outputs["x"].error == "boom" and outputs[SEEDS[0]].summary is not None
    doc, dest = score_run(path, seeds)
    assert doc["aggregate"]["key_number_recall"] == 1.0 and (dest / "report.md").exists()

"""Review pages, the batch index and the indicator table; the pages checked in a real headless Chromium."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.asking.requests import ranked_candidates
from summarizer.checking.assembly import figure_indicator
from summarizer.engines.batch import source_texts
from summarizer.evaluation import Sample, load_dataset
from summarizer.evaluation.report import render_html
from summarizer.evaluation.run import score_run
from summarizer.reading.ledger import build_ledger
from summarizer.reading.sentences import normalize_text
from summarizer.schema import Summary
from summarizer.testing.synthetic import perfect_summary
from summarizer.writing.review import IndexEntry, render_index, render_review, write_batch_pages
from summarizer.writing.table import COLUMNS, indicator_rows, write_table

SEEDS = ("bac-tu-liem-2023-12-15", "tay-ho-2024-10-12")
HOSTILE = (
    "Quận Hoàn Kiếm họp <script>window.__pwned = 1</script> tổng kết năm 2023\n\n"
    'Ngày 20/12, HĐND quận Hoàn Kiếm tổ chức kỳ họp thứ 9. <img src=x onerror="window.__pwned=2"> '
    "Thu ngân sách trên địa bàn ước đạt 5.120 tỷ đồng, bằng 105% dự toán, tăng 8,5% so với cùng kỳ."
)


@pytest.fixture(scope="module")
def seeds(reports_dir: Path) -> list[Sample]:
    return [s for s in load_dataset(reports_dir) if s.id in SEEDS]


def summary_for(text: str, name: str = "hostile") -> Summary:
    """A summary of any text made by code alone: every candidate as an indicator, named by its label."""
    text = normalize_text(text)
    ledger = build_ledger(text)
    base = perfect_summary_template()
    indicators = [figure_indicator(f.id, f.label or "Figure", ledger, []) for f in ranked_candidates(ledger)]
    prov = base.provenance.model_copy(
        update={"source_name": name, "source_sha256": hashlib.sha256(text.encode()).hexdigest()}
    )
    return base.model_copy(update={"indicators": indicators, "provenance": prov, "title": "Hostile <b>title</b>"})


def perfect_summary_template() -> Summary:
    return perfect_summary(
        next(s for s in load_dataset(Path(__file__).resolve().parents[2] / "eval" / "reports") if s.id == SEEDS[0])
    )


def test_every_key_figure_links_to_its_source_span(seeds: list[Sample]) -> None:
    for s in seeds:
        summary = perfect_summary(s)
        page = render_review(summary, s.text)
        for k in range(1, len(summary.indicators) + 1):
            assert f'href="#src-ind{k}"' in page
            assert f'id="src-ind{k}" class="src used"' in page
        assert "Blue: figures the briefing uses" in page
        for external in ("<script src", 'src="http', 'href="http', "<link", "@import", "url("):
            assert external not in page


def test_report_text_is_escaped() -> None:
    page = render_review(summary_for(HOSTILE), HOSTILE)
    assert "<script>window.__pwned" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in page
    assert "Hostile &lt;b&gt;title&lt;/b&gt;" in page


def test_a_summary_of_another_text_is_refused(seeds: list[Sample]) -> None:
    from summarizer.errors import InputError

    with pytest.raises(InputError, match="not the one this summary was made from"):
        render_review(perfect_summary(seeds[0]), seeds[1].text)


def test_indicator_table_has_numbers_and_every_column(tmp_path: Path, seeds: list[Sample]) -> None:
    summaries = [(s.id, perfect_summary(s)) for s in seeds]
    n = write_table(indicator_rows(summaries), tmp_path / "t.csv")
    assert n == sum(len(p.indicators) for _, p in summaries)
    rows = list(csv.DictReader((tmp_path / "t.csv").open(encoding="utf-8")))
    assert tuple(rows[0]) == COLUMNS
    first = rows[0]
    assert first["report_id"] == SEEDS[0] and float(first["value"]) == 63275 and float(first["base_value"]) == 6.3275e13
    pa = pytest.importorskip("pyarrow.parquet")
    write_table(indicator_rows(summaries), tmp_path / "t.parquet")
    table = pa.read_table(tmp_path / "t.parquet")
    assert table.num_rows == n and str(table.schema.field("value").type) == "double"


def _results(tmp_path: Path, seeds: list[Sample]) -> tuple[Path, Path]:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    lines = []
    for s in seeds:
        (inputs / f"{s.id}.txt").write_text(s.text, encoding="utf-8")
        lines.append(
            {
                "id": s.id,
                "status": "ok",
                "cached": s.id == SEEDS[1],
                "summary": json.loads(perfect_summary(s).model_dump_json()),
            }
        )
    lines.append({"id": "broken", "status": "failed", "error": "broken.txt: is a binary file"})
    results = tmp_path / "results.jsonl"
    results.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
    return results, inputs


def test_batch_pages_and_index(tmp_path: Path, seeds: list[Sample]) -> None:
    results, inputs = _results(tmp_path, seeds)
    pages, index = write_batch_pages(results, source_texts(inputs), tmp_path / "pages")
    assert pages == 2
    html = index.read_text(encoding="utf-8")
    assert html.count("<tr><td") == 3 and "is a binary file" in html and ">cached<" in html
    assert all((tmp_path / "pages" / f"{s}.review.html").exists() for s in SEEDS)


def test_cli_table_and_review(tmp_path: Path, seeds: list[Sample]) -> None:
    results, inputs = _results(tmp_path, seeds)
    run = [sys.executable, "-m", "summarizer.cli"]
    t = subprocess.run([*run, "table", str(results), "--out", str(tmp_path / "i.csv")], capture_output=True, text=True)
    assert t.returncode == 0 and "left out 1 failed record" in t.stderr
    r = subprocess.run(
        [*run, "review", str(results), "--inputs", str(inputs), "--out", str(tmp_path / "p")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0 and (tmp_path / "p" / "index.html").exists()
    bad = subprocess.run([*run, "review", str(results)], capture_output=True, text=True)
    assert bad.returncode == 2 and "needs --inputs" in bad.stderr and "Traceback" not in bad.stderr


# --- in a real browser ---------------------------------------------------------------------------------

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (CHROMIUM and DRIVER):
        pytest.skip("Debian's chromium and chromium-driver are not installed (.ci/run installs them)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_browser_figure_links_highlight_their_source_text(browser: Any, tmp_path: Path, seeds: list[Sample]) -> None:
    from selenium.webdriver.common.by import By

    for s in seeds:
        summary = perfect_summary(s)
        page = tmp_path / f"{s.id}.html"
        page.write_text(render_review(summary, s.text), encoding="utf-8")
        browser.get(page.as_uri())
        links = browser.find_elements(By.CSS_SELECTOR, "#briefing td a.fig")
        assert len(links) == len(summary.indicators)
        for link, ind in zip(links, summary.indicators, strict=True):
            link.click()
            lit = browser.find_elements(By.CSS_SELECTOR, "#source .hl")
            assert len(lit) == 1 and lit[0].text == ind.source_text, (s.id, ind.name)
            assert lit[0].text == s.text[ind.span[0] : ind.span[1]]


def test_browser_hostile_report_runs_nothing(browser: Any, tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(render_review(summary_for(HOSTILE), HOSTILE), encoding="utf-8")
    browser.get(page.as_uri())
    assert browser.execute_script("return window.__pwned === undefined")
    assert "<script>window.__pwned = 1</script>" in browser.find_element("id", "source").text


@pytest.mark.parametrize("width", [1280, 390])
def test_browser_readable_on_laptop_and_phone(browser: Any, tmp_path: Path, seeds: list[Sample], width: int) -> None:
    page = tmp_path / "w.html"
    page.write_text(render_review(perfect_summary(seeds[0]), seeds[0].text), encoding="utf-8")
    browser.set_window_size(width, 900)
    browser.get(page.as_uri())
    overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{overflow}px of horizontal scrolling at {width}px"
    browser.set_window_size(1280, 900)


def test_browser_index_links_open_the_pages(browser: Any, tmp_path: Path, seeds: list[Sample]) -> None:
    from selenium.webdriver.common.by import By

    results, inputs = _results(tmp_path, seeds)
    _, index = write_batch_pages(results, source_texts(inputs), tmp_path / "pages")
    browser.get(index.as_uri())
    hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "tbody a")]
    assert len(hrefs) == 2
    for href in hrefs:
        browser.get(href)
        assert browser.find_element(By.CSS_SELECTOR, "#source").text.strip()
    browser.get(index.as_uri())
    browser.find_element(By.CSS_SELECTOR, 'th[data-col="5"]').click()
    figures = [int(td.text) for td in browser.find_elements(By.CSS_SELECTOR, "tbody tr td:nth-child(6)")]
    assert figures == sorted(figures)


def test_browser_eval_report_chart_renders_without_console_errors(
    browser: Any, tmp_path: Path, seeds: list[Sample]
) -> None:
    from selenium.webdriver.common.by import By

    out = tmp_path / "run" / "outputs"
    out.mkdir(parents=True)
    for s in seeds:
        (out / f"{s.id}.summary.json").write_text(perfect_summary(s).model_dump_json())
    doc, dest = score_run(tmp_path / "run", seeds)
    browser.get_log("browser")
    browser.get((dest / "report.html").as_uri())
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg rect")) == 4
    assert render_html(doc).count("<rect") == 4
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


def test_index_escapes_ids() -> None:
    html = render_index([IndexEntry("<script>x</script>", "failed", reason="<b>boom</b>")])
    assert "<script>x" not in html and "&lt;b&gt;boom" in html

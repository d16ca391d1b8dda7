"""Trivial methods scored by the same code as the model, so a metric means something beside them.

(a) the first k ranked ledger candidates, (b) every candidate; both named by the Vietnamese words just
before the figure, untranslated, with basis and period as the ledger reads them, no meeting body and
no prose. A model that does not beat (a) on fully-right adds nothing a regex does not.
"""

from __future__ import annotations

import hashlib
import re

from summarizer.asking.requests import ranked_candidates
from summarizer.checking.assembly import figure_indicator
from summarizer.evaluation.dataset import OutputRecord, Sample
from summarizer.reading.figures import Figure, Ledger
from summarizer.reading.ledger import build_ledger
from summarizer.schema import Meeting, Provenance, Summary, Usage

__all__ = ["BASELINES", "BASELINE_K", "baseline_outputs", "made_by_code"]

BASELINE_K = 10
BASELINES = (f"first {BASELINE_K} ranked candidates", "every candidate")


def _words_before(ledger: Ledger, fig: Figure, n: int = 5) -> str:
    sentence = ledger.sentence_of(fig)
    before = ledger.text[sentence.start : fig.start]
    words = re.findall(r"[^\W\d_]+", before)
    return " ".join(words[-n:]) or fig.text


def made_by_code(sample: Sample, prompt_id: str, version: str, *, calls: int = 0) -> Provenance:
    """Provenance of an output that code made without a model (gold-built summaries, baselines)."""
    return Provenance(
        source_name=sample.id,
        source_sha256=hashlib.sha256(sample.text.encode()).hexdigest(),
        prompt_id=prompt_id,
        prompt_version=version,
        prompt_sha256="0" * 64,
        schema_sha256="0" * 64,
        backend="synthetic" if prompt_id == "gold" else prompt_id,
        model=prompt_id if prompt_id == "gold" else "none",
        temperature=0.0,
        max_tokens=0,
        created_at="1970-01-01T00:00:00",
        elapsed_s=0.0,
        usage=Usage(prompt_tokens=0, completion_tokens=0, total_tokens=0, calls=calls, reasks=0, per_call=[]),
    )


def _summary(sample: Sample, ledger: Ledger, figures: list[Figure], method: str) -> Summary:
    return Summary(
        title=ledger.sentences[0].text if ledger.sentences else sample.id,
        meeting=Meeting(
            body_en="",
            body_vi=None,
            session=None,
            session_text=None,
            term=None,
            date=None,
            date_as_written=None,
            date_year_inferred=False,
            place=None,
        ),
        officials=[],
        topics=[],
        indicators=[figure_indicator(f.id, _words_before(ledger, f), ledger, []) for f in figures],
        directives=[],
        summary="",
        flags=[],
        provenance=made_by_code(sample, "baseline", method),
    )


def baseline_outputs(sample: Sample) -> dict[str, OutputRecord]:
    """Each baseline's output for one report, by baseline name."""
    ledger = build_ledger(sample.text)
    ranked = ranked_candidates(ledger)
    chosen = {BASELINES[0]: ranked[:BASELINE_K], BASELINES[1]: ranked}
    return {
        name: OutputRecord(sample.id, summary=_summary(sample, ledger, figs, name)) for name, figs in chosen.items()
    }

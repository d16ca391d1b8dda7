"""The figure ledger of a report: every figure read (``figures``), given its period (``periods``), then its
meaning (``meaning``)."""

from __future__ import annotations

from functools import lru_cache

from summarizer.reading.clause_words import clause_gloss
from summarizer.reading.figures import Ledger, read_figures
from summarizer.reading.fit import name_problem
from summarizer.reading.glossary import clear_caches
from summarizer.reading.labels import known_name
from summarizer.reading.language import fold
from summarizer.reading.meaning import annotate
from summarizer.reading.meeting import find_meeting_facts, officials_in
from summarizer.reading.periods import assign_periods
from summarizer.reading.source_names import source_name

__all__ = ["build_ledger", "folded_text", "forget", "read_fully", "ready", "remember", "reset_caches"]

_BUILT_ELSEWHERE: dict[str, Ledger] = {}


def remember(ledger: Ledger) -> None:
    """A ledger built in another process (the batch engine's reading pool): the next ``build_ledger`` of its
    text takes it instead of reading the text again."""
    _BUILT_ELSEWHERE[ledger.text] = ledger


def forget(text: str) -> None:
    """Drop a remembered ledger that was not asked for."""
    _BUILT_ELSEWHERE.pop(text, None)


@lru_cache(maxsize=512)
def build_ledger(text: str) -> Ledger:
    """Every figure of ``text`` (normalized) with kind, value, period, subject, basis and English name. Cached:
    every stage reads the same report, and the ledger is not changed after it is built."""
    ready = _BUILT_ELSEWHERE.pop(text, None)
    if ready is not None:
        return ready
    ledger = read_figures(text)
    assign_periods(ledger)
    annotate(ledger)
    return ledger


def folded_text(ledger: Ledger) -> str:
    """The ledger's text folded for matching (``language.fold``), once per ledger."""
    return ledger.keep("folded", lambda: fold(ledger.text))


def read_fully(text: str) -> Ledger:
    """``build_ledger``, with what later stages read from the same text kept on the ledger (meeting facts,
    officials, the folded text, the candidate figures, the known words around those it cannot name): what the
    batch engine's reading pool sends back, so its event loop reads nothing."""
    ledger = build_ledger(text)
    find_meeting_facts(ledger)
    officials_in(ledger)
    folded_text(ledger)
    for fig in ledger.candidates():
        if (name := known_name(fig)) is None:
            clause_gloss(ledger, fig)  # the words the model is given to name it (asking.requests.clause_words)
        else:
            name_problem(ledger, fig, name)  # whether the program's own name may be shown (checking.key_figures)
        source_name(ledger, fig)  # the Vietnamese words shown if nobody can name it
    return ledger


def ready() -> bool:
    """Nothing, in a reading process: by the time it returns, the process has imported the reading stage and so
    can read a report at once (the batch engine waits for it before it hands reports to its pool)."""
    return True


def reset_caches() -> None:
    """Forget loaded knowledge and built ledgers: after the termbase in use changed (the coverage curve)."""
    clear_caches()
    build_ledger.cache_clear()

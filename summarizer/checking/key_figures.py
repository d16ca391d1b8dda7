"""The key figures of a summary and their names: values from the ledger, names that fit them (by code, or by the
model where it may name), and a figure nobody can name shown in its own Vietnamese words, never dropped."""

from __future__ import annotations

import re

from summarizer.asking.requests import known_name, ranked_candidates
from summarizer.checking.grounding import clean_name
from summarizer.reading.clause_words import clause_gloss
from summarizer.reading.figures import Figure, FigureKind, Ledger
from summarizer.reading.fit import name_problem, name_with_owner
from summarizer.reading.labels import figure_basis, names_only_the_unit
from summarizer.reading.language import strip_diacritics
from summarizer.reading.source_names import source_name
from summarizer.reading.terminology import is_generic_name
from summarizer.reading.units import SCALE_NAMES_EN
from summarizer.schema import Draft, Flag, Indicator

__all__ = ["MAX_KEY_FIGURES", "figure_indicator", "indicator_name", "key_indicators", "untranslated"]

MAX_KEY_FIGURES = 20
"""After the model's choices, candidates are added up to this many key figures (those the terminology names first,
then those shown in their Vietnamese words): a small model chooses 8 to 14 of often 30 candidates, and the figures it
leaves out are as often key ones."""


def _comparison(fig: Figure) -> str | None:
    if fig.kind == FigureKind.RATIO and fig.denominator is not None:
        return f"of {fig.denominator:g}" + (f" {fig.unit}" if fig.unit else "")
    return fig.basis


def figure_indicator(figure_id: str, name: str, ledger: Ledger, problems: list[Flag]) -> Indicator:
    """The stored indicator for one ledger figure: every value from code, the name from the model; a flag
    about this figure makes it ungrounded."""
    fig = ledger.get(figure_id)
    mine = [p.message for p in problems if p.figure_id == figure_id]
    if fig is None:
        return Indicator(
            figure_id=figure_id,
            name=name,
            value=0.0,
            value_high=None,
            unit=None,
            scale=None,
            base_value=0.0,
            denominator=None,
            kind="unknown",
            period=None,
            comparison=None,
            basis=None,
            direction=None,
            qualifier=None,
            source_text="",
            source_quote="",
            span=[0, 0],
            grounding="ungrounded",
            grounding_note=f"{figure_id} is not a figure of the source",
        )
    note = None
    grounding = "grounded"
    if not fig.is_indicator_kind:
        grounding, note = "ungrounded", f"'{fig.text}' is a {fig.kind.value}, not an indicator"
    elif fig.ambiguous:
        grounding, note = "ungrounded", f"ambiguous number: {fig.ambiguous}"
    elif mine:
        grounding, note = "ungrounded", "; ".join(mine)
    return Indicator(
        figure_id=fig.id,
        name=name,
        value=fig.value,
        value_high=fig.high,
        unit=fig.unit,
        scale=SCALE_NAMES_EN.get(fig.scale) if fig.scale else None,
        base_value=fig.base_value,
        denominator=fig.denominator,
        kind=fig.kind.value,
        period=fig.period,
        comparison=_comparison(fig),
        basis=figure_basis(fig),
        direction=fig.cue,  # type: ignore[arg-type]
        qualifier=fig.qualifier,
        source_text=fig.text,
        source_quote=ledger.quote(fig),
        span=[fig.start, fig.end],
        grounding=grounding,  # type: ignore[arg-type]
        grounding_note=note,
    )


def indicator_name(fig: Figure | None, drafted: str, language_problem: str | None) -> str | None:
    """The program's English name where the terminology knows the subject; else the model's, when it is
    clean English that says more than a head noun; else None (the figure is then shown in its Vietnamese words)."""
    if fig is not None and (known := known_name(fig)):
        return known
    written = drafted.strip().strip("\"'").lstrip("=:–—- ")
    if strip_diacritics(written) != written:  # 'thông qua', 'Hà Nội': Vietnamese copied, not an English name
        return None
    name = clean_name(written) if re.search(r"[A-Za-z]{2}", written) and language_problem is None else ""
    if name and len(name) <= _MAX_NAME and not re.search(r"[\d?]", name) and not is_generic_name(name):
        return None if _STATES_AMOUNT.search(name) or (fig is not None and names_only_the_unit(fig, name)) else name
    return None


_MAX_NAME = 90
_STATES_AMOUNT = re.compile(
    r"\b(?:billions?|millions?|trillions?|thousands?|hundreds?|dollars?|dong|vnd|usd|percent|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b",
    re.IGNORECASE,
)
"""A name that spells an amount ('Two billion dollars', 'Thirty billion') states the figure instead of naming it:
the program writes every number, so such a name is the model copying the value."""


def key_indicators(
    draft: Draft, ledger: Ledger, problems: list[Flag], bad: dict[str, str], *, free_naming: bool = True
) -> list[Indicator]:
    """The key figures, each value once: the draft's, then the candidates it left out that the terminology names
    (``chosen_by`` "code"), then the likeliest candidates nobody can name, up to ``MAX_KEY_FIGURES``. A figure whose
    name is missing or fails the fit checks is shown in its own Vietnamese words, marked not translated, never
    dropped (``untranslated``). ``free_naming``: a strong model may name what the termbase cannot; the embedded one
    may only use words the termbase gave for the figure's clause (``_only_given_words``)."""
    shown = _Shown(ledger, problems)
    for k, d in enumerate(draft.indicators, start=1):
        fig = ledger.get(d.figure)
        name = indicator_name(fig, d.name, bad.get(f"indicator {k} name"))
        if name is not None and fig is not None and not free_naming and known_name(fig) is None:
            name = name if _only_given_words(name, ledger, fig) else None
        if fig is None:
            if name is not None:
                shown.add_unchecked(d.figure, name)
            continue
        shown.add(fig, name, "model")
    ranked = ranked_candidates(ledger)
    for fig in ranked:
        if (label := known_name(fig)) and not fig.ambiguous:
            shown.add(fig, label, "code")
    for fig in ranked:
        if not fig.ambiguous:
            shown.add(fig, None, "code")
    return shown.indicators


class _Shown:
    """The key figures chosen so far: one per value, at most ``MAX_KEY_FIGURES`` (the model's own picks are never
    cut), a name for one figure of a period and basis only."""

    def __init__(self, ledger: Ledger, problems: list[Flag]) -> None:
        self.ledger, self.problems = ledger, problems
        self.indicators: list[Indicator] = []
        self.values: set[tuple[object, ...]] = set()
        self.names: dict[str, tuple[str, str | None, str | None]] = {}

    def add_unchecked(self, figure_id: str, name: str) -> None:
        self.indicators.append(figure_indicator(figure_id, name, self.ledger, self.problems))

    def add(self, fig: Figure, name: str | None, chosen_by: str) -> None:
        if fig.value_key in self.values or (chosen_by == "code" and len(self.indicators) >= MAX_KEY_FIGURES):
            return
        if name is not None and name_problem(self.ledger, fig, name):
            name = name_with_owner(self.ledger, fig, name)
        if name is not None and self._name_taken(fig, name):
            name = None
        self.values.add(fig.value_key)
        ind = figure_indicator(fig.id, name or "", self.ledger, self.problems)
        ind = ind if name else untranslated(self.ledger, fig, ind)
        self.indicators.append(ind if chosen_by == "model" else ind.model_copy(update={"chosen_by": "code"}))

    def _name_taken(self, fig: Figure, name: str) -> bool:
        """One name for two figures of one report with nothing (kind, period, basis) to tell them apart: at least
        one of them is misnamed (three project capitals all 'Capital of projects'), so the later is withheld."""
        said = (fig.kind.value, fig.period, fig.basis)
        first = self.names.get(name.lower())
        if first is None:
            self.names[name.lower()] = said
            return False
        return first[1:] == said[1:]


def untranslated(ledger: Ledger, fig: Figure, ind: Indicator) -> Indicator:
    """A key figure nobody can name in English (``ind``, its values and grounding, flags included): shown with the
    Vietnamese words that say what it measures, as written and linked to their span, with the English of the words
    the termbase knows."""
    found = source_name(ledger, fig)
    if found is None:
        words = ledger.quote(fig, 90)
        return ind.model_copy(update={"name": words, "name_status": "source", "name_span": None, "gloss": None})
    return ind.model_copy(
        update={
            "name": found.vi,
            "name_status": found.status,
            "name_span": list(found.span),
            "gloss": found.gloss or None,
        }
    )


_FUNCTION_TEXT = "of the and in as at for to by from with on per a an its their total number rate share value growth"
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())


def _only_given_words(name: str, ledger: Ledger, fig: Figure) -> bool:
    """Whether every content word of a name the embedded model wrote was given to it: the English of the known
    words of the figure's clause (``clause_gloss``); a word it was not given is a guess at Vietnamese it cannot
    read."""
    given = {w for _, en in clause_gloss(ledger, fig) for w in re.findall(r"[a-z]+", en.lower())}
    words = re.findall(r"[a-z]+", name.lower())
    return all(w in given or w in _FUNCTION_WORDS or w.rstrip("s") in given for w in words)

"""The known words of a figure's clause: what the embedded model is given to name a figure the program cannot
(``clause_gloss``), and whether the words between a figure and its subject are all known (``written_whole``)."""

from __future__ import annotations

import re

from summarizer.reading.glossary import chunk
from summarizer.reading.ledger_types import Figure, Ledger

__all__ = ["clause_gloss", "written_whole"]

_GLOSSED = frozenset({"noun", "measure", "mod", "verb", "lead"})


def clause_gloss(ledger: Ledger, fig: Figure) -> tuple[tuple[str, str], ...]:
    """The known words of a figure's clause (140 characters of its sentence around it) with their English, in
    order: what the model is given to name a figure the program cannot. Once per figure and ledger."""

    def gloss() -> tuple[tuple[str, str], ...]:
        return tuple((c.vi, c.en.strip()) for c in chunk(ledger.quote(fig, 140)) if c.role in _GLOSSED and c.en.strip())

    return ledger.keep(f"gloss {fig.id}", gloss)


def written_whole(ledger: Ledger, fig: Figure, carried_from: Figure | None) -> bool:
    """Whether every word between the figure's subject and the figure is known: its subject term's last mention
    before it in the sentence, or the figure it carries its subject from (``carried_from``). An unknown word there
    may be what the figure measures ('Thu ngân sách … , riêng thu từ <unknown> đạt 50 tỷ đồng'), so the program
    does not know the figure's subject whole and leaves it to be named from its clause. The numbers of other
    figures in between are not words."""
    words = (fig.subject or "").split()
    subject = re.compile(r"\s+".join(map(re.escape, words)), re.IGNORECASE) if words else None
    after = ledger.text[fig.end - len(fig.unit_vi or "") : fig.end + 80].lstrip(" ,:(")
    if subject is None or subject.match(after) is not None:
        return True  # the noun it counts, written right after it ('31 tượng đài', '115 cán bộ')
    sentence = ledger.sentence_of(fig)
    start = carried_from.end if carried_from is not None else sentence.start
    parts, at = [], start
    for other in ledger.figures:
        if other.start >= fig.start:
            break  # the ledger is in text order
        if other.end > at:
            parts.append(ledger.text[at : max(at, other.start)])
            at = other.end
    text = " ".join([*parts, ledger.text[at : fig.start]])
    mentions = list(subject.finditer(text))
    if mentions:
        text = text[mentions[-1].end() :]  # written again since the figure it was carried from
    elif carried_from is None:
        return True
    return all(c.role != "unknown" for c in chunk(text))

"""Whether an English name fits its figure before it is shown: kind and unit, one noun phrase, one name per kind.

A right number under a wrong name is a wrong fact, and the wrong names seen on unseen text have shapes a check
can see: an amount of money named by people or a volume ("Births" for an amount in USD), a percent named by a
thing, a count named by money, stacked parentheses, a word said twice. A name that fails is not shown; the figure
is shown in its own Vietnamese words instead (``source_names``). What each head word may name is data
(``data/name_heads.tsv``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from itertools import pairwise

from summarizer.reading.glossary import chunk
from summarizer.reading.heads import head_of, load_heads, names_things_counted, singular_head
from summarizer.reading.knowledge import fits_of
from summarizer.reading.ledger_types import Figure, Ledger
from summarizer.reading.meaning import around_of
from summarizer.reading.owners import many_for_one, owner_after, owner_english, owner_left_out, proper_name_left_out
from summarizer.reading.source_names import window
from summarizer.reading.terminology import normalize_vi
from summarizer.tables import either, rows, words

__all__ = [
    "fit_problem",
    "head_of",
    "load_heads",
    "load_relations",
    "modifier_left_out",
    "name_problem",
    "name_with_owner",
    "relation_problem",
    "words_left_out",
]


_BASIS_PARENS = re.compile(r"\((?:[A-Z]{2,6}|target|year on year|multiple|estimate|estimated|plan)\)")


def _repeats(name: str) -> str | None:
    """A word said twice in a row, or a parenthesis that only repeats one word of the name ('Projects (projects)')."""
    words = [w.lower() for w in re.findall(r"[A-Za-z]+", name)]
    twice: str | None = next((w for a, w in pairwise(words) if a == w and len(w) > 2), None)
    if twice is not None:
        return twice
    if m := re.search(r"\b([a-z]{3,}?)s? of (?:the )?\1", name.lower()):  # 'Amount of amount payable'
        return m.group(1)
    for m in re.finditer(r"\(([A-Za-z-]+)\)", name):
        rest = (name[: m.start()] + name[m.end() :]).lower()
        if re.search(rf"\b{re.escape(m.group(1).lower())}\b", rest):
            return m.group(1).lower()
    return None


_PLURAL_PAIR = re.compile(r"\b([A-Za-z]{3,}s) ([a-z]{3,}s|people|children|women|criteria)\b")  # 'Deaths people'
_PAIR_FIRST = frozenset(w for (w,) in rows("noun_pairs"))


def _glued(name: str) -> str | None:
    """Two plural nouns side by side ('Communes wards', 'Schools houses'): two phrases glued, not a name, unless the
    first is one that stands before nouns ('customs duties', ``data/noun_pairs.tsv``)."""
    for m in _PLURAL_PAIR.finditer(name):
        first, second = m.group(1).lower(), m.group(2)
        if first not in _PAIR_FIRST and not first.endswith(("ss", "us", "is")) and not second.endswith("ss"):
            return m.group()
    return None


_KIND_GLUED = re.compile(r"(?i)(?:total )?amounts? (?!of\b)(?!\w+(?:able|ed|ing|ue)\b)\w")


def fit_problem(fig: Figure, name: str) -> str | None:
    """Why ``name`` does not fit ``fig``, or None when it fits."""
    kind = fig.kind.value
    if re.search(r"\bNone\b", name):
        return "a missing value written into the name"  # 'None investment' (stop 37: 14 on 500 corpus articles)
    if _BASIS_PARENS.sub("", name).count("(") > 1:
        return "stacked parentheses"
    if re.search(r"\b(?:stood at|reached|was|were)\b", name, re.IGNORECASE):
        return "a clause, not a name"
    if _KIND_GLUED.match(name):
        return "a kind word glued to a noun"  # 'Amount commune budget', 'Amount damage' (stop 40, dev)
    if (twice := _repeats(name)) is not None:
        return f"says '{twice}' twice"
    if (glued := _glued(name)) is not None:
        return f"two nouns glued together ('{glued}')"
    if fig.unit == "times" and "as a multiple of" in name:
        return None  # 'gấp 1,3 lần so với năm trước': a multiple of anything measured, its base said
    head = head_of(name)
    allowed = load_heads().get(head)
    if allowed is not None and kind not in allowed:
        return f"'{head}' does not name a {kind}"
    if allowed is None and kind == "money":
        return f"'{head}' is not something money can be"
    if allowed is None and kind == "quantity" and names_things_counted(name):
        return f"'{head}' are counted, not measured"  # 'Hydropower plants' for 787,21 triệu m3 of water
    if kind == "count" and fig.unit and not _says_what_it_counts(name, fig.unit, allowed):
        return f"does not say it counts {fig.unit}"
    if kind == "percent" and not _PERCENT_NAME.search(name):
        return "a percent named by a thing, not its rate, share or change"
    return _termbase_fit(fig)


_PERCENT_NAME = re.compile(
    rf"\b(?:{either(words('percent_names', 'word'))})s?\b|{either(words('percent_names', 'phrase'))}", re.IGNORECASE
)
"""A name that says it is a rate, a share, a change or a percent of something (``data/percent_names.tsv``)."""


def name_problem(ledger: Ledger, fig: Figure, name: str) -> bool:
    """Whether ``name`` may not be shown for ``fig``: it does not fit (``fit_problem``), or its clause states a
    relation the name leaves out, or a known noun of its own phrase (a partial name). Judged once per ledger and
    name: ``ledger.read_fully`` judges the program's own names in the batch engine's reading pool."""
    judged: dict[tuple[str, str], bool] = ledger.keep("name_problems", dict)
    key = (fig.id, name)
    if key not in judged:
        tail, after = around_of(ledger, fig, None).tail, ledger.text[fig.end : fig.end + 40]
        sentence = ledger.sentence_of(fig).start
        judged[key] = (
            fit_problem(fig, name) is not None
            or relation_problem(fig, name, tail, after) is not None
            or bool(words_left_out(tail, name))
            or owner_left_out(ledger, tail, name, ledger.text[:sentence]) is not None
            or proper_name_left_out(ledger, tail, name) is not None
            or many_for_one(ledger.text[sentence : fig.start], name)
            or owner_after(ledger, after, name) is not None
            or modifier_left_out(fig, tail, name) is not None
        )
    return judged[key]


def modifier_left_out(fig: Figure, tail: str, name: str) -> str | None:
    """A modifier written right after the subject ('vốn đầu tư gián tiếp', 'khách quốc tế', 'doanh nghiệp tư nhân')
    that ``name`` does not say: 'Investment capital' for indirect investment names another quantity."""
    if not fig.subject:
        return None
    low, subject = normalize_vi(tail), normalize_vi(fig.subject)
    at = low.rfind(subject)
    if at < 0:
        return None
    after = chunk(low[at + len(subject) :])
    said = name.lower()
    if after and after[0].role == "mod" and not any(w[:5] in said for w in re.findall(r"[a-z]{4,}", after[0].en)):
        return after[0].vi
    return None


def name_with_owner(ledger: Ledger, fig: Figure, name: str) -> str | None:
    """``name`` with the one owner its clause names and it leaves out ('Total investment' for 'tổng mức đầu tư của
    dự án Long Thành' -> 'Total investment of the Long Thanh project'), where that name passes ``name_problem``;
    else None. Whose a figure is belongs in its name, never dropped for want of it."""
    owner = owner_english(ledger, around_of(ledger, fig, None).tail, name, ledger.text[: ledger.sentence_of(fig).start])
    owner = owner or owner_after(ledger, ledger.text[fig.end : fig.end + 40], name)
    if owner is None:
        return None
    kind = owner.split()[-1].lower()
    bare = name.removesuffix(f" of {kind}s").removesuffix(f" of the {kind}")
    if re.search(r"\bof (?:the \w+|\w+s)$", re.sub(r"\s*\([^()]*\)", "", bare)):
        return None  # an owner said already: 'Total investment of the project' is no '… of the project of … airport'
    owned = f"{bare} of {owner}"  # 'Capital of projects' -> 'Capital of the Binh Trieu project'
    return None if name_problem(ledger, fig, owned) else owned


def _termbase_fit(fig: Figure) -> str | None:
    """The Vietnamese head of the subject (its first noun or measure word) must fit the figure's kind where the
    termbase says which kinds it fits ('cuộc họp': a count, never an amount of money)."""
    head = next((c for c in chunk(fig.subject or "") if c.role in ("noun", "measure")), None)
    fits = fits_of(head.vi) if head is not None else frozenset()
    if fits and fig.kind.value not in fits:
        return f"'{head.vi if head else ''}' names a {'/'.join(sorted(fits))}, not a {fig.kind.value}"
    return None


_GENERIC_UNITS = frozenset({"people", "person", "place", "time", "visit", "case", "unit", "turn", "item"})
"""Units that count without saying what ('6.100 người', 'tăng 3 bậc'): the name says what."""


def _says_what_it_counts(name: str, unit: str, allowed: frozenset[str] | None) -> bool:
    """A count of '100.000 hộ dân' named 'Water supply' says nothing of households: the name holds the counted noun,
    or its head is one that counts."""
    low = name.lower()
    counted = singular_head(unit.split()[-1]) if unit.split() else ""
    if counted in _GENERIC_UNITS:
        return True
    return not counted or counted in low or (allowed is not None and "count" in allowed)


@lru_cache(maxsize=1)
def load_relations() -> dict[str, dict[str, tuple[str, ...]]]:
    """relation -> side ('before', 'after', 'end', 'en') -> texts, from ``data/relations.tsv``."""
    text = resources.files("summarizer").joinpath("data/relations.tsv").read_text(encoding="utf-8")
    found: dict[str, dict[str, list[str]]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            relation, side, words = (p.strip() for p in line.split("\t"))
            found.setdefault(relation, {}).setdefault(side, []).append(words.lower())
    return {r: {side: tuple(w) for side, w in sides.items()} for r, sides in found.items()}


_CHANGE_FILLERS = r"(?:\s+(?:thêm|khoảng|hơn|gần|trên|được|tới))*\s*$"


_COUNTED_PHRASE = 25
"""How far after a count its counted phrase is read for a relation ('135.000 hộ sử dụng nước không hợp vệ sinh')."""


def _stated(relation: dict[str, tuple[str, ...]], tail: str, after: str, *, counted: bool = False) -> bool:
    before = tail.lower()[-60:]
    last = re.split(r"[,;:.]", before)[-1]
    for w in relation.get("word", ()):
        last = re.sub(rf"(?<!\w){re.escape(w)}(?!\w)", " ", last)  # 'cảng hàng không có …': aviation, no negation
    if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", last) for w in relation.get("before", ())):
        return True
    if any(re.search(rf"(?<!\w){re.escape(w)}{_CHANGE_FILLERS}", last) for w in relation.get("end", ())):
        return True
    head = after.lower().lstrip()[:14]
    if any(head.startswith(w) or head.startswith(w.replace("/", "/ ")) for w in relation.get("after", ())):
        return True
    if not counted:
        return False
    rest = re.split(r"[,;:.()]", after.lower()[:_COUNTED_PHRASE], maxsplit=1)[0]  # '135.000 hộ sử dụng nước không …'
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", rest) for w in relation.get("after_clause", ()))


def relation_problem(fig: Figure, name: str, tail: str, after: str) -> str | None:
    """The relation the clause states that the name leaves out ('mỗi người dân đang gánh 30 triệu' named 'Public
    debt'; 'tăng 1,5 triệu đồng' named as a level): such a name misleads quietly, so it is withheld. ``tail``: the
    clause up to the figure; ``after``: the text right after it."""
    for relation, sides in load_relations().items():
        if relation == "change" and fig.kind.value not in ("money", "count", "quantity"):
            continue
        if relation == "equivalent" and fig.kind.value != "percent":
            continue  # '336.630 tỷ đồng (tương đương 16,03 tỷ USD)': the same amount, the same name
        if _stated(sides, tail, after, counted=fig.kind.value == "count" and bool(fig.unit)) and not any(
            re.search(rf"\b{re.escape(w)}\b", name.lower()) for w in sides.get("en", ())
        ):
            return f"the clause states a {relation} relation the name leaves out"
    return None


def words_left_out(tail: str, name: str) -> list[str]:
    """The known nouns and measures of the phrase before the figure (``source_names.window``) that the name does
    not say ('lượt khách qua sân bay' named 'Visitor arrivals' leaves out the airport): such a name is partial, and
    the figure is shown in its Vietnamese words with their English instead. In an audit of 160 names on held-out
    corpus articles 13 of the 18 names this withholds were wrong."""
    chunks = chunk(tail)
    first, last = window(chunks)
    low = name.lower()
    left = []
    phrase = chunks[first : last + 1]
    if len(phrase) > 1 and phrase[1].role in ("noun", "measure", "verb"):
        phrase = phrase[1:]  # 'hỗ trợ giải quyết việc làm': a leading noun before another acts as its verb
    for c in phrase:
        words = [w for w in re.findall(r"[a-z]+", c.en.lower()) if len(w) > 3] if c.role in ("noun", "measure") else []
        if words and not any(w.rstrip("s")[:5] in low for w in words):
            left.append(c.vi)
    return left

"""Meeting facts scored against the gold: the body (in English and Vietnamese), session, term and date."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from summarizer.evaluation.checks import ErrorClass, FigureCheck
from summarizer.reading.language import fold
from summarizer.schema import Summary
from summarizer.tables import either, entries, mapping, words

__all__ = ["check_body", "meeting_scores"]


# --- meeting facts ---------------------------------------------------------------------------------


def _gold_body(row: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[tuple[str, ...], ...], tuple[str, ...]]:
    """A ``gold_body`` row of ``data/meeting.tsv``: the pattern, the groups of words the English must hold (one of
    each group) and the words it must not hold."""
    pattern, needs, forbidden = row[:3]
    return (
        re.compile(pattern),
        tuple(tuple(g.split("|")) for g in needs.split(",")),
        tuple(filter(None, forbidden.split("|"))),
    )


_BODY_KINDS = [_gold_body(row) for row in entries("meeting", "gold_body")]
"""The kinds of body a gold's Vietnamese names, tried in order, with what the English must and must not say."""
_PLACE_AFTER = re.compile(rf"(?:{either(words('meeting', 'gold_place'), escape=False)})\s+(.+)$", re.IGNORECASE)
"""The place a gold body names ('HĐND quận Bắc Từ Liêm', 'Huyện ủy Đông Anh': not 'ủy Đông Anh')."""
_PLACE_EXONYMS = mapping("meeting", "gold_exonym")
_TERM_AFTER = re.compile(r"\s+(?:khoa|nhiem ky|lan thu|ky hop)\b|\s*[,(]")
"""Where a place in a gold body ends: its term or session is no part of it ('… TP HCM khoá IX')."""


_SURNAMES = "|".join(fold(w) for w in words("meeting", "surname"))
_PERSON_AFTER = re.compile(rf"(?<=\w)\s+(?:{_SURNAMES})(?:\s+\w+){{2}}$")
"""A person's name of three words or more after the place of a gold body, surname first: not part of the place
(a place of two words that opens with a surname, 'Lê Chân', 'Hoàng Mai', is kept whole)."""


def _dashless(text: str) -> str:
    return " ".join(re.sub(r"[-–—]", " ", text).split())


def check_body(gold_vi: str, gold_en: str, output_en: str) -> tuple[bool, str]:
    """Judge an English body name: the right kind of body (party committee vs council vs people's committee)
    and the right place, both read from the gold's Vietnamese."""
    out = output_en.lower()
    low_vi = gold_vi.lower()
    for pattern, needs, forbidden in _BODY_KINDS:
        if pattern.search(low_vi):
            for group in needs:
                if not any(w in out for w in group):
                    return False, f"a '{gold_vi}' is a {'/'.join(group)}"
            bad = [w for w in forbidden if w in out]
            if bad:
                return False, f"'{bad[0]}' is another body than '{gold_vi}'"
            break
    else:
        gold_words = set(re.findall(r"[a-z]+", fold(gold_en))) - {"of", "the", "and"}
        out_words = set(re.findall(r"[a-z]+", fold(output_en)))
        if not gold_words or len(gold_words & out_words) / len(gold_words) < 0.5:
            return False, f"does not name the body '{gold_en}'"
    place = _PLACE_AFTER.search(gold_vi)
    if place:
        where = re.sub(r"^tp\.?\s*", "", _dashless(fold(place.group(1))).strip(" ."))
        where = _TERM_AFTER.split(where, maxsplit=1)[0].strip(" .")  # 'HĐND TP HCM khoá IX': the place is HCM
        where = _PERSON_AFTER.sub("", where)  # 'Chủ tịch UBND TP Đà Nẵng Huỳnh Đức Thơ': the place is Da Nang
        where = _PLACE_EXONYMS.get(where, where)
        folded_out = _dashless(fold(output_en))
        if where not in folded_out and where.replace(" ", "") not in folded_out.replace(" ", ""):
            return False, f"does not name the place '{place.group(1)}'"
    return True, ""


def _same_vi(a: str | None, b: str | None) -> bool:
    def norm(x: str) -> str:
        return " ".join(unicodedata.normalize("NFC", x).casefold().split())

    return a is not None and b is not None and norm(a) == norm(b)


def meeting_scores(summary: Summary, gold: dict[str, Any] | None) -> tuple[dict[str, bool | None], list[FigureCheck]]:
    """Session, term, date scored where the gold states them or the output claims them; bodies where the
    report holds a meeting."""
    m = summary.meeting
    g = gold or {}
    out: dict[str, bool | None] = {}
    checks: list[FigureCheck] = []

    def record(name: str, ok: bool | None, text: str, why: str) -> None:
        out[name] = ok
        if ok is False:
            checks.append(FigureCheck("meeting", text, "wrong", ErrorClass.MEETING, f"{name}: {why}"))

    gd, od = g.get("date"), m.date
    # the gold writes MM-DD where the text gives no year; an output's date without a year is --MM-DD (ISO 8601)
    date_ok = None if gd is None and od is None else bool(gd and od and (od == gd or od[5:] == gd or od == f"--{gd}"))
    record("date", date_ok, str(od), f"gold {gd}")
    gs = g.get("session")
    record("session", None if gs is None and m.session is None else m.session == gs, str(m.session), f"gold {gs}")
    gt = g.get("term")
    term_ok = (
        None if gt is None and m.term is None else re.findall(r"\d{4}", m.term or "") == re.findall(r"\d{4}", gt or "")
    )
    record("term", term_ok, str(m.term), f"gold {gt}")
    if gold is not None:
        record("body_vi", _same_vi(m.body_vi, g.get("body_vi")), str(m.body_vi), f"gold '{g.get('body_vi')}'")
        ok, why = check_body(g.get("body_vi") or "", g.get("body_en") or "", m.body_en)
        record("body", ok, m.body_en, why)
    return out, checks

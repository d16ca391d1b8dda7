"""What a scorer says about one thing an output states: its check, and the class of error when it is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["MEANING_ERRORS", "ErrorClass", "FigureCheck"]


class ErrorClass(StrEnum):
    """Why a figure or a field is wrong."""

    SCALE = "scale"
    UNIT = "unit/currency"
    PLAN_AS_GROWTH = "percent of plan as growth"
    GROWTH_AS_PLAN = "growth as percent of plan"
    LEVEL_AS_GROWTH = "percent of last year's level as growth"
    PERCENT_POINTS = "percent vs percentage points"
    WRONG_PERIOD = "wrong period"
    SIGN = "sign"
    TRANSPOSED = "transposed digits"
    INVENTED = "invented"
    ROUNDING = "rounding"
    MISSING = "missing key figure"
    WRONG_LABEL = "wrong name"
    WRONG_BASIS = "wrong basis"
    WRONG_SENTENCE = "value from the wrong sentence"
    CJK = "CJK characters"
    UNTRANSLATED = "untranslated Vietnamese"
    UNFINISHED = "unfinished sentence"
    ENTITY = "entity not in the report"
    MEETING = "wrong meeting fact"
    GENERIC_NAME = "generic name"


#: Errors that change what a reader understands; a briefing with none of them is clean.
MEANING_ERRORS = frozenset(ErrorClass) - {ErrorClass.MISSING}


@dataclass
class FigureCheck:
    """One figure or field of the output (or one gold figure it lacks), with a verdict and the reason."""

    where: str
    text: str
    status: str
    error: ErrorClass | None = None
    explanation: str = ""

"""The contract between layers: what the model drafts and what a validated summary holds.

Two families of models. ``Draft*`` is what the language model writes: English names and prose, and
figure *ids* chosen from the source ledger, never values. ``Summary`` is what the program stores and
renders: every indicator value computed by code from the ledger, with its span and grounding status.
Every property is required and optional values are explicit nulls, so both JSON schemas are accepted
by OpenAI strict structured outputs (see ``strict_json_schema``).
"""

from __future__ import annotations

import copy
import hashlib
import json
import weakref
from functools import lru_cache
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, create_model, model_validator

__all__ = [
    "FIGURE_ITEM_CHARS",
    "SELECTION_MAX_TOKENS",
    "TASK_CHARS",
    "Comparison",
    "Directive",
    "DocumentInfo",
    "DocumentTable",
    "Draft",
    "DraftDirective",
    "DraftIndicator",
    "DraftOfficial",
    "Flag",
    "FlagKind",
    "Indicator",
    "Meeting",
    "NamedSelection",
    "Official",
    "Provenance",
    "Selection",
    "Summary",
    "Usage",
    "draft_model",
    "schema_sha256",
    "selection_model",
    "strict_json_schema",
    "strict_problems",
]

Grounding = Literal["grounded", "ungrounded"]
NameStatus = Literal["translated", "partial", "source"]
"""translated: an English name that passed the fit checks; partial: the Vietnamese words that say what the figure
measures, with the English of those the termbase knows; source: those words with none known."""
Direction = Literal["increase", "decrease", "exceed", "reach", "equal", "share", "rise_to", "fall_to"]
Comparison = str


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """A class's schema never changes, and the client asks for it on every call (~0.2 ms each): made once per
        class and arguments, handed out as a fresh copy."""
        key = (args, tuple(sorted(kwargs.items())))
        made = _SCHEMAS.setdefault(cls, {})
        text = made.get(key)
        if text is None:
            text = made[key] = json.dumps(super().model_json_schema(*args, **kwargs), ensure_ascii=False)
        schema: dict[str, Any] = json.loads(text)
        return schema


_SCHEMAS: weakref.WeakKeyDictionary[type[BaseModel], dict[tuple[Any, ...], str]] = weakref.WeakKeyDictionary()
"""JSON text of each response model's schema, per call arguments; a class made per report goes with its class."""


# --- what the model writes -------------------------------------------------------------------------


class DraftIndicator(_Strict):
    """One indicator as the model names it; the value comes from the ledger figure it points to."""

    figure: str = Field(description="Id of a figure from the FIGURES list, e.g. F12.")
    name: str = Field(
        max_length=90,
        description="'=' to keep the proposed English name from FIGURES; otherwise what the figure measures, "
        "in plain English, without any digits.",
    )


class DraftOfficial(_Strict):
    name: str = Field(description="Full name exactly as written in the report (Vietnamese).")
    role: str = Field(description="Their title in English.")


class DraftDirective(_Strict):
    task: str = Field(description="What is to be done, in English, without digits.")
    owner: str | None = Field(description="Who must do it, or null if not stated.")
    deadline: str | None = Field(description="Deadline as stated, or null.")


class Draft(_Strict):
    """The model's draft; subclassed per report with the figure ids as an enum."""

    title: str = Field(description="English headline of the meeting, without digits.")
    body_en: str | None = Field(
        max_length=90, description="The organising body in English; null when the body is already known."
    )
    body_vi: str | None = Field(
        max_length=90, description="The organising body as written in Vietnamese; null when already known."
    )
    place: str | None = Field(description="Where the meeting was held, or null if not stated.")
    indicators: list[DraftIndicator] = Field(
        max_length=14, description="The key socio-economic figures, most important first."
    )
    officials: list[DraftOfficial] = Field(max_length=3, description="Officials named in the report.")
    topics: list[str] = Field(max_length=3, description="Topics discussed, in English, a few words each.")
    directives: list[DraftDirective] = Field(max_length=3, description="Tasks set for the period ahead.")
    summary: str = Field(description="Two or three complete English sentences; no digits.")

    figure_ids: ClassVar[tuple[str, ...] | None] = None
    min_indicators: ClassVar[int] = 0

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Per-report drafts share one schema shape: fill the ids into a cached template, don't regenerate."""
        if cls.figure_ids is None or args or kwargs:
            return super().model_json_schema(*args, **kwargs)
        schema = copy.deepcopy(_draft_template())
        schema.pop("description", None)
        schema["$defs"]["DraftIndicator"].pop("description", None)
        schema["$defs"]["DraftIndicator"]["properties"]["figure"] = {
            "description": "Id of a figure from the FIGURES list.",
            "enum": list(cls.figure_ids),
            "title": "Figure",
            "type": "string",
        }
        indicators = schema["properties"]["indicators"]
        indicators["minItems"] = cls.min_indicators
        indicators["maxItems"] = min(14, len(cls.figure_ids)) if cls.figure_ids != ("F0",) else 0
        indicators["description"] = "The key socio-economic figures, most important first; each id at most once."
        return schema

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> Draft:
        """Reject a draft that cannot be tied to the source, so the client re-asks with the reasons."""
        ctx = info.context or {}
        check = ctx.get("check")
        if check is not None and not ctx.get("lenient", False):
            problems: list[Flag] = check(self)
            if problems:
                raise ValueError("; ".join(p.message for p in problems))
        return self

    @classmethod
    def empty(cls) -> Draft:
        """A draft with nothing in it: what the program shows when the model gave nothing usable, and what the
        evaluation tools give ``key_indicators`` to see what code alone shows."""
        return cls(
            title="", body_en=None, body_vi=None, place=None, indicators=[], officials=[], topics=[], directives=[],
            summary="",
        )  # fmt: skip


@lru_cache(maxsize=1)
def _draft_template() -> dict[str, Any]:
    return Draft.model_json_schema()


def draft_model(figure_ids: list[str], min_indicators: int) -> type[Draft]:
    """A ``Draft`` whose indicator ids are constrained to the report's candidate figures."""
    return _draft_model(tuple(figure_ids), min_indicators)


@lru_cache(maxsize=1024)
def _draft_model(ids: tuple[str, ...], min_indicators: int) -> type[Draft]:
    figure_ids = list(ids)
    if not figure_ids:
        figure_ids = ["F0"]
    id_type: Any = Literal[tuple(figure_ids)]
    indicator = create_model(
        "DraftIndicator",
        __base__=DraftIndicator,
        figure=(id_type, Field(description="Id of a figure from the FIGURES list.")),
    )
    max_items = min(14, len(figure_ids)) if figure_ids != ["F0"] else 0
    floor = min(min_indicators, max_items)
    model = create_model(
        "Draft",
        __base__=Draft,
        indicators=(
            list[indicator],  # type: ignore[valid-type]
            Field(
                min_length=floor,
                max_length=max_items,
                description="The key socio-economic figures, most important first; each id at most once.",
            ),
        ),
    )
    model.figure_ids = tuple(figure_ids)
    model.min_indicators = floor
    return model


FIGURE_ITEM_CHARS = 72
"""Longest figure item of the short answer ('F12 = ' and a name of three to eight words). The local grammar cuts
an item here (a model that starts repeating itself stops), and assembly drops a name that reached the bound."""
TASK_CHARS = 120
"""Longest task of the short answer (twelve English words fit); a task that reached it was cut and is dropped."""

_FigureItem = Annotated[str, Field(json_schema_extra={"maxLength": FIGURE_ITEM_CHARS})]
_TaskItem = Annotated[str, Field(json_schema_extra={"maxLength": TASK_CHARS})]


class Selection(_Strict):
    """The short answer (prompt ``select``): which figures matter, names the program lacks, tasks ahead.

    No prose: code writes the title and lead from the checked figures. Lists and strings are bounded in the
    schema (a grammar that honours ``maxLength`` cuts there, others are checked in assembly), so the answer's
    size, and its token budget, follow from the schema."""

    figures: list[_FigureItem] = Field(
        max_length=12,
        description="Key figure ids, most important first: 'F12', or 'F12 = short English name' for an id whose "
        "name is '?'.",
    )
    tasks: list[_TaskItem] = Field(
        max_length=3, description="Tasks set for the period ahead, in English, without digits."
    )


class NamedSelection(Selection):
    """The short answer of ``select@v2``: also a name for each figure listed as UNNAMED."""

    names: list[_FigureItem] = Field(
        max_length=6, description="For each UNNAMED id: 'F9 = short English name of what it measures'."
    )


class ProseDraft(_Strict):
    """The model's headline and lead, written from the fact sheet with figures as references ('{F3}')."""

    title: str = Field(description="One headline, under fifteen words, no digits.")
    summary: str = Field(description="Two to four complete sentences; figures only as {F3}-style references.")


PROSE_MAX_TOKENS = 320
"""Token budget of a ``ProseDraft``: a headline and four sentences."""


def selection_model(min_figures: int, *, named: bool = False) -> type[Selection]:
    """A ``Selection`` (``NamedSelection`` when ``named``) that must list at least ``min_figures`` ids."""
    return _selection_model(min(min_figures, 12), named)


@lru_cache(maxsize=32)
def _selection_model(min_figures: int, named: bool) -> type[Selection]:
    return create_model(
        "Selection",
        __base__=NamedSelection if named else Selection,
        figures=(
            list[_FigureItem],
            Field(
                min_length=min_figures,
                max_length=12,
                description="Key figure ids, most important first: 'F12', or 'F12 = short English name' for an id "
                "whose name is '?'.",
            ),
        ),
    )


_SELECTION_MAX_CHARS = 12 * (FIGURE_ITEM_CHARS + 4) + 6 * (FIGURE_ITEM_CHARS + 4) + 3 * (TASK_CHARS + 4) + 40
SELECTION_MAX_TOKENS = -(-_SELECTION_MAX_CHARS // 4)
"""Token budget of a ``Selection`` answer, from its schema's bound: twelve figure items and six names at most
``FIGURE_ITEM_CHARS`` each, three tasks at most ``TASK_CHARS``, JSON punctuation; about four characters a
token of English."""


# --- what the program stores -----------------------------------------------------------------------


class Official(_Strict):
    name: str
    role: str
    grounded: bool = Field(description="The name is found in the source text.")


class Meeting(_Strict):
    body_en: str
    body_vi: str | None
    session: int | None = Field(description="Session or conference number, from the source.")
    session_text: str | None = Field(description="The session phrase as written, e.g. 'kỳ họp lần thứ 29'.")
    term: str | None = Field(description="Party or council term, e.g. '2020–2025'.")
    date: str | None = Field(
        description="ISO date (YYYY-MM-DD; --MM-DD where no year is written or can be inferred), or null when the "
        "report does not state it."
    )
    date_as_written: str | None
    date_year_inferred: bool = Field(description="The year is not written next to the date but inferred.")
    place: str | None


class Indicator(_Strict):
    figure_id: str
    name: str
    value: float = Field(description="The number as written, in the scale below (63.275 tỷ -> 63275).")
    value_high: float | None = Field(description="Upper end of a range such as 8,3-8,5%.")
    unit: str | None = Field(description="VND, USD, %, pp, or a counted noun such as 'targets'.")
    scale: str | None = Field(description="thousand, ten-thousand, million, billion or trillion.")
    base_value: float = Field(description="value x scale (63,275,000,000,000 for 63.275 tỷ đồng).")
    denominator: float | None = Field(description="y of an 'x/y' ratio such as 24/24 chỉ tiêu.")
    kind: str
    period: str | None
    comparison: str | None = Field(description="vs same period last year, of plan, of budget estimate, ...")
    basis: str | None = Field(
        default=None,
        description="level, growth vs same period, growth vs other, level vs same period, of plan, of estimate, "
        "of total, ratio or target (summarizer.reading.basis.Basis); null in outputs made before it was recorded.",
    )
    direction: Direction | None
    qualifier: str | None = Field(description="more than, nearly, about, estimated, ...")
    source_text: str = Field(description="The figure as written in the source.")
    source_quote: str = Field(description="The source sentence around the figure.")
    span: list[int] = Field(min_length=2, max_length=2, description="[start, end) character offsets.")
    grounding: Grounding
    grounding_note: str | None
    chosen_by: Literal["model", "code"] = Field(
        default="model",
        description="model: among the figures the model chose; code: a candidate the model left out that the "
        "terminology names, added after the model's choices.",
    )
    name_status: NameStatus = Field(
        default="translated",
        description="translated: name is English; partial / source: name is the Vietnamese phrase that says what "
        "the figure measures, as written (name_span), not translated; gloss holds the English of its known words.",
    )
    name_span: list[int] | None = Field(
        default=None, description="[start, end) of the Vietnamese name phrase in the source, when not translated."
    )
    gloss: str | None = Field(
        default=None, description="English of the words of an untranslated name the termbase knows."
    )


class Directive(_Strict):
    task: str
    owner: str | None
    deadline: str | None


FlagKind = Literal[
    "unknown_figure",
    "not_indicator",
    "too_few_figures",
    "unsupported_number",
    "rounded_number",
    "language",
    "withheld",
    "official_not_found",
    "ocr_doubt",
    "other",
]


class Flag(_Strict):
    """One problem found in a draft or a summary: where it is, which figure, what kind, and the reason.

    Made by grounding, carried as is through assembly and merging to the briefing, review page and scores,
    so no layer parses another's messages. ``part`` is the part of a split report it came from.
    """

    field: str = Field(description="'title', 'summary', 'topic 2', 'indicator 3 name', 'official 1', ...")
    kind: FlagKind = "other"
    figure_id: str | None = None
    message: str
    part: int | None = None

    @property
    def in_headline(self) -> bool:
        """The title or summary states something that could not be verified (withheld text is not shown)."""
        return self.field in ("title", "summary") and self.kind in ("unsupported_number", "rounded_number")


class CallUsage(_Strict):
    """Tokens of one answered call (re-asks and larger-budget retries each add one)."""

    prompt_tokens: int
    completion_tokens: int


class Usage(_Strict):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    calls: int = Field(description="HTTP calls made, re-asks and transport retries included.")
    reasks: int
    per_call: list[CallUsage] = Field(default_factory=list, description="Usage of every answered call, in order.")
    reask_reasons: list[str] = Field(
        default_factory=list,
        description="For each answer the checks rejected, the kinds of problem found, comma-separated.",
    )


class DocumentTable(_Strict):
    """A table of the original document: its rows of cells, and where the sentences written from it sit in the
    extracted text."""

    start: int
    end: int
    rows: list[list[str]]


class DoubtfulSpan(_Strict):
    """Characters of the extracted text that OCR may have misread, and why."""

    start: int
    end: int
    why: str


class DocumentInfo(_Strict):
    """Where the extracted text came from: the original file, its type and hash, and what extracted it."""

    file_name: str
    media_type: str
    sha256: str = Field(description="Of the original file's bytes (source_sha256 is of the extracted text).")
    extractor: str = Field(description="The library and version that extracted the text, or 'text'.")
    encoding: str | None = Field(default=None, description="utf-8, cp1258, tcvn3 or vni, where text was decoded.")
    pages: list[int] = Field(default_factory=list, description="Offset in the extracted text where each page starts.")
    tables: list[DocumentTable] = Field(default_factory=list)
    title: str | None = None
    date: str | None = None
    left_out: list[str] = Field(
        default_factory=list,
        description="What of a printed news page was left out and why ('linked headlines ('Tin liên quan'): 4 lines').",
    )
    ocr_engine: str | None = Field(default=None, description="'tesseract 5.3.0 (vie)' when the text was read by OCR.")
    ocr_confidence: list[float] = Field(default_factory=list, description="Mean word confidence (0-100) per page.")
    doubtful: list[DoubtfulSpan] = Field(
        default_factory=list, description="Characters OCR may have misread; a figure touching one is never verified."
    )

    def describe(self) -> str | None:
        """'report.pdf (pdfplumber 0.11.10, 3 pages)'; None for a plain UTF-8 text file, which needs no note."""
        if self.extractor == "text" and self.encoding in (None, "utf-8"):
            return None
        how = self.extractor + (f", {self.encoding}" if self.encoding else "")
        if self.ocr_engine:
            how += (
                f", OCR {self.ocr_engine}, mean confidence {sum(self.ocr_confidence) / len(self.ocr_confidence):.0f}%"
            )
        pages = f", {len(self.pages)} pages" if self.pages else ""
        return f"{self.file_name} ({how}{pages}, sha256 {self.sha256[:12]})"

    def page_of(self, offset: int) -> int | None:
        """The 1-based page an offset of the extracted text is on, for a paged document."""
        if not self.pages:
            return None
        return sum(1 for start in self.pages if start <= offset) or 1


class Provenance(_Strict):
    source_name: str
    source_sha256: str
    prompt_id: str
    prompt_version: str
    prompt_sha256: str
    schema_sha256: str
    backend: str
    model: str
    temperature: float
    max_tokens: int
    chunk_chars: int | None = Field(
        default=None, description="Reports longer than this were split; null in old outputs."
    )
    engine: str | None = Field(default=None, description="direct, ray or batch-api; null in old outputs.")
    prose_prompt: str | None = Field(
        default=None, description="id@version of the prompt that asked the model for title and lead, if any."
    )
    created_at: str
    elapsed_s: float
    usage: Usage
    document: DocumentInfo | None = Field(
        default=None, description="The original file, when the text was extracted from a document."
    )


class Summary(_Strict):
    """A validated meeting summary: the stored, rendered and scored artefact."""

    title: str
    meeting: Meeting
    officials: list[Official]
    topics: list[str]
    indicators: list[Indicator]
    directives: list[Directive]
    summary: str
    flags: list[Flag]
    provenance: Provenance
    degraded: str | None = Field(
        default=None,
        description="Why the model's answer is missing (its parts were written from what code knows), or null.",
    )

    @property
    def ungrounded(self) -> list[Indicator]:
        return [i for i in self.indicators if i.grounding == "ungrounded"]


# --- strict-schema helpers -------------------------------------------------------------------------

_UNSUPPORTED_STRICT = {"maxLength", "minLength", "default", "title", "format"}


def strict_json_schema(model: type[BaseModel], *, keep_lengths: bool = False) -> dict[str, Any]:
    """The model's JSON schema in the shape OpenAI strict mode accepts (cached per model; do not mutate).

    String length bounds are dropped unless ``keep_lengths`` (llama.cpp grammars honour them,
    OpenAI strict mode does not list them as supported).
    """
    return _strict_json_schema(model, keep_lengths)


@lru_cache(maxsize=1024)
def _strict_json_schema(model: type[BaseModel], keep_lengths: bool) -> dict[str, Any]:
    schema = copy.deepcopy(model.model_json_schema())

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for key in list(node):
                if key in _UNSUPPORTED_STRICT and not (keep_lengths and key in {"maxLength", "minLength"}):
                    if key == "title" and isinstance(node.get("properties"), dict) and "title" in node["properties"]:
                        continue
                    if key == "title" and not isinstance(node[key], str):
                        continue
                    del node[key]
            if node.get("type") == "object" and "properties" in node:
                node["additionalProperties"] = False
                node["required"] = list(node["properties"])
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for item in node:
                visit(item)

    visit(schema)
    return schema


def strict_problems(schema: dict[str, Any]) -> list[str]:
    """Why OpenAI strict structured outputs would reject ``schema`` (empty when it is accepted)."""
    problems: list[str] = []
    if schema.get("type") != "object":
        problems.append("root is not an object")

    def visit(node: Any, path: str) -> None:
        if isinstance(node, dict):
            if node.get("type") == "object" or "properties" in node:
                props = node.get("properties", {})
                if node.get("additionalProperties") is not False:
                    problems.append(f"{path}: additionalProperties is not false")
                if sorted(node.get("required", [])) != sorted(props):
                    problems.append(f"{path}: not every property is required")
            for bad in ("default", "maxLength", "minLength", "format", "patternProperties"):
                if bad in node:
                    problems.append(f"{path}: unsupported keyword {bad}")
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    for name, sub in value.items():
                        visit(sub, f"{path}.{name}")
                else:
                    visit(value, f"{path}/{key}")
        elif isinstance(node, list):
            for i, item in enumerate(node):
                visit(item, f"{path}[{i}]")

    visit(schema, "$")
    return problems


@lru_cache(maxsize=64)
def schema_sha256(model: type[BaseModel]) -> str:
    """A stable hash of a model's JSON schema, recorded in every output."""
    blob = json.dumps(model.model_json_schema(), sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(blob).hexdigest()

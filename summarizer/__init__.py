"""summarizer: Vietnamese local-government reports to grounded English briefings.

Every figure in a briefing is computed by code from the source text; the language model only chooses
which figures matter and says what they mean.

The package is a pipeline of stages, each a subpackage, in the order data flows (and imports only the
stages below it; ``pyproject.toml`` holds the contract):

- ``reading``: a document in, its text, figure ledger and meeting facts out (no model, no network);
- ``wording``: English for figures, names and prose, from what was read;
- ``asking``: prompts, the model request for one report, the OpenAI-compatible client, the local server;
- ``checking``: the model's answer checked against the ledger and assembled into a validated ``Summary``;
- ``writing``: the briefing, the review page and the indicator table;
- ``engines``: the pipeline for one report and the ways to run many (direct, async batch, Ray, Batch API);
- ``evaluation``: scores against independent gold; ``cli``: the command line.

Names below are loaded on first use, so ``import summarizer.reading`` does not load the model client.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names' types, for type checkers and editors; at run time they load on first use
    from summarizer.config import Settings as Settings
    from summarizer.engines.direct import Summarizer as Summarizer
    from summarizer.engines.direct import summarize as summarize
    from summarizer.errors import ConfigError as ConfigError
    from summarizer.errors import InputError as InputError
    from summarizer.errors import LocalServerError as LocalServerError
    from summarizer.errors import ModelCallError as ModelCallError
    from summarizer.errors import SummarizerError as SummarizerError
    from summarizer.reading.figures import Ledger as Ledger
    from summarizer.reading.ledger import build_ledger as build_ledger
    from summarizer.reading.reports import Report as Report
    from summarizer.reading.reports import read_report as read_report
    from summarizer.schema import Indicator as Indicator
    from summarizer.schema import Summary as Summary
    from summarizer.writing.briefing import render_markdown as render_markdown

_WHERE = {
    "ConfigError": "summarizer.errors",
    "Indicator": "summarizer.schema",
    "InputError": "summarizer.errors",
    "Ledger": "summarizer.reading.figures",
    "LocalServerError": "summarizer.errors",
    "ModelCallError": "summarizer.errors",
    "Report": "summarizer.reading.reports",
    "Settings": "summarizer.config",
    "Summarizer": "summarizer.engines.direct",
    "SummarizerError": "summarizer.errors",
    "Summary": "summarizer.schema",
    "build_ledger": "summarizer.reading.ledger",
    "read_report": "summarizer.reading.reports",
    "render_markdown": "summarizer.writing.briefing",
    "summarize": "summarizer.engines.direct",
}

__all__ = sorted(_WHERE)
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """The public names, imported from their stage when first asked for."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value

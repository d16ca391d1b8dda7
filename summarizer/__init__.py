"""summarizer: Vietnamese local-government reports to grounded English briefings.

Every figure in a briefing is computed by code from the source text; the language model only chooses
which figures matter and says what they mean.
"""

from summarizer.briefing import render_markdown
from summarizer.config import Settings
from summarizer.errors import (
    ConfigError,
    InputError,
    LocalServerError,
    ModelCallError,
    SummarizerError,
)
from summarizer.inputs import Report, read_report
from summarizer.numbers import Ledger, build_ledger
from summarizer.schema import Indicator, Summary
from summarizer.summarize import Summarizer, summarize

__all__ = [
    "ConfigError",
    "Indicator",
    "InputError",
    "Ledger",
    "LocalServerError",
    "ModelCallError",
    "Report",
    "Settings",
    "Summarizer",
    "SummarizerError",
    "Summary",
    "build_ledger",
    "read_report",
    "render_markdown",
    "summarize",
]
__version__ = "0.1.0"

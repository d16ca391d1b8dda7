"""Writing: what a reader gets from a ``Summary``: the Markdown briefing, the review page beside the
source, and the indicator table (CSV or Parquet).
"""

from summarizer.exports import lazy_exports

__all__, __getattr__ = lazy_exports(
    __name__,
    {
        "indicator_rows": "table",
        "load_summaries": "table",
        "render_markdown": "briefing",
        "render_review": "review",
        "write_batch_pages": "review",
        "write_table": "table",
    },
)

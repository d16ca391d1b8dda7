"""Wording: English for what was read: values with units and scales (``formatting``), and the title, lead,
topics and fact sheet written from checked figures (``prose``).
"""

from summarizer.exports import lazy_exports

__all__, __getattr__ = lazy_exports(
    __name__,
    {
        "fact_sheet": "prose",
        "format_figure": "formatting",
        "format_quantity": "formatting",
        "format_value": "formatting",
        "topics_of": "prose",
        "write_lead": "prose",
        "write_title": "prose",
    },
)

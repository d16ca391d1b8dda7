"""Reading: a document in, its text, figure ledger and meeting facts out. No model, no network.

``reports.read_report`` reads any supported file (``documents``: PDF, Word, web pages, legacy encodings via
``legacy``) into a ``Report``; ``ledger.build_ledger`` finds every figure (``figures``) and what it means
(``meaning``, ``basis``, ``terminology``); ``meeting`` finds the body, session, date and officials.
"""

from summarizer.exports import lazy_exports

__all__, __getattr__ = lazy_exports(
    __name__,
    {
        "Basis": "basis",
        "Figure": "figures",
        "FigureKind": "figures",
        "Ledger": "figures",
        "MeetingFacts": "meeting",
        "Report": "reports",
        "build_ledger": "ledger",
        "detect_legacy": "legacy",
        "extract_document": "documents",
        "find_meeting_facts": "meeting",
        "find_officials": "meeting",
        "find_terms": "terminology",
        "from_legacy": "legacy",
        "normalize_text": "sentences",
        "read_report": "reports",
    },
)

"""Checking: the model's answer against the source. ``grounding`` matches every number to the ledger and
checks the English; ``assembly`` turns the answer (or, when there is none, what code knows) into a validated
``Summary``; ``chunking`` splits a long report and merges its parts.
"""

from summarizer.exports import lazy_exports

__all__, __getattr__ = lazy_exports(
    __name__,
    {
        "MatchStatus": "grounding",
        "assemble": "assembly",
        "build_summary": "assembly",
        "degrade": "assembly",
        "draft_checker": "grounding",
        "match_number": "grounding",
        "merge_parts": "chunking",
        "split_report": "chunking",
        "with_checks": "assembly",
    },
)

"""Engines: ``pipeline.plan`` is the one I/O-free pipeline for a report; ``direct`` drives it with a blocking
client (``Summarizer``), ``batch`` with an async one over a folder or JSONL (records, resume, ``cache``),
``ray_engine`` on a Ray cluster and ``batch_api`` through the OpenAI Batch API.
"""

from summarizer.exports import lazy_exports

__all__, __getattr__ = lazy_exports(
    __name__,
    {
        "ResultCache": "cache",
        "Summarizer": "direct",
        "arun_plan": "pipeline",
        "iter_items": "batch",
        "plan": "pipeline",
        "run_batch": "batch",
        "run_batch_api": "batch_api",
        "run_batch_ray": "ray_engine",
        "run_plan": "pipeline",
        "source_texts": "batch",
        "summarize": "direct",
    },
)

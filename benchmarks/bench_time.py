"""Benchmark: where the time of one report goes on the embedded model, with the engine's raw rates.

    python benchmarks/bench_time.py --reports 4 --split unseen
    python benchmarks/bench_time.py --reports 4 --prompt summarize@v3

For each report, on one llama.cpp server, three requests with the pipeline's own messages:
  1. the prompt alone (``max_tokens=1``): the time to read the prompt, and the prompt rate;
  2. the real request, the answer under the JSON-schema grammar (the prompt is now in the server's cache,
     so this is generation only): completion tokens and the rate with the grammar;
  3. the same prompt with no grammar, cut at the same number of tokens: the rate without the grammar;
and the Python time of the pipeline around the call (reading the report, assembling the summary). Rates
measured in one run on one server are comparable; absolute seconds vary almost 2x between machines here.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import openai  # noqa: E402

from summarizer.asking.calls import CallStats, ModelRequest  # noqa: E402
from summarizer.asking.prompts import DEFAULT_PROMPT, load_prompt  # noqa: E402
from summarizer.asking.requests import prepare  # noqa: E402
from summarizer.checking.assembly import assemble, with_checks  # noqa: E402
from summarizer.config import Settings  # noqa: E402
from summarizer.engines.direct import Summarizer  # noqa: E402
from summarizer.evaluation import load_dataset  # noqa: E402
from summarizer.reading.reports import Report  # noqa: E402


def _timed(raw: openai.OpenAI, body: dict[str, Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    response = raw.chat.completions.create(**body)
    return time.perf_counter() - started, response


def measure(prompt_ref: str, n: int, split: str | None) -> list[dict[str, float]]:
    samples = [s for s in load_dataset(ROOT / "eval" / "reports") if split is None or s.split == split][:n]
    rows: list[dict[str, float]] = []
    with Summarizer(Settings.resolve(backend="local"), prompt=prompt_ref) as summarizer:
        client = summarizer.client()
        raw = openai.OpenAI(base_url=client.base_url, api_key="not-needed", timeout=900.0, max_retries=0)
        recipe = summarizer.recipe
        for s in samples:
            t0 = time.perf_counter()
            job = with_checks(prepare(Report(name=s.id, text=s.text, source=s.id), recipe.prompt))
            python_s = time.perf_counter() - t0
            base = {"model": client.model, "messages": job.messages, "temperature": 0.0}
            read_s, first = _timed(raw, {**base, "max_tokens": 1})
            max_tokens = job.max_tokens or summarizer.settings.max_tokens
            request = ModelRequest(job.messages, job.model, job.check, max_tokens)
            t1 = time.perf_counter()
            result = client.structured(request)
            grammar_s = time.perf_counter() - t1
            completion = result.stats.completion_tokens
            plain_s, _ = _timed(raw, {**base, "max_tokens": max(1, completion)})
            t2 = time.perf_counter()
            assemble(job, result, recipe, max_tokens=max_tokens, earlier=CallStats())
            python_s += time.perf_counter() - t2
            prompt_tokens = first.usage.prompt_tokens
            rows.append(
                {
                    "prompt_tokens": prompt_tokens,
                    "read_s": read_s,
                    "completion_tokens": completion,
                    "grammar_s": grammar_s,
                    "plain_s": plain_s,
                    "python_s": python_s,
                }
            )
            print(
                f"{s.id:28} prompt {prompt_tokens:5} tok {read_s:6.1f} s ({prompt_tokens / read_s:5.1f} tok/s) · "
                f"answer {completion:4} tok: grammar {grammar_s:5.1f} s ({completion / grammar_s:5.1f} tok/s), "
                f"plain {plain_s:5.1f} s ({completion / plain_s:5.1f} tok/s) · python {python_s * 1000:5.0f} ms",
                flush=True,
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--prompt", default=DEFAULT_PROMPT, help="prompt id@version (default: the pipeline's)")
    parser.add_argument("--reports", type=int, default=4, help="first N reports of eval/reports (or of --split)")
    parser.add_argument("--split", choices=["seen", "unseen"], help="take the reports from this split only")
    args = parser.parse_args()
    load_prompt(args.prompt)
    rows = measure(args.prompt, args.reports, args.split)
    if not rows:
        parser.error("no reports")

    def med(key: str) -> float:
        return statistics.median(r[key] for r in rows)

    total = med("read_s") + med("grammar_s") + med("python_s")
    read, answer = med("read_s"), med("grammar_s")
    print(f"\nmedians over {len(rows)} reports ({args.prompt}):")
    print(f"  prompt        {med('prompt_tokens'):7.0f} tok  {read:6.1f} s  ({read / total:.0%})")
    print(f"  answer        {med('completion_tokens'):7.0f} tok  {answer:6.1f} s  ({answer / total:.0%})")
    print(f"  python                    {med('python_s'):6.2f} s")
    grammar_rate = statistics.median(r["completion_tokens"] / r["grammar_s"] for r in rows)
    plain_rate = statistics.median(r["completion_tokens"] / r["plain_s"] for r in rows)
    read_rate = statistics.median(r["prompt_tokens"] / r["read_s"] for r in rows)
    print(
        f"  rates: prompt {read_rate:.1f} tok/s; generation {grammar_rate:.1f} tok/s with the grammar, "
        f"{plain_rate:.1f} tok/s without (grammar / plain {grammar_rate / plain_rate:.2f})"
    )


if __name__ == "__main__":
    main()

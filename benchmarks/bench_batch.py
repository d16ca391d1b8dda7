"""Batch throughput, memory and framework overhead against a loopback model with a fixed latency.

    python benchmarks/bench_batch.py [--latency 0.2] [--n 1000] [--big 10000] [--repeat 3]

The fake OpenAI-compatible server runs in its own process (so its CPU is not counted as ours) and answers
valid drafts after ``--latency`` seconds. Each configuration runs ``--repeat`` times, each in a fresh child
process that reports wall time, CPU time and peak RSS; the run of median wall time is shown, with the range of
the efficiency (on a 2-core machine it moves by a few points from run to run). Prints: wall vs the ideal
N x latency / concurrency and the efficiency ratio (goal >= 90%), peak RSS at N and at --big items (goal: flat),
framework CPU per item in the engine's own process (goal: under 2% of the latency; the reading pool's processes
are not counted), with reports read in the engine's process (readers 0) and in its reading pool (default); then
the CPU per item of the reading pool and of the loopback server, and the ceiling CPU sets on this machine: the
lower of cores x ideal time / the three processes' CPU, and ideal time / the event loop's own CPU (one thread,
at most one core).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _inputs(path: Path, n: int, tag: str = "") -> None:
    seeds = [
        (ROOT / "eval" / "reports" / f).read_text(encoding="utf-8")
        for f in ("bac-tu-liem-2023-12-15.txt", "tay-ho-2024-10-12.txt")
    ]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            text = seeds[i % 2] + f"\n\nBản tin số {tag}{i}."
            f.write(json.dumps({"id": f"r{i}", "text": text}, ensure_ascii=False) + "\n")


def child(url: str, src: Path, out: Path, concurrency: int, readers: int) -> None:
    from summarizer.config import Settings
    from summarizer.engines.batch import iter_items, run_batch
    from summarizer.engines.direct import Summarizer

    settings = Settings(backend="compatible", model="fake-model", base_url=url, api_key="sk-bench", timeout_s=30)
    with Summarizer(settings) as s:
        cpu0, t0 = time.process_time(), time.perf_counter()
        stats = run_batch(
            iter_items(src),
            out,
            summarize=s.asummarize,
            key_of=lambda text: s.recipe.key(text),
            cache=None,
            concurrency=concurrency,
            aclose=s.aclose,
            reading_workers=readers,
        )
        wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    readers_cpu = kids.ru_utime + kids.ru_stime
    print(
        json.dumps(
            {
                "wall": wall,
                "cpu": cpu,
                "readers_cpu": readers_cpu,
                "rss_mb": rss_mb,
                "done": stats.done,
                "failed": stats.failed,
            }
        )
    )


STAGES: dict[str, tuple[tuple[str, str], ...]] = {
    "reading (ledger)": (("summarizer/reading/ledger.py", "build_ledger"),),
    "request (prompt)": (("summarizer/asking/requests.py", "prepare"),),
    "client (transport, retries)": (("summarizer/asking/client.py", "astructured"),),
    "validation (schema, checks)": (("pydantic/main.py", "model_validate_json"),),
    "assembly (summary)": (("summarizer/checking/assembly.py", "assemble"),),
    "writing (records)": (("summarizer/engines/batch.py", "item_record"), ("summarizer/engines/batch.py", "settle")),
}
"""Where a report's CPU goes in the engine's process: each stage is the cumulative CPU of its entry points under
cProfile; a stage that runs inside another (reading inside the request, validation inside the client) is taken out
of the outer one, and the rest (event loop, HTTP, the engine's own bookkeeping) is "other"."""


def stage_shares(stats: Any) -> dict[str, float]:
    """Each stage's share of the profiled CPU, from a ``pstats.Stats`` of one batch run."""
    cum: dict[str, float] = dict.fromkeys(STAGES, 0.0)
    for (path, _, name), (_, _, _, ct, _) in stats.stats.items():
        for stage, points in STAGES.items():
            if any(path.endswith(f) and name == n for f, n in points):
                cum[stage] += ct
    total = stats.total_tt
    cum["request (prompt)"] -= cum["reading (ledger)"]
    cum["client (transport, retries)"] -= cum["validation (schema, checks)"]
    cum["other (event loop, HTTP, engine)"] = total - sum(cum.values())
    return {k: max(0.0, v) / total for k, v in cum.items()}


def profile_stages(url: str, n: int, concurrency: int) -> None:
    """Print CPU ms per report by stage: one run unprofiled (the CPU per report), one under cProfile (the shares)."""
    import contextlib
    import cProfile
    import io
    import pstats

    with tempfile.TemporaryDirectory() as tmp:
        plain_src, profiled_src = Path(tmp) / "plain.jsonl", Path(tmp) / "profiled.jsonl"
        _inputs(plain_src, n)
        _inputs(profiled_src, n, tag="p")  # other texts: no ledger is remembered from the first run
        with contextlib.redirect_stdout(io.StringIO()) as plain:
            child(url, plain_src, Path(tmp) / "plain-out.jsonl", concurrency, 0)
        cpu_ms = json.loads(plain.getvalue().strip().splitlines()[-1])["cpu"] / n * 1000
        profiler = cProfile.Profile()
        with contextlib.redirect_stdout(io.StringIO()):
            profiler.runcall(child, url, profiled_src, Path(tmp) / "profiled-out.jsonl", concurrency, 0)
    shares = stage_shares(pstats.Stats(profiler))
    print(f"CPU per report in the engine's process, by stage ({n} reports, {concurrency} in flight, read in process):")
    for stage, share in shares.items():
        print(f"  {stage:<34} {share * cpu_ms:>7.2f} ms  {share:>6.1%}")
    print(f"  {'total':<34} {cpu_ms:>7.2f} ms")


def _process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far, from /proc (0.0 where there is none)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--big", type=int, default=10000)
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per configuration (the big one runs once); the median is shown"
    )
    parser.add_argument(
        "--stages", action="store_true", help="also print CPU ms per report by stage (client, validation, ...)"
    )
    parser.add_argument(
        "--only",
        metavar="N:CONCURRENCY:READERS",
        action="append",
        help="run only these configurations (READERS: 0 or default), e.g. --only 400:32:default",
    )
    parser.add_argument(
        "--child", nargs=5, metavar=("URL", "SRC", "OUT", "CONCURRENCY", "READERS"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        url, src, out, conc, readers = args.child
        child(
            url, Path(src), Path(out), int(conc), min(4, os.cpu_count() or 1) if readers == "default" else int(readers)
        )
        return
    server = subprocess.Popen(
        [sys.executable, "-m", "summarizer.testing.fakeserver", "--latency", str(args.latency)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        if args.stages:
            profile_stages(url, min(args.n, 200), 32)
        with tempfile.TemporaryDirectory() as tmp:
            # readers 0: every report read in the event loop's process; "default": in the CLI's reading pool
            runs = [(args.n, 16, "0"), (args.n, 16, "default"), (args.n, 32, "0"), (args.n, 32, "default")]
            runs += [(args.n, 64, "0"), (args.n, 64, "default")]
            runs.append((args.big, 64, "default"))
            if args.only:
                runs = [(int(n), int(c), r) for n, c, r in (o.split(":") for o in args.only)]
            print(f"loopback model latency {args.latency * 1000:.0f} ms; {os.cpu_count()} cores")
            print(
                f"{'items':>6} {'conc':>5} {'readers':>8} {'wall s':>8} {'ideal s':>8} {'efficiency':>10} "
                f"{'peak RSS MB':>12} {'CPU ms/item':>12} {'CPU % of latency':>17} "
                f"{'readers ms/item':>16} {'server ms/item':>15} {'ceiling':>8}"
            )
            for k, (n, conc, readers) in enumerate(runs):
                src = Path(tmp) / f"in{n}.jsonl"
                _inputs(src, n)
                measured = []
                for rep in range(1 if n == args.big else max(1, args.repeat)):
                    out = Path(tmp) / f"out{k}-{rep}.jsonl"
                    server_cpu0 = _process_cpu(server.pid)
                    res = subprocess.run(
                        [sys.executable, __file__, "--child", url, str(src), str(out), str(conc), readers],
                        capture_output=True,
                        text=True,
                        cwd=ROOT,
                        check=True,
                    )
                    m = json.loads(res.stdout.strip().splitlines()[-1])
                    m["server_cpu"] = _process_cpu(server.pid) - server_cpu0
                    measured.append(m)
                measured.sort(key=lambda m: m["wall"])
                m = measured[len(measured) // 2]
                ideal = n * args.latency / conc
                low, high = ideal / measured[-1]["wall"], ideal / measured[0]["wall"]
                spread = f"  ({low:.1%}–{high:.1%} over {len(measured)} runs)" if len(measured) > 1 else ""
                per_item = m["cpu"] / n * 1000
                readers_ms = m["readers_cpu"] / n * 1000
                server_ms = m["server_cpu"] / n * 1000
                # the most this machine allows: every process's CPU per item spread over all its cores
                # and the engine's event loop, one thread, at most one core
                budget_ms = ideal / n * 1000
                cores = os.cpu_count() or 1
                ceiling = min(1.0, cores * budget_ms / (per_item + readers_ms + server_ms), budget_ms / per_item)
                print(
                    f"{n:>6} {conc:>5} {readers:>8} {m['wall']:>8.2f} {ideal:>8.2f} {ideal / m['wall']:>10.1%} "
                    f"{m['rss_mb']:>12.0f} {per_item:>12.2f} {per_item / (args.latency * 1000):>17.1%} "
                    f"{readers_ms:>16.2f} {server_ms:>15.2f} {ceiling:>8.1%}"
                    + ("" if m["failed"] == 0 else f"  ({m['failed']} failed)")
                    + spread,
                    flush=True,
                )
    finally:
        server.terminate()


if __name__ == "__main__":
    main()

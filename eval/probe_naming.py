"""Probe: can the embedded model name a figure the glossary cannot? Prints counts, judged by the gold label keys.

    python eval/probe_naming.py [--split seen] [--which named|unnamed|all] [--prompt phrase|clause] [--show]
                                [--base-url URL --model NAME]   # an OpenAI-compatible server instead

For every gold figure of the split, the Vietnamese words that name it (the clause before the figure, its cue and
number words dropped; for a clause that opens with its cue, the words before the figure preceding it) go to the
embedded model (the same server and grammar-constrained JSON as the pipeline), asked for English. Its answer is
judged as a name is in ``summarizer eval`` (gold label keys, no bare head noun), beside the program's own name of
the same figure. ``named``: figures the glossary names (does the model read what the glossary reads?);
``unnamed``: the ones it cannot. ``--show`` prints each phrase and answer (the seen split only: the unseen text
is not to be read).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer.asking.local_server import LocalServer, assemble_model  # noqa: E402
from summarizer.evaluation.dataset import load_dataset  # noqa: E402
from summarizer.reading.figures import Figure, Ledger  # noqa: E402
from summarizer.reading.glossary import chunk  # noqa: E402
from summarizer.reading.labels import known_name  # noqa: E402
from summarizer.reading.ledger import build_ledger  # noqa: E402
from summarizer.reading.terminology import is_generic_name  # noqa: E402

CLAUSE_BOUND = re.compile(r"[,;:(\n]|\s-\s")
ANSWER = {"type": "object", "properties": {"english": {"type": "string", "maxLength": 80}}, "required": ["english"]}
PROMPTS = {
    "phrase": (
        "You translate Vietnamese government statistics into English. Answer with the English noun phrase only.",
        "Vietnamese: {phrase}\nEnglish:",
    ),
    "clause": (
        "You read a clause of a Vietnamese government report and say in English what its last figure measures.",
        "Clause: {clause}\nWhat does the figure at the end measure? A short English noun phrase, no digits.",
    ),
}


def subject_words(ledger: Ledger, fig: Figure, *, carried: bool = False) -> str:
    """The words of the figure's clause before it, without its cue, number and place words."""
    sentence = ledger.sentence_of(fig)
    before = ledger.text[sentence.start : fig.start]
    bounds = list(CLAUSE_BOUND.finditer(before))
    clause_start = sentence.start + (bounds[-1].end() if bounds else 0)
    chunks = chunk(ledger.text[clause_start : fig.start])
    i = len(chunks) - 1
    while i >= 0 and chunks[i].role in ("stop", "number", "mark", "skip", "place"):
        i -= 1
    end = i
    while i >= 0 and chunks[i].role not in ("stop", "number", "mark"):
        i -= 1
    words = " ".join(c.vi for c in chunks[i + 1 : end + 1])
    if not words and not carried:
        earlier = [f for f in ledger.figures if f.sentence_index == fig.sentence_index and f.end <= clause_start]
        if earlier:
            return subject_words(ledger, earlier[-1], carried=True)
    return words


def ask(url: str, model: str | None, prompt: str, **fields: str) -> str:
    """The model's English: grammar-constrained JSON on the embedded server (``model`` None), plain text elsewhere."""
    system, user = PROMPTS[prompt]
    body: dict[str, object] = {
        "model": model or "local",
        "messages": [{"role": "system", "content": system}, {"role": "user", "content": user.format(**fields)}],
        "max_tokens": 30,
        "temperature": 0,
    }
    if model is None:
        body["response_format"] = {"type": "json_object", "schema": ANSWER}
    key = os.environ.get("OPENAI_API_KEY")
    headers = {"Authorization": f"Bearer {key}"} if key and model is not None else {}
    reply = httpx.post(f"{url}/chat/completions", json=body, headers=headers, timeout=120).json()
    try:
        content = str(reply["choices"][0]["message"]["content"])
        return str(json.loads(content).get("english", "")) if model is None else content.strip().strip('"')
    except (KeyError, TypeError, json.JSONDecodeError):
        return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="seen")
    parser.add_argument("--which", choices=("named", "unnamed", "all"), default="named")
    parser.add_argument("--prompt", choices=tuple(PROMPTS), default="phrase")
    parser.add_argument("--show", action="store_true", help="print each phrase and answer (seen split only)")
    parser.add_argument(
        "--base-url", help="an OpenAI-compatible server (key from OPENAI_API_KEY) instead of the embedded model"
    )
    parser.add_argument("--model", help="the model to ask on --base-url")
    args = parser.parse_args()
    if args.show and args.split != "seen":
        parser.error("--show prints report text: only for the seen split")
    if bool(args.base_url) != bool(args.model):
        parser.error("--base-url and --model go together")

    items = []
    for sample in load_dataset(ROOT / "eval" / "reports", ROOT / "eval" / "gold", ROOT / "eval" / "splits.json"):
        if sample.split != args.split:
            continue
        ledger = build_ledger(sample.text)
        for gold in sample.gold.indicators:
            fig = next((f for f in ledger.figures if f.end > gold.span[0] and f.start < gold.span[1]), None)
            if fig is None or (args.which != "all" and (known_name(fig) is None) != (args.which == "unnamed")):
                continue
            items.append((ledger, gold, fig))

    model_right = code_right = 0
    seconds: list[float] = []
    with contextlib.ExitStack() as stack:
        url = args.base_url or stack.enter_context(LocalServer(assemble_model(), n_ctx=4096)).base_url
        for ledger, gold, fig in items:
            phrase = subject_words(ledger, fig)
            clause = ledger.text[ledger.sentence_of(fig).start : fig.end][-160:]
            started = time.monotonic()
            answer = ask(url, args.model, args.prompt, phrase=phrase, clause=clause) if phrase else ""
            seconds.append(time.monotonic() - started)
            right = gold.label.judge(answer)[0] and not is_generic_name(answer)
            code = known_name(fig)
            model_right += right
            code_right += bool(code) and gold.label.judge(code or "")[0] and not is_generic_name(code or "")
            if args.show:
                print(f"{'right' if right else 'wrong'} | {phrase} -> {answer} | program: {code} | gold: {gold.what}")
    n = len(items)
    print(
        f"{args.split} {args.which} ({args.prompt}): {n} gold figures; model right {model_right} "
        f"({model_right / max(n, 1):.3f}), program right {code_right} ({code_right / max(n, 1):.3f}); "
        f"median {statistics.median(seconds) if seconds else 0:.2f} s per question"
    )


if __name__ == "__main__":
    main()

"""Run reports: metrics JSON, a Markdown table for the terminal, a self-contained HTML page with a chart."""

from __future__ import annotations

import html
from typing import Any

from summarizer.evaluation.scorers import ReportScore

__all__ = ["compare_markdown", "metrics_document", "render_html", "render_markdown_report", "split_rows"]

_HEADLINE = [
    ("fully_right", "fully right (key figures with right name, basis, period)"),
    ("clean_briefings", "clean briefings (no meaning error)"),
    ("label_accuracy", "label accuracy"),
    ("basis_accuracy", "basis accuracy"),
    ("period_accuracy", "period accuracy"),
    ("recall_by_span", "key-figure recall by span"),
    ("found_by_value_only", "found by value only (no span)"),
    ("schema_valid_rate", "schema-valid"),
    ("number_precision", "number precision"),
    ("number_precision_with_approx", "precision incl. approx"),
    ("briefing_precision", "briefing precision"),
    ("retries_per_report", "retries / report"),
    ("median_latency_s", "median latency s"),
    ("median_completion_tokens", "median completion tokens"),
]


_BASELINE_KEYS = [k for k, _ in _HEADLINE[:8]] + ["number_precision"]
_SPLIT_KEYS = [
    "reports",
    "fully_right",
    "clean_briefings",
    "label_accuracy",
    "basis_accuracy",
    "period_accuracy",
    "recall_by_span",
    "median_latency_s",
    "median_completion_tokens",
]


def _split_value(agg: dict[str, Any], key: str) -> Any:
    if key.startswith("meeting: "):
        return agg.get("meeting_accuracy", {}).get(key.removeprefix("meeting: "))
    return agg.get(key)


def split_rows(doc: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """Header and rows (metric, each split) of the seen/unseen table; no rows when the run has no splits."""
    splits = doc.get("splits") or {}
    if not splits:
        return [], []
    keys = [*_SPLIT_KEYS, "meeting: body", "meeting: body_vi", "meeting: term"]
    rows = [[_label(k), *(_fmt(_split_value(a, k)) for a in splits.values())] for k in keys]
    return ["metric", *splits], rows


def metrics_document(
    name: str,
    aggregate: dict[str, Any],
    scores: list[ReportScore],
    meta: dict[str, Any],
    baselines: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "run": name,
        "meta": meta,
        "aggregate": aggregate,
        "baselines": baselines or {},
        "reports": [s.to_dict() for s in scores],
    }


def _label(key: str) -> str:
    return dict(_HEADLINE).get(key, key.replace("_", " "))


def baseline_rows(doc: dict[str, Any]) -> tuple[list[str], list[list[str]], str | None]:
    """Header, rows (metric, this run, each baseline) and a warning when the run does not beat baseline (a)."""
    bases = doc.get("baselines") or {}
    header = ["metric", "this run", *bases]
    rows = [
        [_label(k), _fmt(doc["aggregate"].get(k)), *(_fmt(b.get(k)) for b in bases.values())] for k in _BASELINE_KEYS
    ]
    warning = None
    if bases:
        first_name, first = next(iter(bases.items()))
        ours, theirs = doc["aggregate"].get("fully_right") or 0.0, first.get("fully_right") or 0.0
        if ours <= theirs:
            warning = f"This run does not beat the baseline '{first_name}' on fully right ({ours:.3f} vs {theirs:.3f})."
    return header, rows, warning


def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.3f}" if abs(v) < 10 else f"{v:,.1f}"
    return str(v)


def listed_errors(doc: dict[str, Any], show_unseen: bool) -> tuple[list[tuple[str, dict[str, Any]]], int]:
    """The errors of meaning and number to list, by report, and how many were left out: those of *unseen*
    reports unless ``show_unseen`` (reading them is how rules end up written from reports that must stay unread)."""
    split_of = doc.get("split_of") or {}
    wrong = [
        (r["id"], c) for r in doc["reports"] for c in r["checks"] if c["error"] and c["error"] != "missing key figure"
    ]
    shown = [(rid, c) for rid, c in wrong if show_unseen or split_of.get(rid) != "unseen"]
    return shown, len(wrong) - len(shown)


_HIDDEN = (
    "{n} errors on *unseen* reports are not listed: their counts are above; the lines would show what those reports "
    "say. `summarizer eval score RUN --show-unseen` lists them (and makes a report you read *seen*)."
)


def render_markdown_report(doc: dict[str, Any], *, show_unseen: bool = False) -> str:
    agg = doc["aggregate"]
    lines = [f"# Eval run `{doc['run']}`", ""]
    meta = doc.get("meta", {})
    if meta:
        lines += [" · ".join(f"{k}: {v}" for k, v in meta.items()), ""]
    lines += ["| metric | value |", "|---|---|"]
    lines += [f"| {label} | {_fmt(agg.get(key))} |" for key, label in _HEADLINE]
    for k, v in agg.get("meeting_accuracy", {}).items():
        lines.append(f"| meeting fact: {k} | {_fmt(v)} |")
    split_header, split_table = split_rows(doc)
    if split_table:
        lines += ["", "## Seen and unseen reports (rules written from the seen ones only)", ""]
        lines += ["| " + " | ".join(split_header) + " |", "|" + "---|" * len(split_header)]
        lines += ["| " + " | ".join(r) + " |" for r in split_table]
    header, rows, warning = baseline_rows(doc)
    if len(header) > 2:
        lines += ["", "## Against trivial baselines (same scorers, same reports)", ""]
        lines += ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        if warning:
            lines += ["", f"**⚠ {warning}**"]
    lines += [
        "",
        "## Per report",
        "",
        "| report | valid | clean | fully right | recall | precision | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in doc["reports"]:
        errs: dict[str, int] = {}
        for c in r["checks"]:
            if c["error"]:
                errs[c["error"]] = errs.get(c["error"], 0) + 1
        err_text = ", ".join(f"{k} ×{v}" for k, v in errs.items()) or ""
        lines.append(
            f"| {r['id']} | {'yes' if r['schema_valid'] else 'no'} | {'yes' if r.get('clean') else 'no'} | "
            f"{_fmt(r.get('fully_right_rate'))} | {_fmt(r['recall'])} | {_fmt(r['precision'])} | "
            f"{err_text or r.get('explanation', '')} |"
        )
    lines += ["", "## Error taxonomy", "", "| error | count |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in agg.get("errors", {}).items()] or ["| none | 0 |"]
    lines += ["", "## Answers the checks rejected", "", "| problem in the rejected answer | answers |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in agg.get("reask_reasons", {}).items()] or ["| none | 0 |"]
    wrong, hidden = listed_errors(doc, show_unseen)
    if wrong or hidden:
        lines += ["", "## Errors of meaning and number", ""]
        lines += [
            f"- **{rid}** {c['where']}: `{c['text']}` — {c['error']}: {c['explanation']}" for rid, c in wrong[:200]
        ]
        lines += ["", _HIDDEN.format(n=hidden)] if hidden else []
    return "\n".join(lines) + "\n"


def _bars(doc: dict[str, Any]) -> str:
    reports = doc["reports"]
    width, row, label_w = 760, 22, 230
    height = row * len(reports) + 40
    scale = (width - label_w - 20) / 2
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        'aria-label="fully right and recall per report">'
    ]
    for i, r in enumerate(reports):
        y = 30 + i * row
        parts.append(f'<text x="0" y="{y + 12}" font-size="11">{html.escape(r["id"][:34])}</text>')
        for j, (key, color) in enumerate((("fully_right_rate", "#2b6cb0"), ("recall", "#dd6b20"))):
            v = r.get(key) or 0.0
            x = label_w + j * (scale + 10)
            parts.append(f'<rect x="{x:.0f}" y="{y}" width="{v * (scale - 10):.1f}" height="14" fill="{color}"/>')
            parts.append(
                f'<text x="{x + v * (scale - 10) + 3:.0f}" y="{y + 12}" font-size="10">{_fmt(r.get(key))}</text>'
            )
    parts.append(f'<text x="{label_w}" y="14" font-size="12" fill="#2b6cb0">fully right</text>')
    parts.append(f'<text x="{label_w + scale + 10:.0f}" y="14" font-size="12" fill="#dd6b20">recall by span</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(doc: dict[str, Any], *, show_unseen: bool = False) -> str:
    """One self-contained page (inline SVG, no scripts, no external assets)."""
    agg = doc["aggregate"]
    rows = "".join(f"<tr><td>{html.escape(label)}</td><td>{_fmt(agg.get(key))}</td></tr>" for key, label in _HEADLINE)
    rows += "".join(
        f"<tr><td>meeting fact: {html.escape(k)}</td><td>{_fmt(v)}</td></tr>"
        for k, v in agg.get("meeting_accuracy", {}).items()
    )
    errors = "".join(f"<tr><td>{html.escape(k)}</td><td>{v}</td></tr>" for k, v in agg.get("errors", {}).items())
    header, brows, warning = baseline_rows(doc)
    base_table = ""
    if len(header) > 2:
        base_table = (
            "<h2>Against trivial baselines</h2><table><tr>"
            + "".join(f"<th>{html.escape(h)}</th>" for h in header)
            + "</tr>"
            + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in brows)
            + "</table>"
            + (f"<p><b>⚠ {html.escape(warning)}</b></p>" if warning else "")
        )
    listed, hidden = listed_errors(doc, show_unseen)
    wrong = "".join(
        f"<li><b>{html.escape(rid)}</b> {html.escape(c['where'])}: <code>{html.escape(c['text'])}</code> — "
        f"{html.escape(c['error'])}: {html.escape(c['explanation'])}</li>"
        for rid, c in listed
    ) + (f"<li>{html.escape(_HIDDEN.format(n=hidden))}</li>" if hidden else "")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Eval {html.escape(doc["run"])}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:900px;margin:2em auto;color:#222}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:3px 8px;text-align:left}}</style></head>
<body><h1>Eval run <code>{html.escape(doc["run"])}</code></h1>
<p>{html.escape(" · ".join(f"{k}: {v}" for k, v in doc.get("meta", {}).items()))}</p>
<h2>Metrics</h2><table>{rows}</table>
{base_table}
<h2>Per report</h2>{_bars(doc)}
<h2>Error taxonomy</h2><table><tr><th>error</th><th>count</th></tr>{errors or _NO_ERRORS}</table>
<h2>Errors of meaning and number</h2><ul>{wrong or "<li>none</li>"}</ul>
</body></html>
"""


_NO_ERRORS = "<tr><td>none</td><td>0</td></tr>"


def _delta(a: Any, b: Any) -> str:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        d = b - a
        return f"{d:+.3f}" if abs(d) < 10 else f"{d:+,.1f}"
    return ""


def compare_markdown(a: dict[str, Any], b: dict[str, Any]) -> str:
    """Two runs side by side with deltas per metric and per report."""
    aa, bb = a["aggregate"], b["aggregate"]
    lines = [f"# `{a['run']}` vs `{b['run']}`", "", "| metric | A | B | Δ |", "|---|---|---|---|"]
    for key, label in _HEADLINE:
        lines.append(f"| {label} | {_fmt(aa.get(key))} | {_fmt(bb.get(key))} | {_delta(aa.get(key), bb.get(key))} |")
    for group in ("meeting_accuracy",):
        for k in sorted(set(aa.get(group, {})) | set(bb.get(group, {}))):
            va, vb = aa.get(group, {}).get(k), bb.get(group, {}).get(k)
            lines.append(f"| {group.split('_')[0]}: {k} | {_fmt(va)} | {_fmt(vb)} | {_delta(va, vb)} |")
    for k in sorted(set(aa.get("errors", {})) | set(bb.get("errors", {}))):
        va, vb = aa.get("errors", {}).get(k, 0), bb.get("errors", {}).get(k, 0)
        lines.append(f"| errors: {k} | {va} | {vb} | {_delta(va, vb)} |")
    for k in sorted(set(aa.get("reask_reasons", {})) | set(bb.get("reask_reasons", {}))):
        va, vb = aa.get("reask_reasons", {}).get(k, 0), bb.get("reask_reasons", {}).get(k, 0)
        lines.append(f"| answers rejected for: {k} | {va} | {vb} | {_delta(va, vb)} |")
    sa, sb = a.get("splits") or {}, b.get("splits") or {}
    for split in [name for name in sb if name in sa]:
        for key in [*_SPLIT_KEYS, "meeting: body"]:
            va, vb = _split_value(sa[split], key), _split_value(sb[split], key)
            lines.append(f"| {split}: {_label(key)} | {_fmt(va)} | {_fmt(vb)} | {_delta(va, vb)} |")
    ra = {r["id"]: r for r in a["reports"]}
    rb = {r["id"]: r for r in b["reports"]}
    for name, base in (a.get("baselines") or {}).items():
        lines.append(f"| baseline '{name}': fully right | {_fmt(base.get('fully_right'))} | | |")
    lines += [
        "",
        "| report | fully right A | fully right B | Δ | recall A | recall B | Δ |",
        "|---|---|---|---|---|---|---|",
    ]
    for rid in sorted(set(ra) | set(rb)):
        pa, pb = ra.get(rid, {}).get("fully_right_rate"), rb.get(rid, {}).get("fully_right_rate")
        qa, qb = ra.get(rid, {}).get("recall"), rb.get(rid, {}).get("recall")
        lines.append(
            f"| {rid} | {_fmt(pa)} | {_fmt(pb)} | {_delta(pa, pb)} | {_fmt(qa)} | {_fmt(qb)} | {_delta(qa, qb)} |"
        )
    return "\n".join(lines) + "\n"

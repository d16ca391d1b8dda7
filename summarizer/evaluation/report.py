"""Run reports: metrics JSON, a Markdown table for the terminal, a self-contained HTML page with a chart."""

from __future__ import annotations

import html
from typing import Any

from summarizer.evaluation.scorers import ReportScore

__all__ = ["compare_markdown", "metrics_document", "render_html", "render_markdown_report"]

_HEADLINE = [
    ("schema_valid_rate", "schema-valid"),
    ("number_precision", "number precision"),
    ("number_precision_with_approx", "precision incl. approx"),
    ("briefing_precision", "briefing precision"),
    ("key_number_recall", "key-number recall"),
    ("retries_per_report", "retries / report"),
    ("median_latency_s", "median latency s"),
    ("median_completion_tokens", "median completion tokens"),
]


def metrics_document(
    name: str, aggregate: dict[str, Any], scores: list[ReportScore], meta: dict[str, Any]
) -> dict[str, Any]:
    return {"run": name, "meta": meta, "aggregate": aggregate, "reports": [s.to_dict() for s in scores]}


def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.3f}" if abs(v) < 10 else f"{v:,.1f}"
    return str(v)


def render_markdown_report(doc: dict[str, Any]) -> str:
    agg = doc["aggregate"]
    lines = [f"# Eval run `{doc['run']}`", ""]
    meta = doc.get("meta", {})
    if meta:
        lines += [" · ".join(f"{k}: {v}" for k, v in meta.items()), ""]
    lines += ["| metric | value |", "|---|---|"]
    lines += [f"| {label} | {_fmt(agg.get(key))} |" for key, label in _HEADLINE]
    for k, v in agg.get("field_accuracy", {}).items():
        lines.append(f"| field accuracy: {k} | {_fmt(v)} |")
    for k, v in agg.get("meeting_accuracy", {}).items():
        lines.append(f"| meeting fact: {k} | {_fmt(v)} |")
    lines += [
        "",
        "## Per report",
        "",
        "| report | valid | figures | precision | approx | recall | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in doc["reports"]:
        errs: dict[str, int] = {}
        for c in r["checks"]:
            if c["error"]:
                errs[c["error"]] = errs.get(c["error"], 0) + 1
        err_text = ", ".join(f"{k} ×{v}" for k, v in errs.items()) or ""
        lines.append(
            f"| {r['id']} | {'yes' if r['schema_valid'] else 'no'} | {r['figures']} | {_fmt(r['precision'])} | "
            f"{r['approx']} | {_fmt(r['recall'])} | {err_text or r.get('explanation', '')} |"
        )
    lines += ["", "## Error taxonomy", "", "| error | count |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in agg.get("errors", {}).items()] or ["| none | 0 |"]
    wrong = [
        (r["id"], c) for r in doc["reports"] for c in r["checks"] if c["error"] and c["error"] != "missing key figure"
    ]
    if wrong:
        lines += ["", "## Wrong figures", ""]
        lines += [
            f"- **{rid}** {c['where']}: `{c['text']}` — {c['error']}: {c['explanation']}" for rid, c in wrong[:200]
        ]
    return "\n".join(lines) + "\n"


def _bars(doc: dict[str, Any]) -> str:
    reports = doc["reports"]
    width, row, label_w = 760, 22, 230
    height = row * len(reports) + 40
    scale = (width - label_w - 20) / 2
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        'aria-label="precision and recall per report">'
    ]
    for i, r in enumerate(reports):
        y = 30 + i * row
        parts.append(f'<text x="0" y="{y + 12}" font-size="11">{html.escape(r["id"][:34])}</text>')
        for j, (key, color) in enumerate((("precision", "#2b6cb0"), ("recall", "#dd6b20"))):
            v = r.get(key) or 0.0
            x = label_w + j * (scale + 10)
            parts.append(f'<rect x="{x:.0f}" y="{y}" width="{v * (scale - 10):.1f}" height="14" fill="{color}"/>')
            parts.append(
                f'<text x="{x + v * (scale - 10) + 3:.0f}" y="{y + 12}" font-size="10">{_fmt(r.get(key))}</text>'
            )
    parts.append(f'<text x="{label_w}" y="14" font-size="12" fill="#2b6cb0">number precision</text>')
    parts.append(f'<text x="{label_w + scale + 10:.0f}" y="14" font-size="12" fill="#dd6b20">key-number recall</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html(doc: dict[str, Any]) -> str:
    """One self-contained page (inline SVG, no scripts, no external assets)."""
    agg = doc["aggregate"]
    rows = "".join(f"<tr><td>{html.escape(label)}</td><td>{_fmt(agg.get(key))}</td></tr>" for key, label in _HEADLINE)
    rows += "".join(
        f"<tr><td>field accuracy: {html.escape(k)}</td><td>{_fmt(v)}</td></tr>"
        for k, v in agg.get("field_accuracy", {}).items()
    )
    rows += "".join(
        f"<tr><td>meeting fact: {html.escape(k)}</td><td>{_fmt(v)}</td></tr>"
        for k, v in agg.get("meeting_accuracy", {}).items()
    )
    errors = "".join(f"<tr><td>{html.escape(k)}</td><td>{v}</td></tr>" for k, v in agg.get("errors", {}).items())
    wrong = "".join(
        f"<li><b>{html.escape(r['id'])}</b> {html.escape(c['where'])}: <code>{html.escape(c['text'])}</code> — "
        f"{html.escape(c['error'])}: {html.escape(c['explanation'])}</li>"
        for r in doc["reports"]
        for c in r["checks"]
        if c["error"] and c["error"] != "missing key figure"
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Eval {html.escape(doc["run"])}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:900px;margin:2em auto;color:#222}}
table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:3px 8px;text-align:left}}</style></head>
<body><h1>Eval run <code>{html.escape(doc["run"])}</code></h1>
<p>{html.escape(" · ".join(f"{k}: {v}" for k, v in doc.get("meta", {}).items()))}</p>
<h2>Metrics</h2><table>{rows}</table>
<h2>Per report</h2>{_bars(doc)}
<h2>Error taxonomy</h2><table><tr><th>error</th><th>count</th></tr>{errors or _NO_ERRORS}</table>
<h2>Wrong figures</h2><ul>{wrong or "<li>none</li>"}</ul>
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
    for group in ("field_accuracy", "meeting_accuracy"):
        for k in sorted(set(aa.get(group, {})) | set(bb.get(group, {}))):
            va, vb = aa.get(group, {}).get(k), bb.get(group, {}).get(k)
            lines.append(f"| {group.split('_')[0]}: {k} | {_fmt(va)} | {_fmt(vb)} | {_delta(va, vb)} |")
    for k in sorted(set(aa.get("errors", {})) | set(bb.get("errors", {}))):
        va, vb = aa.get("errors", {}).get(k, 0), bb.get("errors", {}).get(k, 0)
        lines.append(f"| errors: {k} | {va} | {vb} | {_delta(va, vb)} |")
    ra = {r["id"]: r for r in a["reports"]}
    rb = {r["id"]: r for r in b["reports"]}
    lines += [
        "",
        "| report | precision A | precision B | Δ | recall A | recall B | Δ |",
        "|---|---|---|---|---|---|---|",
    ]
    for rid in sorted(set(ra) | set(rb)):
        pa, pb = ra.get(rid, {}).get("precision"), rb.get(rid, {}).get("precision")
        qa, qb = ra.get(rid, {}).get("recall"), rb.get(rid, {}).get("recall")
        lines.append(
            f"| {rid} | {_fmt(pa)} | {_fmt(pb)} | {_delta(pa, pb)} | {_fmt(qa)} | {_fmt(qb)} | {_delta(qa, qb)} |"
        )
    return "\n".join(lines) + "\n"

"""A review page a reader can check: the English briefing beside the Vietnamese source, every figure linked.

One self-contained HTML file (inline CSS and a few lines of inline script, nothing fetched): each key
figure and each figure in prose links to its characters in the source; the source marks which of its
figures the briefing uses; flagged items stand out in both panes with the reason. All report text is
escaped, so a report holding ``<script>`` or ``onerror=`` runs nothing.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from summarizer.checking.grounding import MatchStatus, match_number
from summarizer.errors import InputError
from summarizer.io import write_atomic
from summarizer.reading.english_numbers import parse_english_numbers
from summarizer.reading.figures import Ledger
from summarizer.reading.ledger import build_ledger
from summarizer.reading.meeting import MeetingFacts, find_meeting_facts
from summarizer.reading.sentences import normalize_text
from summarizer.schema import DocumentInfo, Summary
from summarizer.wording.prose import write_lead
from summarizer.writing.briefing import flag_text, format_value, indicator_label

__all__ = ["IndexEntry", "page_name", "render_index", "render_review", "write_batch_pages"]

_CSS = """
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d1d1f}
header,footer{padding:12px 20px;background:#f4f5f7;border-bottom:1px solid #ddd}footer{border-top:1px solid #ddd;
font-size:12px;color:#555}main{display:flex;gap:0}section{flex:1 1 50%;min-width:0;padding:16px 20px;
height:calc(100vh - 120px);overflow:auto}#source{background:#fcfcfa;border-left:1px solid #ddd;white-space:pre-wrap}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:18px 0 6px}table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #e5e5e5;padding:4px 6px;text-align:left;vertical-align:top;font-size:14px}
a.fig{color:#0b57d0;text-decoration:none;border-bottom:1px dotted #0b57d0;cursor:pointer}
.src{border-radius:3px;padding:0 1px}.src.used{background:#e3edff}.src.flagged,.flagged{background:#ffe3e0}
.src.hl{outline:2px solid #d93025;background:#fff3b0}.warn{color:#b3261e}.meeting-sentence{background:#eef7ee}
.note{font-size:12px;color:#b3261e}.muted{color:#666}
.tw{overflow-x:auto}
@media (max-width:760px){main{display:block}section{height:auto;overflow:visible}#source{border-left:0;
border-top:1px solid #ddd}#briefing th:nth-child(5),#briefing td:nth-child(5){display:none}}
"""

_SCRIPT = """
(function(){
  function target(el){return document.getElementById(el.getAttribute('data-target'));}
  function show(el,scroll){
    document.querySelectorAll('.hl').forEach(function(x){x.classList.remove('hl');});
    var t=target(el); if(!t){return;} t.classList.add('hl'); if(scroll){t.scrollIntoView({block:'center'});}
  }
  document.querySelectorAll('[data-target]').forEach(function(el){
    el.addEventListener('mouseenter',function(){show(el,false);});
    el.addEventListener('click',function(ev){ev.preventDefault();show(el,true);});
  });
})();
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    anchor: str
    classes: str
    title: str


def _source_pane(ledger: Ledger, marks: list[_Mark]) -> str:
    """The source text, escaped piece by piece, with marked spans (no overlaps: the first mark wins)."""
    out: list[str] = []
    pos = 0
    for m in sorted(marks, key=lambda x: (x.start, -x.end)):
        if m.start < pos:
            continue
        out.append(_e(ledger.text[pos : m.start]))
        title = f' title="{_e(m.title)}"' if m.title else ""
        out.append(f'<span id="{m.anchor}" class="{m.classes}"{title}>{_e(ledger.text[m.start : m.end])}</span>')
        pos = m.end
    out.append(_e(ledger.text[pos:]))
    return "".join(out)


def _link(anchor: str, text: str, classes: str = "fig") -> str:
    return f'<a href="#{anchor}" class="{classes}" data-target="{anchor}">{_e(text)}</a>'


def _prose(text: str, ledger: Ledger, anchors: dict[tuple[int, int], str]) -> str:
    """Prose with every number that is a source figure linked to it; other numbers left plain."""
    out: list[str] = []
    pos = 0
    for n in parse_english_numbers(text, words=False):
        m = match_number(n, ledger)
        if m.status != MatchStatus.EXACT or m.figure is None or not m.figure.is_indicator_kind or n.start < pos:
            continue
        key = (m.figure.start, m.figure.end)
        anchors.setdefault(key, f"src-{m.figure.id}")
        out.append(_e(text[pos : n.start]))
        out.append(_link(anchors[key], text[n.start : n.end]))
        pos = n.end
    out.append(_e(text[pos:]))
    return "".join(out)


def render_review(
    summary: Summary, source: str, *, ledger: Ledger | None = None, facts: MeetingFacts | None = None
) -> str:
    """The review page for one summary and the source text it was made from (checked by sha256). ``ledger`` and
    ``facts``: what the summary was made from (``Summarizer.brief``); read again from the source when not given
    (a summary loaded from disk)."""
    text = normalize_text(source)
    if hashlib.sha256(text.encode()).hexdigest() != summary.provenance.source_sha256:
        raise InputError(summary.provenance.source_name, "the source text is not the one this summary was made from")
    ledger = ledger if ledger is not None else build_ledger(text)
    marks: list[_Mark] = []
    anchors: dict[tuple[int, int], str] = {}
    rows = []
    document = summary.provenance.document
    for k, ind in enumerate(summary.indicators, start=1):
        flagged = ind.grounding != "grounded"
        reason = ind.grounding_note or ""
        if ind.span[1] > ind.span[0]:
            anchor = f"src-ind{k}"
            anchors[(ind.span[0], ind.span[1])] = anchor
            classes = "src used flagged" if flagged else "src used"
            title = f"{ind.name}: {reason}" if flagged else ind.name
            marks.append(_Mark(ind.span[0], ind.span[1], anchor, classes, title))
            value = _link(anchor, format_value(ind))
        else:
            value = _e(format_value(ind))
        warn = f'<div class="note">⚠ {_e(reason)}</div>' if flagged else ""
        name = _e(indicator_label(ind))
        if ind.name_status != "translated" and ind.name_span and ind.name_span[1] > ind.name_span[0]:
            anchor = f"src-name{k}"
            marks.append(_Mark(ind.name_span[0], ind.name_span[1], anchor, "src name", "not translated"))
            name = _link(anchor, indicator_label(ind))
        page = document.page_of(ind.span[0]) if document is not None else None
        where = f' <span class="muted">(page {page})</span>' if page is not None else ""
        rows.append(
            f'<tr class="{"flagged" if flagged else ""}"><td>{"⚠ " if flagged else ""}{name}{warn}</td>'
            f"<td>{value}</td><td>{_e(ind.period or '')}</td><td>{_e(ind.basis or ind.comparison or '')}</td>"
            f'<td lang="vi">“{_e(ind.source_text)}”{where}</td></tr>'
        )
    facts = facts if facts is not None else find_meeting_facts(ledger)
    m = summary.meeting
    body = m.body_en or "Body not identified by the program"
    meeting = _e(body) + (f' <span lang="vi" class="muted">({_e(m.body_vi)})</span>' if m.body_vi else "")
    details = [
        x
        for x in (
            f"session no. {m.session}" if m.session is not None else "",
            f"term {m.term}" if m.term else "",
            (m.date or "") + (" (year inferred)" if m.date_year_inferred else ""),
        )
        if x
    ]
    if facts.sentence is not None:
        marks.append(_Mark(facts.sentence[0], facts.sentence[1], "src-meeting", "src meeting-sentence", "the meeting"))
        meeting = _link("src-meeting", body) + (
            f' <span lang="vi" class="muted">({_e(m.body_vi)})</span>' if m.body_vi else ""
        )
    officials = []
    for k, o in enumerate(summary.officials, start=1):
        at = ledger.text.find(o.name)
        if at >= 0:
            marks.append(_Mark(at, at + len(o.name), f"src-off{k}", "src used", o.role))
            name = _link(f"src-off{k}", o.name)
        else:
            name = f'<span class="flagged">⚠ {_e(o.name)} (not found in the source)</span>'
        officials.append(f"<li>{name}, {_e(o.role)}</li>")
    for f in ledger.candidates():
        if not any(mk.start < f.end and f.start < mk.end for mk in marks):
            anchor = anchors.get((f.start, f.end), f"src-{f.id}")
            marks.append(_Mark(f.start, f.end, anchor, "src", "not used in the briefing"))
    summary_html = _prose(summary.summary.strip() or write_lead(summary.meeting, summary.indicators), ledger, anchors)
    if summary.degraded:
        summary_html += f' <em class="warn">Degraded briefing: {_e(summary.degraded)}</em>'

    for (start, end), anchor in anchors.items():
        if not any(mk.anchor == anchor for mk in marks):
            marks.append(_Mark(start, end, anchor, "src used", ""))
    topics = "".join(f"<li>{_prose(t, ledger, anchors)}</li>" for t in summary.topics)
    tasks = "".join(
        f"<li>{_prose(d.task, ledger, anchors)}"
        + (f' <span class="muted">({_e(d.owner)})</span>' if d.owner else "")
        + "</li>"
        for d in summary.directives
    )
    flags = "".join(f'<li class="warn">⚠ {_e(flag_text(f))}</li>' for f in summary.flags)
    p = summary.provenance
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{_e(summary.title)} — review</title><style>{_CSS}</style></head><body>
<header><h1>{_e(summary.title)}</h1><div>{meeting}{" · " if details else ""}{_e(" · ".join(details))}</div></header>
<main><section id="briefing"><h2>Summary</h2><p>{summary_html}</p>
<h2>Key figures</h2><div class="tw"><table><thead><tr><th>Indicator</th><th>Value</th><th>Period</th><th>Basis</th>
<th>Source</th></tr></thead><tbody>{"".join(rows) or '<tr><td colspan="5">none</td></tr>'}</tbody></table></div>
{f"<h2>Topics</h2><ul>{topics}</ul>" if topics else ""}{f"<h2>Tasks ahead</h2><ul>{tasks}</ul>" if tasks else ""}
{f"<h2>Officials</h2><ul>{''.join(officials)}</ul>" if officials else ""}
{f"<h2>⚠ Unverified</h2><ul>{flags}</ul>" if flags else ""}{_document_tables(document)}</section>
<section id="source" lang="vi">{_source_pane(ledger, marks)}</section></main>
<footer>Source {_e(p.source_name)} (sha256 {_e(p.source_sha256[:12])}){_document_line(document)} ·
model {_e(p.model)} ({_e(p.backend)}) ·
prompt {_e(p.prompt_id)}@{_e(p.prompt_version)} ({_e(p.prompt_sha256[:12])}) · schema {_e(p.schema_sha256[:12])} ·
{_e(p.created_at)}. Blue: figures the briefing uses; red: flagged; green: the meeting sentence.</footer>
<script>{_SCRIPT}</script></body></html>
"""


def _document_tables(document: DocumentInfo | None) -> str:
    """The original document's tables as tables; the source pane shows the sentences written from them."""
    if document is None or not document.tables:
        return ""
    out = ["<h2>Tables in the original document</h2>"]
    for t in document.tables:
        head, *body = t.rows
        out.append(
            '<div class="tw"><table lang="vi"><thead><tr>'
            + "".join(f"<th>{_e(c)}</th>" for c in head)
            + "</tr></thead><tbody>"
            + "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in body)
            + "</tbody></table></div>"
        )
    return "".join(out)


def _document_line(document: DocumentInfo | None) -> str:
    described = document.describe() if document is not None else None
    return f" · extracted from {_e(described)}" if described else ""


@dataclass(frozen=True)
class IndexEntry:
    """One input of a batch as the index lists it."""

    id: str
    status: str
    page: str | None = None
    title: str = ""
    body: str = ""
    date: str = ""
    figures: int = 0
    flags: int = 0
    reason: str = ""


_SORT = """
document.querySelectorAll('th[data-col]').forEach(function(th){th.addEventListener('click',function(){
  var col=+th.getAttribute('data-col'),body=document.querySelector('tbody'),rows=[].slice.call(body.rows);
  var asc=th.getAttribute('data-asc')!=='1';th.setAttribute('data-asc',asc?'1':'0');
  rows.sort(function(a,b){var x=a.cells[col].getAttribute('data-v'),y=b.cells[col].getAttribute('data-v');
    var nx=parseFloat(x),ny=parseFloat(y);var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?c:-c;});
  rows.forEach(function(r){body.appendChild(r);});});});
"""


def render_index(entries: Iterable[IndexEntry], title: str = "Batch review") -> str:
    """A sortable list of every input of a batch with its status, linking to the review pages."""
    rows = []
    for e in entries:
        name = f'<a href="{_e(e.page)}">{_e(e.id)}</a>' if e.page else _e(e.id)
        status = _e(e.status) + (f'<div class="note">{_e(e.reason)}</div>' if e.reason else "")
        cells = [
            (e.id, name),
            (e.status, status),
            (e.title, _e(e.title)),
            (e.body, _e(e.body)),
            (e.date, _e(e.date)),
            (str(e.figures), str(e.figures)),
            (str(e.flags), str(e.flags)),
        ]
        rows.append("<tr>" + "".join(f'<td data-v="{_e(v)}">{h}</td>' for v, h in cells) + "</tr>")
    heads = ["input", "status", "title", "body", "date", "figures", "flags"]
    head = "".join(f'<th data-col="{i}" style="cursor:pointer">{h} ⇅</th>' for i, h in enumerate(heads))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{_e(title)}</title><style>{_CSS}</style></head><body><header><h1>{_e(title)}</h1>
<div>{len(rows)} inputs · click a column to sort</div></header>
<div style="padding:16px 20px;overflow:auto"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody>
</table></div><script>{_SORT}</script></body></html>
"""


_SAFE_NAME = re.compile(r"[^\w.-]+")


def page_name(item_id: str) -> str:
    """A file name for an input's review page."""
    return _SAFE_NAME.sub("_", item_id).strip("_")[:120] + ".review.html"


def write_batch_pages(results: Path, texts: Mapping[str, str], out: Path) -> tuple[int, Path]:
    """A review page per successful record of a batch results JSONL and an ``index.html`` of every input
    (ok, cached, or failed with the reason). ``texts``: the source text of each input by id (what the batch
    read: ``engines.batch.source_texts``)."""
    if not results.is_file():
        raise InputError(str(results), "no such results file")
    out.mkdir(parents=True, exist_ok=True)
    entries: list[IndexEntry] = []
    written = 0
    for n, line in enumerate(results.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            entries.append(IndexEntry(f"<line {n}>", "failed", reason="line is not JSON"))
            continue
        rid = str(rec.get("id", f"<line {n}>"))
        if rec.get("status") != "ok":
            entries.append(IndexEntry(rid, "failed", reason=str(rec.get("error") or "failed")))
            continue
        summary = Summary.model_validate(rec["summary"])
        status = "cached" if rec.get("cached") else "ok"
        text = texts.get(rid)
        page = None
        reason = ""
        if text is None:
            reason = "source text not found in the inputs"
        else:
            try:
                page = page_name(rid)
                write_atomic(out / page, render_review(summary, text))
                written += 1
            except InputError as e:
                page, reason = None, e.problem
        m = summary.meeting
        entries.append(
            IndexEntry(
                rid,
                status,
                page,
                summary.title,
                m.body_en,
                m.date or "",
                len(summary.indicators),
                len(summary.flags),
                reason,
            )
        )
    index = out / "index.html"
    write_atomic(index, render_index(entries, title=f"Batch review: {results.name}"))
    return written, index

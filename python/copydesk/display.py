"""Notebook display: an Article as readable HTML, a batch as a summary table.

Pure Python with no imports beyond the standard library: the HTML is plain markup with an
inline style sheet (no JavaScript, nothing fetched from the network), so it renders in Jupyter,
VS Code, exported notebooks and plain browsers alike. All text is HTML-escaped.

Quotes are highlighted with their resolved speaker shown beside them, the mention of the speaker
is underlined, entities are marked (displaCy style) with their label, and boilerplate, related
links and credits are faded inside a collapsed ``<details>`` element.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from copydesk._copydesk import Article

__all__ = ["article_html", "batch_html", "display"]

STYLE = """<style>
.cd-article{font-family:Georgia,serif;line-height:1.55;max-width:46em}
.cd-article h3{font-family:system-ui,sans-serif;margin:.2em 0 .4em}
.cd-meta{font-family:system-ui,sans-serif;font-size:.85em;color:#555;margin:.2em 0}
.cd-quote{background:#fff3c4;border-radius:3px;padding:0 .1em}
.cd-indirect{background:#e9f1ff}
.cd-speaker{font-family:system-ui,sans-serif;font-size:.72em;font-weight:600;color:#7a4b00;
 background:#ffe08a;border-radius:3px;padding:0 .3em;margin-left:.25em;white-space:nowrap}
.cd-mention{text-decoration:underline;text-decoration-thickness:2px;text-decoration-color:#c98a00}
mark.cd-ent{background:#e4e4f7;border-radius:3px;padding:0 .15em}
mark.cd-PERSON{background:#f6d9e4}mark.cd-ORG{background:#d8ecf7}mark.cd-LOC{background:#dff2dc}
mark.cd-NORP{background:#efe3f9}mark.cd-EVENT{background:#fbe2cf}
.cd-label{font-family:system-ui,sans-serif;font-size:.65em;font-weight:700;color:#444;
 margin-left:.25em;text-transform:uppercase}
.cd-faded{color:#999;font-size:.9em}
.cd-error{color:#b00020;font-family:system-ui,sans-serif}
.cd-batch td,.cd-batch th{padding:.15em .6em;text-align:left}
</style>"""

#: Block kinds shown faded and collapsed.
FADED = {"boilerplate", "related", "credit"}
#: Block kinds shown as small metadata lines.
META = {"dateline", "byline", "caption", "standfirst"}


@dataclass
class _Span:
    start: int
    end: int
    open: str
    close: str
    rank: int  # outer spans first when two start together


def _nest(spans: list[_Span]) -> list[_Span]:
    """Keep the spans that nest properly (outer spans, then longer spans, win a conflict)."""
    spans = sorted(spans, key=lambda s: (s.rank, s.start, -(s.end - s.start)))
    kept: list[_Span] = []
    for s in spans:
        if s.end <= s.start:
            continue
        if all(s.end <= k.start or k.end <= s.start or (k.start <= s.start and s.end <= k.end) or
               (s.start <= k.start and k.end <= s.end) for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: (s.start, -(s.end - s.start), s.rank))


def _render(text: str, lo: int, hi: int, spans: list[_Span]) -> str:
    """HTML for ``text[lo:hi]`` with the (properly nested, sorted) ``spans`` applied."""
    out: list[str] = []
    pos = lo
    i = 0
    while i < len(spans):
        s = spans[i]
        # Spans inside s are the ones that follow it and start before it ends.
        j = i + 1
        while j < len(spans) and spans[j].start < s.end:
            j += 1
        out.append(html.escape(text[pos : s.start]))
        out.append(s.open)
        out.append(_render(text, s.start, s.end, spans[i + 1 : j]))
        out.append(s.close)
        pos = s.end
        i = j
    out.append(html.escape(text[pos:hi]))
    return "".join(out)


def _inline(article: Article, start: int, end: int) -> str:
    """The raw text between code points ``start`` and ``end`` with quotes and entities marked."""
    spans: list[_Span] = []
    for q in article.quotes:
        s, e = max(q.start, start), min(q.end, end)
        if s < e:
            cls = "cd-quote" + (" cd-indirect" if q.kind == "indirect" else "")
            title = f"{q.kind} quote" + (f", cue: {q.cue}" if q.cue else "")
            label = f'<span class="cd-speaker">{html.escape(q.speaker)}</span>' if q.speaker and e == q.end else ""
            spans.append(_Span(s, e, f'<span class="{cls}" title="{html.escape(title)}">', f"</span>{label}", 0))
        m = q.speaker_mention
        if m is not None and start <= m.start and m.end <= end:
            who = html.escape(f"speaker: {q.speaker or m.text}")
            spans.append(_Span(m.start, m.end, f'<span class="cd-mention" title="{who}">', "</span>", 1))
    for ent in article.entities:
        if start <= ent.start and ent.end <= end:
            label = html.escape(ent.label)
            spans.append(
                _Span(
                    ent.start,
                    ent.end,
                    f'<mark class="cd-ent cd-{label}">',
                    f'<span class="cd-label">{label}</span></mark>',
                    2,
                )
            )
    return _render(article.text, start, end, _nest(spans))


def article_html(article: Article) -> str:
    """The article as self-contained HTML: headline, dateline and byline, then the body with
    quotes (and their speakers) highlighted and entities marked; boilerplate faded and collapsed."""
    parts = [STYLE, '<div class="cd-article">']
    if article.error is not None:
        parts.append(f'<p class="cd-error">error: {html.escape(article.error)}</p></div>')
        return "".join(parts)
    faded: list[str] = []
    headline_done = False
    for b in article.blocks:
        if b.kind == "headline":
            parts.append(f"<h3>{_inline(article, b.start, b.end)}</h3>")
            headline_done = True
        elif b.kind in FADED:
            faded.append(f'<p class="cd-faded">[{html.escape(b.kind)}] {html.escape(b.text)}</p>')
        elif b.kind in META:
            parts.append(f'<p class="cd-meta">{html.escape(b.kind)}: {_inline(article, b.start, b.end)}</p>')
        elif b.kind == "subheading":
            parts.append(f"<h4>{_inline(article, b.start, b.end)}</h4>")
        else:
            parts.append(f"<p>{_inline(article, b.start, b.end)}</p>")
        if b.kind == "headline" and article.published:
            parts.append(f'<p class="cd-meta">published: {html.escape(article.published)}</p>')
    if not headline_done and article.headline:
        parts.insert(2, f"<h3>{html.escape(article.headline)}</h3>")
    if faded:
        parts.append(
            f'<details><summary class="cd-faded">{len(faded)} boilerplate block(s)</summary>{"".join(faded)}</details>'
        )
    counts = (
        f"{len(article.quotes)} quotes, {len(article.entities)} entities, {len(article.acronyms)} acronyms, "
        f"{len(article.money)} sums of money, {len(article.dates)} dates, {len(article.numbers)} numbers"
    )
    speakers = article.speakers
    if speakers:
        who = ", ".join(
            html.escape(s.name) + (f" ({html.escape(s.title)})" if s.title else "") + f": {len(s.quotes)}"
            for s in speakers
        )
        parts.append(f'<p class="cd-meta">speakers: {who}</p>')
    parts.append(f'<p class="cd-meta">{counts}</p></div>')
    return "".join(parts)


def batch_html(articles: Sequence[Article], max_rows: int = 20) -> str:
    """A summary table of a batch: one row per article (the first ``max_rows``) and totals."""

    def cell(x: object) -> str:
        return f"<td>{html.escape('' if x is None else str(x))}</td>"

    rows = []
    for i, a in enumerate(articles[:max_rows]):
        head = a.headline or ""
        if len(head) > 70:
            head = head[:69] + "\u2026"
        rows.append(
            "<tr>"
            + cell(i)
            + cell(a.id)
            + cell(head)
            + cell(a.published)
            + cell(len(a.blocks))
            + cell(len(a.quotes))
            + cell(len(a.entities))
            + cell(len(a.money))
            + cell(len(a.dates))
            + (f'<td class="cd-error">{html.escape(a.error)}</td>' if a.error else "<td></td>")
            + "</tr>"
        )
    n = len(articles)
    errors = sum(1 for a in articles if a.error is not None)
    quotes = sum(len(a.quotes) for a in articles)
    entities = sum(len(a.entities) for a in articles)
    more = f"<p>\u2026 and {n - max_rows} more</p>" if n > max_rows else ""
    head = "".join(
        f"<th>{h}</th>" for h in ("#", "id", "headline", "published", "blocks", "quotes", "entities", "money", "dates", "error")
    )
    return (
        STYLE
        + f"<div class='cd-batch'><p><b>{n}</b> articles, {quotes} quotes, {entities} entities, {errors} errors</p>"
        + f"<table class='cd-batch'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{more}</div>"
    )


def display(obj: Article | Sequence[Article]) -> object:
    """Show an Article or a batch in a notebook (an ``IPython.display.HTML``); without IPython,
    return the HTML string."""
    from copydesk._dependencies import optional

    markup = batch_html(obj) if isinstance(obj, Sequence) else article_html(obj)
    ipd = optional("IPython.display")
    return markup if ipd is None else ipd.HTML(markup)

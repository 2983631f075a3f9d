"""Notebook display: Article and batch HTML, escaped, no JavaScript."""

from __future__ import annotations

import html
import re

import copydesk
from copydesk.display import article_html, batch_html


def test_article_html_marks_quotes_speakers_and_entities(sample_text: str) -> None:
    art = copydesk.process(sample_text)
    out = art._repr_html_()
    assert out == article_html(art)
    assert "<script" not in out.lower() and "http" not in out.split("</style>")[-1].lower()
    if art.headline:
        assert "<h3>" in out
    if art.quotes:
        assert 'class="cd-quote' in out
    speakers = {q.speaker for q in art.quotes if q.speaker}
    for s in speakers:
        assert html.escape(s) in out
    if art.entities:
        assert "<mark class=\"cd-ent" in out
    # Tags are balanced: every opened span/mark is closed.
    assert out.count("<span") == out.count("</span>")
    assert out.count("<mark") == out.count("</mark>")


def test_html_is_escaped() -> None:
    raw = 'Tags <b>&amp; Bugs\n\n"<script>alert(1)</script> is bad," Minister Jane Doe said.'
    out = copydesk.process(raw)._repr_html_()
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "<b>" not in out


def test_text_is_kept_in_order() -> None:
    raw = 'Talks Stall\n\n"We are not there yet," Minister Jane Doe told Reuters in Paris on Monday.'
    out = copydesk.process(raw)._repr_html_()
    visible = html.unescape(re.sub(r"<style>.*?</style>|<span class=\"cd-(speaker|label)\">[^<]*</span>|<[^>]+>", "", out, flags=re.S))
    assert "We are not there yet," in visible
    assert "told Reuters in Paris on Monday." in visible.replace("  ", " ")


def test_boilerplate_is_collapsed() -> None:
    raw = "Talks Stall\n\nThe talks stalled on Monday, officials said.\n\nRead more: Subscribe to our newsletter for updates.\n\nFollow us on Twitter."
    art = copydesk.process(raw)
    out = art._repr_html_()
    if any(b.kind in {"boilerplate", "related", "credit"} for b in art.blocks):
        assert "<details>" in out and "cd-faded" in out


def test_error_rows_and_batch_summary() -> None:
    batch = copydesk.process_batch(['Talks Stall\n\n"Not yet," Jane Doe said.', None], ids=["a", "<b>"])
    assert "error" in article_html(batch[1])
    out = batch._repr_html_()
    assert out == batch_html(batch)
    assert "2</b> articles" in out and "&lt;b&gt;" in out and "<table" in out
    big = batch_html([batch[0]] * 30)
    assert "10 more" in big


def test_display_helper_returns_html_or_string() -> None:
    from copydesk.display import display

    art = copydesk.process("Talks Stall\n\nThe talks stalled.")
    out = display(art)
    assert "Talks Stall" in (out if isinstance(out, str) else getattr(out, "data", ""))


def test_article_html_lists_speakers_and_counts_numbers() -> None:
    art = copydesk.process('Talks Stall\n\n"We are not there yet," Minister Jane Doe said. Some 1,200 people waited.')
    markup = art._repr_html_()
    assert "speakers: Jane Doe" in markup
    assert f"{len(art.numbers)} numbers" in markup

"""The Python API of issue 2: process, process_batch, Article and its items."""

from __future__ import annotations

import json

import pytest

import copydesk


def test_sample_article_headline_paragraphs_and_quotes(sample_text: str) -> None:
    art = copydesk.process(sample_text, published="2017-11-27")
    assert art.headline == "US Using Political Pressure to Draw Balkans Into NATO - Russian Foreign Ministry"
    kinds = [b.kind for b in art.blocks]
    assert kinds[0] == "headline"
    assert kinds.count("paragraph") >= 15
    direct = [q for q in art.quotes if q.kind == "direct"]
    assert len(direct) >= 8
    # Every direct quote of the sample is Kelin's; at least the ones next to his name resolve.
    assert sum(q.speaker == "Andrey Kelin" for q in direct) >= 5
    for q in direct:
        assert q.text in sample_text[q.start : q.end]
    assert art.dateline is not None and art.dateline["place"] == "Moscow"
    assert art.published == "2017-11-27"


def test_body_is_paragraphs_and_subheadings(sample_text: str) -> None:
    art = copydesk.process(sample_text)
    assert "Subscribe" not in art.body.split("\n\n")
    assert "Airspace Over Baltic Region" in art.body
    assert "\u00a0" not in art.body  # normalized


def test_to_dict_matches_to_json(sample_text: str) -> None:
    art = copydesk.process(sample_text, id="s1")
    d = art.to_dict()
    assert d == json.loads(art.to_json())
    assert d["id"] == "s1"
    for key in ("id", "headline", "dateline", "byline", "published", "language", "body", "blocks", "quotes",
                "entities", "acronyms", "money", "dates", "numbers", "speakers"):
        assert key in d


def test_dateline_and_byline_getters_match_the_dict(sample_text: str) -> None:
    texts = [
        sample_text,
        "Storm Hits Coast\n\nBy Jane Doe and Ann Lee\n\nLONDON (Reuters) - The storm hit the coast, officials said.",
        "Plain text without either.",
    ]
    for text in texts:
        art = copydesk.process(text)
        d = art.to_dict()
        assert art.dateline == d["dateline"] and art.byline == d["byline"]
        for key in ("dateline", "byline"):
            if d[key]:
                assert text[d[key]["start"] : d[key]["end"]] == d[key]["text"]


def test_article_keeps_the_callers_text_and_gives_everything_back(sample_text: str) -> None:
    import pickle

    plain = "Headline Here\n\nThe minister said the plan would work.\n\n\"We will see,\" she said."
    fixed = "Headline Here\n\nThe\u00a0minister said the plan would\u00a0work.\n\nIt &amp; more."
    texts = [sample_text, plain, fixed, "", "x"]
    arts = list(copydesk.process_batch(texts)) + [copydesk.process(t) for t in texts]
    for t, art in zip(texts + texts, arts):
        # one copy of each text: the caller's str itself
        assert art.text is t or t == ""
        d = art.to_dict()
        assert d["body"] == art.body
        if t == plain:
            assert art.body == "\n\n".join(b.text for b in art.blocks if b.kind in ("paragraph", "subheading"))
        back = pickle.loads(pickle.dumps(art))
        assert back == art and back.text == t and back.body == art.body and back.to_json() == art.to_json()
    assert "\u00a0" not in arts[2].body and "&amp;" not in arts[2].body
    # a text cut at the maximum size is the kept prefix
    cut = copydesk.process_batch([plain], options=copydesk.Options(max_bytes=20))[0]
    assert cut.truncated and plain.startswith(cut.text) and len(cut.text) < len(plain)


def test_empty_and_whitespace_text() -> None:
    for text in ["", " ", "\n\n\n", "\u00a0"]:
        art = copydesk.process(text)
        assert art.quotes == [] and art.body == ""


def test_process_rejects_bad_types() -> None:
    with pytest.raises(TypeError, match="None"):
        copydesk.process(None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="bytes"):
        copydesk.process(b"text")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="int"):
        copydesk.process(3)  # type: ignore[arg-type]
    with pytest.raises(copydesk.InputError, match="surrogate"):
        copydesk.process("bad \ud800 text")
    with pytest.raises(copydesk.OptionsError, match="published"):
        copydesk.process("text", published="yesterday")


def test_batch_keeps_rows_and_ids(example_texts: dict[str, str]) -> None:
    texts = list(example_texts.values())
    rows = [texts[0], None, 42, texts[1]]
    arts = copydesk.process_batch(rows, ids=["a", "b", "c", "d"])  # type: ignore[list-item]
    assert [a.id for a in arts] == ["a", "b", "c", "d"]
    assert arts[0].error is None and arts[3].error is None
    assert "None" in (arts[1].error or "") and "int" in (arts[2].error or "")
    assert arts[0].headline == copydesk.process(texts[0]).headline


def test_batch_rejects_single_string() -> None:
    with pytest.raises(TypeError, match="single str"):
        copydesk.process_batch("one text")  # type: ignore[arg-type]


def test_offsets_are_code_points() -> None:
    raw = "Caf\u00e9 Talks\n\n\u201cWe are close to a deal on the \u20ac5 billion budget,\u201d Minister Ana Lopes said on Tuesday."
    art = copydesk.process(raw)
    assert art.quotes, art.to_dict()
    q = art.quotes[0]
    assert raw[q.start] == "\u201c" and raw[q.end - 1] == "\u201d"
    for m in art.money:
        assert raw[m.start : m.end] == m.text


def test_numbers_and_speakers(sample_text: str) -> None:
    art = copydesk.process(sample_text)
    assert art.numbers and art.speakers
    for n in art.numbers:
        assert isinstance(n, copydesk.NumberMention)
        assert sample_text[n.start : n.end] == n.text
        assert n.kind in {"number", "percent"} and isinstance(n.value, float)
    quoted = [q.speaker for q in art.quotes if q.speaker is not None]
    names = [s.name for s in art.speakers]
    assert len(names) == len(set(names)) == len(set(quoted))
    assert names == list(dict.fromkeys(quoted)), "in order of first appearance"
    for s in art.speakers:
        assert isinstance(s, copydesk.Speaker)
        assert s.direct + s.mixed + s.indirect == len(s.quotes) == quoted.count(s.name)
        assert all(art.quotes[i].speaker == s.name for i in s.quotes)
        if s.mention is not None:
            assert sample_text[s.mention.start : s.mention.end] == s.mention.text
    top = max(art.speakers, key=lambda s: len(s.quotes))
    assert top.name == "Andrey Kelin" and top.title and "Foreign Ministry" in top.title
    d = art.to_dict()
    assert [(x["start"], x["end"], x["text"], x["kind"]) for x in d["numbers"]] == [
        (n.start, n.end, n.text, n.kind) for n in art.numbers
    ]
    assert [x["name"] for x in d["speakers"]] == names
    assert [x["quotes"] for x in d["speakers"]] == [s.quotes for s in art.speakers]


def test_percentages_are_numbers_of_kind_percent() -> None:
    art = copydesk.process("Rates Rise\n\nInflation rose to 4.5 per cent in May, up from 3% in April.")
    percents = [(n.text, n.value) for n in art.numbers if n.kind == "percent"]
    assert ("4.5 per cent", 4.5) in percents and ("3%", 3.0) in percents


def test_item_reprs_are_python_reprs() -> None:
    art = copydesk.process('Talks Stall\n\n"We are not there yet," Minister Jane Doe said.')
    q = art.quotes[0]
    assert "speaker='Jane Doe'" in repr(q) and "Some(" not in repr(q)
    s = art.speakers[0]
    assert repr(s).startswith("Speaker(name='Jane Doe', title=")
    assert "value=None" in repr(copydesk.DateMention(0, 1, "x")) and "text='x'" in repr(copydesk.DateMention(0, 1, "x"))
    assert repr(copydesk.NumberMention(0, 4, "2017", 2017.0)) == "NumberMention(text='2017', value=2017.0, kind='number')"

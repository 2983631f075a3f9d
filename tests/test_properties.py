"""Property tests (hypothesis) over arbitrary Unicode through the Python API.

For any text: no exception; for every item that carries a span, ``raw[x.start:x.end]`` is the item
as written (for quotes, the quoted content lies inside it); the same holds for the dict contract
and for ``process_batch``. Skipped when hypothesis is not installed.
"""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
copydesk = pytest.importorskip("copydesk")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

# Tokens that trigger the rules of every stage, plus hostile characters: NUL, lone CR, combining
# marks, RTL text and bidi controls, emoji sequences, mojibake, HTML entities.
TOKENS = [
    " ", " ", "\n", "\n\n", "\r", "\r\n", "\t", "\0", "\u00a0", "\u200b", "\u00ad", "\ufeff", "\u2028",
    '"', '"', "\u201c", "\u201d", "\u2018", "\u2019", "'", "\u00ab", "\u00bb", "(", ")", "[", "]", ",", ".", ":",
    "?", "\u2014", "-", "\u2026", "said", "told", "according to", "he", "she", "Mr.", "Dr.", "John", "Smith",
    "Jane", "Doe", "NATO", "UN", "U.S.", "Reuters", "LONDON (Reuters) -", "Moscow", "Russian", "the", "of", "$",
    "\u20ac", "\u00a3", "5", "1,000", "3.5", "billion", "million", "on", "Tuesday", "January", "2019", "By",
    "North Atlantic Treaty Organization", "&amp;", "&#8217;", "\u00c3\u00a9", "\u00e2\u20ac\u2122", "\u0301",
    "e\u0301", "\u05d0\u05d1", "\u0627\u0644", "\u202e", "\u200f", "\U0001F600",
    "\U0001F469\u200d\U0001F469\u200d\U0001F467", "\U0001F1EC\U0001F1E7", "\u4e2d\u6587", "\ufb01", "\U0010FFFF",
]

# Any code point except lone surrogates (Python str can hold them; they are tested in test_bad_input.py).
any_char = st.characters(exclude_categories=("Cs",))
texts = st.one_of(
    st.text(alphabet=any_char, max_size=300),
    st.lists(st.sampled_from(TOKENS), max_size=120).map("".join),
    st.tuples(
        st.lists(st.sampled_from(TOKENS), max_size=15).map("".join),
        st.lists(st.lists(st.sampled_from(TOKENS), max_size=40).map("".join), max_size=6),
    ).map(lambda hp: hp[0] + "\n\n" + "\n\n".join(hp[1])),
)

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _items(art):
    """(kind, item) for every span-bearing item of the object API."""
    for kind in ("blocks", "quotes", "entities", "money", "dates", "acronyms"):
        for x in getattr(art, kind, None) or []:
            yield kind, x


def check_article(raw: str, art) -> None:
    assert art.error is None
    n = len(raw)
    for kind, x in _items(art):
        assert 0 <= x.start <= x.end <= n, (kind, x.start, x.end, n)
        written = raw[x.start : x.end]
        if kind == "quotes":
            assert x.text in written, (kind, x.text, written)
        elif kind != "acronyms":
            assert written == x.text, (kind, written, x.text)
    d = art.to_dict()
    for key in ("dateline", "byline"):
        if d.get(key):
            assert raw[d[key]["start"] : d[key]["end"]] == d[key]["text"]
    for key in ("blocks", "entities", "money", "dates"):
        for x in d[key]:
            assert raw[x["start"] : x["end"]] == x["text"], (key, x)
    for q in d["quotes"]:
        assert q["text"] in raw[q["start"] : q["end"]]
        m = q.get("speaker_mention")
        if m:
            assert raw[m["start"] : m["end"]] == m["text"]
    for x in d["acronyms"]:
        assert 0 <= x["start"] <= x["end"] <= n


@SETTINGS
@given(texts)
def test_process_spans_point_into_raw(raw):
    check_article(raw, copydesk.process(raw))


@SETTINGS
@given(st.lists(texts, max_size=8))
def test_process_batch_spans_point_into_raw(raws):
    arts = copydesk.process_batch(raws, n_threads=2)
    assert len(arts) == len(raws)
    for raw, art in zip(raws, arts):
        check_article(raw, art)


@SETTINGS
@given(texts)
def test_to_json_round_trips(raw):
    import json

    art = copydesk.process(raw)
    assert json.loads(art.to_json()) == art.to_dict()


@SETTINGS
@given(texts)
def test_normalize_offsets_point_into_raw(raw):
    n = copydesk.normalize(raw)
    assert len(n) == len(n.text) and str(n) == n.text
    for _rule, s, e in n.fixes:
        assert 0 <= s <= e <= len(raw)
    # every position of the clean text maps into the raw text, in order
    prev = 0
    for i in range(len(n) + 1):
        s, e = n.to_original(i, i)
        assert prev <= s <= e <= len(raw)
        prev = s
    s, e = n.to_original(0, len(n))
    assert 0 <= s <= e <= len(raw)
    assert repr(n).endswith(f"raw_len={len(raw)})")

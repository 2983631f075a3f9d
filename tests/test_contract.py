"""The JSON contract: for every example, every span points into the raw input as written."""

from __future__ import annotations

import json

import pytest

import copydesk

BLOCK_KINDS = {"headline", "standfirst", "dateline", "byline", "paragraph", "subheading", "caption", "credit",
               "related", "boilerplate"}
LABELS = {"PERSON", "ORG", "LOC", "NORP", "EVENT", "MISC"}


def check_contract(raw: str, d: dict) -> None:
    def at(item: dict) -> str:
        assert 0 <= item["start"] <= item["end"] <= len(raw), item
        return raw[item["start"] : item["end"]]

    prev_end = 0
    for b in d["blocks"]:
        assert b["kind"] in BLOCK_KINDS
        assert at(b) == b["text"]
        assert b["start"] >= prev_end, "blocks sorted and non-overlapping"
        prev_end = b["end"]
    for q in d["quotes"]:
        assert q["kind"] in {"direct", "mixed", "indirect"}
        assert q["text"] in at(q)
        if q["speaker_mention"] is not None:
            assert at(q["speaker_mention"]) == q["speaker_mention"]["text"]
    for e in d["entities"]:
        assert e["label"] in LABELS
        assert at(e) == e["text"]
    for a in d["acronyms"]:
        assert a["source"] in {"text", "known"}
        assert at(a) == a["text"]
    for m in d["money"]:
        assert at(m) == m["text"]
        assert isinstance(m["value"], float | int) and len(m["currency"]) == 3
    for x in d["dates"]:
        assert at(x) == x["text"]
    for n in d["numbers"]:
        assert at(n) == n["text"]
        assert n["kind"] in {"number", "percent"} and isinstance(n["value"], float | int)
    names = [q["speaker"] for q in d["quotes"] if q["speaker"] is not None]
    assert [s["name"] for s in d["speakers"]] == list(dict.fromkeys(names))
    for s in d["speakers"]:
        assert s["direct"] + s["mixed"] + s["indirect"] == len(s["quotes"]) == names.count(s["name"])
        assert all(d["quotes"][i]["speaker"] == s["name"] for i in s["quotes"])
        if s["mention"] is not None:
            assert at(s["mention"]) == s["mention"]["text"]
    for key in ("dateline", "byline"):
        if d[key] is not None:
            assert at(d[key]) == d[key]["text"]
    if d["headline"] is not None:
        assert d["headline"] in raw


def test_every_example_honours_the_contract(example_texts: dict[str, str]) -> None:
    assert len(example_texts) >= 3
    counts = {"numbers": 0, "speakers": 0}
    for name, raw in example_texts.items():
        d = copydesk.process(raw, id=name).to_dict()
        check_contract(raw, d)
        assert json.loads(json.dumps(d)) == d
        for k in counts:
            counts[k] += len(d[k])
    assert counts["numbers"] > 0 and counts["speakers"] > 0, counts


@pytest.mark.parametrize(
    "raw",
    [
        "\u00a0\u00a0Title\u00a0here\r\n\r\nA\u200bB said \u201cthis is a quoted sentence with words\u201d.\r\n",
        "Headline\n\n\u00ab Bonjour tout le monde, ceci est une citation \u00bb, a dit Marie.\n\u00e9\u00e8\u00ea",
        "T\n\nEmoji \U0001f600 text \u201cquote with several words inside it,\u201d he said. $5 million in 2019.",
        "\ufeffBOM first\n\nLine\u2028separator and soft\u00adhyphen and \u0085 NEL.",
        "\U0001f4c8 Rates \u00e9t\u00e9\n\n\U0001f600 Inflation hit 4.5 per cent as 1,200 caf\u00e9s shut, "
        "\u201cwe cannot go on like this,\u201d said Ana L\u00f3pez, head of the caf\u00e9 association. "
        "Two-thirds agreed, L\u00f3pez said.",
    ],
)
def test_contract_on_tricky_unicode(raw: str) -> None:
    check_contract(raw, copydesk.process(raw).to_dict())

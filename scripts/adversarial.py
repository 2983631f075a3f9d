#!/usr/bin/env python3
"""Write the adversarial test set of issue 10 into a directory.

    python3 scripts/adversarial.py OUTDIR [--scale F] [--jsonl]

Each case is written as OUTDIR/NAME.txt (UTF-8), with OUTDIR/manifest.json listing name, what it
attacks and size. --scale multiplies every size (0.01 gives a quick small set). --jsonl also
writes OUTDIR/adversarial.jsonl with one row per case (ids = names) for `copydesk` and
`process_batch`. The sizes at --scale 1 are those the issue names: a 50 MB single-line document,
100,000 quote marks, 10,000 nested parentheses and brackets, a million one-word lines, 10,000
repetitions of "Mr. Mr. Mr.", binary garbage decoded as Latin-1, and inputs aimed at each rule of
the pipeline. Deterministic (fixed seed). The same kinds of input, scaled 1x/10x/100x, are built in
Rust by crates/copydesk/tests/common/adversarial.rs for the tests and the growth benchmark.

Run the CLI over the set (the exit code is 0; nothing may panic or be lost):

    python3 scripts/adversarial.py /tmp/adv
    /usr/bin/time -v target/release/copydesk /tmp/adv -o /tmp/adv.out.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def _latin1_garbage(n: int) -> str:
    rnd = random.Random(0x5EED)
    return bytes(rnd.getrandbits(8) for _ in range(n)).decode("latin-1")


def _token_soup(n: int) -> str:
    tokens = [
        '"', "\u201c", "\u201d", "'", "(", ")", " said ", " he ", "Mr. ", "Smith ", "NATO ", "(UN) ", "$5 ",
        "billion ", "on Tuesday ", "2019 ", "\n", "\n\n", "\r", ". ", ", ", "\u2014", "&amp;", "\u00c3\u00a9",
        "\u0301", "\U0001F600", "\0", "LONDON (Reuters) - ", "By Jane Doe ", "according to ",
    ]
    rnd = random.Random(42)
    return "".join(rnd.choice(tokens) for _ in range(n))


def _rtl_mixed(n: int) -> str:
    parts = ["\u05e9\u05dc\u05d5\u05dd ", "\u0645\u0631\u062d\u0628\u0627 ", "Hello ", "\u202e", "\u200f", "(", ")",
             '"', "\u4e2d\u6587 ", "\U0001F469\u200d\U0001F469\u200d\U0001F467 ", "said ", "\u0627\u0644 "]
    rnd = random.Random(7)
    return "".join(rnd.choice(parts) for _ in range(n))


# name -> (what it attacks, builder of the text at scale s)
CASES = {
    "single_line_50mb": (
        "one 50 MB line: a single paragraph and sentence run",
        lambda s: ("The minister said the plan would cost $5 billion in 2019 and " * int(800_000 * s)),
    ),
    "quote_marks_100k": ("100,000 quotation marks, straight and curly", lambda s: ('"\u201c\u201d\'' * int(25_000 * s))),
    "unbalanced_quotes": (
        "every paragraph of a whole article opens a quote that never closes",
        lambda s: "Headline\n\n" + ('"We will not stop here, the minister said and went on talking\n\n' * int(20_000 * s)),
    ),
    "nested_parens_10k": (
        "10,000 nested parentheses and brackets, and 10,000 unclosed",
        lambda s: "(" * int(10_000 * s) + "[" * int(10_000 * s) + "x" + "]" * int(10_000 * s) + ")" * int(10_000 * s)
        + " " + "(" * int(10_000 * s),
    ),
    "one_word_lines_1m": ("a million one-word lines", lambda s: "word\n" * int(1_000_000 * s)),
    "mr_mr_mr_10k": ('10,000 repetitions of "Mr. Mr. Mr."', lambda s: "Mr. Mr. Mr. " * int(10_000 * s)),
    "latin1_garbage": ("1 MB of binary garbage decoded as Latin-1", lambda s: _latin1_garbage(int(1_000_000 * s))),
    "caps_run": ("one sentence of all-caps words (acronym, dateline, headline rules)", lambda s: "ABC DEFG HI " * int(80_000 * s)),
    "capitalized_run": ("one sentence of capitalized words (name, entity rules)", lambda s: "John Smith Jane Doe " * int(50_000 * s)),
    "acronym_defs": (
        "acronym definitions back to back, then a long form that never ends",
        lambda s: "the North Atlantic Treaty Organization (NATO) and " * int(10_000 * s)
        + "North Atlantic " * int(10_000 * s) + "(NATO)",
    ),
    "long_word": ("one 1 MB word without spaces", lambda s: "a" * int(1_000_000 * s)),
    "numbers": (
        "digit groups, currency signs and open ranges",
        lambda s: "1,000," * int(60_000 * s) + "$" * int(60_000 * s) + "$5 to $" * int(60_000 * s),
    ),
    "dates": ("date expressions back to back", lambda s: "on Tuesday January 5, 2019 " * int(40_000 * s)),
    "html_entities": ("entities, broken entities and ampersands", lambda s: "&amp;&#8217;&#99999999999;&" * int(40_000 * s)),
    "mojibake": ("UTF-8 read as Windows-1252, repeated", lambda s: "\u00c3\u00a9\u00e2\u20ac\u2122" * int(200_000 * s)),
    "combining_marks": ("one base letter with 500,000 combining marks", lambda s: "e" + "\u0301" * int(500_000 * s)),
    "whitespace": (
        "runs of spaces, newlines, CRs and NULs",
        lambda s: " " * int(250_000 * s) + "\n" * int(250_000 * s) + "\r" * int(250_000 * s) + "\0" * int(250_000 * s),
    ),
    "said_chain": (
        "50,000 short quotes with a pronoun speaker (speaker resolution)",
        lambda s: "Jane Doe, the minister, spoke.\n\n" + '"Yes," she said. ' * int(50_000 * s),
    ),
    "pronoun_paragraphs": (
        "30,000 paragraphs of indirect speech by a pronoun",
        lambda s: "John Smith spoke.\n\n" + "He said that it was fine.\n\n" * int(30_000 * s),
    ),
    "dashes_periods": ("dashes, ellipses, periods and initials", lambda s: "\u2014\u2013 - ... A. B. C. " * int(50_000 * s)),
    "hyphen_breaks": ("words broken by hyphens at line ends", lambda s: "inter-\nnational " * int(70_000 * s)),
    "dateline_lines": ("dateline- and byline-like lines", lambda s: "LONDON (Reuters) - By John Smith and\n" * int(30_000 * s)),
    "rtl_emoji_mixed": ("RTL, bidi controls, CJK and emoji ZWJ sequences mixed", lambda s: _rtl_mixed(int(150_000 * s))),
    "token_soup": ("a random mix of every rule's triggers", lambda s: _token_soup(int(150_000 * s))),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size (default 1)")
    ap.add_argument("--jsonl", action="store_true", help="also write adversarial.jsonl, one row per case")
    ap.add_argument("--only", nargs="*", help="write only these cases")
    args = ap.parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    manifest = []
    jsonl = (args.outdir / "adversarial.jsonl").open("w", encoding="utf-8") if args.jsonl else None
    for name, (what, build) in CASES.items():
        if args.only and name not in args.only:
            continue
        text = build(args.scale)
        data = text.encode("utf-8")
        (args.outdir / f"{name}.txt").write_bytes(data)
        manifest.append({"name": name, "what": what, "bytes": len(data), "chars": len(text)})
        if jsonl:
            jsonl.write(json.dumps({"id": name, "text": text}) + "\n")
        print(f"{name:22} {len(data):>12,} bytes  {what}")
    if jsonl:
        jsonl.close()
    (args.outdir / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")


if __name__ == "__main__":
    main()

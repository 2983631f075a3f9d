#!/usr/bin/env python3
"""Make a larger JSON-lines corpus by repeating a smaller one.

    python3 benches/make_corpus.py SOURCE.jsonl OUT.jsonl --size 1G

Rows are copied in order, again and again, until OUT reaches --size bytes (suffixes K, M, G);
each copy's "id" gets a "#N" suffix so ids stay unique. Only "id", "text" and "published" are kept.
Streams: memory use does not grow with --size.
"""

from __future__ import annotations

import argparse
import json
import sys


def parse_size(s: str) -> int:
    s = s.strip().upper()
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(s[-1:], 1)
    return int(float(s[:-1] if s[-1:] in "KMG" else s) * mult)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source")
    ap.add_argument("out")
    ap.add_argument("--size", default="1G", help="target size, e.g. 100M or 1G (default 1G)")
    args = ap.parse_args()
    target = parse_size(args.size)
    rows = []
    with open(args.source, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            if isinstance(r.get("text"), str):
                rows.append(r)
    if not rows:
        sys.exit(f"{args.source}: no rows with a text")
    written = 0
    copy = 0
    n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        while written < target:
            for i, r in enumerate(rows):
                row = {"id": f"{r.get('id', i)}#{copy}", "text": r["text"]}
                if isinstance(r.get("published"), str):
                    row["published"] = r["published"]
                line = json.dumps(row, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                n += 1
                if written >= target:
                    break
            copy += 1
    print(f"{args.out}: {n:,} rows, {written / 1e6:,.1f} MB")


if __name__ == "__main__":
    main()

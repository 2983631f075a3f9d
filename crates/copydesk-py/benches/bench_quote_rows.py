"""The 1M-quote-rows figure of issue 8, and process_batch at 1 vs N threads, with CPU time
(a benchmark, not a test).

    python crates/copydesk-py/benches/bench_quote_rows.py [--corpus FILE.jsonl] [--threads 2]
        [--quote-rows 1000000] [--repeat 3]

1. process_batch over the corpus at 1 thread and at --threads threads: wall time (best of
   --repeat) and the process's CPU time (all threads) of that run, so that a loaded machine shows
   as wall time above CPU time rather than as a lost speed-up.
2. to_arrow straight from texts against process_batch (same corpus, same threads).
3. to_arrow over the corpus repeated until the quotes table has at least --quote-rows rows: time,
   peak memory, then that table into pyarrow, pandas and polars, checking that the offset columns
   are handed over without a copy (same buffer address).

The corpus is a JSON-lines file with a "text" field (default: the repository's examples/*.txt).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import copydesk

ROOT = Path(__file__).resolve().parents[3]


def load(path: str | None) -> list[str]:
    if path is None:
        return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def timed(f: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    """Best wall time of `repeat` runs, the CPU time (all threads) of that run, its result."""
    best = (float("inf"), 0.0, None)
    for _ in range(repeat):
        w, c = time.perf_counter(), time.process_time()
        out = f()
        w, c = time.perf_counter() - w, time.process_time() - c
        if w < best[0]:
            best = (w, c, out)
        del out
    return best


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def same_buffer(arrow_col: Any, numpy_arr: Any) -> bool:
    chunk = arrow_col.chunk(0)
    return bool(numpy_arr.__array_interface__["data"][0] == chunk.buffers()[1].address + chunk.offset * 8)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="JSON lines with a 'text' field (default: examples/*.txt)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--quote-rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    n = args.threads

    texts = load(args.corpus)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    print(f"corpus: {len(texts)} docs, {mb:.2f} MB ({args.corpus or 'examples/*.txt'}); cpus: {os.cpu_count()}, "
          f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    copydesk.process_batch(texts[:64], n_threads=n)  # build the pools, compile the regexes

    # 1. process_batch at 1 vs n threads.
    w1, c1, arts = timed(lambda: copydesk.process_batch(texts, n_threads=1), args.repeat)
    wn, cn, _ = timed(lambda: copydesk.process_batch(texts, n_threads=n), args.repeat)
    print("\nprocess_batch          wall      CPU   docs/s(wall)  MB/s(wall)  MB/s per CPU-second")
    for label, w, c in ((f"1 thread ", w1, c1), (f"{n} threads", wn, cn)):
        print(f"  {label:12} {w:8.3f}s {c:8.3f}s {len(texts) / w:12.0f} {mb / w:11.2f} {mb / c:12.2f}")
    print(f"  speed-up (wall) {w1 / wn:.2f}x; CPU used by the {n}-thread run: {cn / wn:.2f} cores on average; "
          f"CPU cost {cn / c1:.2f}x the 1-thread run's")

    # 2. to_arrow straight from texts vs process_batch (n threads).
    wa, ca, _ = timed(lambda: copydesk.to_arrow(texts, n_threads=n), args.repeat)
    print(f"\nto_arrow from texts ({n} threads): {wa:.3f}s wall, {ca:.3f}s CPU "
          f"({(wa / wn - 1) * 100:+.1f}% wall, {(ca / cn - 1) * 100:+.1f}% CPU vs process_batch)")

    # 3. >= quote-rows quote rows.
    per_corpus = sum(len(a.quotes) for a in arts)
    del arts
    if per_corpus == 0:
        print("the corpus has no quotes: skipping the quote-rows figure")
        return
    copies = -(-args.quote_rows // per_corpus)
    big = texts * copies
    big_mb = mb * copies
    rss0 = peak_rss_mb()
    w, c = time.perf_counter(), time.process_time()
    tables = copydesk.to_arrow(big, n_threads=n)
    w, c = time.perf_counter() - w, time.process_time() - c
    q = tables.quotes
    print(f"\nto_arrow of {len(big)} docs ({big_mb:.0f} MB, corpus x{copies}) -> {q.num_rows} quote rows, "
          f"{tables.entities.num_rows} entity rows, {tables.blocks.num_rows} block rows")
    print(f"  {w:.2f}s wall, {c:.2f}s CPU ({big_mb / w:.2f} MB/s, {q.num_rows / w:,.0f} quote rows/s); "
          f"peak RSS {peak_rss_mb():.0f} MB (before: {rss0:.0f} MB)")
    try:
        import pyarrow as pa
    except ImportError:
        print("  pyarrow not installed: no zero-copy check")
        return
    pa.table(copydesk.to_arrow([]).quotes)  # pyarrow loads its capsule machinery on first use (~0.7 s CPU)
    t = time.perf_counter()
    pq = pa.table(q)
    print(f"  pyarrow.table: {(time.perf_counter() - t) * 1000:.1f} ms, {pq.nbytes / 1e6:.0f} MB of buffers")
    offsets = ("doc_index", "quote_index", "start", "end")
    try:
        t = time.perf_counter()
        df = q.to_pandas()
        tp = time.perf_counter() - t
        shared = [c for c in offsets if same_buffer(pq.column(c), df[c].to_numpy())]
        print(f"  to_pandas: {tp * 1000:.0f} ms (strings become Python objects); "
              f"offset columns sharing the Arrow buffer: {len(shared)}/{len(offsets)} {shared}")
        del df
    except ImportError:
        print("  pandas not installed")
    try:
        import polars as pl

        t = time.perf_counter()
        pdf = pl.DataFrame(q)
        tl = time.perf_counter() - t
        shared = [c for c in offsets if same_buffer(pq.column(c), pdf[c].to_numpy())]
        print(f"  polars.DataFrame: {tl * 1000:.1f} ms; offset columns sharing the Arrow buffer: "
              f"{len(shared)}/{len(offsets)} {shared}")
    except ImportError:
        print("  polars not installed")


if __name__ == "__main__":
    main()

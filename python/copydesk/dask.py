"""Dask: process a Dask DataFrame column of article texts, partition by partition.

>>> tables = copydesk.dask.process(ddf, text_col="text", id_col="url")   # doctest: +SKIP
>>> quotes, entities = dask.compute(tables["quotes"], tables["entities"])  # doctest: +SKIP

``table(ddf, kind)`` is one ``map_partitions`` call that yields one result table. ``process``
gives every table from a single pass over the texts: each partition is processed once (a shared
task) and the tables are read from its result, so computing several tables together does the
work once. The ``Options`` object is pickled and shipped to the workers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from copydesk._dependencies import require
from copydesk.tables import KINDS

if TYPE_CHECKING:
    from copydesk._copydesk import Options

__all__ = ["process", "process_partition", "table"]


def _pick(tables: dict[str, Any], kind: str) -> Any:
    return tables[kind]


def process_partition(
    pdf: Any,
    text_col: str = "text",
    id_col: str | None = None,
    options: Options | None = None,
    n_threads: int = 1,
    kinds: tuple[str, ...] = KINDS,
) -> dict[str, Any]:
    """Process one pandas partition: a dict of pandas DataFrames by table name.

    ``doc_id`` is ``pdf[id_col]`` as a string, or the partition's index as a string when
    ``id_col`` is None. The partition-local ``doc_index`` column is dropped.
    """
    import copydesk

    texts = pdf[text_col]
    ids = pdf[id_col] if id_col is not None else pdf.index.to_series()
    ids = [None if v is None or v != v else str(v) for v in ids.tolist()]
    tables = copydesk.to_arrow(texts, ids=ids, options=options, n_threads=n_threads)
    return {k: tables[k].to_pandas().drop(columns=["doc_index"]) for k in kinds}


def _empty(kind: str) -> Any:
    """An empty pandas frame with the columns and dtypes of table ``kind`` (Dask's ``meta``)."""
    pd = require("pandas")
    return process_partition(pd.DataFrame({"text": pd.Series([], dtype=object)}), kinds=(kind,))[kind]


def _one(pdf: Any, kind: str, text_col: str, id_col: str | None, options: Options | None, n_threads: int) -> Any:
    return process_partition(pdf, text_col, id_col, options, n_threads, (kind,))[kind]


def table(
    ddf: Any,
    kind: str,
    text_col: str = "text",
    id_col: str | None = None,
    *,
    options: Options | None = None,
    n_threads: int = 1,
) -> Any:
    """One result table (``"documents"``, ``"quotes"``, ...) as a Dask DataFrame, by
    ``ddf.map_partitions``."""
    require("dask.dataframe")
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, got {kind!r}")
    return ddf.map_partitions(_one, kind, text_col, id_col, options, n_threads, meta=_empty(kind))


def process(
    ddf: Any,
    text_col: str = "text",
    id_col: str | None = None,
    *,
    options: Options | None = None,
    n_threads: int = 1,
    kinds: tuple[str, ...] = KINDS,
) -> dict[str, Any]:
    """Every result table of ``ddf[text_col]`` as Dask DataFrames, by name, keyed by ``doc_id``
    (``ddf[id_col]`` as a string, else the index as a string).

    Each partition is processed once per compute: compute the tables you need together
    (``dask.compute(t["quotes"], t["entities"])``) to share the work. ``n_threads`` is the
    Rust threads per partition task.
    """
    dd = require("dask.dataframe")
    dask = require("dask")
    for k in kinds:
        if k not in KINDS:
            raise ValueError(f"kinds must be among {KINDS}, got {k!r}")
    cols = [text_col] + ([id_col] if id_col is not None else [])
    parts = ddf[cols].to_delayed()
    done = [dask.delayed(process_partition)(p, text_col, id_col, options, n_threads, kinds) for p in parts]
    pick = dask.delayed(_pick, pure=True)
    return {k: dd.from_delayed([pick(d, k) for d in done], meta=_empty(k), verify_meta=False) for k in kinds}

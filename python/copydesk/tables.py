"""Long result tables, one per kind, keyed by ``doc_index`` and ``doc_id``.

``to_arrow`` builds them in Rust (from Articles, or straight from texts without making any
Python object per document) and hands them over through the Arrow PyCapsule interface, so
pyarrow, polars and pandas read them without copying.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copydesk import _copydesk
from copydesk._copydesk import ArrowTable
from copydesk._dependencies import require
from copydesk._progress import ProgressArg, length_of, progress_callback

if TYPE_CHECKING:
    from copydesk._copydesk import Options

#: The table names, in order.
KINDS = ("documents", "blocks", "quotes", "entities", "acronyms", "money", "dates", "numbers", "speakers")


class Tables(Mapping[str, ArrowTable]):
    """The result tables by name: ``documents``, ``blocks``, ``quotes``, ``entities``,
    ``acronyms``, ``money``, ``dates``, ``numbers`` (numbers and percentages outside money and
    dates) and ``speakers`` (one row per speaker per document, with counts by quote kind and
    ``quote_indices`` into the quotes table), also readable as attributes (``tables.quotes``).

    Each is an ``ArrowTable`` that ``pyarrow.table()``, ``polars.DataFrame()`` and the
    ``to_pyarrow()`` / ``to_pandas()`` / ``to_polars()`` methods take without copying.
    """

    def __init__(self, tables: Mapping[str, ArrowTable]) -> None:
        self._tables = dict(tables)

    def __getitem__(self, name: str) -> ArrowTable:
        return self._tables[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    def __getattr__(self, name: str) -> ArrowTable:
        try:
            return self.__dict__["_tables"][name]
        except KeyError:
            raise AttributeError(name) from None

    # Typed shortcuts for the common tables.
    @property
    def documents(self) -> ArrowTable:
        """One row per input document."""
        return self._tables["documents"]

    @property
    def quotes(self) -> ArrowTable:
        """One row per quotation."""
        return self._tables["quotes"]

    @property
    def entities(self) -> ArrowTable:
        """One row per entity mention."""
        return self._tables["entities"]

    @property
    def numbers(self) -> ArrowTable:
        """One row per number or percentage."""
        return self._tables["numbers"]

    @property
    def speakers(self) -> ArrowTable:
        """One row per speaker per document."""
        return self._tables["speakers"]

    def to_pyarrow(self) -> dict[str, Any]:
        """The tables as ``pyarrow.Table`` objects, by name."""
        return {k: t.to_pyarrow() for k, t in self._tables.items()}

    def to_pandas(self) -> dict[str, Any]:
        """The tables as ``pandas.DataFrame`` objects, by name (needs pandas and pyarrow)."""
        return {k: t.to_pandas() for k, t in self._tables.items()}

    def to_polars(self) -> dict[str, Any]:
        """The tables as ``polars.DataFrame`` objects, by name (needs polars)."""
        return {k: t.to_polars() for k, t in self._tables.items()}

    def write_parquet(self, directory: str | Path, **kwargs: Any) -> list[Path]:
        """Write one Parquet file per table (``<directory>/<name>.parquet``; needs pyarrow).

        Extra keyword arguments go to ``pyarrow.parquet.write_table``. Returns the paths written.
        """
        pq = require("pyarrow.parquet")
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for name, table in self._tables.items():
            path = out / f"{name}.parquet"
            pq.write_table(table.to_pyarrow(), path, **kwargs)
            paths.append(path)
        return paths

    def __repr__(self) -> str:
        rows = ", ".join(f"{k}={t.num_rows}" for k, t in self._tables.items())
        return f"Tables({rows})"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(k)}</td><td style='text-align:right'>{t.num_rows}</td>"
            f"<td>{html.escape(', '.join(t.column_names))}</td></tr>"
            for k, t in self._tables.items()
        )
        return (
            "<table><thead><tr><th>table</th><th>rows</th><th>columns</th></tr></thead>"
            f"<tbody>{rows}</tbody></table>"
        )


def to_arrow(
    data: Iterable[object],
    *,
    ids: Iterable[str | int | None] | None = None,
    published: str | Iterable[str | None] | None = None,
    options: Options | None = None,
    n_threads: int | None = None,
    progress: ProgressArg = None,
    include_text: bool = False,
) -> Tables:
    """Build the long tables for ``data``: Articles, or texts (any input ``process_batch`` takes).

    Texts are processed in Rust and go straight into Arrow columns, with no Python object per
    document. Every table has ``doc_index`` (position in ``data``) and ``doc_id`` (the id, else
    the position as a string); offsets are code points into the raw text, as everywhere.
    Bad rows appear in ``documents`` with ``error`` set.

    Args:
        ids: one id per row (overrides the Articles' own ids).
        published, options, n_threads, progress: as for ``process_batch`` (texts only).
        include_text: add the raw text to the documents table.

    Raises:
        TypeError, InputError, OptionsError: for bad arguments, as ``process_batch``.
    """
    with progress_callback(progress, length_of(data), "copydesk") as cb:
        tables = _copydesk.to_arrow(
            data,
            ids=ids,
            published=published,
            options=options,
            n_threads=n_threads,
            progress=cb,
            include_text=include_text,
        )
    return Tables(tables)

"""Batch processing: ``process_batch`` and the ``Batch`` list it returns."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from copydesk import _copydesk
from copydesk._progress import ProgressArg, length_of, progress_callback

if TYPE_CHECKING:
    from copydesk._copydesk import Article, Options
    from copydesk.tables import Tables


class Batch(list["Article"]):
    """A list of Articles from one ``process_batch`` call.

    It is a plain ``list`` with extras: a summary table in Jupyter, ``errors`` (the bad rows),
    and ``to_arrow()`` / ``to_pandas()`` / ``to_polars()`` for the long tables.
    """

    @property
    def errors(self) -> list[tuple[int, str]]:
        """``(row, message)`` for every row that could not be processed."""
        return [(i, a.error) for i, a in enumerate(self) if a.error is not None]

    def to_arrow(self, *, n_threads: int | None = None, include_text: bool = False) -> Tables:
        """The long tables of these articles (see ``copydesk.to_arrow``)."""
        from copydesk.tables import to_arrow

        return to_arrow(self, n_threads=n_threads, include_text=include_text)

    def to_pandas(self) -> dict[str, Any]:
        """The long tables as pandas DataFrames, by name (needs pandas and pyarrow)."""
        return self.to_arrow().to_pandas()

    def to_polars(self) -> dict[str, Any]:
        """The long tables as polars DataFrames, by name (needs polars)."""
        return self.to_arrow().to_polars()

    def _repr_html_(self) -> str:
        from copydesk.display import batch_html

        return batch_html(self)


def process_batch(
    texts: Iterable[object],
    *,
    ids: Iterable[str | int | None] | None = None,
    published: str | Iterable[str | None] | None = None,
    options: Options | None = None,
    n_threads: int | None = None,
    progress: ProgressArg = None,
) -> Batch:
    """Process many articles in parallel, with the GIL released.

    ``texts`` is a list, any iterable, a pandas or polars Series or a pyarrow array of str.
    Rows that are None, NaN, not a str or contain lone surrogates give an Article with ``.error``
    set: the result always has one Article per input row, in order.

    Args:
        ids: one id (str, int or None) per row.
        published: the publication date (ISO 8601) for all rows, or one per row.
        options: a ``copydesk.Options``; ``published`` overrides its date.
        n_threads: threads to use (default: ``COPYDESK_NUM_THREADS`` or all CPUs).
        progress: a callable called with the number of documents finished after each chunk
            (e.g. a tqdm bar's ``update``), or True for a tqdm bar when tqdm is installed.

    Bad rows never raise. Bad arguments do (``InputError`` and ``OptionsError`` are subclasses
    of ``copydesk.CopydeskError`` and of ``ValueError``):

    Raises:
        TypeError: ``texts`` is a single str, bytes, a mapping, a table (pass one column) or not
            iterable; ``ids``, ``published``, ``options``, ``n_threads`` or ``progress`` of the
            wrong type.
        InputError: ``ids`` or a per-row ``published`` of the wrong length; an id with lone
            surrogates.
        OptionsError: a bad ``published`` date for all rows; ``n_threads`` outside 1..1024.
    """
    with progress_callback(progress, length_of(texts), "copydesk") as cb:
        arts = _copydesk.process_batch(
            texts, ids=ids, published=published, options=options, n_threads=n_threads, progress=cb
        )
    return Batch(arts)

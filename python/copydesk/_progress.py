"""Progress reporting for batch calls: a callable, or True for a tqdm bar when tqdm is installed."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from copydesk._dependencies import optional

ProgressArg = bool | Callable[[int], Any] | None


@contextmanager
def progress_callback(progress: ProgressArg, total: int | None, desc: str) -> Iterator[Callable[[int], Any] | None]:
    """Turn a ``progress`` argument into a callable taking the number of documents just finished.

    ``True`` opens a tqdm bar (closed on exit); without tqdm it warns and reports nothing.
    ``False``/``None`` report nothing; a callable is used as it is.
    """
    if progress is None or progress is False:
        yield None
        return
    if progress is True:
        tqdm = optional("tqdm.auto")
        if tqdm is None:
            warnings.warn("progress=True needs tqdm (pip install tqdm); no progress is shown", stacklevel=4)
            yield None
            return
        bar = tqdm.tqdm(total=total, desc=desc, unit="doc")
        try:
            yield bar.update
        finally:
            bar.close()
        return
    if not callable(progress):
        raise TypeError(f"progress must be True, None or a callable taking an int, not {type(progress).__name__}")
    yield progress


def length_of(data: object) -> int | None:
    """The length of ``data`` if it has one (for a progress bar's total)."""
    try:
        return len(data)  # type: ignore[arg-type]
    except TypeError:
        return None

"""Lazy imports of optional packages, with an install hint when one is missing."""

from __future__ import annotations

import importlib
from types import ModuleType

_EXTRAS = {
    "pyarrow": "arrow",
    "pandas": "pandas",
    "polars": "polars",
    "tqdm": "progress",
    "pyspark": "spark",
    "dask": "dask",
}


def require(module: str) -> ModuleType:
    """Import ``module`` or raise ImportError saying how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        top = module.split(".")[0]
        extra = _EXTRAS.get(top)
        hint = f"pip install 'copydesk[{extra}]'" if extra else f"pip install {top}"
        raise ImportError(f"this feature needs {top}, which is not installed; install it with: {hint}") from e


def optional(module: str) -> ModuleType | None:
    """Import ``module``, or return None when it is not installed."""
    try:
        return importlib.import_module(module)
    except ImportError:
        return None

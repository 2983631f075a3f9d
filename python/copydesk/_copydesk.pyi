"""Type stubs for the compiled core of copydesk."""

from collections.abc import Callable, Iterable
from typing import Any, final

from typing_extensions import Self

__version__: str
__all__ = [
    "Acronym",
    "ArrowTable",
    "Article",
    "Block",
    "CopydeskError",
    "DateMention",
    "Entity",
    "InputError",
    "Mention",
    "Money",
    "NormalizedText",
    "NumberMention",
    "Options",
    "OptionsError",
    "Quote",
    "Speaker",
    "__version__",
    "normalize",
    "process",
    "process_batch",
    "process_html",
    "process_html_batch",
    "run_cli",
    "to_arrow",
]

class CopydeskError(Exception):
    """Base class of every error copydesk raises."""

class OptionsError(CopydeskError, ValueError):
    """An invalid option value (``published``, ``max_bytes``, ``unicode_form``, ``n_threads``)."""

class InputError(CopydeskError, ValueError):
    """Input of the right type that copydesk cannot read: lone surrogates in a text, id or url;
    a per-row argument whose length differs from the batch's; bad pickled state."""

@final
class Block:
    kind: str
    start: int
    end: int
    text: str
    rule: str
    def __new__(cls, kind: str, start: int, end: int, text: str, rule: str = ...) -> Self: ...
    def __reduce__(self) -> tuple[type[Block], tuple[str, int, int, str, str]]: ...

@final
class Mention:
    start: int
    end: int
    text: str
    def __new__(cls, start: int, end: int, text: str) -> Self: ...
    def __reduce__(self) -> tuple[type[Mention], tuple[int, int, str]]: ...

@final
class Quote:
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_mention: Mention | None
    cue: str | None
    def __new__(
        cls,
        start: int,
        end: int,
        text: str,
        kind: str,
        speaker: str | None = None,
        speaker_mention: Mention | None = None,
        cue: str | None = None,
    ) -> Self: ...
    def __reduce__(self) -> tuple[type[Quote], tuple[Any, ...]]: ...

@final
class Entity:
    start: int
    end: int
    text: str
    label: str
    canonical: str | None
    def __new__(cls, start: int, end: int, text: str, label: str, canonical: str | None = None) -> Self: ...
    def __reduce__(self) -> tuple[type[Entity], tuple[Any, ...]]: ...

@final
class Acronym:
    short: str
    long: str
    start: int
    end: int
    source: str
    def __new__(cls, short: str, long: str, start: int, end: int, source: str = ...) -> Self: ...
    def __reduce__(self) -> tuple[type[Acronym], tuple[Any, ...]]: ...

@final
class Money:
    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    currency: str
    def __new__(
        cls, start: int, end: int, text: str, value: float, currency: str, value_max: float | None = None
    ) -> Self: ...
    def __reduce__(self) -> tuple[type[Money], tuple[Any, ...]]: ...

@final
class DateMention:
    start: int
    end: int
    text: str
    value: str | None
    def __new__(cls, start: int, end: int, text: str, value: str | None = None) -> Self: ...
    def __reduce__(self) -> tuple[type[DateMention], tuple[Any, ...]]: ...

@final
class NumberMention:
    start: int
    end: int
    text: str
    value: float
    kind: str
    def __new__(cls, start: int, end: int, text: str, value: float, kind: str = ...) -> Self: ...
    def __reduce__(self) -> tuple[type[NumberMention], tuple[Any, ...]]: ...

@final
class Speaker:
    name: str
    title: str | None
    direct: int
    mixed: int
    indirect: int
    quotes: list[int]
    mention: Mention | None
    def __new__(
        cls,
        name: str,
        title: str | None = None,
        direct: int = 0,
        mixed: int = 0,
        indirect: int = 0,
        quotes: list[int] = ...,
        mention: Mention | None = None,
    ) -> Self: ...
    def __reduce__(self) -> tuple[type[Speaker], tuple[Any, ...]]: ...

@final
class Options:
    def __new__(
        cls,
        *,
        published: str | None = None,
        max_bytes: int | None = None,
        unicode_form: str = "nfc",
        fix_mojibake: bool = True,
        decode_html_entities: bool = True,
        fold_quotes: bool = True,
        fold_dashes: bool = False,
        fold_ellipsis: bool = False,
        join_hyphenated: bool = False,
        collapse_spaces: bool = True,
    ) -> Self: ...
    @property
    def published(self) -> str | None: ...
    @property
    def max_bytes(self) -> int: ...
    @property
    def unicode_form(self) -> str: ...
    @property
    def fix_mojibake(self) -> bool: ...
    @property
    def decode_html_entities(self) -> bool: ...
    @property
    def fold_quotes(self) -> bool: ...
    @property
    def fold_dashes(self) -> bool: ...
    @property
    def fold_ellipsis(self) -> bool: ...
    @property
    def join_hyphenated(self) -> bool: ...
    @property
    def collapse_spaces(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Options: ...
    def replace(self, **changes: Any) -> Options: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Options], tuple[dict[str, Any]]]: ...

@final
class Article:
    @property
    def id(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def headline(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def language(self) -> str | None: ...
    @property
    def body(self) -> str: ...
    @property
    def error(self) -> str | None: ...
    @property
    def truncated(self) -> bool: ...
    @property
    def dateline(self) -> dict[str, Any] | None: ...
    @property
    def byline(self) -> dict[str, Any] | None: ...
    @property
    def blocks(self) -> list[Block]: ...
    @property
    def quotes(self) -> list[Quote]: ...
    @property
    def entities(self) -> list[Entity]: ...
    @property
    def acronyms(self) -> list[Acronym]: ...
    @property
    def money(self) -> list[Money]: ...
    @property
    def dates(self) -> list[DateMention]: ...
    @property
    def numbers(self) -> list[NumberMention]: ...
    @property
    def speakers(self) -> list[Speaker]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    @classmethod
    def _from_state(cls, state: bytes) -> Article: ...
    def __reduce__(self) -> tuple[Callable[[bytes], Article], tuple[bytes]]: ...
    def _repr_html_(self) -> str: ...

@final
class ArrowTable:
    @property
    def name(self) -> str: ...
    @property
    def num_rows(self) -> int: ...
    @property
    def column_names(self) -> list[str]: ...
    def __len__(self) -> int: ...
    def __arrow_c_schema__(self) -> object: ...
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...
    def __arrow_c_array__(self, requested_schema: object | None = None) -> tuple[object, object]: ...
    def to_pyarrow(self) -> Any: ...
    def to_pandas(self) -> Any: ...
    def to_polars(self) -> Any: ...

def process(
    text: str, *, id: str | int | None = None, published: str | None = None, options: Options | None = None
) -> Article: ...
def process_batch(
    texts: Iterable[object],
    *,
    ids: Iterable[str | int | None] | None = None,
    published: str | Iterable[str | None] | None = None,
    options: Options | None = None,
    n_threads: int | None = None,
    progress: Callable[[int], object] | None = None,
) -> list[Article]: ...
def process_html(
    html: str | bytes,
    *,
    url: str | None = None,
    published: str | None = None,
    id: str | int | None = None,
    options: Options | None = None,
) -> Article: ...
def process_html_batch(
    htmls: Iterable[object],
    *,
    ids: Iterable[str | int | None] | None = None,
    urls: Iterable[str | None] | None = None,
    published: str | Iterable[str | None] | None = None,
    options: Options | None = None,
    n_threads: int | None = None,
    progress: Callable[[int], object] | None = None,
) -> list[Article]: ...
def to_arrow(
    data: Iterable[object],
    *,
    ids: Iterable[str | int | None] | None = None,
    published: str | Iterable[str | None] | None = None,
    options: Options | None = None,
    n_threads: int | None = None,
    progress: Callable[[int], object] | None = None,
    include_text: bool = False,
) -> dict[str, ArrowTable]: ...
def run_cli(args: list[str]) -> int: ...

@final
class NormalizedText:
    @property
    def text(self) -> str: ...
    @property
    def fixes(self) -> list[tuple[str, int, int]]: ...
    def to_original(self, start: int, end: int) -> tuple[int, int]: ...
    def __len__(self) -> int: ...

def normalize(text: str, **options: Any) -> NormalizedText: ...

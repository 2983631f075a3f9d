"""Type stubs for the compiled core of copydesk."""

from collections.abc import Iterable
from typing import Any, final

__version__: str

class CopydeskError(Exception): ...
class OptionsError(ValueError): ...
class InputError(ValueError): ...

@final
class Block:
    kind: str
    start: int
    end: int
    text: str
    rule: str

@final
class Mention:
    start: int
    end: int
    text: str

@final
class Quote:
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_mention: Mention | None
    cue: str | None

@final
class Entity:
    start: int
    end: int
    text: str
    label: str
    canonical: str | None

@final
class Acronym:
    short: str
    long: str
    start: int
    end: int
    source: str

@final
class Money:
    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    currency: str

@final
class DateMention:
    start: int
    end: int
    text: str
    value: str | None

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
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...

def process(text: str, *, id: str | None = None, published: str | None = None) -> Article: ...
def process_batch(
    texts: Iterable[str | None],
    *,
    ids: list[str | None] | None = None,
    published: str | None = None,
    n_threads: int | None = None,
) -> list[Article]: ...
def run_cli(args: list[str]) -> int: ...

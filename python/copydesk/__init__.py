"""copydesk: raw news text in, structured records out.

>>> import copydesk
>>> art = copydesk.process('Talks Stall\\n\\n"We are not there yet," Minister Jane Doe said.')
>>> art.headline
'Talks Stall'
>>> art.quotes[0].speaker
'Jane Doe'

Many articles at once, as tables:

>>> tables = copydesk.to_arrow(["Talks Stall\\n\\nThe talks stalled on Monday.", None])
>>> tables["documents"].num_rows
2

Errors: ``CopydeskError`` is the base class of everything copydesk raises; ``OptionsError`` (a bad
option value) and ``InputError`` (a text, id or url copydesk cannot read, such as one with lone
surrogates) subclass both it and ``ValueError``. Arguments of the wrong type raise ``TypeError``.
In ``process_batch`` and ``to_arrow`` a bad row never raises: its Article (or documents row) has
``error`` set and every other row is kept.
"""

from copydesk._copydesk import (
    Acronym,
    Article,
    ArrowTable,
    Block,
    CopydeskError,
    DateMention,
    Entity,
    InputError,
    Mention,
    Money,
    NormalizedText,
    NumberMention,
    Options,
    OptionsError,
    Quote,
    Speaker,
    __version__,
    normalize,
    process,
)
from copydesk._copydesk import process_html, process_html_batch
from copydesk.batch import Batch, process_batch
from copydesk.tables import Tables, to_arrow

__all__ = [
    "Acronym",
    "Article",
    "ArrowTable",
    "Batch",
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
    "Tables",
    "__version__",
    "normalize",
    "process",
    "process_batch",
    "process_html",
    "process_html_batch",
    "to_arrow",
]

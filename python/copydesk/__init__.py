"""copydesk: raw news text in, structured records out.

>>> import copydesk
>>> art = copydesk.process('Talks Stall\\n\\n"We are not there yet," Minister Jane Doe said.')
>>> art.headline
'Talks Stall'
>>> art.quotes[0].speaker
'Jane Doe'
"""

from copydesk._copydesk import (
    Acronym,
    Article,
    Block,
    CopydeskError,
    DateMention,
    Entity,
    InputError,
    Mention,
    Money,
    OptionsError,
    Quote,
    __version__,
    process,
    process_batch,
)

__all__ = [
    "Acronym",
    "Article",
    "Block",
    "CopydeskError",
    "DateMention",
    "Entity",
    "InputError",
    "Mention",
    "Money",
    "OptionsError",
    "Quote",
    "__version__",
    "process",
    "process_batch",
]

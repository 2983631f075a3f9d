"""Pickling and deep copies of Options, Article and every item class (STYLE.md #10)."""

from __future__ import annotations

import copy
import multiprocessing
import pickle

import pytest

import copydesk

RAW = (
    "Minister Warns of \u20ac5 Billion Cuts\n\nLONDON (Copydesk Wire) \u2014 \u201cWe will cut spending by "
    "\u20ac5 billion this year,\u201d Finance Minister Jane Doe said on 4 March 2025. The World Health "
    "Organization (WHO) agreed."
)


def _roundtrips(obj: object) -> None:
    for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(obj, protocol=proto))
        assert type(back) is type(obj)
        assert back == obj
    assert copy.deepcopy(obj) == obj
    assert copy.copy(obj) == obj


def test_options_pickle_and_compare() -> None:
    opts = copydesk.Options(published="2020-01-31", max_bytes=1000, unicode_form="nfkc", fold_dashes=True)
    _roundtrips(opts)
    assert opts != copydesk.Options()
    assert copydesk.Options(**opts.to_dict()) == opts
    assert opts.replace(published=None).published is None
    assert "fold_dashes=True" in repr(opts) and repr(copydesk.Options()) == "Options()"


def test_options_reject_bad_values() -> None:
    with pytest.raises(copydesk.OptionsError, match="published"):
        copydesk.Options(published="soon")
    with pytest.raises(copydesk.OptionsError, match="max_bytes"):
        copydesk.Options(max_bytes=0)
    with pytest.raises(copydesk.OptionsError, match="unicode_form"):
        copydesk.Options(unicode_form="nfd")
    with pytest.raises(TypeError):
        copydesk.Options("2020-01-01")  # type: ignore[misc]


def test_article_and_items_pickle() -> None:
    art = copydesk.process(RAW, id="a1", published="2025-03-04")
    _roundtrips(art)
    back = pickle.loads(pickle.dumps(art))
    assert back.to_json() == art.to_json()
    assert back.quotes == art.quotes and back.text == art.text
    assert back.numbers == art.numbers and back.speakers == art.speakers
    for items in (art.blocks, art.quotes, art.entities, art.acronyms, art.money, art.dates, art.numbers,
                  art.speakers):
        for item in items:
            _roundtrips(item)
    mentions = [q.speaker_mention for q in art.quotes if q.speaker_mention is not None]
    for m in mentions:
        _roundtrips(m)


def test_items_can_be_built_by_hand() -> None:
    _roundtrips(copydesk.Block("paragraph", 0, 4, "Text", "rule"))
    _roundtrips(copydesk.Quote(0, 5, "hi", "direct", "Jane Doe", copydesk.Mention(6, 10, "Jane"), "said"))
    _roundtrips(copydesk.Entity(0, 3, "WHO", "ORG"))
    _roundtrips(copydesk.Acronym("WHO", "World Health Organization", 0, 25))
    _roundtrips(copydesk.NumberMention(0, 3, "4.5", 4.5, "percent"))
    _roundtrips(copydesk.Speaker("Jane Doe", "Finance Minister", 2, 0, 1, [0, 1, 3], copydesk.Mention(6, 14, "Jane Doe")))
    _roundtrips(copydesk.Speaker("Jane Doe"))
    _roundtrips(copydesk.Money(0, 3, "$5", 5.0, "USD", value_max=6.0))
    _roundtrips(copydesk.DateMention(0, 4, "2019", "2019"))


def test_error_article_pickles() -> None:
    bad = copydesk.process_batch([None])[0]
    _roundtrips(bad)
    assert pickle.loads(pickle.dumps(bad)).error == bad.error


def _work(args: tuple[str, copydesk.Options]) -> copydesk.Article:
    text, opts = args
    return copydesk.process(text, options=opts)


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_multiprocessing_pool_ships_options_and_articles(method: str) -> None:
    if method not in multiprocessing.get_all_start_methods():
        pytest.skip(f"no {method} start method")
    opts = copydesk.Options(published="2025-03-04")
    copydesk.process_batch([RAW] * 8, n_threads=2)  # the pool exists before the fork
    with multiprocessing.get_context(method).Pool(2) as pool:
        arts = pool.map(_work, [(RAW, opts)] * 4)
    expected = copydesk.process(RAW, options=opts)
    assert all(a == expected for a in arts)


def test_amounts_come_back_exactly() -> None:
    # values whose float needs all 17 digits to come back the same
    art = copydesk.process("Deal Done\n\nIt was worth $4.06 trillion, or 4.1bn rupees, at 138p a share, and $1.07bn more.")
    assert len(art.money) >= 3
    _roundtrips(art)
    assert pickle.loads(pickle.dumps(art)).to_dict() == art.to_dict()

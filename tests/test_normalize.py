"""copydesk.normalize (issue 4): clean text, offsets back to the raw text, fixes, options."""

from __future__ import annotations

import pytest

import copydesk


def test_cleans_and_maps_back() -> None:
    raw = "Kelin\u00a0said \u201cno\u201d &amp; caf\u00c3\u00a9\u200b.\r\nNext"
    n = copydesk.normalize(raw)
    assert n.text == 'Kelin said "no" & café.\nNext'
    start = n.text.index('"')
    end = n.text.rindex('"') + 1
    s, e = n.to_original(start, end)
    assert raw[s:e] == "\u201cno\u201d"
    i = n.text.index("é")
    s, e = n.to_original(i, i + 1)
    assert raw[s:e] == "\u00c3\u00a9"
    assert n.to_original(0, len(n.text)) == (0, len(raw))
    assert len(n) == len(n.text) and str(n) == n.text


def test_fixes_are_code_point_spans_of_the_raw_text() -> None:
    raw = "\u00e9t\u00e9 \u2014 l\u2019\u00c3\u00a9t\u00e9"
    n = copydesk.normalize(raw)
    rules = {rule for rule, _, _ in n.fixes}
    assert {"quote", "mojibake"} <= rules
    for rule, s, e in n.fixes:
        assert 0 <= s <= e <= len(raw)
        if rule == "mojibake":
            assert raw[s:e] == "\u00c3\u00a9"


def test_clean_text_is_untouched() -> None:
    raw = "The minister said on Monday that talks would resume."
    n = copydesk.normalize(raw)
    assert n.text == raw and n.fixes == []


def test_options() -> None:
    raw = "\u201cWait\u2026\u201d \u2014 antici-\npation"
    n = copydesk.normalize(raw, fold_quotes=False, fold_dashes=True, fold_ellipsis=True, join_hyphenated=True)
    assert n.text == "\u201cWait...\u201d - anticipation"
    assert copydesk.normalize("\ufb01ne", unicode_form="nfkc").text == "fine"
    assert copydesk.normalize("a  b", collapse_spaces=False).text == "a  b"
    assert copydesk.normalize("e\u0301", unicode_form="none").text == "e\u0301"
    assert copydesk.normalize("e\u0301").text == "\u00e9"


@pytest.mark.parametrize(
    ("kwargs", "exc"),
    [
        ({"unicode_form": "nfd"}, copydesk.OptionsError),
        ({"unicode_form": 3}, TypeError),
        ({"fold_quotes": "yes"}, TypeError),
        ({"fold_quotes": 1}, TypeError),
        ({"no_such_option": True}, TypeError),
    ],
)
def test_bad_options(kwargs: dict[str, object], exc: type[Exception]) -> None:
    with pytest.raises(exc):
        copydesk.normalize("text", **kwargs)


def test_bad_input_and_offsets() -> None:
    with pytest.raises(TypeError):
        copydesk.normalize(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        copydesk.normalize(None)  # type: ignore[arg-type]
    n = copydesk.normalize("abc")
    with pytest.raises(IndexError):
        n.to_original(2, 1)
    with pytest.raises(IndexError):
        n.to_original(0, 4)
    with pytest.raises(IndexError):
        n.to_original(-1, 1)


def test_is_frozen() -> None:
    n = copydesk.normalize("x")
    with pytest.raises(AttributeError):
        n.text = "y"  # type: ignore[misc]
    assert isinstance(n, copydesk.NormalizedText)


def test_offsets_of_non_ascii_text_in_any_order() -> None:
    # the code-point indexes are built on first use: ask in every order
    raw = "caf\u00c3\u00a9 \U0001F600 \u201cok\u201d &amp; na\u00efve"
    for order in ("len", "fixes", "to_original", "repr"):
        n = copydesk.normalize(raw)
        if order == "fixes":
            assert n.fixes
        if order == "repr":
            assert f"raw_len={len(raw)}" in repr(n)
        i = n.text.index("\u00e9")
        assert raw[slice(*n.to_original(i, i + 1))] == "\u00c3\u00a9"
        j = n.text.index("\U0001F600")
        assert raw[slice(*n.to_original(j, j + 1))] == "\U0001F600"
        assert len(n) == len(n.text)
        assert n.to_original(0, len(n)) == (0, len(raw))

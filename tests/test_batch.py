"""process_batch: inputs of every shape, bad rows, per-row dates, options, threads, progress, fork safety."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys

import pytest

import copydesk

TEXT = 'Talks Stall\n\n"We are not there yet," Minister Jane Doe said on Tuesday.'


def _texts(example_texts: dict[str, str]) -> list[str]:
    return list(example_texts.values())


def test_list_and_generator_give_the_same_result(example_texts: dict[str, str]) -> None:
    texts = _texts(example_texts)
    a = copydesk.process_batch(texts)
    b = copydesk.process_batch(t for t in texts)
    assert [x.to_json() for x in a] == [x.to_json() for x in b]
    assert [x.to_json() for x in a] == [copydesk.process(t).to_json() for t in texts]
    assert isinstance(a, list) and isinstance(a, copydesk.Batch)


def test_bad_rows_are_kept_with_an_error() -> None:
    rows = [TEXT, None, 3.5, float("nan"), b"bytes", "bad \ud800", TEXT]
    arts = copydesk.process_batch(rows)
    assert len(arts) == len(rows)
    errors = [a.error for a in arts]
    assert errors[0] is None and errors[-1] is None
    assert "None" in (errors[1] or "") and "row 1" in (errors[1] or "")
    assert "float" in (errors[2] or "")
    assert "NaN" in (errors[3] or "")
    assert "bytes" in (errors[4] or "")
    assert "surrogate" in (errors[5] or "")
    assert arts.errors == [(i, errors[i]) for i in range(1, 6)]
    assert arts[1].quotes == [] and arts[1].blocks == []


def test_bad_arguments_raise_clear_errors() -> None:
    with pytest.raises(TypeError, match="single str"):
        copydesk.process_batch(TEXT)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="int"):
        copydesk.process_batch(42)  # type: ignore[arg-type]
    with pytest.raises(copydesk.InputError, match="ids has 1 items"):
        copydesk.process_batch([TEXT, TEXT], ids=["a"])
    with pytest.raises(copydesk.OptionsError, match="published"):
        copydesk.process_batch([TEXT], published="last week")
    with pytest.raises(copydesk.OptionsError, match="n_threads"):
        copydesk.process_batch([TEXT], n_threads=0)
    with pytest.raises(TypeError, match="Options"):
        copydesk.process_batch([TEXT], options={"published": "2020-01-01"})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="progress"):
        copydesk.process_batch([TEXT], progress=3)  # type: ignore[arg-type]


def test_ids_accept_ints_and_series_like() -> None:
    arts = copydesk.process_batch([TEXT, TEXT], ids=[7, None])
    assert [a.id for a in arts] == ["7", None]


def test_published_for_all_rows_or_per_row() -> None:
    text = "Budget Vote\n\nThe council voted on Tuesday to approve the budget."
    one = copydesk.process_batch([text, text], published="2021-03-04")
    assert [a.published for a in one] == ["2021-03-04", "2021-03-04"]
    per_row = copydesk.process_batch([text, text, text], published=["2020-01-02", None, "not a date"])
    assert per_row[0].published == "2020-01-02"
    assert per_row[1].error is None
    assert per_row[2].error is not None and "published" in per_row[2].error
    assert per_row[0].to_json() == copydesk.process(text, published="2020-01-02").to_json()


def test_options_object_applies_and_published_overrides_it() -> None:
    opts = copydesk.Options(published="2019-05-06", max_bytes=20)
    a = copydesk.process_batch([TEXT], options=opts)[0]
    assert a.published == "2019-05-06" and a.truncated and len(a.text.encode()) <= 20
    b = copydesk.process_batch([TEXT], options=opts, published="2018-01-01")[0]
    assert b.published == "2018-01-01"
    assert copydesk.process(TEXT, options=opts).to_json() == a.to_json()


def test_thread_counts_give_identical_results(example_texts: dict[str, str]) -> None:
    texts = _texts(example_texts) * 20
    one = [a.to_json() for a in copydesk.process_batch(texts, n_threads=1)]
    two = [a.to_json() for a in copydesk.process_batch(texts, n_threads=2)]
    again = [a.to_json() for a in copydesk.process_batch(texts, n_threads=2)]
    assert one == two == again


def test_progress_callable_counts_every_row() -> None:
    seen: list[int] = []
    arts = copydesk.process_batch([TEXT] * 700, progress=seen.append, n_threads=2)
    assert len(arts) == 700
    assert sum(seen) == 700 and len(seen) >= 2


def test_progress_exception_propagates() -> None:
    def boom(n: int) -> None:
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError, match="stop"):
        copydesk.process_batch([TEXT] * 10, progress=boom)


def test_progress_true_uses_tqdm_when_installed() -> None:
    pytest.importorskip("tqdm")
    arts = copydesk.process_batch([TEXT] * 3, progress=True)
    assert len(arts) == 3


def test_pandas_series_input() -> None:
    pd = pytest.importorskip("pandas")
    s = pd.Series([TEXT, None, TEXT])
    arts = copydesk.process_batch(s, ids=pd.Series(["a", "b", "c"]))
    assert [a.id for a in arts] == ["a", "b", "c"]
    assert arts[1].error is not None and arts[0].headline == "Talks Stall"


def test_polars_series_input() -> None:
    pl = pytest.importorskip("polars")
    arts = copydesk.process_batch(pl.Series([TEXT, None]))
    assert arts[0].headline == "Talks Stall" and arts[1].error is not None


def test_pyarrow_array_input() -> None:
    pa = pytest.importorskip("pyarrow")
    arts = copydesk.process_batch(pa.array([TEXT, None]))
    assert arts[0].headline == "Talks Stall" and arts[1].error is not None
    chunked = copydesk.process_batch(pa.chunked_array([[TEXT], [TEXT]]))
    assert len(chunked) == 2 and chunked[1].error is None


def _square_after_batch(x: int) -> int:
    return len(copydesk.process_batch([TEXT] * 3, n_threads=2)) * x


@pytest.mark.skipif(sys.platform == "win32", reason="fork start method")
def test_fork_after_parallel_batch_does_not_hang() -> None:
    copydesk.process_batch([TEXT] * 50, n_threads=2)
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        assert pool.map(_square_after_batch, [1, 2, 3], chunksize=1) == [3, 6, 9]


def test_parallelism_env_switch() -> None:
    code = "import copydesk; print(len(copydesk.process_batch(['a b c'] * 20, n_threads=4)))"
    env = dict(os.environ, COPYDESK_PARALLELISM="false", COPYDESK_NUM_THREADS="3")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "20"

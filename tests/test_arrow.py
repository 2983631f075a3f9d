"""to_arrow: one long table per kind, keyed by doc_id, exported through the Arrow PyCapsule interface."""

from __future__ import annotations

import pytest

import copydesk

KINDS = ["documents", "blocks", "quotes", "entities", "acronyms", "money", "dates", "numbers", "speakers"]
RAW = (
    "Caf\u00e9 Owners Win \u20ac5 Million Deal\n\n"
    "PARIS (Copydesk Wire) \u2014 \u201cWe are close to a deal on the \u20ac5 million budget,\u201d "
    "Minister Ana Lopes said on Tuesday, 4 March 2025. The European Union (EU) agreed."
)


def test_tables_cover_every_kind_and_every_row(example_texts: dict[str, str]) -> None:
    texts = [*example_texts.values(), None, RAW]
    tables = copydesk.to_arrow(texts, ids=[f"d{i}" for i in range(len(texts))])
    assert list(tables) == KINDS
    docs = tables.documents
    assert docs.num_rows == len(texts) == len(docs)
    arts = copydesk.process_batch(texts)
    assert tables.quotes.num_rows == sum(len(a.quotes) for a in arts)
    assert tables["entities"].num_rows == sum(len(a.entities) for a in arts)
    assert tables.blocks.num_rows == sum(len(a.blocks) for a in arts)
    assert tables.numbers.num_rows == sum(len(a.numbers) for a in arts)
    assert tables.speakers.num_rows == sum(len(a.speakers) for a in arts)
    for t in tables.values():
        assert t.column_names[:2] == ["doc_index", "doc_id"]


def test_no_python_objects_needed_from_articles_or_texts_same_tables(example_texts: dict[str, str]) -> None:
    pa = pytest.importorskip("pyarrow")
    texts = list(example_texts.values())
    from_texts = copydesk.to_arrow(texts).to_pyarrow()
    from_articles = copydesk.to_arrow(copydesk.process_batch(texts)).to_pyarrow()
    for k in KINDS:
        assert from_texts[k].equals(from_articles[k]), k
    assert isinstance(from_texts["quotes"], pa.Table)


def test_pyarrow_reads_capsules_with_signed_ints_and_code_points() -> None:
    pa = pytest.importorskip("pyarrow")
    art = copydesk.process(RAW, id="x")
    tables = copydesk.to_arrow([art])
    quotes = pa.table(tables.quotes)
    assert quotes.num_rows == len(art.quotes) >= 1
    for field in quotes.schema:
        assert not pa.types.is_unsigned_integer(field.type), field
    row = quotes.to_pylist()[0]
    q = art.quotes[0]
    assert (row["start"], row["end"], row["text"], row["speaker"]) == (q.start, q.end, q.text, q.speaker)
    assert RAW[row["start"]] == "\u201c"
    money = pa.table(tables["money"]).to_pylist()
    for m in money:
        assert RAW[m["start"] : m["end"]] == m["text"]
    docs = pa.table(tables.documents).to_pylist()
    assert docs[0]["doc_id"] == "x" and docs[0]["headline"] == art.headline
    # The capsule protocol can be read more than once, and as a record batch.
    assert pa.table(tables.quotes).equals(quotes)
    batch = pa.record_batch(tables.quotes)
    assert batch.num_rows == quotes.num_rows
    schema = pa.schema(tables.quotes)
    assert schema.names == quotes.schema.names


def test_doc_id_defaults_to_position_and_errors_are_rows() -> None:
    pa = pytest.importorskip("pyarrow")
    docs = pa.table(copydesk.to_arrow([RAW, None, 12]).documents).to_pylist()
    assert [d["doc_id"] for d in docs] == ["0", "1", "2"]
    assert docs[0]["error"] is None and "None" in docs[1]["error"] and "int" in docs[2]["error"]


def test_empty_input_gives_empty_tables_with_schemas() -> None:
    tables = copydesk.to_arrow([])
    assert all(t.num_rows == 0 for t in tables.values())
    assert "speaker" in tables.quotes.column_names


def test_include_text_and_progress() -> None:
    seen: list[int] = []
    tables = copydesk.to_arrow([RAW, RAW], include_text=True, progress=seen.append)
    assert "text" in tables.documents.column_names and sum(seen) == 2
    assert "text" not in copydesk.to_arrow([RAW]).documents.column_names


def test_pandas_without_copying_offsets() -> None:
    pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    tables = copydesk.to_arrow([RAW] * 50)
    table = pa.table(tables.quotes)
    df = tables.quotes.to_pandas()
    assert list(df.columns) == table.column_names
    start = table.column("start").chunk(0)
    assert df["start"].to_numpy().__array_interface__["data"][0] == start.buffers()[1].address
    assert tables.to_pandas()["entities"].shape[0] == tables.entities.num_rows


def test_polars_reads_capsules() -> None:
    pl = pytest.importorskip("polars")
    tables = copydesk.to_arrow([RAW, RAW], ids=["a", "b"])
    df = pl.DataFrame(tables.quotes)
    assert df.height == tables.quotes.num_rows
    assert df.schema["start"] == pl.Int64
    assert tables.quotes.to_polars().equals(df)
    assert set(tables.to_polars()) == set(KINDS)


def test_write_parquet(tmp_path) -> None:  # type: ignore[no-untyped-def]
    pq = pytest.importorskip("pyarrow.parquet")
    paths = copydesk.to_arrow([RAW]).write_parquet(tmp_path)
    assert sorted(p.name for p in paths) == sorted(f"{k}.parquet" for k in KINDS)
    assert pq.read_table(tmp_path / "quotes.parquet").num_rows >= 1


def test_batch_helpers() -> None:
    pytest.importorskip("pyarrow")
    batch = copydesk.process_batch([RAW, None])
    assert batch.to_arrow().documents.num_rows == 2


def test_numbers_and_speakers_tables_match_the_articles(example_texts: dict[str, str]) -> None:
    pytest.importorskip("pyarrow")
    texts = [*example_texts.values(), RAW]
    arts = copydesk.process_batch(texts)
    tables = copydesk.to_arrow(arts).to_pyarrow()
    numbers = tables["numbers"].to_pylist()
    assert numbers, "the examples mention numbers"
    expected = [(i, n.start, n.end, n.text, n.value, n.kind) for i, a in enumerate(arts) for n in a.numbers]
    assert [(r["doc_index"], r["start"], r["end"], r["text"], r["value"], r["kind"]) for r in numbers] == expected
    for r in numbers:
        assert texts[r["doc_index"]][r["start"] : r["end"]] == r["text"]
        assert r["kind"] in {"number", "percent"}
    speakers = tables["speakers"].to_pylist()
    assert speakers, "the examples quote people"
    quotes = tables["quotes"].to_pylist()
    by_key = {(q["doc_index"], q["quote_index"]): q for q in quotes}
    for r in speakers:
        a = arts[r["doc_index"]]
        s = a.speakers[r["speaker_index"]]
        assert (r["name"], r["title"], r["direct"], r["mixed"], r["indirect"]) == (
            s.name, s.title, s.direct, s.mixed, s.indirect)
        assert r["quote_indices"] == s.quotes
        assert len(r["quote_indices"]) == r["direct"] + r["mixed"] + r["indirect"]
        assert all(by_key[(r["doc_index"], qi)]["speaker"] == r["name"] for qi in r["quote_indices"])
        if r["mention_start"] is not None:
            assert texts[r["doc_index"]][r["mention_start"] : r["mention_end"]] == r["mention_text"]


def test_every_span_column_points_into_the_raw_text(example_texts: dict[str, str]) -> None:
    pytest.importorskip("pyarrow")
    texts = [*example_texts.values(), RAW]
    tables = copydesk.to_arrow(texts).to_pyarrow()
    checked = 0
    for kind in ("blocks", "entities", "acronyms", "money", "dates", "numbers"):
        for r in tables[kind].to_pylist():
            assert texts[r["doc_index"]][r["start"] : r["end"]] == r["text"], (kind, r)
            checked += 1
    for r in tables["quotes"].to_pylist():
        assert r["text"] in texts[r["doc_index"]][r["start"] : r["end"]]
        if r["speaker_start"] is not None:
            assert texts[r["doc_index"]][r["speaker_start"] : r["speaker_end"]] == r["speaker_text"]
    for r in tables["documents"].to_pylist():
        if r["dateline_start"] is not None:
            assert texts[r["doc_index"]][r["dateline_start"] : r["dateline_end"]] == r["dateline"]
    assert checked > 100

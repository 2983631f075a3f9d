"""Spark (mapInArrow) and Dask (map_partitions) engines over a few hundred articles.

Skipped when pyspark/dask (or Java for Spark) are missing. The articles are the repository's
examples with varied ids, dates and filler paragraphs, so no external data is needed.
"""

from __future__ import annotations

import os
import shutil
import sys

import pytest

import copydesk

N = 300


@pytest.fixture(scope="module")
def corpus(example_texts: dict[str, str]) -> list[tuple[str, str]]:
    base = list(example_texts.values())
    rows = []
    for i in range(N):
        text = base[i % len(base)]
        if i % 3 == 1:
            text += f"\n\nOfficials said {i} people attended the meeting on Tuesday."
        rows.append((f"doc-{i}", text))
    return rows


def _expected(corpus: list[tuple[str, str]]) -> dict[str, int]:
    tables = copydesk.to_arrow([t for _, t in corpus], ids=[i for i, _ in corpus])
    return {k: t.num_rows for k, t in tables.items()}


def test_dask_process_and_table(corpus: list[tuple[str, str]]) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    dask = pytest.importorskip("dask")
    import copydesk.dask as cdask

    pdf = pd.DataFrame({"id": [i for i, _ in corpus], "text": [t for _, t in corpus]})
    ddf = dd.from_pandas(pdf, npartitions=4)
    opts = copydesk.Options(published="2024-03-14")
    tables = cdask.process(ddf, "text", "id", options=opts)
    quotes, docs = dask.compute(tables["quotes"], tables["documents"])
    expected = _expected(corpus)
    assert len(docs) == N and len(quotes) == expected["quotes"]
    assert set(docs["doc_id"]) == set(pdf["id"]) and (docs["published"] == "2024-03-14").all()
    assert "doc_index" not in quotes.columns
    ents = cdask.table(ddf, "entities", "text", "id").compute()
    assert len(ents) == expected["entities"]


def test_dask_distributed_local_cluster(corpus: list[tuple[str, str]]) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    import copydesk.dask as cdask

    pdf = pd.DataFrame({"text": [t for _, t in corpus]})
    ddf = dd.from_pandas(pdf, npartitions=3)
    copydesk.process_batch(pdf["text"][:10], n_threads=2)  # a pool exists before workers start
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster):
            docs = cdask.process(ddf, options=copydesk.Options(max_bytes=100_000))["documents"].compute()
    assert len(docs) == N and docs["error"].isna().all()
    assert sorted(docs["doc_id"].astype(int)) == list(range(N))


@pytest.fixture(scope="module")
def spark():  # type: ignore[no-untyped-def]
    pytest.importorskip("pyarrow")
    pyspark = pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("copydesk-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
        .getOrCreate()
    )
    assert pyspark is not None
    yield session
    session.stop()


def test_spark_map_in_arrow(spark, corpus: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    import copydesk.spark as cspark

    df = spark.createDataFrame(corpus, ["id", "text"]).repartition(3)
    opts = copydesk.Options(published="2024-03-14")
    tables = cspark.process(df, text_col="text", id_col="id", options=opts)
    expected = _expected(corpus)
    nested = tables["nested"].cache()
    assert nested.count() == N
    assert tables["quotes"].count() == expected["quotes"]
    assert tables["entities"].count() == expected["entities"]
    docs = tables["documents"].select("doc_id", "published", "error").collect()
    assert {r.doc_id for r in docs} == {i for i, _ in corpus}
    assert all(r.published == "2024-03-14" and r.error is None for r in docs)
    q = tables["quotes"].first()
    assert q is not None and isinstance(q["start"], int)
    gen = cspark.process(df.select("text"))
    assert gen["documents"].select("doc_id").distinct().count() == N

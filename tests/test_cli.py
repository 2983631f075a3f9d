"""The command-line tool: inputs, outputs and error cases."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def copydesk_cmd() -> list[str]:
    script = Path(sys.executable).parent / "copydesk"
    return [str(script)] if script.exists() else [sys.executable, "-m", "copydesk.cli"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*copydesk_cmd(), *args], capture_output=True, text=True, input=stdin, timeout=120)


def test_txt_file_to_stdout(examples_dir: Path) -> None:
    r = run(str(examples_dir / "sputnik-nato-balkans.txt"))
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(rows) == 1
    assert rows[0]["id"] == "sputnik-nato-balkans"
    assert rows[0]["headline"].startswith("US Using Political Pressure")
    assert len(rows[0]["quotes"]) >= 8


def test_directory_and_output_file(examples_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    r = run(str(examples_dir), "-o", str(out))
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(list(examples_dir.glob("*.txt")))
    assert r.stdout == ""


def test_jsonl_with_published(tmp_path: Path) -> None:
    f = tmp_path / "rows.jsonl"
    rows = [
        {"id": "r1", "text": "Title\n\nOfficials met in September to discuss the $3 million plan.", "published": "2017-11-27"},
        {"id": "r2", "text": "Second\n\nNothing here."},
    ]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    r = run(str(f))
    assert r.returncode == 0, r.stderr
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["id"] for o in out] == ["r1", "r2"]
    assert out[0]["published"] == "2017-11-27"
    assert any(d["value"] == "2017-09" for d in out[0]["dates"])


def test_pretty_summary(examples_dir: Path) -> None:
    r = run("--pretty", str(examples_dir / "sputnik-nato-balkans.txt"))
    assert r.returncode == 0, r.stderr
    assert "headline:" in r.stdout and "quotes:" in r.stdout
    assert not r.stdout.lstrip().startswith("{")


def test_missing_file_is_reported_and_others_written(examples_dir: Path, tmp_path: Path) -> None:
    r = run(str(tmp_path / "nope.txt"), str(examples_dir / "sputnik-nato-balkans.txt"))
    assert r.returncode == 1
    assert "nope.txt" in r.stderr and "no such file" in r.stderr.lower()
    assert len(r.stdout.splitlines()) == 1


def test_bad_encoding_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Caf\u00e9 society\n\nText.".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("Good title\n\nA paragraph of text.", encoding="utf-8")
    r = run(str(bad), str(good))
    assert r.returncode == 1
    assert "latin1.txt" in r.stderr and "UTF-8" in r.stderr
    assert len(r.stdout.splitlines()) == 1


def test_malformed_json_line_reports_line_number(tmp_path: Path) -> None:
    f = tmp_path / "rows.jsonl"
    f.write_text(
        json.dumps({"id": "a", "text": "One\n\nFirst text."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "c", "text": 5}) + "\n"
        + json.dumps({"id": "d", "text": "Four\n\nLast text."}) + "\n",
        encoding="utf-8",
    )
    r = run(str(f))
    assert r.returncode == 1
    assert "rows.jsonl:2" in r.stderr and "JSON" in r.stderr
    assert "rows.jsonl:3" in r.stderr
    assert [json.loads(line)["id"] for line in r.stdout.splitlines()] == ["a", "d"]
    assert "2 articles written, 2 failed" in r.stderr


def test_stdin_jsonl() -> None:
    r = run("-", stdin=json.dumps({"id": "x", "text": "Hi\n\nBody text here."}) + "\n")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["id"] == "x"


def test_usage_error_exit_code() -> None:
    r = run()
    assert r.returncode == 2
    assert "usage" in r.stderr.lower()


def test_parquet_output_one_file_per_table(examples_dir: Path, tmp_path: Path) -> None:
    pq = __import__("pytest").importorskip("pyarrow.parquet")
    rows = tmp_path / "rows.jsonl"
    text = (examples_dir / "sputnik-nato-balkans.txt").read_text(encoding="utf-8")
    rows.write_text(
        json.dumps({"id": "a", "text": text}) + "\n" + "{broken\n" + json.dumps({"id": "b", "text": "Short one."}) + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "tables"
    r = run(str(examples_dir), str(rows), "--format", "parquet", "-o", str(out), "--chunk", "2", "-j", "1")
    assert r.returncode == 1, r.stderr  # the broken line
    assert "rows.jsonl:2:" in r.stderr
    n_txt = len(list(examples_dir.glob("*.txt")))
    docs = pq.read_table(out / "documents.parquet").to_pylist()
    assert [d["doc_index"] for d in docs] == list(range(n_txt + 2))  # global order across chunks
    assert [d["doc_id"] for d in docs][-2:] == ["a", "b"]
    quotes = pq.read_table(out / "quotes.parquet").to_pylist()
    assert quotes and {q["doc_id"] for q in quotes} >= {"a", "sputnik-nato-balkans"}
    for q in quotes:
        if q["doc_id"] == "a":
            assert text[q["start"] : q["end"]].strip('"“”').startswith(q["text"][:5])
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_format_jsonl_is_the_default_and_unknown_formats_are_usage_errors(examples_dir: Path) -> None:
    path = str(examples_dir / "harbour-bridge-budget.txt")
    assert run(path, "--format", "jsonl").stdout == run(path).stdout
    assert run(path, "--format", "xml").returncode == 2

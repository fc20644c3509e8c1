"""The quotekit command line: formats, inputs, errors and exit statuses."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import quotekit
from conftest import run_quotekit
from quotekit.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


_run = run_quotekit


def test_version_and_help() -> None:
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"quotekit {quotekit.__version__}"
    assert _run("--help").returncode == 0
    assert _run("extract", "--help").returncode == 0


def test_jsonl_records_round_trip() -> None:
    result = _run("extract", str(SEEDS), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) >= 10
    for line in lines:
        record = json.loads(line)
        for key in ("doc", "start", "end", "text", "kind", "speaker", "speaker_mention", "cue"):
            assert key in record
        assert "via" in record
        quotekit.Quote.from_dict(record)


def test_piped_output_defaults_to_jsonl() -> None:
    result = _run("extract", str(SEEDS / "001_aa966e5d7d51f85b.txt"))
    first = result.stdout.decode().splitlines()[0]
    assert json.loads(first)["doc"] == "001_aa966e5d7d51f85b"


def test_json_and_csv_and_table(capsys: pytest.CaptureFixture[str]) -> None:
    seed = str(SEEDS / "004_6d2a70370b45937e.txt")
    assert main(["extract", seed, "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert {r["speaker"] for r in records} >= {"Chum Mey", "Heng Samrin"}
    assert main(["extract", seed, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(records)
    assert rows[0]["doc"] == "004_6d2a70370b45937e"
    assert main(["extract", seed, "--format", "table"]) == 0
    table = capsys.readouterr().out
    assert "Chum Mey" in table and table.splitlines()[0].startswith("doc")


def test_empty_json_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["extract", str(empty), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_stdin() -> None:
    result = _run("extract", "-", stdin=b'"We are ready," said Ana Lopez.')
    assert result.returncode == 0
    record = json.loads(result.stdout)
    assert record["speaker"] == "Ana Lopez" and record["doc"] == "-"


def test_bad_files_are_reported_and_others_processed(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b'"Caf\xe9 au lait," said Ana Lopez.')
    good = tmp_path / "good.txt"
    good.write_text('"We are ready," said Ana Lopez.', encoding="utf-8")
    result = _run("extract", str(tmp_path / "missing.txt"), str(bad), str(good))
    assert result.returncode == 1
    errors = result.stderr.decode().splitlines()
    assert len(errors) == 2
    assert "missing.txt" in errors[0] and "Traceback" not in result.stderr.decode()
    assert "bad.txt" in errors[1] and "utf-8" in errors[1]
    assert json.loads(result.stdout)["doc"] == "good"


def test_encoding_option(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes('"Caf\xe9 au lait for all," said Ana Lopez.'.encode("latin-1"))
    result = _run("extract", str(latin), "--encoding", "latin-1")
    assert result.returncode == 0
    assert json.loads(result.stdout)["text"].startswith("Café")


def test_folder_search_is_recursive(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    (nested / "story.txt").write_text('"We are ready," said Ana Lopez.', encoding="utf-8")
    (nested / "notes.md").write_text('"Not read," said Bob Stone.', encoding="utf-8")
    result = _run("extract", str(tmp_path))
    assert result.returncode == 0
    assert [json.loads(line)["doc"] for line in result.stdout.splitlines()] == ["story"]


def test_usage_error_exit_status() -> None:
    result = _run("extract")
    assert result.returncode == 2
    assert _run("extract", "x", "--min-confidence", "7").returncode == 2


def test_registry_option_sets_ids(tmp_path: Path) -> None:
    result = _run("extract", str(SEEDS), "--registry", str(SEEDS / "speakers.json"))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    hun_sen = [r for r in records if r["speaker"] == "Hun Sen"]
    assert hun_sen and all(r["speaker_info"]["id"] for r in hun_sen)
    bad = tmp_path / "registry.json"
    bad.write_text('{"speakers": 3}', encoding="utf-8")
    result = _run("extract", str(SEEDS), "--registry", str(bad))
    assert result.returncode == 2
    assert "registry.json" in result.stderr.decode() and not result.stdout


def test_jobs_give_the_output_and_errors_of_one_process(tmp_path: Path) -> None:
    for seed in sorted(SEEDS.glob("*.txt")):
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    (tmp_path / "broken.txt").write_bytes(b'"Caf\xe9," said Ana Lopez.')
    registry = SEEDS / "speakers.json"
    one = _run("extract", str(tmp_path), "--registry", str(registry), "--jobs", "1")
    two = _run("extract", str(tmp_path), "--registry", str(registry), "--jobs", "2")
    assert one.returncode == two.returncode == 1  # the broken file, in both
    assert two.stdout == one.stdout and one.stdout.count(b"\n") > 20
    assert two.stderr == one.stderr and b"broken.txt" in one.stderr
    assert any(json.loads(line)["speaker_info"]["id"] for line in two.stdout.splitlines())


def test_jobs_with_stdin_among_the_inputs(tmp_path: Path) -> None:
    # Standard input is read in the main process; the files around it keep their order.
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text('"First," said Ana Lopez.', encoding="utf-8")
    second.write_text('"Second," said Ben Okafor.', encoding="utf-8")
    stdin = b'"Middle," said Chan Dara.'
    result = _run("extract", str(first), "-", str(second), "--jobs", "2", stdin=stdin)
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line)["doc"] for line in result.stdout.splitlines()]
    assert docs == ["a", "-", "b"]


def test_jobs_option_values() -> None:
    assert _run("extract", str(SEEDS), "--jobs", "-1").returncode == 2
    assert _run("extract", str(SEEDS), "--jobs", "many").returncode == 2
    first = sorted(SEEDS.glob("*.txt"))[0]
    assert _run("extract", str(first), "--jobs", "0").returncode == 0

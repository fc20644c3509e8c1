"""The command line under faults: bad files, huge inputs, many files, a closed pipe.

Each run is a real subprocess, as a shell would start it: what matters is the exit
status, a one-line message on stderr (never a traceback), and that every record on
stdout is a complete line.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import quotekit
from conftest import run_quotekit
from quotekit.cli import EXIT_BROKEN_PIPE, EXIT_INPUT_ERROR, EXIT_OK, main

ROOT = Path(__file__).resolve().parent.parent
STORY = '"We will rebuild the bridge," said Mayor Ana Lopez.\n'


_run = run_quotekit


def _records(stdout: bytes) -> list[dict[str, object]]:
    """Every stdout line parsed as one complete JSON record."""
    text = stdout.decode("utf-8")
    assert text == "" or text.endswith("\n"), "the last record is cut short"
    return [json.loads(line) for line in text.splitlines()]


def _no_traceback(result: subprocess.CompletedProcess[bytes]) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and "Exception ignored" not in err, err
    return err


def test_missing_file_and_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    result = _run("extract", str(link), str(tmp_path / "missing.txt"), str(good))
    assert result.returncode == EXIT_INPUT_ERROR
    lines = _no_traceback(result).splitlines()
    assert len(lines) == 2
    assert "gone.txt" in lines[0] and "cannot read" in lines[0]
    assert "missing.txt" in lines[1]
    assert [r["doc"] for r in _records(result.stdout)] == ["good"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="root reads a file whatever its permissions (the broken symlink covers this)",
)
def test_file_without_read_permission(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(STORY, encoding="utf-8")
    secret.chmod(0)
    try:
        result = _run("extract", str(secret))
    finally:
        secret.chmod(0o600)
    assert result.returncode == EXIT_INPUT_ERROR
    assert "secret.txt" in _no_traceback(result) and "cannot read" in result.stderr.decode()


def test_binary_garbage_is_reported_as_undecodable(tmp_path: Path) -> None:
    garbage = tmp_path / "image.txt"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    result = _run("extract", str(garbage))
    assert result.returncode == EXIT_INPUT_ERROR
    err = _no_traceback(result)
    assert "image.txt" in err and "not valid utf-8" in err and "--encoding" in err
    assert result.stdout == b""


def test_unknown_encoding(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = _run("extract", str(story), "--encoding", "klingon-8")
    assert result.returncode == EXIT_INPUT_ERROR
    assert "unknown encoding" in _no_traceback(result)


def test_empty_and_blank_files(tmp_path: Path) -> None:
    contents = [b"", b"   \n\n \t", b"\x00\x00\x00", "\u200b\ufeff\r\n".encode()]
    paths = []
    for i, content in enumerate(contents):
        paths.append(tmp_path / f"blank{i}.txt")
        paths[-1].write_bytes(content)
    result = _run("extract", *map(str, paths))
    assert result.returncode == EXIT_OK
    _no_traceback(result)
    assert result.stdout == b""
    as_json = _run("extract", *map(str, paths), "--format", "json")
    assert json.loads(as_json.stdout) == []


def test_empty_stdin() -> None:
    result = _run("extract", "-", stdin=b"")
    assert result.returncode == EXIT_OK and result.stdout == b""
    _no_traceback(result)


def test_large_file_every_record_is_a_complete_line(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    paragraph = STORY + "The council met on Tuesday and the vote was close. " * 20 + "\n\n"
    copies = 1_000_000 // len(paragraph)
    big.write_text(paragraph * copies, encoding="utf-8")
    result = _run("extract", str(big))
    assert result.returncode == EXIT_OK
    _no_traceback(result)
    records = _records(result.stdout)
    assert len(records) == copies
    text = big.read_text(encoding="utf-8")
    for record in records[:: max(1, copies // 50)]:
        quote = quotekit.Quote.from_dict(record)
        assert quote.raw(text) == "We will rebuild the bridge,"


def test_max_size_skips_huge_files_with_a_message(tmp_path: Path) -> None:
    small = tmp_path / "small.txt"
    small.write_text(STORY, encoding="utf-8")
    huge = tmp_path / "huge.txt"
    huge.write_text(STORY * 100, encoding="utf-8")
    result = _run("extract", str(huge), str(small), "--max-size", "0.001")
    assert result.returncode == EXIT_INPUT_ERROR
    err = _no_traceback(result)
    assert "huge.txt" in err and "--max-size" in err
    assert [r["doc"] for r in _records(result.stdout)] == ["small"]
    piped = _run("extract", "-", "--max-size", "0.001", stdin=(STORY * 100).encode())
    assert piped.returncode == EXIT_INPUT_ERROR and piped.stdout == b""
    assert _run("extract", str(small), "--max-size", "-3").returncode == 2


def test_folder_with_thousands_of_files(tmp_path: Path) -> None:
    count = 1500
    for i in range(count):
        sub = tmp_path / f"d{i % 10}"
        sub.mkdir(exist_ok=True)
        (sub / f"story{i:05}.txt").write_text(
            f'"Report number {i} is ready," said Ana Lopez.\n', encoding="utf-8"
        )
    (tmp_path / "d3" / "broken.txt").write_bytes(b"\xff\xfe\xfa broken")
    result = _run("extract", str(tmp_path))
    assert result.returncode == EXIT_INPUT_ERROR
    err = _no_traceback(result)
    assert err.count("\n") == 1 and "broken.txt" in err
    records = _records(result.stdout)
    assert len(records) == count
    assert len({r["doc"] for r in records}) == count


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_closed_pipe_stops_quietly(tmp_path: Path, jobs: str) -> None:
    """`quotekit extract big/ | head -n 3`: the reader leaves early (with worker
    processes too: they are stopped, and nothing is printed)."""
    for i in range(200):
        lines = (f'"Report {j} of file {i} is ready," said Ana Lopez.\n' for j in range(50))
        (tmp_path / f"{i:04}.txt").write_text("".join(lines), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "quotekit", "extract", str(tmp_path), "--jobs", jobs],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    lines = [process.stdout.readline() for _ in range(3)]
    process.stdout.close()  # what head does after its last line
    err = process.stderr.read().decode("utf-8", "replace")
    status = process.wait(timeout=120)
    assert lines[-1], err
    for line in lines:
        assert line.endswith(b"\n")
        json.loads(line)
    assert status == EXIT_BROKEN_PIPE
    assert err == "", err


def test_stdout_that_cannot_encode_the_text(tmp_path: Path) -> None:
    """LANG=C or a legacy code page: JSON escapes, the table replaces; no traceback."""
    story = tmp_path / "cafe.txt"
    story.write_text('"Café au lait for all," said Ana Lopez.\n', encoding="utf-8")
    env = {"PYTHONIOENCODING": "ascii"}
    result = _run("extract", str(story), env=env)
    assert result.returncode == EXIT_OK
    _no_traceback(result)
    assert [r["text"] for r in _records(result.stdout)] == ["Café au lait for all,"]
    table = _run("extract", str(story), "--format", "table", env=env)
    assert table.returncode == EXIT_OK
    _no_traceback(table)
    assert b"Caf\\xe9" in table.stdout


def test_internal_error_is_reported_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "a.txt"
    first.write_text("Boom.\n", encoding="utf-8")
    second = tmp_path / "b.txt"
    second.write_text(STORY, encoding="utf-8")
    real_extract = quotekit.extract

    def flaky(document: quotekit.Document, **kwargs: object) -> list[quotekit.Quote]:
        if "Boom" in document.text:
            raise RuntimeError("simulated bug")
        return real_extract(document, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(quotekit, "extract", flaky)
    assert main(["extract", str(first), str(second), "--format", "jsonl"]) == EXIT_INPUT_ERROR
    out, err = capsys.readouterr()
    assert "a.txt" in err and "RuntimeError" in err and "simulated bug" in err
    assert [json.loads(line)["doc"] for line in out.splitlines()] == ["b"]

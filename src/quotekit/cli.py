"""The ``quotekit`` command line. It only calls the public API.

``quotekit extract PATH...`` prints the quotes of text files, folders (searched
recursively) or ``-`` (standard input) as a table, JSON Lines, JSON or CSV.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

import quotekit

#: File suffixes read when a folder is given.
TEXT_SUFFIXES = (".txt", ".html", ".htm")
#: Files read as HTML pages (:meth:`quotekit.Document.from_html`); others as plain text.
HTML_SUFFIXES = (".html", ".htm")
FORMATS = ("table", "jsonl", "json", "csv")
CSV_COLUMNS = (
    "doc",
    "start",
    "end",
    "kind",
    "speaker",
    "speaker_mention",
    "cue",
    "via",
    "confidence",
    "flags",
    "text",
)
EXIT_OK = 0
EXIT_INPUT_ERROR = 1
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # what a shell reports for a process ended by SIGPIPE


class _Failure(Exception):
    """One input could not be read; the message names it."""


def _iter_inputs(paths: Sequence[str]) -> Iterator[tuple[str, Path | None]]:
    """(label, path) for every file to read; ``-`` yields stdin (path None)."""
    for raw in paths:
        if raw == "-":
            yield "-", None
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
            )
            if not found:
                yield raw, path  # reported as "no text files" by _read
            for p in found:
                yield str(p), p
        else:
            yield raw, path


def _read(label: str, path: Path | None, encoding: str, max_bytes: int | None = None) -> str:
    try:
        if path is None:
            data = sys.stdin.buffer.read(-1 if max_bytes is None else max_bytes + 1)
        elif path.is_dir():
            raise _Failure(f"{label}: folder holds no {'/'.join(TEXT_SUFFIXES)} files")
        else:
            if max_bytes is not None and path.stat().st_size > max_bytes:
                raise _Failure(
                    f"{label}: skipped: {path.stat().st_size:,} bytes is over --max-size"
                )
            data = path.read_bytes()
    except OSError as exc:
        raise _Failure(f"{label}: cannot read: {exc.strerror or exc}") from exc
    except MemoryError as exc:
        raise _Failure(f"{label}: too large to read into memory; see --max-size") from exc
    if max_bytes is not None and len(data) > max_bytes:
        raise _Failure(f"{label}: skipped: more than {max_bytes:,} bytes (over --max-size)")
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise _Failure(
            f"{label}: not valid {encoding} (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "pass --encoding"
        ) from exc
    except LookupError as exc:
        raise _Failure(f"unknown encoding {encoding!r}") from exc


def _doc_id(label: str) -> str:
    if label == "-":
        return "-"
    return Path(label).stem


def _document(label: str, path: Path | None, text: str) -> quotekit.Document:
    """The document of one input: HTML by suffix (or, on stdin, by its first tag)."""
    if path is not None:
        is_html = path.suffix.lower() in HTML_SUFFIXES
    else:
        is_html = text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))
    if is_html:
        return quotekit.Document.from_html(text, doc_id=_doc_id(label))
    return quotekit.Document.from_text(text, doc_id=_doc_id(label))


def _record(quote: quotekit.Quote, document: quotekit.Document) -> dict[str, Any]:
    """The quote's JSON record plus the document's title and the quote's offsets in
    the file as read (the HTML source for a page, the text itself otherwise)."""
    record = quote.to_dict()
    source = document.source_span(quote.span)
    record["title"] = document.title
    record["source_start"] = source.start
    record["source_end"] = source.end
    return record


def _table_row(record: dict[str, Any], width: int) -> str:
    speaker = record["speaker"] or "-"
    text = record["text"].replace("\n", " ")
    room = max(20, width - 60)
    if len(text) > room:
        text = text[: room - 1] + "…"
    return (
        f"{record['doc'] or '-':<14.14} {record['kind']:<8} {speaker:<22.22} "
        f"{record['cue'] or '-':<12.12} {text}"
    )


class _Writer:
    """Writes records in one format; each record leaves in a single write call."""

    def __init__(self, fmt: str, out: TextIO) -> None:
        self.fmt = fmt
        self.out = out
        self.count = 0
        self.width = _terminal_width()
        # JSON stays valid on a stdout that cannot encode every character (LANG=C, a
        # Windows code page): escape non-ASCII there instead of failing mid-record.
        encoding = (getattr(out, "encoding", None) or "").lower().replace("-", "")
        self.ascii = not encoding.startswith("utf")
        if fmt == "csv":
            self._emit(_csv_line(CSV_COLUMNS))
        elif fmt == "table":
            self._emit(f"{'doc':<14} {'kind':<8} {'speaker':<22} {'cue':<12} text\n")
        elif fmt == "json":
            self.out.write("[")

    def _emit(self, line: str) -> None:
        self.out.write(line)
        self.out.flush()

    def write(self, record: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self._emit(json.dumps(record, ensure_ascii=self.ascii) + "\n")
        elif self.fmt == "json":
            sep = "\n  " if self.count == 0 else ",\n  "
            self._emit(sep + json.dumps(record, ensure_ascii=self.ascii))
        elif self.fmt == "csv":
            flat = {k: record.get(k) for k in CSV_COLUMNS}
            flat["flags"] = ";".join(record.get("flags") or [])
            self._emit(_csv_line([_csv_value(flat[k]) for k in CSV_COLUMNS]))
        else:
            self._emit(_table_row(record, self.width) + "\n")
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self._emit("\n]\n" if self.count else "]\n")


def _csv_value(value: Any) -> str:
    return "" if value is None else str(value)


def _csv_line(values: Sequence[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(values)
    return buffer.getvalue()


def _terminal_width() -> int:
    try:
        return os.get_terminal_size().columns
    except OSError:
        return 120


@attrs.frozen
class _ExtractJob:
    """What every file of one ``quotekit extract`` run is read and extracted with."""

    encoding: str
    max_size: int | None
    config: quotekit.ExtractConfig
    registry: quotekit.SpeakerRegistry | None

    def run(self, item: tuple[str, Path | None]) -> tuple[list[dict[str, Any]], str | None]:
        """The records of one input, or the message saying why there are none."""
        label, path = item
        try:
            text = _read(label, path, self.encoding, self.max_size)
        except _Failure as failure:
            return [], str(failure)
        try:
            document = _document(label, path, text)
            quotes = quotekit.extract(document, config=self.config, registry=self.registry)
            return [_record(q, document) for q in quotes], None
        except Exception as exc:  # a bug must not stop a run over thousands of files
            return [], (
                f"{label}: internal error ({type(exc).__name__}: {exc}); "
                "please report it with this file"
            )


# The job of a worker process, set once when the worker starts (see _start_worker): the
# lexicon and registry cross to each worker once, not with every file.
_worker_job: _ExtractJob | None = None


def _start_worker(job: _ExtractJob) -> None:
    global _worker_job
    _worker_job = job


def _run_in_worker(item: tuple[str, Path | None]) -> tuple[list[dict[str, Any]], str | None]:
    assert _worker_job is not None, "worker not started"
    return _worker_job.run(item)


def _extract_results(
    job: _ExtractJob, inputs: list[tuple[str, Path | None]], jobs: int
) -> Iterable[tuple[list[dict[str, Any]], str | None]]:
    """The result of each input, in input order: in this process, or in ``jobs`` worker
    processes (the order and the output stay those of one process)."""
    if jobs <= 1 or len(inputs) < 2 or any(path is None for _label, path in inputs):
        # Standard input is read here; one file needs no pool.
        yield from map(job.run, inputs)
        return
    with multiprocessing.Pool(min(jobs, len(inputs)), _start_worker, (job,)) as pool:
        yield from pool.imap(_run_in_worker, inputs, chunksize=4)


def _extract_command(args: argparse.Namespace) -> int:
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    config = quotekit.ExtractConfig(
        include_terms=args.include_terms,
        include_indirect=not args.no_indirect,
        min_confidence=args.min_confidence,
    )
    registry = None
    if args.registry is not None:
        try:
            registry = quotekit.SpeakerRegistry.from_json(args.registry)
        except OSError as exc:
            print(
                f"quotekit: error: {args.registry}: cannot read: {exc.strerror or exc}",
                file=sys.stderr,
            )
            return EXIT_USAGE
        except quotekit.QuotekitError as exc:
            print(f"quotekit: error: {args.registry}: {exc}", file=sys.stderr)
            return EXIT_USAGE
    job = _ExtractJob(args.encoding, args.max_size, config, registry)
    writer = _Writer(fmt, sys.stdout)
    status = EXIT_OK
    for records, error in _extract_results(job, list(_iter_inputs(args.paths)), args.jobs):
        if error is not None:
            print(f"quotekit: error: {error}", file=sys.stderr)
            status = EXIT_INPUT_ERROR
        for record in records:
            writer.write(record)
    writer.close()
    return status


def _evaluate_command(args: argparse.Namespace) -> int:
    views = args.view or [v.value for v in quotekit.View]
    try:
        result = quotekit.evaluate(quotekit.load_gold(args.gold), views=views)
    except OSError as exc:
        print(f"quotekit: error: {args.gold}: cannot read: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    except quotekit.QuotekitError as exc:
        print(f"quotekit: error: {exc}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    if args.format == "json":
        data = result.to_dict()
        if args.errors >= 0:
            data["errors"] = {k: v[: args.errors] for k, v in data["errors"].items()}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    sys.stdout.write(result.table() + "\n")
    for view, errors in result.errors.items():
        for error in errors[: max(0, args.errors)]:
            speakers = f" gold={error.gold_speaker!r} predicted={error.predicted_speaker!r}"
            sys.stdout.write(f"[{view.value}] {error.kind.value} {error.doc_id}:{speakers}\n")
            sys.stdout.write(f"    {error.context}\n")
    return EXIT_OK


def _compare_command(args: argparse.Namespace) -> int:
    if args.text is not None:
        if len(args.text) != 2 or args.paths:
            print(
                "quotekit: error: compare takes two --text values, or PATHs, not both",
                file=sys.stderr,
            )
            return EXIT_USAGE
        comparison = quotekit.compare(args.text[0], args.text[1])
        if args.format == "json":
            sys.stdout.write(json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(comparison.explain() + "\n")
        return EXIT_OK
    if not args.paths:
        print("quotekit: error: compare needs PATHs or two --text values", file=sys.stderr)
        return EXIT_USAGE
    config = quotekit.ExtractConfig(include_terms=args.include_terms)
    quotes: list[quotekit.Quote] = []
    status = EXIT_OK
    for label, path in _iter_inputs(args.paths):
        try:
            text = _read(label, path, args.encoding)
        except _Failure as failure:
            print(f"quotekit: error: {failure}", file=sys.stderr)
            status = EXIT_INPUT_ERROR
            continue
        quotes.extend(quotekit.extract(_document(label, path, text), config=config))
    clusters = quotekit.cluster(quotes, across_documents=not args.all)
    if args.format == "json":
        data = [c.to_dict() for c in clusters]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        for number, found in enumerate(clusters, 1):
            sys.stdout.write(f"[{number}] {found.explain()}\n\n")
        sys.stdout.write(f"{len(clusters)} statement(s) in more than one quote\n")
    return status


def _confidence(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {value}")
    return number


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (one per CPU) or more: {value}")
    return number or os.cpu_count() or 1


def _megabytes(value: str) -> int:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not number > 0:
        raise argparse.ArgumentTypeError(f"must be positive: {value}")
    return int(number * 1_000_000)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``quotekit`` command."""
    parser = argparse.ArgumentParser(
        prog="quotekit",
        description="Find attributed quotations in news text.",
    )
    parser.add_argument("--version", action="version", version=f"quotekit {quotekit.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    extract = commands.add_parser(
        "extract",
        help="print the quotes in files or folders",
        description="Print the quotes found in text files, folders (searched recursively "
        "for .txt, .html and .htm files) or '-' for standard input.",
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    extract.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="output format (default: table on a terminal, jsonl otherwise)",
    )
    extract.add_argument(
        "--include-terms", action="store_true", help="also list scare quotes, titles and names"
    )
    extract.add_argument(
        "--no-indirect", action="store_true", help="leave out reported speech (X said that ...)"
    )
    extract.add_argument(
        "--min-confidence",
        type=_confidence,
        default=0.0,
        metavar="X",
        help="drop quotes below this confidence (0..1)",
    )
    extract.add_argument("--encoding", default="utf-8", help="encoding of the input files")
    extract.add_argument(
        "--registry",
        metavar="FILE",
        help="speaker registry (JSON): known people and outlets get its names and ids",
    )
    extract.add_argument(
        "--max-size",
        type=_megabytes,
        default=None,
        metavar="MB",
        help="skip (and report) input files larger than this many megabytes",
    )
    extract.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="read files in N processes (0: one per CPU); output order stays the same",
    )
    extract.set_defaults(handler=_extract_command)

    evaluate = commands.add_parser(
        "evaluate",
        help="score quote extraction against gold annotations",
        description="Run extract() over annotated documents (JSON Lines, one document per "
        "line; see docs/evaluation.md) and print precision, recall and F1 per view.",
    )
    evaluate.add_argument("gold", metavar="GOLD.jsonl", help="annotated documents")
    evaluate.add_argument(
        "--view",
        choices=[v.value for v in quotekit.View],
        action="append",
        help="view(s) to score (default: all views)",
    )
    evaluate.add_argument(
        "--errors", type=int, default=0, metavar="N", help="also list N errors of each view"
    )
    evaluate.add_argument("-f", "--format", choices=("table", "json"), default="table")
    evaluate.set_defaults(handler=_evaluate_command)

    compare = commands.add_parser(
        "compare",
        help="find the same statement across files, or compare two texts",
        description="Extract the quotes of all files and print the statements quoted in "
        "more than one document, with who is credited in each; or, with two --text "
        "values, compare them and print score, relation and word alignment.",
    )
    compare.add_argument("paths", nargs="*", metavar="PATH", help="file, folder, or - for stdin")
    compare.add_argument(
        "--text", action="append", metavar="TEXT", help="a text to compare (give two)"
    )
    compare.add_argument("-f", "--format", choices=("table", "json"), default="table")
    compare.add_argument(
        "--all", action="store_true", help="also print clusters within a single document"
    )
    compare.add_argument(
        "--include-terms", action="store_true", help="also cluster scare quotes and titles"
    )
    compare.add_argument("--encoding", default="utf-8", help="encoding of the input files")
    compare.set_defaults(handler=_compare_command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        # Characters the terminal's encoding lacks come out escaped, not as a traceback.
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        status: int = args.handler(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``quotekit extract big/ | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return 130
    return status

"""Shared fixtures: the seed articles bundled in ``seeds/``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import quotekit

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_text(prefix: str) -> str:
    """The text of the seed article whose file name starts with ``prefix``."""
    [path] = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_quotes() -> dict[str, tuple[str, list[quotekit.Quote]]]:
    """Each seed's text and its quotes (terms included), keyed by the seed number."""
    result = {}
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        result[path.name[:3]] = (text, quotekit.extract(text, doc_id=path.stem, include_terms=True))
    return result


def run_quotekit(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m quotekit ARGS`` in a subprocess from the repository root."""
    return subprocess.run(
        [sys.executable, "-m", "quotekit", *args],
        input=stdin,
        capture_output=True,
        check=False,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=300,
    )

"""Fuzz ``Quote.from_dict``: a bad record raises a ``QuotekitError``, nothing else.

Two kinds of input: the fuzzer's bytes read as JSON, and a valid record with one
field (or nested field) replaced by a JSON-like value the fuzzer builds. A record that
is accepted must survive ``to_dict`` and JSON unchanged. Run (see ``fuzz/README.md``)::

    python fuzz/fuzz_from_dict.py -max_total_time=600 /tmp/corpus-from-dict
"""

from __future__ import annotations

import json
import sys
from typing import Any

import atheris

import quotekit

# Instrument every loaded function: an editable install's import hook hides quotekit's
# modules from atheris.instrument_imports(), which then collects almost no coverage.
atheris.instrument_all()

VALID = quotekit.extract('"We will rebuild the bridge," Mayor Ana Lopez told the Daily Courier.')[
    0
].to_dict()
VALID["published"] = "2019-01-07"
VALID["via_info"] = VALID["speaker_info"]
FIELDS = sorted(VALID) + [
    f"{outer}.{inner}" for outer in ("speaker_info", "cue_info") for inner in VALID[outer]
]


def _value(fdp: atheris.FuzzedDataProvider, depth: int = 0) -> Any:
    """A JSON-like value (plus a few non-JSON Python values a caller might pass)."""
    kind = fdp.ConsumeIntInRange(0, 12 if depth < 3 else 8)
    if kind == 0:
        return None
    if kind == 1:
        return fdp.ConsumeBool()
    if kind == 2:
        return fdp.ConsumeInt(8)
    if kind == 3:
        return fdp.ConsumeFloat()
    if kind == 4:
        return fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 40))
    if kind == 5:
        return fdp.PickValueInList(
            ["direct", "unclosed", "person", "name", "adjacent", "2019-01-07", "9999-99-99"]
        )
    if kind == 6:
        return fdp.PickValueInList([-1, 0, 1, 2**63, float("nan"), float("inf"), 1.5])
    if kind == 7:
        return fdp.ConsumeBytes(fdp.ConsumeIntInRange(0, 8))
    if kind == 8:
        return object()
    if kind in (9, 10):
        return [_value(fdp, depth + 1) for _ in range(fdp.ConsumeIntInRange(0, 3))]
    return {
        fdp.PickValueInList([*FIELDS, "x"]).split(".")[-1]: _value(fdp, depth + 1)
        for _ in range(fdp.ConsumeIntInRange(0, 4))
    }


def _record(data: bytes) -> Any:
    fdp = atheris.FuzzedDataProvider(data)
    if fdp.ConsumeBool():
        try:
            return json.loads(fdp.ConsumeUnicode(fdp.remaining_bytes()))
        except (ValueError, RecursionError):
            return None
    record = json.loads(json.dumps(VALID))
    for _ in range(fdp.ConsumeIntInRange(1, 3)):
        field = fdp.PickValueInList(FIELDS)
        target = record
        *outer, key = field.split(".")
        for name in outer:
            target = target.get(name) if isinstance(target, dict) else None
        if not isinstance(target, dict):
            continue
        if fdp.ConsumeIntInRange(0, 4) == 0:
            target.pop(key, None)
        else:
            target[key] = _value(fdp)
    return record


def test_one_input(data: bytes) -> None:
    record = _record(data)
    try:
        quote = quotekit.Quote.from_dict(record)
    except quotekit.QuotekitError:
        return
    again = quotekit.Quote.from_dict(json.loads(json.dumps(quote.to_dict())))
    assert again == quote, (record, quote)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""Fuzz ``quotekit.extract``: any str must return valid quotes, never raise.

Run with atheris (see ``fuzz/README.md``)::

    python fuzz/fuzz_extract.py -max_total_time=600 /tmp/corpus-extract
"""

from __future__ import annotations

import sys

import atheris

import quotekit

# Instrument every loaded function: an editable install's import hook hides quotekit's
# modules from atheris.instrument_imports(), which then collects almost no coverage.
atheris.instrument_all()

# Pieces the structured mode strings together, so the fuzzer reaches the attribution
# and resolution rules quickly instead of rediscovering English from random bytes.
PIECES = (
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    "‚",
    "‹",
    "›",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    ",",
    ".",
    ":",
    "—",
    "(",
    ")",
    " said ",
    " told ",
    " according to ",
    " that ",
    "Mr.",
    " Prime Minister ",
    " Ana Lopez",
    " Lopez",
    " he",
    " she",
    " the minister",
    " the newspaper",
    "Times",
    " of ",
    " the ",
    "\u200b",
    "\u202e",
    "\ufeff",
    "\x00",
    "\ud800",
    "\u00a0",
    "so-called ",
    "We will rebuild",
)


def _text(data: bytes) -> str:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 2)
    if mode == 0:
        return fdp.ConsumeUnicode(fdp.remaining_bytes())
    if mode == 1:
        return fdp.ConsumeBytes(fdp.remaining_bytes()).decode("utf-8", "surrogateescape")
    parts = []
    while fdp.remaining_bytes():
        parts.append(PIECES[fdp.ConsumeIntInRange(0, len(PIECES) - 1)])
    return "".join(parts)


def check(text: str) -> None:
    """Run ``extract`` on ``text`` and check the invariants every result must hold."""
    quotes = quotekit.extract(text, doc_id="fuzz", include_terms=True)
    last = (-1, -1)
    for q in quotes:
        assert 0 <= q.span.start <= q.span.end <= len(text), (q.span, len(text))
        assert (q.span.start, q.span.end) >= last, "quotes out of document order"
        last = (q.span.start, q.span.end)
        assert quotekit.normalise_quote_text(text[q.span.start : q.span.end]) == q.text
        for speaker in (q.speaker, q.via):
            if speaker is not None and speaker.span is not None:
                assert 0 <= speaker.span.start <= speaker.span.end <= len(text)
        if q.cue is not None:
            assert text[q.cue.span.start : q.cue.span.end] == q.cue.text
        assert quotekit.Quote.from_dict(q.to_dict()) == q


def test_one_input(data: bytes) -> None:
    check(_text(data))


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

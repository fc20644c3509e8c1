"""What ``extract()`` keeps alive while it reads a document.

A 10 MB page holds tens of thousands of candidates at once, and every full run of
CPython's garbage collector walks each tracked object alive: the candidates keep their
speaker, source and cue as plain tuples (which the collector stops tracking), and the
quoted spans are released as their candidates are made.
"""

from __future__ import annotations

import gc
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from quotekit import default_lexicon
from quotekit._analysis import analyse
from quotekit._extract import _ends_with_full_stop, marked_candidates
from quotekit._marks import find_marked_quotes_in
from quotekit._text import make_view

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _candidates_and_marks(text: str) -> tuple[list, list]:  # type: ignore[type-arg]
    analysis = analyse(make_view(text), default_lexicon())
    paragraphs = analysis.paragraphs
    marked = find_marked_quotes_in(analysis.text, paragraphs.starts, paragraphs.ends)
    return marked_candidates(analysis, marked, []), marked


def test_candidates_hold_no_tracked_records() -> None:
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    text += '\n\n"We will rebuild," said Mayor Ana Ruiz, the city\'s leader. "It takes time."'
    candidates, _marked = _candidates_and_marks(text)
    credited = [c for c in candidates if c.attributed]
    assert len(credited) >= 5
    assert any(c.speaker is not None and c.speaker[3] is not None for c in credited)  # a role
    # The collector stops tracking a tuple of ints and strings as it runs, an outer tuple
    # once its inner ones are untracked (a role inside a speaker): two runs do both.
    gc.collect()
    gc.collect()
    for candidate in credited:
        for record in (candidate.speaker, candidate.via, candidate.cue):
            assert record is None or not gc.is_tracked(record), record


def test_marked_spans_are_released_as_candidates_are_made() -> None:
    candidates, marked = _candidates_and_marks('"One two," she said. "Three four," he said.')
    assert len(candidates) == 2
    assert marked == []


@given(st.text(alphabet="ab. '’\"”", max_size=30), st.data())
def test_full_stop_read_from_the_end_matches_strip(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    plain = text[start:end].rstrip("'’\"”").endswith(".")
    assert _ends_with_full_stop(text, start, end) == plain

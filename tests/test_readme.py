"""The README's Python examples run as written (the HTML one needs a page, so it is skipped)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_readme_has_examples() -> None:
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_readme_example_runs(index: int) -> None:
    code = BLOCKS[index]
    if "page.html" in code:
        pytest.skip("reads a saved web page; covered by tests/test_html.py")
    namespace: dict[str, object] = {}
    exec(compile("import quotekit\n" + code, f"README block {index}", "exec"), namespace)

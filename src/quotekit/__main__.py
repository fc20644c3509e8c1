"""``python -m quotekit``: the same as the ``quotekit`` command."""

from .cli import main

raise SystemExit(main())

"""Where the campaign database is: ``--db``, else ``$THIDUA_DB``, else ``data/thidua.duckdb``.

Its own module so that ``thidua summary``'s fast path finds the file without importing
``thidua.store.database`` (the writer's lock, versions, schema and the DuckDB package);
``thidua.store.database`` re-exports both names.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = Path("data") / "thidua.duckdb"


def resolve_db(path: str | Path | None = None) -> Path:
    """``--db`` if given, else ``$THIDUA_DB``, else ``data/thidua.duckdb``."""
    return Path(path or os.environ.get("THIDUA_DB") or DEFAULT_DB)

"""DuckDB's engine for the read-only fast paths, without the Python package's front (issue 10).

``import duckdb`` (2.x) loads the C++ engine ``_duckdb`` and then the package's own Python
layer: the relational API, expressions, the Arrow and Polars sources and ``importlib.metadata``
for its version, about 65 ms before anything is asked — a third of a whole ``thidua
summary``. A reader that only opens a file and runs SQL needs none of it: ``connect`` and the
exception classes are the engine's own (``duckdb.connect is _duckdb.connect``), so this module
takes them from ``_duckdb`` directly and falls back to the package where the engine is not a
top-level module. ``tests/test_engine.py`` checks that they are the package's very objects.
The rest of thidua keeps ``import duckdb``; once anything imports it, its additions (the
relational methods) are on every connection, those opened here included.
"""

from __future__ import annotations

try:
    import _duckdb as core
except ImportError:  # pragma: no cover - a build where the engine is not a top-level module
    import duckdb as core

connect = core.connect
CatalogException = core.CatalogException
BinderException = core.BinderException
DuckDBPyConnection = core.DuckDBPyConnection

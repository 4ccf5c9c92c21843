"""The small tables the pages and the summary read, built from a campaign's rows at import.

A page's question ("participation as of D for these units", "nominations by status as of D")
would otherwise scan every staff, evaluation and history row. Each table of
``AGGREGATE_TABLES`` is counted once per campaign when an import publishes it, in the same
transaction (a reader sees the rows and their aggregates together or not at all), by the file
of the same name in ``queries/aggregates``; the metric and mart queries then read thousands of
rows instead of millions, whatever the size of the province. What depends on the day asked
for (as of D) stays in the queries: the tables keep dates (registration day, the days a
nomination spent in a status) so that any D is answered exactly.

A file written by an older version has no aggregates (or stale ones after a restore):
``build_missing`` builds them on the next write, which every import and restore begins with.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from thidua.store import engine
from thidua.store.sql import execute, render

if TYPE_CHECKING:
    import duckdb


def build_aggregates(con: duckdb.DuckDBPyConnection, campaign_code: str) -> None:
    """Replace the campaign's rows of every aggregate table (in the caller's transaction)."""
    from thidua.contract.reference import AGGREGATE_TABLES

    for table in AGGREGATE_TABLES:
        con.execute(render("aggregates/delete_campaign_rows", table=table),
                    {"campaign_code": campaign_code})
        execute(con, f"aggregates/{table}", campaign_code=campaign_code)


def stale_campaigns(con: duckdb.DuckDBPyConnection, first: bool = False) -> list[str]:
    """The campaigns whose aggregates are missing or stale (``aggregates/campaign_is_stale``,
    asked one campaign at a time); ``first``: stop at the first one."""
    stale = []
    for (code,) in execute(con, "aggregates/campaign_codes").fetchall():
        if execute(con, "aggregates/campaign_is_stale", campaign_code=code).fetchone()[0]:
            stale.append(code)
            if first:
                break
    return stale


def build_missing(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Build the aggregates of campaigns that have none or stale ones; their codes."""
    codes = stale_campaigns(con)
    for code in codes:
        build_aggregates(con, code)
    return codes


def missing(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a campaign of the file has no current aggregates (or the file has no tables)."""
    try:
        return bool(stale_campaigns(con, first=True))
    except (engine.CatalogException, engine.BinderException):  # a table or column added since
        return True


def ensure_built(db: Path) -> bool:
    """Build what a file of an older version lacks, under the writer's lock (a write of its
    own, like an import); True if it had to. A reader calls it before reading."""
    from thidua.store.database import copy_on_write, writer_lock

    if not db.exists():
        return False
    con = engine.connect(str(db), read_only=True)  # no macros: they need the tables it may lack
    try:
        if not missing(con):
            return False
    finally:
        con.close()
    with writer_lock(db), copy_on_write(db):
        pass  # every writable connection begins with create_schema, which builds them
    return True


def connect_reader(db: Path, macros: tuple[str, ...] | None = None
                   ) -> duckdb.DuckDBPyConnection:
    """A reader's connection (read-only, query macros installed) to ``db``, its aggregates
    built first if the file lacks them (``ensure_built``; a file that cannot be written is
    read as it is). One open of the file when nothing is missing, the common case. ``macros``:
    the names to install (default: all of ``thidua.store.sql``)."""
    from thidua.store.sql import install_macros

    con = engine.connect(str(db), read_only=True)
    try:
        stale = missing(con)
    except BaseException:
        con.close()
        raise
    if stale:
        from thidua.store.database import StoreError  # the writer's module, only when needed

        con.close()
        with contextlib.suppress(StoreError):
            ensure_built(db)
        con = engine.connect(str(db), read_only=True)
    if macros is None:
        install_macros(con)
    else:
        install_macros(con, macros)
    return con

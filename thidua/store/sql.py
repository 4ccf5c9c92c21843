"""Named queries: every SQL statement lives in ``queries/<folder>/<name>.sql``.

A query is asked for by its name (``"metrics/unit_metrics"``); values are always bound as DuckDB
named parameters (``$campaign_code``). A few import checks are written once for every table and
take identifiers as ``{placeholders}``: those are filled only from the contract (the
allow-list), never from user input, and ``render`` refuses anything else.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from thidua.paths import QUERIES_DIR

if TYPE_CHECKING:
    import duckdb

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@cache
def allowed_identifiers() -> frozenset[str]:
    """The names ``render`` may put in a query: the contract's tables, columns and aggregate
    tables (read on first use: the summary's fast path renders nothing)."""
    from thidua.contract.reference import AGGREGATE_TABLES, TABLES

    return frozenset({t.name for t in TABLES} | {c.name for t in TABLES for c in t.columns}
                     | set(AGGREGATE_TABLES))


@cache
def query_text(name: str) -> str:
    """The text of ``queries/<name>.sql``."""
    path = QUERIES_DIR / f"{name}.sql"
    if not path.is_file():
        raise KeyError(f"no query named {name!r} (looked for {path})")
    return path.read_text(encoding="utf-8")


def render(name: str, **identifiers: str | list[str]) -> str:
    """A template query with identifiers from the allow-list put in its ``{placeholders}``."""
    values: dict[str, str] = {}
    for key, value in identifiers.items():
        names = value if isinstance(value, list) else [value]
        bad = [n for n in names if n not in allowed_identifiers()]
        if bad:
            raise ValueError(f"identifiers {bad} are not in the allow-list")
        values[key] = ", ".join(names)
    return query_text(name).format(**values)


# Parameters a list query may name and a caller may leave out: its first rows only
# (``$row_limit``) and the units whose rows a unit head may see (``$scope_units``); NULL: all.
OPTIONAL = {"row_limit": None, "scope_units": None}


def bind(text: str, params: dict[str, Any]) -> dict[str, Any]:
    """The parameters the statement names (DuckDB refuses extra ones)."""
    wanted = set(_PARAM.findall(text))
    params = {**{k: v for k, v in OPTIONAL.items() if k in wanted}, **params}
    missing = wanted - params.keys()
    if missing:
        raise KeyError(f"missing query parameters: {sorted(missing)}")
    return {k: v for k, v in params.items() if k in wanted}


def execute(con: duckdb.DuckDBPyConnection, name: str, text: str | None = None,
            **params: Any) -> duckdb.DuckDBPyConnection:
    """Run the named query (or an already rendered ``text`` of it) with bound parameters."""
    sql = text if text is not None else query_text(name)
    return con.execute(sql, bind(sql, params))


def fetch_df(con: duckdb.DuckDBPyConnection, name: str, **params: Any):
    """The named query's result as a pandas DataFrame (``thidua.store.frames``)."""
    from thidua.store.frames import result_df  # pandas only where a frame is asked for

    text = query_text(name)
    return result_df(con, text, bind(text, params))


def first_rows_text(name: str, scope_column: str | None = None, count: bool = False,
                    limit: bool = True) -> str:
    """The named query cut to its first ``$row_limit`` rows (``limit``), in its own order
    (DuckDB runs an ``order by`` under a ``limit`` as a top-N, not a sort of every row), and
    to the units in ``$scope_units`` when ``scope_column`` names the column of a row's unit.
    ``count``: the number of its rows instead. ``scope_column`` comes from the allow-list.
    """
    inner = query_text(name).strip().rstrip(";")
    where = ""
    if scope_column is not None:
        if scope_column not in allowed_identifiers():
            raise ValueError(f"identifier {scope_column!r} is not in the allow-list")
        where = f" where list_contains($scope_units, q.{scope_column})"
    head = "select count(*) as row_count" if count else "select *"
    tail = " limit $row_limit" if limit and not count else ""
    return f"{head} from (\n{inner}\n) as q{where}{tail}"


def fetch_first(con: duckdb.DuckDBPyConnection, name: str, row_limit: int | None,
                scope_column: str | None = None, scope_units: list[str] | None = None,
                **params: Any):
    """The first ``row_limit`` rows (None: all) of the named query as a DataFrame; with
    ``scope_units``, only the rows whose ``scope_column`` is one of them."""
    from thidua.store.frames import result_df

    text = first_rows_text(name, scope_column if scope_units is not None else None,
                           limit=row_limit is not None)
    values = {**params, "row_limit": row_limit, "scope_units": scope_units}
    return result_df(con, text, bind(text, values))


def count_rows(con: duckdb.DuckDBPyConnection, name: str, scope_column: str | None = None,
               scope_units: list[str] | None = None, count_query: str | None = None,
               **params: Any) -> int:
    """How many rows the named query has (with ``scope_units``: of those units); by the named
    ``count_query`` if given (one ``row_count``, the same parameters and scope), a cheaper
    statement than counting the list itself."""
    if count_query is not None:
        text = query_text(count_query)
    else:
        text = first_rows_text(name, scope_column if scope_units is not None else None,
                               count=True)
    values = {**params, "scope_units": scope_units}
    return con.execute(text, bind(text, values)).fetchall()[0][0]


def fetch_rows(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> list[dict[str, Any]]:
    """The named query's result as a list of dicts (column name -> value)."""
    cur = execute(con, name, **params)
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


# The macros of queries/macros, each after those it calls: cleaning and parsing text (the
# loader's staging and checks, the unit search), then the metrics' (scope, statuses, numbers).
TEXT_MACROS = ("fold_key", "clean_text", "parse_code", "parse_number", "parse_date",
               "parse_month", "parse_result", "parse_subject")
METRIC_MACROS = ("pct", "scope_units", "nomination_status_on_days", "nomination_status_as_of",
                 "nomination_status_from_steps", "nomination_counts_as_of", "unit_metrics")
# The four that ``thidua summary``'s queries call (metrics/unit_metrics, campaign_kpis,
# nominations_by_status and _by_award, unit_rollups; marts/table_units): each macro created is a
# statement parsed on every connection, and the summary opens one per run.
SUMMARY_MACROS = ("pct", "scope_units", "nomination_counts_as_of", "unit_metrics")


def install_macros(con: duckdb.DuckDBPyConnection,
                   names: tuple[str, ...] = TEXT_MACROS + METRIC_MACROS) -> None:
    """Create the macros ``names`` (default: all) of ``queries/macros``, in that order.
    ``METRIC_MACROS`` alone serve the metrics queries, ``SUMMARY_MACROS`` ``thidua summary``'s."""
    for name in names:
        con.execute(query_text(f"macros/{name}"))

"""The database's tables and the reference lists written into them.

The contract's tables are created from ``queries/schema`` (``create table if not exists``, so an
existing database keeps its rows); the two reference lists, statuses and award forms, are then
(re)written from ``thidua.contract.reference`` so that the file always carries the vocabulary of
the code that last wrote it. Both the store (every writable connection) and the import's staging
(the checks join ``statuses``) call here: the lists have one writer.
"""

from __future__ import annotations

import duckdb

from thidua.contract import reference as ref
from thidua.contract.reference import AGGREGATE_TABLES
from thidua.store.aggregates import build_missing
from thidua.store.sql import execute, query_text

SCHEMA = ("campaigns", "units", "units_parent_unit", "staff", "criteria", "registrations",
          "evaluations", "nominations", "nomination_events", "award_forms", "statuses", "imports",
          *AGGREGATE_TABLES, "agg_nomination_steps_name_rank")
REFERENCE_TABLES = ("statuses", "award_forms")


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the contract's tables if missing and (re)write the reference lists."""
    for name in SCHEMA:
        con.execute(query_text(f"schema/{name}"))
    write_reference_lists(con)
    build_missing(con)  # a file of an older version gains its aggregates


def write_reference_lists(con: duckdb.DuckDBPyConnection) -> None:
    """The statuses and award forms of thidua.contract.reference, their tables made if missing."""
    for name in REFERENCE_TABLES:
        con.execute(query_text(f"schema/{name}"))
    for i, s in enumerate(ref.STATUSES):
        execute(con, "schema/upsert_status", status=s.code, label_vi=s.label_vi,
                label_en=s.label_en, meaning=s.meaning_vi, is_final=s.is_final, sort_order=i)
    for i, a in enumerate(ref.AWARD_FORMS):
        execute(con, "schema/upsert_award_form", award_code=a.code, label_vi=a.label_vi,
                label_en=a.label_en, decided_by=a.decided_by_vi, level=a.level, sort_order=i)

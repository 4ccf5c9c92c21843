"""The queries that read the aggregates give exactly what the raw-table definitions give.

``tests/definitions`` holds the metric and mart queries as they were written over the raw
tables (staff, registrations, evaluations, the nomination history) before the aggregates of
``queries/aggregates`` existed. Each test runs both on the same database, for many as-of dates
and unit scopes, and compares the whole results: on the tiny fixture, on the Office's sample
workbook, and on a generated province with agencies, units and sub-units imported twice (so
the history holds entries of two imports). A raw definition knows no hierarchy, so it is given
the scope spelled out (the chosen units and everything below them); the aggregate query gets
the chosen units only and must find the rest itself.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from tests.hierarchy_fixture import write_hierarchy
from thidua.ingest.load import load
from thidua.paths import SAMPLE_WORKBOOK
from thidua.store.database import connect_read_only
from thidua.store.sql import bind, fetch_df, fetch_rows

DEFINITIONS = Path(__file__).parent / "definitions"
SAME_AS_RAW = (  # (query, raw definition, what else it takes)
    ("metrics/unit_metrics", None, ("period",)),
    ("metrics/campaign_kpis", "campaign_kpis", ("period",)),
    ("metrics/nominations_by_status", "nominations_by_status", ()),
    ("metrics/nominations_by_award", "nominations_by_award", ()),
    ("marts/criteria_fulfilment", "criteria_fulfilment", ("period", "subject_type")),
    ("marts/fulfilment_trend", "fulfilment_trend", ()),
    ("marts/participation_breakdown", "participation_breakdown", ()),
    ("marts/registrations_over_time", "registrations_over_time", ()),
    ("marts/nomination_status_weekly", "nomination_status_weekly", ()),
    ("marts/nominations_award_status", "nominations_award_status", ()),
    ("marts/stage_durations", "stage_durations", ()),
    ("marts/nomination_list", "nomination_list", ()),
    ("marts/unregistered_staff", "unregistered_staff", ()),
    ("marts/missing_evaluations", "missing_evaluations", ("period",)),
)


def _raw(con, definition: str | None, params: dict) -> pd.DataFrame:
    if definition is None:  # the raw unit_metrics macro, ordered as the named query orders it
        text = "select * from raw_unit_metrics($campaign_code, $as_of, $period, $unit_codes) " \
               "order by unit_code"
    else:
        text = (DEFINITIONS / f"{definition}.sql").read_text(encoding="utf-8")
    return con.execute(text, bind(text, params)).df()


def _connect(db: Path):
    con = connect_read_only(db)
    con.execute((DEFINITIONS / "macro_unit_metrics.sql").read_text(encoding="utf-8"))
    return con


def _below(con, campaign: str, chosen: list[str]) -> list[str]:
    """The chosen units and every unit below them, from the units table's parent links."""
    parents = {r["unit_code"]: r["parent_unit"] for r in fetch_rows(
        con, "marts/table_units", campaign_code=campaign, unit_codes=None)}
    found, frontier = set(chosen), set(chosen)
    while frontier:
        frontier = {u for u, p in parents.items() if p in frontier} - found
        found |= frontier
    return sorted(found)


def _days(con, campaign: str) -> list[dt.date]:
    start, end = con.execute("select min(start_date), max(end_date) from campaigns "
                             "where campaign_code = ?", [campaign]).fetchone()
    last = con.execute("select max(event_date) from nomination_events where campaign_code = ?",
                       [campaign]).fetchone()[0] or end
    span = (max(last, end) - start).days
    return sorted({start - dt.timedelta(days=1), *(start + dt.timedelta(days=span * i // 5)
                                                  for i in range(6)), last, end})


def _periods(con, campaign: str) -> list[dt.date | None]:
    rows = fetch_rows(con, "metrics/evaluation_periods", campaign_code=campaign)
    return [None, *(r["period"] for r in rows)]


def _compare(con, campaign: str, scopes: list[list[str] | None]) -> int:
    compared = 0
    periods = _periods(con, campaign)
    for as_of in _days(con, campaign):
        for chosen in scopes:
            spelled = _below(con, campaign, chosen) if chosen else None
            for name, definition, extra in SAME_AS_RAW:
                for period in (periods if "period" in extra else [None]):
                    if period is None and "subject_type" in extra:
                        continue
                    for subject in (("tap_the", "ca_nhan") if "subject_type" in extra
                                    else (None,)):
                        params = {"campaign_code": campaign, "as_of": as_of, "period": period,
                                  "subject_type": subject}
                        got = fetch_df(con, name, **params, unit_codes=chosen)
                        want = _raw(con, definition, {**params, "unit_codes": spelled})
                        pd.testing.assert_frame_equal(got, want, check_dtype=True,
                                                      obj=f"{name} {as_of} {chosen} {period}")
                        compared += 1
    return compared


def test_tiny_fixture_aggregates_equal_the_definitions(tiny_db):
    con = _connect(tiny_db)
    assert _compare(con, "TD25", [None, ["TH", "BTCD"]]) > 150


def test_office_sample_aggregates_equal_the_definitions(tmp_path):
    db = tmp_path / "office.duckdb"
    assert load(SAMPLE_WORKBOOK, db).outcome == "imported"
    con = _connect(db)
    code = con.execute("select campaign_code from campaigns").fetchone()[0]
    assert _compare(con, code, [None, ["TH", "KT"]]) > 150


@pytest.fixture
def province_db(tmp_path: Path) -> Path:
    db = tmp_path / "province.duckdb"
    first = load(write_hierarchy(tmp_path / "first", moved=False), db)
    assert first.outcome == "imported", [e.code for e in first.errors]
    second = load(write_hierarchy(tmp_path / "second"), db)
    assert second.outcome == "imported", [e.code for e in second.errors]
    return db


def test_a_province_with_parents_aggregates_equal_the_definitions(province_db):
    con = _connect(province_db)
    assert _compare(con, "TDH", [None, ["S01"], ["S02P1", "S03"]]) > 250


def test_status_from_the_steps_is_the_status_of_the_history_every_day(province_db):
    con = _connect(province_db)
    first, last = con.execute("select min(proposed_on) - 1, max(event_date) + 1 "
                              "from nominations, nomination_events").fetchone()
    day = first
    while day <= last:
        got = con.execute("select * exclude (name_rank) from "
                          "nomination_status_from_steps('TDH', ?, null) "
                          "order by nomination_code", [day]).fetchall()
        want = con.execute(
            "select nomination_code, subject_type, subject_code, award_code, proposing_unit, "
            "proposed_on, status_as_of, status_since from nomination_status_as_of('TDH', ?, "
            "null) order by nomination_code", [day]).fetchall()
        assert got == want, day
        day += dt.timedelta(days=1)


def test_choosing_an_agency_puts_its_units_in_scope(province_db):
    con = connect_read_only(province_db)
    units = fetch_rows(con, "metrics/unit_metrics", campaign_code="TDH", as_of=dt.date(2026, 1, 31),
                       period=dt.date(2026, 1, 1), unit_codes=["S01"])
    assert [u["unit_code"] for u in units] == _below(con, "TDH", ["S01"])
    assert len(units) > 2 and all(u["unit_code"].startswith("S01") for u in units)


@pytest.mark.parametrize("how", ["empty", "absent"])
def test_a_file_without_the_named_list_tables_gains_them(tiny_db, how):
    """A file of the version before agg_nomination_rows, agg_registered_subjects and
    agg_missing_results (their tables absent, or created empty by a reader's schema) has
    them built on the next open, and the lists equal their definitions again."""
    import duckdb

    from thidua.store.aggregates import ensure_built

    tables = ("agg_nomination_rows", "agg_registered_subjects", "agg_missing_results")
    con = duckdb.connect(str(tiny_db))
    for table in tables:
        con.execute(f"drop table {table}" if how == "absent" else f"delete from {table}")
    con.close()
    assert ensure_built(tiny_db) is True
    assert ensure_built(tiny_db) is False
    con = _connect(tiny_db)
    for table in tables:
        assert con.execute(f"select count(*) from {table}").fetchone()[0] > 0, table
    params = {"campaign_code": "TD25", "as_of": dt.date(2026, 6, 30),
              "period": dt.date(2025, 11, 1), "unit_codes": None}
    for name, definition in (("marts/nomination_list", "nomination_list"),
                             ("marts/missing_evaluations", "missing_evaluations")):
        got = fetch_df(con, name, **params)
        assert len(got) > 0, name
        pd.testing.assert_frame_equal(got, _raw(con, definition, params), check_dtype=True)


@pytest.mark.parametrize("period", [dt.date(2025, 11, 15), dt.date(2026, 1, 1),
                                    dt.date(2026, 5, 1)])
@pytest.mark.parametrize("chosen", [None, ["TH"]])
def test_missing_results_of_a_period_without_evaluations_equal_the_definition(tiny_db, period,
                                                                              chosen):
    """A day that is no evaluation period: nobody has a result, every registered subject of
    the scope is listed with none (the query's second branch, not agg_missing_results)."""
    con = _connect(tiny_db)
    assert not con.execute("select count(*) from evaluations where period = ?",
                           [period]).fetchone()[0]
    params = {"campaign_code": "TD25", "period": period}
    got = fetch_df(con, "marts/missing_evaluations", **params, unit_codes=chosen)
    want = _raw(con, "missing_evaluations",
                {**params, "unit_codes": _below(con, "TD25", chosen) if chosen else None})
    assert len(want) > 0
    assert (want["results_evaluated"] == 0).all()
    pd.testing.assert_frame_equal(got, want, check_dtype=True)


def test_a_campaign_built_from_another_import_is_stale_and_only_it(tiny_db):
    """``aggregates/campaign_is_stale`` per campaign: aggregates of an older import (a restore)
    and a campaign with none are both found, a current one is not; ``first`` stops at one."""
    import duckdb

    from thidua.store.aggregates import ensure_built, missing, stale_campaigns

    con = duckdb.connect(str(tiny_db))
    try:
        assert stale_campaigns(con) == [] and missing(con) is False
        con.execute("update agg_campaigns set import_id = import_id + 100")
        assert stale_campaigns(con) == ["TD25"] and missing(con) is True
        con.execute("update agg_campaigns set import_id = import_id - 100")
        con.execute("insert into campaigns (campaign_code, campaign_name, start_date, end_date) "
                    "values ('AA01', 'Khác', date '2024-01-01', date '2024-12-31')")
        assert stale_campaigns(con) == ["AA01"]
        con.execute("update agg_campaigns set import_id = null")  # TD25 stale again
        assert stale_campaigns(con) == ["AA01", "TD25"]
        assert stale_campaigns(con, first=True) == ["AA01"]
        con.execute("delete from campaigns where campaign_code = 'AA01'")
    finally:
        con.close()
    assert ensure_built(tiny_db) is True
    assert ensure_built(tiny_db) is False

"""Every section-5 number of the tiny fixture, asserted whole against hand-counted values."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from typer.testing import CliRunner

from tests import expected
from thidua.cli import app
from thidua.metrics.summary import UnknownCampaign, build_summary

TODAY = dt.date(2026, 11, 24)


def test_default_as_of_is_today_clipped_to_the_data(tiny_con):
    assert build_summary(tiny_con, today=TODAY) == expected.SUMMARY_DEFAULT


def test_default_as_of_inside_the_data_is_today(tiny_con):
    assert build_summary(tiny_con, today=dt.date(2025, 11, 30)) == expected.SUMMARY_2025_11_30


def test_as_of_inside_the_campaign(tiny_con):
    summary = build_summary(tiny_con, "td25", dt.date(2025, 11, 30))
    assert summary == expected.SUMMARY_2025_11_30


@pytest.mark.parametrize("day", sorted(expected.NOMINATIONS_BY_STATUS))
def test_status_as_of_follows_the_history(tiny_con, day):
    summary = build_summary(tiny_con, as_of=dt.date.fromisoformat(day))
    assert summary["nominations_by_status"] == expected.NOMINATIONS_BY_STATUS[day]
    assert summary["nominations_total"] == sum(expected.NOMINATIONS_BY_STATUS[day].values())


def test_unit_scope_restricts_every_number(tiny_con):
    summary = build_summary(tiny_con, as_of=dt.date(2026, 6, 15), units=["th", "BTCD"])
    assert (summary["staff_total"], summary["staff_registered"],
            summary["staff_participation_pct"]) == (3, 2, 66.7)
    assert (summary["units_total"], summary["units_registered"],
            summary["unit_participation_pct"]) == (2, 1, 50.0)
    assert [u["unit_code"] for u in summary["units"]] == ["BTCD", "TH"]
    # HS02 and HS03 are proposed by TH; HS01 by KT is out of scope.
    assert summary["nominations_by_status"] == {
        **expected.STATUS_ZEROS, "hoi_dong": 1, "khong_khen_thuong": 1}
    assert summary["nominations_by_award"] == {"BKTTG": {"total": 1, "da_khen_thuong": 0},
                                               "GKVP": {"total": 1, "da_khen_thuong": 0}}


def test_before_any_evaluation_period_is_null(tiny_con):
    summary = build_summary(tiny_con, as_of=dt.date(2025, 10, 31))
    assert summary["period"] is None
    assert summary["staff_registered"] == 2  # CB01 (15/10) and CB04 (20/10)
    assert summary["units"][1] == expected.unit("KT", 3, 1, 0, 0, None, 0, 0, None, None)


def test_unknown_campaign(tiny_con):
    with pytest.raises(UnknownCampaign):
        build_summary(tiny_con, "NOPE")


def test_cli_summary_json_matches_the_contract(tiny_db):
    result = CliRunner().invoke(app, ["summary", "--db", str(tiny_db), "--as-of", "2025-11-30",
                                      "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == expected.SUMMARY_2025_11_30


def test_cli_summary_unknown_campaign_exits_2(tiny_db):
    result = CliRunner().invoke(app, ["summary", "--db", str(tiny_db), "--campaign", "X",
                                      "--json"])
    assert result.exit_code == 2


@pytest.mark.parametrize("units", [None, ["th", "BTCD"]])
def test_the_summary_needs_only_its_macros(tiny_db, units):
    """``thidua summary`` creates only ``SUMMARY_MACROS`` on its connection: with them alone,
    every query of the summary (rollups included) gives what it gives with all the macros."""
    from thidua.store.aggregates import connect_reader
    from thidua.store.sql import SUMMARY_MACROS

    answers = []
    for macros in (SUMMARY_MACROS, None):
        con = connect_reader(tiny_db, macros)
        try:
            answers.append(build_summary(con, "td25", dt.date(2026, 6, 15), units, rollup=True))
        finally:
            con.close()
    assert answers[0] == answers[1]
    assert answers[0]["units"] and "rollups" in answers[0]

"""Units in a hierarchy: scope, roll-ups, the level a page shows, older files, the pages.

The generated province of ``tests.hierarchy_fixture`` (agencies S01…, their units S01P1…, a
few sub-units S01P1T) is loaded with the real loader; the Office's flat tiny fixture shows
that nothing changes where no unit has a parent.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from typer.testing import CliRunner

from tests import expected
from tests.hierarchy_fixture import write_hierarchy
from thidua.cli import app
from thidua.ingest.load import load
from thidua.metrics import levels
from thidua.metrics.summary import build_summary
from thidua.store import aggregates
from thidua.store.database import connect_read_only

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "streamlit_app.py")
AS_OF = dt.date(2026, 3, 31)
UNITS = pd.DataFrame({
    "unit_code": ["A", "A1", "A2", "A2X", "B"],
    "unit_name": ["Sở A", "Phòng A1", "Phòng A2", "Tổ A2X", "Sở B"],
    "parent_unit": [None, "A", "A", "A2", None]})


@pytest.fixture(scope="module")
def province(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("province")
    db = tmp / "province.duckdb"
    outcome = load(write_hierarchy(tmp / "csv", agencies=14), db)
    assert outcome.outcome == "imported", [e.code for e in outcome.errors]
    return db


def test_nothing_chosen_shows_the_top_level():
    view = levels.level_view(UNITS, ())
    assert (view.view_units, view.own_unit, view.path, view.hierarchical) == (
        ["A", "B"], None, [], True)


def test_an_agency_chosen_shows_its_units_and_its_own_row():
    view = levels.level_view(UNITS, ("A2",))
    assert (view.view_units, view.own_unit) == (["A2", "A2X"], "A2")
    assert view.path == [("A", "Sở A"), ("A2", "Phòng A2")]


def test_a_unit_without_units_below_shows_itself():
    view = levels.level_view(UNITS, ("A1",))
    assert (view.view_units, view.own_unit, view.children) == (["A1"], None, [])


def test_an_office_without_parents_shows_every_unit():
    flat = UNITS.assign(parent_unit=None)
    assert levels.level_view(flat, ()).view_units == ["A", "A1", "A2", "A2X", "B"]
    assert not levels.level_view(flat, ()).hierarchical


def test_worst_and_best_keep_both_ends_in_the_frame_order():
    df = pd.DataFrame({"unit_code": list("abcdefg"), "pct": [50, None, 90, 10, 70, 30, 99]})
    shown = levels.worst_and_best(df, "pct", 2)
    assert (list(shown.rows["unit_code"]), shown.shown, shown.total) == (
        ["b", "c", "d", "g"], 4, 7)
    assert levels.worst_and_best(df, "pct", 4).rows.equals(df)


def test_choosing_an_agency_sums_to_its_rollup(province):
    con = connect_read_only(province)
    summary = build_summary(con, as_of=AS_OF, units=["S01"], rollup=True)
    codes = [u["unit_code"] for u in summary["units"]]
    assert codes[0] == "S01" and len(codes) > 2 and all(c.startswith("S01") for c in codes)
    top = next(r for r in summary["rollups"] if r["unit_code"] == "S01")
    assert (top["units_total"], top["staff_total"], top["staff_registered"]) == (
        summary["units_total"], summary["staff_total"], summary["staff_registered"])
    assert top["staff_total"] == sum(u["staff_total"] for u in summary["units"])
    assert top["collective_met"] == sum(u["collective_met"] for u in summary["units"])


def test_the_flat_office_summary_is_unchanged_and_has_no_rollups(tiny_con):
    summary = build_summary(tiny_con, "td25", dt.date(2025, 11, 30), rollup=True)
    assert summary.pop("rollups") == []
    assert summary == expected.SUMMARY_2025_11_30


def test_a_file_of_an_older_version_gains_parent_unit_and_aggregates(tiny_db):
    con = duckdb.connect(str(tiny_db))
    for table in ("agg_units", "agg_unit_tree", "agg_campaigns"):
        con.execute(f"drop table {table}")
    con.execute("alter table units drop column parent_unit")
    con.close()
    assert aggregates.ensure_built(tiny_db) is True
    assert aggregates.ensure_built(tiny_db) is False
    result = CliRunner().invoke(app, ["summary", "--db", str(tiny_db), "--as-of", "2025-11-30",
                                      "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == expected.SUMMARY_2025_11_30


def _page(db: Path, monkeypatch, page: str, **query: str) -> AppTest:
    monkeypatch.setenv("THIDUA_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def test_a_province_picks_units_by_level_and_search(province, monkeypatch):
    at = _page(province, monkeypatch, "app_pages/participation.py")
    assert not at.sidebar.multiselect  # no list of every unit in the browser
    below = at.sidebar.selectbox(key="below_TDH_")
    assert len(below.options) == 14  # the agencies
    below.set_value("S02").run()
    assert at.query_params["units"] in ("S02", ["S02"])
    crumbs = [b.label for b in at.sidebar.button if b.key.startswith("crumb_")]
    assert crumbs == ["Tất cả đơn vị"]
    at.sidebar.text_input(key="unit_search_TDH").input("phong 1 cua so 3").run()
    found = at.sidebar.selectbox(key="found_TDH_phong 1 cua so 3")
    assert found.options[0] == "Phòng 1 của Sở 3 (S03P1)"


def test_a_province_level_is_capped_to_the_worst_and_best(province, monkeypatch):
    at = _page(province, monkeypatch, "app_pages/participation.py")
    captions = [c.value for c in at.caption]
    assert "Đang hiển thị 20 trên 14 đơn vị" not in captions
    assert at.segmented_control(key="participation_rows").value == 10
    at.segmented_control(key="participation_rows").set_value(5).run()
    assert any(c.startswith("Đang hiển thị 10 trên 14 đơn vị (5 kém nhất và 5 tốt nhất")
               for c in (c.value for c in at.caption))
    drill = at.selectbox(key="participation_drill_")
    assert len(drill.options) == 14


def test_an_agency_page_shows_its_own_row_and_its_units(province, monkeypatch):
    at = _page(province, monkeypatch, "app_pages/criteria.py", units="S01")
    crumbs = [b.label for b in at.sidebar.button if b.key.startswith("crumb_")]
    assert crumbs == ["Tất cả đơn vị"]
    assert "**› Sở số 1**" in [m.value.replace("&nbsp;", "") for m in at.sidebar.markdown]


def _registration_units(store, name: str) -> set[str]:
    from tests.conftest import PAGES, run_app

    at = run_app(token=store.create_session(name))
    at.switch_page(PAGES["du-lieu"][0]).run()
    at.segmented_control(key="table_choice").set_value("table_registrations").run()
    assert not at.exception
    return set(at.dataframe[0].value["Mã đơn vị"])


def test_a_unit_head_of_an_agency_sees_the_named_rows_of_the_units_below_it(
        province, tmp_path, monkeypatch):
    from tests.conftest import PASSWORD
    from thidua.accounts.store import AccountStore

    with duckdb.connect(str(province), read_only=True) as con:
        tree = con.execute("select ancestor_code, unit_code from agg_unit_tree").fetchall()
    below = {unit for ancestor, unit in tree if ancestor == "S01"}
    leaf = next(unit for unit in sorted(below)
                if {u for a, u in tree if a == unit} == {unit})
    monkeypatch.setenv("THIDUA_DB", str(province))
    monkeypatch.setenv("THIDUA_ACCOUNTS", str(tmp_path / "accounts.sqlite"))
    store = AccountStore(tmp_path / "accounts.sqlite")
    store.add("hc", "hcqt", PASSWORD)
    store.add("dv_s01", "don_vi", PASSWORD, unit="S01")
    store.add("dv_leaf", "don_vi", PASSWORD, unit=leaf)
    every = _registration_units(store, "hc")
    assert len(every & below) > 1 and every - below  # the agency's units, and others
    assert _registration_units(store, "dv_s01") == every & below
    assert _registration_units(store, "dv_leaf") == every & {leaf}

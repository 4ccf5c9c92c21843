"""Long lists on the pages: the first rows from the database, every row in the download.

``thidua.store.sql.fetch_first`` cuts a named query to its first rows in its own order and to
a unit head's units; the pages (``dashboard/ui/named_list.py``) draw those rows, say that the
list goes on, and the CSV behind the link holds every row of the account's units.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from tests.conftest import PAGES, PASSWORD, audit_events, download_links
from thidua.catalogue import t
from thidua.ingest.load import load
from thidua.paths import SAMPLE_WORKBOOK
from thidua.store.database import connect_read_only
from thidua.store.sql import count_rows, fetch_df, fetch_first, first_rows_text

# (query, the column of a row's unit)
LISTS = [("marts/nomination_list", "proposing_unit"), ("marts/unregistered_staff", "unit_code"),
         ("marts/missing_evaluations", "unit_code"), ("marts/table_staff", "unit_code"),
         ("marts/table_registrations", "unit_code"), ("marts/table_evaluations", "unit_code"),
         ("metrics/unit_metrics", None), ("marts/table_units", None)]


def same(cut: pd.DataFrame, whole: pd.DataFrame) -> None:
    """Same rows and values (a text column with no value in the cut rows is objects of None,
    as DuckDB's own conversion gives it)."""
    def plain(df: pd.DataFrame) -> pd.DataFrame:
        return df.astype(object).where(df.notna(), None).reset_index(drop=True)

    pd.testing.assert_frame_equal(plain(cut), plain(whole))


@pytest.fixture(scope="module")
def sample_con(tmp_path_factory):
    db = tmp_path_factory.mktemp("named") / "sample.duckdb"
    assert load(SAMPLE_WORKBOOK, db).outcome == "imported"
    con = connect_read_only(db)
    code = con.execute("select campaign_code from campaigns").fetchall()[0][0]
    as_of = dt.date(2026, 3, 15)
    period = fetch_df(con, "metrics/evaluation_period", campaign_code=code, as_of=as_of)
    yield con, {"campaign_code": code, "as_of": as_of, "unit_codes": None,
                "period": period["period"].iloc[0]}
    con.close()


@pytest.mark.parametrize(("name", "column"), LISTS)
def test_the_first_rows_are_the_head_of_the_whole_list(sample_con, name: str, column):
    con, params = sample_con
    whole = fetch_df(con, name, **params)
    assert len(whole) > 5, name  # the sample's lists are long enough to be cut
    for limit in (1, 3, len(whole) - 1, len(whole), len(whole) + 5):
        first = fetch_first(con, name, limit, **params)
        same(first, whole.head(limit))
    assert count_rows(con, name, **params) == len(whole)
    same(fetch_first(con, name, None, **params), whole)


@pytest.mark.parametrize(("name", "column"), [c for c in LISTS if c[1]])
def test_a_unit_scope_is_cut_in_the_query(sample_con, name: str, column: str):
    con, params = sample_con
    whole = fetch_df(con, name, **params)
    units = sorted(whole[column].dropna().unique())[:1]
    mine = whole[whole[column].isin(units)].reset_index(drop=True)
    assert 0 < len(mine) < len(whole)
    same(fetch_first(con, name, None, column, units, **params), mine)
    same(fetch_first(con, name, 3, column, units, **params), mine.head(3))
    assert count_rows(con, name, column, units, **params) == len(mine)
    assert len(fetch_first(con, name, 5, column, [], **params)) == 0  # no unit: no row


def test_the_scope_column_must_be_a_contract_column():
    with pytest.raises(ValueError, match="allow-list"):
        first_rows_text("marts/table_staff", "unit_code = unit_code or true --")


@pytest.fixture
def short_pages(monkeypatch: pytest.MonkeyPatch):
    """The pages draw at most 2 rows of a list (the tiny campaign's lists are short)."""
    from dashboard.ui import named_list

    monkeypatch.setattr(named_list, "TABLE_ROWS", 2)


def test_a_long_list_shows_its_first_rows_and_downloads_them_all(short_pages, role_store,
                                                                 signed_in, fetch):
    at = signed_in("hc")
    at.switch_page(PAGES["du-lieu"][0]).run()
    at.segmented_control(key="table_choice").set_value("table_staff").run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 2
    assert t("table_first_rows_open", "vi", shown="2") in [c.value for c in at.caption]
    csv = download_links(at)[0]
    body = fetch(csv, at.session_state["auth_token"]).content.decode("utf-8-sig")
    staff = body.strip().count("\n")  # every staff member of the tiny campaign, not 2
    assert staff == 6
    assert audit_events(role_store.path)[-1][2]["rows"] == staff


def test_a_counted_list_says_how_long_it_is(short_pages, signed_in):
    at = signed_in("hc")
    at.switch_page(PAGES["khen-thuong"][0]).run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 2
    assert t("table_first_rows", "vi", shown="2", total="3") in [c.value for c in at.caption]


def test_a_unit_heads_short_page_and_download_hold_only_its_rows(short_pages, signed_in,
                                                                 fetch):
    at = signed_in("dv")
    at.switch_page(PAGES["du-lieu"][0]).run()
    at.segmented_control(key="table_choice").set_value("table_registrations").run()
    assert list(at.dataframe[0].value["Mã đơn vị"]) == ["TH", "TH"]
    body = fetch(download_links(at)[0], at.session_state["auth_token"]).content
    rows = body.decode("utf-8-sig").strip().splitlines()[1:]
    assert len(rows) == 3 and all(",TH," in f",{r}," for r in rows)


def test_the_list_caches_keep_one_units_rows_from_another(short_pages, role_store, signed_in,
                                                          tmp_path: Path):
    role_store.add("dv_kt", "don_vi", PASSWORD, unit="KT")
    for name, codes in (("dv", ["HS02", "HS03"]), ("dv_kt", ["HS01"]), ("dv", ["HS02", "HS03"])):
        at = signed_in(name)
        at.switch_page(PAGES["khen-thuong"][0]).run()
        assert sorted(at.dataframe[0].value["Mã hồ sơ"]) == codes, name


def test_the_nomination_count_counts_the_list(sample_con):
    con, params = sample_con
    whole = fetch_df(con, "marts/nomination_list", **params)
    assert count_rows(con, "marts/nomination_list", count_query="marts/nomination_count",
                      **params) == len(whole) > 0
    unit = sorted(whole["proposing_unit"].unique())[0]
    assert count_rows(con, "marts/nomination_list", "proposing_unit", [unit],
                      count_query="marts/nomination_count", **params) == int(
        (whole["proposing_unit"] == unit).sum())


def test_a_file_without_the_lists_aggregates_gets_them(tmp_path: Path):
    """A database of the version before: no agg_staff_registration, no name_rank in the steps."""
    import duckdb

    from thidua.store import aggregates

    db = tmp_path / "old.duckdb"
    assert load(SAMPLE_WORKBOOK, db).outcome == "imported"
    con = connect_read_only(db)
    code = con.execute("select campaign_code from campaigns").fetchall()[0][0]
    params = {"campaign_code": code, "as_of": dt.date(2026, 3, 15), "unit_codes": None}
    expected = {n: fetch_df(con, n, **params)
                for n in ("marts/nomination_list", "marts/unregistered_staff")}
    con.close()
    old = duckdb.connect(str(db))
    old.execute("drop table agg_staff_registration")
    old.execute("alter table agg_nomination_steps drop column name_rank")
    old.close()
    assert aggregates.ensure_built(db)
    con = aggregates.connect_reader(db)
    for name, frame in expected.items():
        same(fetch_df(con, name, **params), frame)
    con.close()


@pytest.mark.parametrize(("num", "den", "expected"), [
    (1851, 2000, 92.6), (1, 16, 6.3), (3, 80, 3.8), (1, 3, 33.3), (2, 3, 66.7), (0, 5, 0.0),
    (5, 5, 100.0), (1, 0, None), (None, 4, None), (4, None, None), (2_000_001, 2_000_000, 100.0)])
def test_percentages_round_half_up_on_the_exact_fraction(tiny_con, num, den, expected):
    """As people round and as thidua.formats writes (a float's 92.55 is 92.5499…: 92.5)."""
    got = tiny_con.execute("select pct($n::bigint, $d::bigint)", {"n": num, "d": den}
                           ).fetchall()[0][0]
    assert got == expected

"""Every page on every date of a campaign: from its start to a year after its end, and for a
campaign that has no evaluations, no nominations or no registrations yet.

Each case opens the app with ``?as_of=`` and walks through the pages in one AppTest session
(the cheap way: one session, seven page runs); each page must run without an exception and say
what is known (participation's exact figures) and what is not yet ("no evaluation round yet").
The tiny campaign runs 2025-10-01 – 2026-01-23; its first evaluation month is 11/2025, its
first nomination is proposed on 2026-01-28 (tests/fixtures/tiny).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import TINY, read_tiny, write_workbook
from thidua.catalogue import t
from thidua.ingest.load import load

APP = str(Path(__file__).parent.parent / "dashboard" / "streamlit_app.py")
PAGES = ("app_pages/participation.py", "app_pages/criteria.py", "app_pages/nominations.py",
         "app_pages/reports.py", "app_pages/tables.py", "app_pages/import_data.py")
DATES = {  # name: as-of date
    "start": dt.date(2025, 10, 1),
    "before_first_evaluation": dt.date(2025, 10, 20),
    "middle": dt.date(2025, 12, 10),
    "end": dt.date(2026, 1, 23),
    "year_later": dt.date(2027, 1, 23),
}
# Hand-counted from tests/fixtures/tiny/registrations.csv (6 staff, 3 units).
STAFF = {"start": "0/6", "before_first_evaluation": "2/6", "middle": "5/6", "end": "5/6",
         "year_later": "5/6"}
STAFF_PCT = {"0/6": "0,0%", "2/6": "33,3%", "5/6": "83,3%"}
UNITS = {"start": "0/3", "before_first_evaluation": "1/3", "middle": "2/3", "end": "2/3",
         "year_later": "2/3"}
UNITS_PCT = {"0/3": "0,0%", "1/3": "33,3%", "2/3": "66,7%"}
WINDOW = {  # the overview's progress line: days counted to the data date, which it names
    "start": "đến ngày số liệu 01/10/2025 đã qua 0 ngày, còn 114 ngày",
    "before_first_evaluation": "đến ngày số liệu 20/10/2025 đã qua 19 ngày, còn 95 ngày",
    "middle": "đến ngày số liệu 10/12/2025 đã qua 70 ngày, còn 44 ngày",
    "end": "đến ngày số liệu 23/01/2026 đã qua 114 ngày, còn 0 ngày",
    "year_later": "đã kết thúc 365 ngày trước ngày số liệu 23/01/2027",
}
VARIANTS = ("tiny", "no_evaluations", "no_nominations", "no_registrations")
EMPTIED = {"no_evaluations": ("evaluations",), "no_nominations": ("nominations",
                                                                  "nomination_events"),
           "no_registrations": ("registrations",)}


@pytest.fixture(scope="module")
def databases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The tiny campaign and its variants with tables emptied, each through the real loader."""
    folder = tmp_path_factory.mktemp("campaign_dates")
    dbs = {}
    for variant in VARIANTS:
        db = folder / f"{variant}.duckdb"
        if variant == "tiny":
            source = TINY
        else:
            tables = read_tiny()
            for table in EMPTIED[variant]:
                tables[table] = []
            source = write_workbook(folder / f"{variant}.xlsx", tables)
        outcome = load(source, db)
        assert outcome.outcome == "imported", (variant, [e.code for e in outcome.errors])
        dbs[variant] = db
    return dbs


def _texts(at: AppTest, kind: str) -> list[str]:
    return [element.value for element in getattr(at, kind)]


def _no_exception(at: AppTest, where: str) -> None:
    assert not at.exception, (where, [e.message for e in at.exception])
    assert len(at.title) == 1, where


def _check_overview(at: AppTest, variant: str, name: str) -> None:
    metrics = {m.label: m.value for m in at.metric}
    staff = "0/6" if variant == "no_registrations" else STAFF[name]
    units = "0/3" if variant == "no_registrations" else UNITS[name]
    evaluated = variant != "no_evaluations" and DATES[name] >= dt.date(2025, 11, 1)
    nominated = variant != "no_nominations" and name == "year_later"
    assert metrics["Cán bộ tham gia"] == STAFF_PCT[staff]
    assert metrics["Đơn vị tham gia"] == UNITS_PCT[units]
    assert metrics["Hồ sơ khen thưởng"] == ("3" if nominated else "0")
    details = {m.label: m.delta for m in at.metric}  # in each card, under its figure
    assert details["Cán bộ tham gia"] == f"{staff} · chỉ tiêu 90%"
    assert details["Đơn vị tham gia"] == units
    if evaluated:
        assert metrics["Cá nhân đạt tiêu chí"] != "—"
        assert t("no_period", "vi") not in _texts(at, "info")
    else:  # nothing evaluated yet: fulfilment unknown, said in words
        assert [metrics[k] for k in ("Tập thể đạt tiêu chí", "Cá nhân đạt tiêu chí",
                                     "Mức đầy đủ đánh giá")] == ["—", "—", "—"]
        assert details["Mức đầy đủ đánh giá"] == "0/0 · kỳ —"
        assert t("no_period", "vi") in _texts(at, "info")
    progress = [p.proto.text for p in at.get("progress")]
    assert len(progress) == 1 and progress[0].endswith(WINDOW[name]), progress


def _check_page(at: AppTest, page: str, variant: str, name: str) -> None:
    infos = _texts(at, "info")
    evaluated = variant != "no_evaluations" and DATES[name] >= dt.date(2025, 11, 1)
    if page.endswith("participation.py"):
        staff = "0/6" if variant == "no_registrations" else STAFF[name]
        missing = 6 - int(staff.split("/")[0])
        assert f"{missing} người — danh sách để Phòng HCQT đôn đốc." in _texts(at, "caption")
    elif page.endswith("criteria.py"):
        assert (t("no_period", "vi") in infos) is not evaluated
    elif page.endswith("nominations.py"):
        nominated = variant != "no_nominations" and name == "year_later"
        assert (t("no_nominations", "vi") in infos) is not nominated
    assert not at.warning, (page, _texts(at, "warning"))


@pytest.mark.parametrize("name", list(DATES))
@pytest.mark.parametrize("variant", VARIANTS)
def test_every_page_on_every_date(databases: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
                                  variant: str, name: str):
    monkeypatch.setenv("THIDUA_DB", str(databases[variant]))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["as_of"] = DATES[name].isoformat()
    at.run()
    _no_exception(at, "overview")
    assert not at.warning, _texts(at, "warning")  # the date is inside the picker's range
    data_line = f"Số liệu đến ngày {DATES[name]:%d/%m/%Y}"
    assert any(c.startswith(data_line) for c in _texts(at, "caption"))
    _check_overview(at, variant, name)
    for page in PAGES:
        at.switch_page(page).run()
        _no_exception(at, page)
        _check_page(at, page, variant, name)


def test_a_missing_period_is_sent_as_null_not_nat(tiny_db: Path,
                                                  monkeypatch: pytest.MonkeyPatch):
    """pandas' NaT is a ``datetime``: sent as the string "NaT", it broke the cached query
    (``ValueError: Invalid isoformat string: 'NaT'``) before any evaluation month existed."""
    from dashboard.ui import state

    monkeypatch.setenv("THIDUA_DB", str(tiny_db))
    row = state.query("metrics/campaign_kpis", campaign_code="TD25",
                      as_of=dt.date(2025, 10, 20), unit_codes=None, period=pd.NaT).iloc[0]
    assert (row["staff_registered"], row["staff_total"], row["collective_evaluated"]) == (2, 6, 0)

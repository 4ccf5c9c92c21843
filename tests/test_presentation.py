"""Presentation mode (?mode=trinh-chieu) in AppTest on the tiny fixture: every slide renders,
the arrows and the auto-advance move it, the strip shows the filters, no sidebar widgets."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).parent.parent / "dashboard" / "streamlit_app.py")
TITLES = ["Kết quả chính", "Tham gia theo đơn vị", "Tỷ lệ đạt tiêu chí của tập thể — kỳ 12/2025",
          "Hồ sơ khen thưởng theo bước", "Tập thể, cá nhân được đề nghị khen thưởng"]


@pytest.fixture
def present(tiny_db: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("THIDUA_DB", str(tiny_db))

    def make(**query: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params.update({"mode": "trinh-chieu", "play": "0", **query})
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return make


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Presentation mode on the tiny campaign with unit TH named like HTML and Markdown."""
    from tests.conftest import read_tiny, write_workbook
    from thidua.ingest.load import load

    tables = read_tiny()
    tables["units"][1]["unit_name"] = HOSTILE
    db = tmp_path / "hostile.duckdb"
    assert load(write_workbook(tmp_path / "hostile.xlsx", tables), db).outcome == "imported"
    monkeypatch.setenv("THIDUA_DB", str(db))

    def make(**query: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params.update({"mode": "trinh-chieu", "play": "0", **query})
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return make


HOSTILE = "<b>x</b> *x* & \"q\""
MARK = '<span class="mark">✓</span>'


def strip(at: AppTest) -> str:
    return next(m.value for m in at.markdown if 'class="strip"' in m.value)


def test_next_visits_every_slide_and_wraps(present):
    at = present()
    seen = []
    for _ in range(6):
        seen.append(at.title[0].value)
        at.button(key="present_next").click().run()
        assert not at.exception, [e.message for e in at.exception]
    assert seen == [*TITLES, TITLES[0]]
    assert not at.sidebar.selectbox and not at.sidebar.multiselect


def test_previous_goes_back_and_the_url_keeps_the_slide(present):
    at = present(slide="3")
    assert at.title[0].value == TITLES[2]
    at.button(key="present_prev").click().run()
    assert at.title[0].value == TITLES[1]
    assert at.query_params["slide"] == "2"


def test_auto_advance_when_the_time_is_up(present):
    at = present(play="1", every="10")
    assert at.title[0].value == TITLES[0]
    at.session_state["shown_at"] = time.monotonic() - 11
    at.run()
    assert at.title[0].value == TITLES[1]
    at.run()  # not yet time again
    assert at.title[0].value == TITLES[1]
    at.button(key="present_toggle").click().run()  # pause
    at.session_state["shown_at"] = time.monotonic() - 60
    at.run()
    assert at.title[0].value == TITLES[1]
    assert at.query_params["play"] == "0"


def test_strip_shows_the_filters_and_the_date(present):
    at = present(units="KT,TH", as_of="2025-12-31")
    text = strip(at)
    assert "TD25 · Đợt thi đua thử nghiệm" in text
    assert "KT, TH" in text
    assert "Số liệu đến ngày 31/12/2025" in text
    assert "1/5" in text


def test_kpi_slide_numbers_and_english(present):
    at = present(lang="en")
    cards = " ".join(m.value for m in at.markdown if 'class="kpi"' in m.value)
    assert "83.3%" in cards and "5/6" in cards and "66.7%" in cards
    assert at.title[0].value == "Headline figures"


def test_commend_slide_names_nominees_only(present):
    at = present(slide="5")
    text = " ".join(m.value for m in at.markdown)
    assert f"Nguyễn Văn An {MARK}" in text and "Phòng Tổng hợp" in text
    assert "Phạm Thị Dung" not in text  # not awarded: left out of the commendation slide
    assert "CB0" not in text  # no codes or other personal rows


def test_exit_returns_to_the_dashboard(present):
    at = present()
    at.button(key="present_exit").click().run()
    assert "mode" not in at.query_params
    assert at.title[0].value == "Tổng quan"


def test_a_new_import_shows_up_without_losing_the_slide(present, tiny_db: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch):
    from dashboard.ui import state
    from tests.conftest import TINY
    from thidua.ingest.load import load

    monkeypatch.setattr(state, "SNAPSHOT_CHECK_S", 0.0)  # look at the file on every run
    at = present(slide="5")
    assert f"Nguyễn Văn An {MARK}" in " ".join(m.value for m in at.markdown)
    folder = tmp_path / "v2"
    folder.mkdir()
    for f in TINY.iterdir():
        text = f.read_text(encoding="utf-8")
        if f.name == "staff.csv":
            text = text.replace("Nguyễn Văn An,", "Nguyễn Văn Ánh,")
        (folder / f.name).write_text(text, encoding="utf-8")
    assert load(folder, tiny_db).outcome == "imported"
    at.run()  # what the fragment's timer does
    text = " ".join(m.value for m in at.markdown)
    assert f"Nguyễn Văn Ánh {MARK}" in text and f"Nguyễn Văn An {MARK}" not in text
    assert at.title[0].value == TITLES[4]
    assert at.query_params["slide"] == "5"


def test_names_on_the_slides_are_escaped(hostile):
    at = hostile(slide="5")
    lists = [m.value for m in at.markdown if 'class="big-list"' in m.value]
    assert len(lists) == 2  # the best units and the nominees
    escaped = "&lt;b&gt;x&lt;/b&gt; *x* &amp; &quot;q&quot;"
    assert all(escaped in html for html in lists)  # TH ranks and is a nominee (HS02)
    assert all("<b>x</b>" not in html for html in lists)
    assert "1. <b>" + escaped + "</b> — 100,0%" in lists[0]


# --- every slide over the campaign's dates and for a campaign still missing a table ----------

DATES = ("2025-10-01", "2025-10-20", "2025-11-30", "2026-01-23", "2027-01-23")
EMPTIED = {"full": (), "no_evaluations": ("evaluations",),
           "no_nominations": ("nominations", "nomination_events"),
           "no_registrations": ("registrations",)}
NO_PERIOD = "Tỷ lệ đạt tiêu chí của tập thể — kỳ chưa có"
NO_RESULTS = "Chưa có kết quả đánh giá đến ngày này."


@pytest.fixture(scope="module")
def variant_dbs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from tests.conftest import read_tiny, write_workbook
    from thidua.ingest.load import load

    folder = tmp_path_factory.mktemp("variants")
    dbs = {}
    for name, emptied in EMPTIED.items():
        tables = read_tiny()
        for table in emptied:
            tables[table] = []
        db = folder / f"{name}.duckdb"
        assert load(write_workbook(folder / f"{name}.xlsx", tables), db).outcome == "imported"
        dbs[name] = db
    return dbs


def _slide(db: Path, monkeypatch: pytest.MonkeyPatch, slide: int, as_of: str) -> AppTest:
    monkeypatch.setenv("THIDUA_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"mode": "trinh-chieu", "play": "0", "slide": str(slide),
                            "as_of": as_of})
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _html(at: AppTest) -> str:
    return " ".join(m.value for m in at.markdown)


def _expected_period(variant: str, as_of: str) -> str | None:
    if variant == "no_evaluations" or as_of < "2025-11-30":
        return None
    return "11/2025" if as_of < "2025-12-31" else "12/2025"


@pytest.mark.parametrize("as_of", DATES)
@pytest.mark.parametrize("variant", EMPTIED)
def test_kpi_and_heatmap_slides_over_dates(variant_dbs, monkeypatch, variant, as_of):
    period = _expected_period(variant, as_of)
    kpi = _slide(variant_dbs[variant], monkeypatch, 1, as_of)
    cards = _html(kpi)
    assert ("kỳ " + (period or "chưa có")) in cards
    if variant == "no_registrations" or as_of == "2025-10-01":
        assert '<div class="value">0,0%</div><div class="detail">0/6</div>' in cards
    heat = _slide(variant_dbs[variant], monkeypatch, 3, as_of)
    if period is None:
        assert heat.title[0].value == NO_PERIOD
        assert f'<div class="slide-empty">{NO_RESULTS}</div>' in _html(heat)
    else:
        assert heat.title[0].value == f"Tỷ lệ đạt tiêu chí của tập thể — kỳ {period}"
        assert len(heat.get("plotly_chart")) == 1


@pytest.mark.parametrize("as_of", DATES)
@pytest.mark.parametrize("variant", EMPTIED)
def test_chart_and_commend_slides_over_dates(variant_dbs, monkeypatch, variant, as_of):
    for slide in (2, 4):
        at = _slide(variant_dbs[variant], monkeypatch, slide, as_of)
        assert at.title[0].value == TITLES[slide - 1]
        assert len(at.get("plotly_chart")) == 1
    at = _slide(variant_dbs[variant], monkeypatch, 5, as_of)
    text = _html(at)
    if _expected_period(variant, as_of) is None:
        assert f'<div class="big-list">{NO_RESULTS}</div>' in text
    else:
        assert '1. <b>Phòng Tổng hợp</b>' in text
    if variant == "no_nominations" or as_of < "2026-01-28":  # HS01 is proposed on 28/01/2026
        assert '<div class="big-list">Chưa có hồ sơ đề nghị khen thưởng.</div>' in text
    else:
        assert f"Nguyễn Văn An {MARK}" in text


def test_award_groups_follow_the_award_order_not_the_alphabet(tmp_path, monkeypatch):
    """A Huân chương (HCLD3) comes before the Chairman's (BKCT) and the Office's (GKVP)."""
    from tests.conftest import read_tiny, write_workbook
    from thidua.ingest.load import load

    tables = read_tiny()
    tables["nominations"][2].update(award_code="HCLD3", status="trinh_tw")
    db = tmp_path / "awards.duckdb"
    assert load(write_workbook(tmp_path / "awards.xlsx", tables), db).outcome == "imported"
    text = _html(_slide(db, monkeypatch, 5, "2026-12-31"))
    order = ["Huân chương Lao động hạng Ba", "Bằng khen của Chủ tịch UBND tỉnh",
             "Giấy khen của Chánh Văn phòng"]
    assert [text.index(f"<b>{award}</b>") for award in order] == sorted(
        text.index(f"<b>{award}</b>") for award in order)


def test_the_awarded_mark_is_explained_in_room_sized_type(present):
    at = present(slide="5")
    assert '<div class="big-note">✓ Đã có quyết định khen thưởng</div>' in _html(at)
    assert not at.caption


def _css(at: AppTest) -> str:
    """The slides' own style block (the print styles of every page are another one)."""
    return next(h.proto.body for h in at.get("html")
                if "<style>" in h.proto.body and "@media print" not in h.proto.body)


def test_slides_fill_the_viewport_and_the_controls_fade_while_playing(present):
    paused, playing = _css(present()), _css(present(play="1", every="60"))
    assert ".st-key-present_controls {opacity: 0;" in playing
    assert ".st-key-present_controls {opacity: 0.35;" in paused
    assert ".st-key-present_controls:hover, .st-key-present_controls:focus-within" in playing
    assert "height: var(--slide-body) !important;" in playing
    assert "--slide-body: calc(100vh - " in playing


# --- province scale: one level, its worst and best units, said on the slide -------------------

SHOWING = "Đang hiển thị 10 trên 14 đơn vị (5 kém nhất và 5 tốt nhất theo {measure})."


@pytest.fixture(scope="module")
def province_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated province (``tests.hierarchy_fixture``): 14 agencies, units and sub-units."""
    from tests.hierarchy_fixture import write_hierarchy
    from thidua.ingest.load import load

    tmp = tmp_path_factory.mktemp("province")
    db = tmp / "province.duckdb"
    assert load(write_hierarchy(tmp / "csv", agencies=14), db).outcome == "imported"
    return db


def _province_slide(db: Path, monkeypatch, slide: int, **query: str) -> AppTest:
    monkeypatch.setenv("THIDUA_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"mode": "trinh-chieu", "play": "0", "slide": str(slide),
                            "as_of": "2026-01-23", **query})
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _chart_rows(at: AppTest) -> list[str]:
    import json

    (chart,) = at.get("plotly_chart")
    return sorted({str(y) for trace in json.loads(chart.proto.spec)["data"]
                   for y in trace.get("y", [])})


def test_province_participation_slide_shows_ten_of_the_agencies(province_db, monkeypatch):
    at = _province_slide(province_db, monkeypatch, 2)
    rows = _chart_rows(at)
    assert len(rows) == 10 and all(len(code) == 3 and code.startswith("S") for code in rows)
    assert (f'<div class="slide-note">{SHOWING.format(measure="cán bộ tham gia")}</div>'
            in _html(at))


def test_province_heatmap_slide_shows_ten_agencies_by_collective_result(province_db,
                                                                        monkeypatch):
    at = _province_slide(province_db, monkeypatch, 3)
    assert len(_chart_rows(at)) == 10
    assert SHOWING.format(measure="tập thể đạt tiêu chí") in _html(at)


def test_an_agency_chosen_shows_its_units_and_its_own_row(province_db, monkeypatch):
    at = _province_slide(province_db, monkeypatch, 2, units="S01")
    rows = _chart_rows(at)
    assert rows[0] == "S01" and all(code.startswith("S01") for code in rows)
    assert 2 <= len(rows) <= 10
    assert "Đang hiển thị" not in _html(at)  # a handful of units: all of them


def test_province_nominees_are_capped_per_award_form(province_db, monkeypatch):
    """A long list (longer than NOMINEES_WHOLE, 0 here: the fixture is small) keeps at most
    NOMINEES_PER_AWARD names per award form (2 here), then how many more; the count in
    brackets is every nomination of the form."""
    import re

    from dashboard.ui import slide_units

    monkeypatch.setattr(slide_units, "NOMINEES_WHOLE", 0)
    monkeypatch.setattr(slide_units, "NOMINEES_PER_AWARD", 2)
    at = _province_slide(province_db, monkeypatch, 5)
    _best, nominees = [m.value for m in at.markdown if 'class="big-list"' in m.value]
    lines = nominees.removeprefix('<div class="big-list">').removesuffix("</div>").split("<br>")
    cut = 0
    for line in lines:
        total = int(re.search(r"</b> \((\d+)\): ", line).group(1))
        names = line.split("): ", 1)[1].split(", ")
        if total > 2:
            cut += 1
            assert names[2:] == [f"… và {total - 2} hồ sơ khác"]
        else:
            assert len(names) == total and "hồ sơ khác" not in line
    assert cut >= 1


def test_the_office_slides_draw_every_unit_without_a_note(present):
    at = present(slide="2")
    assert len(_chart_rows(at)) == 3 and "Đang hiển thị" not in _html(at)


def test_a_short_nominee_list_is_shown_whole(province_db, monkeypatch):
    at = _province_slide(province_db, monkeypatch, 5)  # 40 nominations: NOMINEES_WHOLE
    _best, nominees = [m.value for m in at.markdown if 'class="big-list"' in m.value]
    import re

    lines = nominees.removeprefix('<div class="big-list">').removesuffix("</div>").split("<br>")
    assert "hồ sơ khác" not in nominees and len(lines) >= 2
    for line in lines:  # every nomination of the form by name
        total = int(re.search(r"</b> \((\d+)\): ", line).group(1))
        assert len(line.split("): ", 1)[1].split(", ")) == total

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
    assert "Nguyễn Văn An ✓" in text and "Phòng Tổng hợp" in text
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
    assert "Nguyễn Văn An ✓" in " ".join(m.value for m in at.markdown)
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
    assert "Nguyễn Văn Ánh ✓" in text and "Nguyễn Văn An ✓" not in text
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

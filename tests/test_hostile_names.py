"""Names from the workbook that look like HTML or like spreadsheet formulas stay literal text.

The tiny campaign is loaded by the real loader with a unit named like an HTML image that runs
script (KT), staff named like formulas (HS01's nominee CB01, HS03's nominee CB04 and the one
unregistered member CB06), a criterion named like bold HTML (TT1) and a decision number that a
spreadsheet would compute (HS01). Everywhere they are shown, HTML gets the escaped text
(``&lt;img``) and never the tag, and every spreadsheet and CSV file holds the formula-looking
text as a string with a leading apostrophe (``safe_cell``), never as a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.ui import chart_element
from tests.conftest import read_tiny, write_workbook
from thidua.documents.exports import to_csv_bytes, to_xlsx_bytes
from thidua.documents.official_list import official_list_bytes
from thidua.documents.progress import build_report, render_xlsx
from thidua.documents.progress.render_html import interactive_html
from thidua.documents.progress.render_pdf import static_html
from thidua.ingest.load import load
from thidua.store.database import connect_read_only
from thidua.store.sql import fetch_df

APP = str(Path(__file__).parent.parent / "dashboard" / "streamlit_app.py")
JUNE = dt.date(2026, 6, 15)
NOW = dt.datetime(2026, 6, 16, 9, 30)

UNIT = "<img src=x onerror=alert(1)>"
UNIT_ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"
CRITERION = "<b>bold</b>"
CRITERION_ESCAPED = "&lt;b&gt;bold&lt;/b&gt;"
HYPERLINK = '=HYPERLINK("http://x","y")'
AT_SUM = "@SUM(A1)"
PLUS_CMD = "+cmd|' /C calc'!A0"
DECISION = "-2+3"
FORMULAS = (HYPERLINK, AT_SUM, PLUS_CMD, DECISION)
RAW_HTML = ("<img", "<b>bold")  # the tags as the data has them: never in any HTML we write

# The tables page's tables (its TABLES), with the parameters the page passes.
TABLE_QUERIES = ("metrics/unit_metrics", "marts/table_units", "marts/table_staff",
                 "marts/table_registrations", "marts/table_evaluations", "marts/nomination_list",
                 "marts/unregistered_staff")


def hostile_tables() -> dict[str, list[dict[str, str]]]:
    tables = read_tiny()
    names = {"CB01": HYPERLINK, "CB04": PLUS_CMD, "CB06": AT_SUM}
    for row in tables["staff"]:
        row["full_name"] = names.get(row["staff_code"], row["full_name"])
    for row in tables["units"]:
        if row["unit_code"] == "KT":
            row["unit_name"] = UNIT
    for row in tables["criteria"]:
        if row["criterion_code"] == "TT1":
            row["criterion_name"] = CRITERION
    for row in tables["nominations"]:
        if row["nomination_code"] == "HS01":
            row["decision_ref"] = DECISION
    return tables


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    db = folder / "hostile.duckdb"
    outcome = load(write_workbook(folder / "hostile.xlsx", hostile_tables()), db)
    assert outcome.outcome == "imported", [e.code for e in outcome.errors]
    return db


@pytest.fixture
def hostile_con(hostile_db: Path):
    con = connect_read_only(hostile_db)
    yield con
    con.close()


@pytest.fixture(scope="module")
def report(hostile_db: Path):
    con = connect_read_only(hostile_db)
    try:
        return build_report(con, "TD25", JUNE, None, now=NOW)
    finally:
        con.close()


def strings(value: Any) -> Iterator[str]:
    """Every string inside a nested JSON-like value (a figure's dict, a list, a string)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)
    elif hasattr(value, "tolist"):  # numpy arrays of text in a figure
        yield from strings(value.tolist())


def assert_no_raw_html(texts: list[str], where: str) -> None:
    raw = [text for text in texts if any(tag in text for tag in RAW_HTML)]
    assert raw == [], where


# ---------------------------------------------------------------------------------------------
# Charts and the progress report's HTML.


def test_every_chart_of_the_report_escapes_the_names(report):
    """All ten chart builders (the report draws each, the heatmap twice) in document order."""
    names = [chart.title for chart in report.charts]
    shows_unit, shows_criterion = [], []
    for chart in report.charts:
        texts = list(strings(chart.figure.to_plotly_json()))
        assert_no_raw_html(texts, chart.title)
        shows_unit.append(any(UNIT_ESCAPED in s for s in texts))
        shows_criterion.append(any(CRITERION_ESCAPED in s for s in texts))
    assert names == [
        "Tỷ lệ đạt tiêu chí theo kỳ", "Tham gia theo đơn vị", "Đăng ký theo thời gian",
        "Theo giới tính và loại cán bộ", "Tập thể: tỷ lệ đạt theo đơn vị và tiêu chí — kỳ 12/2025",
        "Cá nhân: tỷ lệ đạt theo đơn vị và tiêu chí — kỳ 12/2025",
        "Mức đầy đủ đánh giá theo đơn vị", "Hồ sơ theo bước xét duyệt",
        "Trạng thái hồ sơ theo tuần", "Hình thức khen thưởng × trạng thái", "Số ngày ở mỗi bước"]
    # The unit's name on the unit axes (and in their hover text), the criterion's on the
    # collective heatmap's criterion axis.
    assert shows_unit == [False, True, False, False, True, True, True, False, False, False, False]
    assert shows_criterion == [False] * 4 + [True] + [False] * 6


def test_progress_report_html_and_the_pdf_source_escape_the_names(report):
    pages = {"html": interactive_html(report),
             "pdf source": static_html(report, images=[b""] * len(report.figures))}
    for where, page in pages.items():
        assert UNIT not in page and CRITERION not in page, where
        assert f"<td>{UNIT_ESCAPED}</td>" in page, where  # the tables' unit name cells
        assert f"<td>{CRITERION_ESCAPED}</td>" in page, where  # the criteria texts
        # Formula-looking names are plain text in HTML (quotes escaped).
        assert "<td>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</td>" in page, where
        assert f"<td>{AT_SUM}</td>" in page and f"<td>{DECISION}</td>" in page, where


# ---------------------------------------------------------------------------------------------
# Spreadsheets and CSV.


def formula_safe_cells(data: bytes) -> list[str]:
    """The workbook's text cells that hold one of the formula-looking names, after checking
    that no cell of any sheet is a formula and that no such name is stored bare."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    found = []
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                assert cell.value not in FORMULAS, (sheet.title, cell.coordinate)
                if isinstance(cell.value, str) and cell.value.lstrip("'") in FORMULAS:
                    assert cell.data_type == "s" and cell.value.startswith("'")
                    found.append(cell.value)
    return found


def test_report_xlsx_keeps_formula_looking_names_as_text(report):
    found = formula_safe_cells(render_xlsx(report))
    # CB06 in the unregistered sheet; HS01's and HS03's nominees and HS01's decision in the
    # nominations sheet.
    assert sorted(found) == sorted(["'" + AT_SUM, "'" + HYPERLINK, "'" + PLUS_CMD,
                                    "'" + DECISION])


def test_official_list_keeps_formula_looking_names_as_text(hostile_con):
    data = official_list_bytes(hostile_con, "TD25", JUNE, None, None)
    assert sorted(formula_safe_cells(data)) == sorted(["'" + HYPERLINK, "'" + PLUS_CMD,
                                                       "'" + DECISION])
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    hs01 = next(row for row in sheet.iter_rows(values_only=True) if row[1] == "'" + HYPERLINK)
    assert hs01[3] == UNIT  # HS01's unit, as written: a spreadsheet shows it as text


def _download_frames(con) -> Iterator[tuple[str, Any]]:
    from dashboard.ui.tables import label_columns

    params = {"campaign_code": "TD25", "as_of": JUNE, "unit_codes": None}
    for name in TABLE_QUERIES:
        period = dt.date(2025, 12, 1) if name == "metrics/unit_metrics" else None
        yield name, label_columns(fetch_df(con, name, **params, period=period), "vi")


def test_table_downloads_keep_formula_looking_names_as_text(hostile_con):
    found_csv, found_xlsx = set(), set()
    for name, frame in _download_frames(hostile_con):
        text = to_csv_bytes(frame, lang="vi").decode("utf-8-sig")
        for row in csv.reader(io.StringIO(text)):
            for value in row:
                assert value not in FORMULAS, (name, value)
                assert not re.match(r"[=+@]", value), (name, value)
                if value.lstrip("'") in FORMULAS:
                    found_csv.add(value)
        data = to_xlsx_bytes(frame, title=name, filter_lines=["—"], lang="vi")
        found_xlsx.update(formula_safe_cells(data))
    expected = {"'" + HYPERLINK, "'" + AT_SUM, "'" + PLUS_CMD, "'" + DECISION}
    assert found_csv == found_xlsx == expected


# ---------------------------------------------------------------------------------------------
# The dashboard.


def shown_texts(at: AppTest) -> list[tuple[str, bool]]:
    """(body, allows HTML) of every element that renders Markdown or HTML."""
    out = []
    for kind in ("markdown", "caption", "title", "header", "subheader", "info", "warning",
                 "error", "success"):
        for element in getattr(at, kind):
            out.append((element.value, bool(getattr(element.proto, "allow_html", False))))
    for element in at.get("html"):
        out.append((element.proto.body, True))
    return out


def chart_texts(at: AppTest) -> list[str]:
    return [s for spec in chart_element.specs(at) for s in strings(spec)]


UNESCAPED_TAG = re.compile(r"(?<!\\)<(img|b>bold)")  # Markdown escapes it as "\<"


def assert_literal(at: AppTest, where: str) -> None:
    assert not at.exception, [e.message for e in at.exception]
    for body, allows_html in shown_texts(at):
        if allows_html:
            assert not any(tag in body for tag in RAW_HTML), (where, body)
        else:
            assert not UNESCAPED_TAG.search(body), (where, body)
    assert_no_raw_html(chart_texts(at), where)


@pytest.fixture
def hostile_app(hostile_db: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("THIDUA_DB", str(hostile_db))

    def make(**query: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params.update(query)
        at.run()
        assert not at.exception, [e.message for e in at.exception]
        return at

    return make


@pytest.mark.parametrize("slide", ["1", "2", "3", "4", "5"])
def test_every_slide_shows_the_names_literally(hostile_app, slide: str):
    at = hostile_app(mode="trinh-chieu", play="0", slide=slide, as_of="2026-06-15")
    assert_literal(at, f"slide {slide}")
    html = [body for body, allows_html in shown_texts(at) if allows_html]
    charts = chart_texts(at)
    if slide in ("2", "3"):  # participation by unit, the collective heatmap: the unit axis
        assert any(UNIT_ESCAPED in s for s in charts)
    if slide == "3":
        assert any(CRITERION_ESCAPED in s for s in charts)
    if slide == "5":  # the best units and the nominees
        assert any(f"<b>{UNIT_ESCAPED}</b>" in body for body in html)
        assert any("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)" in body for body in html)


def test_pages_show_hostile_names_literally(hostile_app):
    at = hostile_app(as_of="2026-06-15")
    assert_literal(at, "overview")
    # The attention list (one Markdown, a paragraph a unit) names the unit Markdown-escaped:
    # "\<img src\=x …\>".
    assert any(line.startswith("**\\<img") and UNIT in line.replace("\\", "")
               for body, _ in shown_texts(at) for line in body.split("\n\n")), \
        "overview attention list"
    for page in ("app_pages/criteria.py", "app_pages/nominations.py", "app_pages/tables.py"):
        at.switch_page(page).run()
        assert_literal(at, page)
    at.switch_page("app_pages/criteria.py").run()
    assert any(CRITERION_ESCAPED in s for s in chart_texts(at))
    at.switch_page("app_pages/nominations.py").run()
    names = set(at.dataframe[0].value.iloc[:, 1]) if at.dataframe else set()
    assert {HYPERLINK, PLUS_CMD} <= names  # a table cell shows the text as it is

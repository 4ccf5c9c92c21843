"""Every dashboard page in Streamlit's AppTest on the tiny fixture: no exception, and the numbers
on the page equal the hand-counted ones of tests/expected.py (the same as `thidua summary`)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.ui import chart_element
from tests.conftest import download_links, read_tiny, write_workbook
from thidua.catalogue import t

APP = str(Path(__file__).parent.parent / "dashboard" / "streamlit_app.py")
PAGES = ("app_pages/overview.py", "app_pages/participation.py", "app_pages/criteria.py",
         "app_pages/nominations.py", "app_pages/reports.py", "app_pages/tables.py",
         "app_pages/import_data.py", "app_pages/audit_log.py", "app_pages/sign_in.py")


@pytest.fixture
def app(tiny_db: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("THIDUA_DB", str(tiny_db))

    def make(**query: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=60)
        for key, value in query.items():
            at.query_params[key] = value
        return at

    return make


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def frame(at: AppTest, index: int = 0):
    """The table's values, as sorting sees them."""
    return at.dataframe[index].value


def shown(at: AppTest, index: int = 0):
    """The table's cells as the reader sees them (the Styler's display values; a table of
    text alone is sent as its strings, without a Styler)."""
    import pyarrow as pa

    data = at.dataframe[index].proto.arrow_data.styler.display_values
    return pa.ipc.open_stream(data).read_pandas() if data else frame(at, index)


@pytest.fixture
def hostile_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tiny campaign with a unit named like Markdown and HTML (it is also a nominee)."""
    from thidua.ingest.load import load

    tables = read_tiny()
    tables["units"][1]["unit_name"] = HOSTILE
    db = tmp_path / "hostile.duckdb"
    outcome = load(write_workbook(tmp_path / "hostile.xlsx", tables), db)
    assert outcome.outcome == "imported", [e.code for e in outcome.errors]
    monkeypatch.setenv("THIDUA_DB", str(db))
    return db


HOSTILE = "<b>x</b> *x* [y](http://z) :red[w]"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(app, page: str, lang: str):
    at = app(lang=lang)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    assert len(at.title) == 1
    # a missing number reads "—" as in the documents, not the grid's own grey "None"
    assert [df.proto.placeholder for df in at.dataframe] == ["—"] * len(at.dataframe)


def test_overview_kpis_default_as_of(app):
    at = app()
    at.run()
    assert metrics(at) == {
        "Cán bộ tham gia": "83,3%", "Đơn vị tham gia": "66,7%",
        "Tập thể đạt tiêu chí": "100,0%", "Cá nhân đạt tiêu chí": "87,5%",
        "Mức đầy đủ đánh giá": "85,7%", "Hồ sơ khen thưởng": "3"}
    # What each figure counts is inside its card (the metric's grey delta line, no arrow).
    details = {m.label: m.delta for m in at.metric}
    assert details["Cán bộ tham gia"] == "5/6 · chỉ tiêu 90%"
    assert details["Tập thể đạt tiêu chí"] == "4/4 · kỳ 12/2025"
    assert details["Mức đầy đủ đánh giá"] == "12/14 · kỳ 12/2025"
    assert details["Hồ sơ khen thưởng"] == "1 đã khen · 1 đang xét · 1 không khen"
    assert {m.proto.color for m in at.metric} == {2}  # GRAY: the delta colour off, no red or green
    captions = [c.value for c in at.caption]
    assert any("Số liệu đến ngày 15/06/2026" in c and "«tiny»" in c for c in captions)


def test_overview_inside_the_campaign_in_english(app):
    at = app(as_of="2025-11-30", lang="en")
    at.run()
    assert metrics(at) == {
        "Staff taking part": "66.7%", "Units taking part": "66.7%",
        "Collective criteria met": "66.7%", "Individual criteria met": "57.1%",
        "Completeness": "83.3%", "Nominations": "0"}
    assert at.query_params["as_of"] == "2025-11-30"


def test_unit_filter_changes_the_numbers(app):
    at = app()
    at.run()
    at.sidebar.multiselect[0].set_value(["TH"]).run()
    assert metrics(at)["Cán bộ tham gia"] == "100,0%"
    assert metrics(at)["Đơn vị tham gia"] == "100,0%"
    assert metrics(at)["Hồ sơ khen thưởng"] == "2"
    assert at.query_params["units"] == "TH"


def test_as_of_widget_moves_the_view(app):
    import datetime as dt

    at = app()
    at.run()
    at.sidebar.date_input[0].set_value(dt.date(2025, 11, 30)).run()
    assert metrics(at)["Cán bộ tham gia"] == "83,3%"  # in a form: nothing until it is applied
    at.sidebar.date_input[0].set_value(dt.date(2025, 11, 30))
    at.sidebar.button(key="FormSubmitter:as_of_form_TD25-Áp dụng ngày").click().run()
    assert metrics(at)["Cán bộ tham gia"] == "66,7%"
    assert at.query_params["as_of"] == "2025-11-30"


def test_participation_lists_the_unregistered(app):
    at = app()
    at.run()
    at.switch_page("app_pages/participation.py").run()
    table = frame(at)
    assert list(table["Họ và tên"]) == ["Đỗ Thị Giang"]
    assert list(table["Mã đơn vị"]) == ["BTCD"]
    labels = [link.label for link in download_links(at)]
    assert labels == ["Tải CSV", "Tải Excel"]


def test_criteria_lists_who_has_not_submitted(app):
    at = app()
    at.run()
    at.switch_page("app_pages/criteria.py").run()
    assert at.expander[0].label == t("missing_open", "vi", n="1")
    assert not at.dataframe and not download_links(at)  # drawn when opened, not before
    at.session_state["criteria_missing_open"] = True
    at.run()
    table = frame(at)
    assert list(table["Tên đối tượng"]) == ["Hoàng Văn Em"]
    assert list(table["Số kết quả đã có"]) == [0]
    assert [link.label for link in download_links(at)] == ["Tải CSV", "Tải Excel"]
    assert at.query_params["period"] == "2025-12"
    at.selectbox(key="criteria_period").select_index(0).run()
    assert at.query_params["period"] == "2025-11"
    assert at.expander[0].label == t("missing_open", "vi", n="2")
    table = frame(at)  # still open for another period
    assert list(table["Tên đối tượng"]) == ["Phòng Tổng hợp", "Phạm Thị Dung"]
    assert list(table["Số kết quả đã có"]) == [1, 1]


def test_the_criteria_wording_is_sent_when_opened(app):
    at = app()
    at.run()
    at.switch_page("app_pages/criteria.py").run()
    texts = lambda: " ".join(m.value for m in at.markdown)  # noqa: E731
    assert "**TT1**" not in texts()
    at.session_state["criteria_list_open"] = True
    at.run()
    assert "**TT1** — Triển khai" in texts()


def test_nominations_table_as_of_a_day(app):
    at = app(as_of="2026-02-25")
    at.run()
    at.switch_page("app_pages/nominations.py").run()
    table = frame(at).sort_values("Mã hồ sơ")
    assert list(table["Mã hồ sơ"]) == ["HS01", "HS02", "HS03"]
    assert list(table["Trạng thái"]) == ["Bị trả lại, bổ sung hồ sơ",
                                         "Hội đồng TĐKT cơ quan xét", "Đơn vị đề xuất"]
    assert list(table["Số ngày ở trạng thái"]) == [1, 20, 15]
    assert len(chart_element.specs(at)) == 4


def test_tables_page_shows_unit_metrics(app):
    at = app()
    at.run()
    at.switch_page("app_pages/tables.py").run()
    table = frame(at)
    assert list(table["Mã đơn vị"]) == ["BTCD", "KT", "TH"]
    assert list(table["Mức đầy đủ (%)"].fillna(-1)) == [-1, 100.0, 66.7]  # sorts as numbers
    cells = shown(at)
    assert list(cells["Mức đầy đủ (%)"]) == ["—", "100,0%", "66,7%"]
    assert list(cells["Cá nhân: tỷ lệ đạt (%)"]) == ["—", "83,3%", "100,0%"]
    assert list(cells["Tập thể đã đăng ký"]) == ["Không", "Có", "Có"]
    assert list(cells["Tổng số cán bộ"]) == ["1", "3", "2"]
    at.segmented_control(key="table_choice").set_value("table_staff").run()
    assert len(frame(at)) == 6
    cells = set(shown(at).to_numpy().ravel())
    assert "—" in cells and "None" not in cells  # BTCD's staff member is not registered


def test_tables_page_in_english_reads_like_english(app):
    at = app(lang="en")
    at.run()
    at.switch_page("app_pages/tables.py").run()
    cells = shown(at)
    assert list(cells["Completeness (%)"]) == ["—", "100.0%", "66.7%"]
    assert list(cells["Unit registered"]) == ["No", "Yes", "Yes"]
    at.segmented_control(key="table_choice").set_value("table_nominations").run()
    cells = shown(at).set_index("Nomination").sort_index()
    assert list(cells["Status"]) == ["Awarded", "Before the Office's council", "Not awarded"]
    assert cells.loc["HS01", "Proposed on"] == "28 Jan 2026"
    assert cells.loc["HS02", "Decision number"] == "—"


def test_tables_page_evaluations_show_months_results_and_dashes(app):
    at = app()
    at.run()
    at.switch_page("app_pages/tables.py").run()
    at.segmented_control(key="table_choice").set_value("table_evaluations").run()
    at.selectbox(key="period_table_evaluations").select_index(0).run()  # all periods
    cells = shown(at)
    assert set(cells["Kỳ đánh giá"]) == {"11/2025", "12/2025"}
    assert set(cells["Kết quả"]) <= {"Đạt", "Không đạt", "—"} and "Đạt" in set(cells["Kết quả"])
    assert set(cells["Đối tượng"]) == {"Tập thể", "Cá nhân"}
    assert not {"None", "nan", "NaN", "NaT", "", "True", "False"} & set(cells.to_numpy().ravel())


def test_display_frame_writes_every_kind_of_cell():
    import datetime as dt

    import pandas as pd

    from dashboard.ui.tables import display_frame

    df = pd.DataFrame({
        "staff_participation_pct": [1234.5, None], "staff_total": [12345, 7],
        "score": [1234.5, float("nan")], "is_registered": [True, None],
        "result": [False, None], "registered_on": [dt.date(2026, 3, 5), None],
        "finished_at": pd.to_datetime(["2026-03-05 14:05", None]),
        "status": ["da_khen_thuong", None], "award_code": ["BKCT", "GKVP"],
        "subject_type": ["tap_the", "ca_nhan"], "period": pd.to_datetime(["2026-03-01", None]),
        "note": ["", None]})
    df["staff_total"] = df["staff_total"].astype("int64")
    vi = display_frame(df, "vi")
    assert vi.iloc[0].tolist() == [
        "1.234,5%", "12.345", "1.234,5", "Có", "Không đạt", "05/03/2026", "14:05 05/03/2026",
        "Đã có quyết định khen thưởng", "Bằng khen của Chủ tịch UBND tỉnh", "Tập thể", "03/2026",
        "—"]
    assert vi.iloc[1].tolist() == ["—", "7", "—", "—", "—", "—", "—", "—",
                                   "Giấy khen của Chánh Văn phòng", "Cá nhân", "—", "—"]
    assert list(vi.columns[:2]) == ["Tỷ lệ tham gia (%)", "Tổng số cán bộ"]
    en = display_frame(df, "en")
    assert en.iloc[0].tolist()[:7] == ["1,234.5%", "12,345", "1,234.5", "Yes", "Not met",
                                       "5 Mar 2026", "5 Mar 2026 14:05"]
    assert en.iloc[0, 7] == "Awarded" and en.iloc[0, 10] == "Mar 2026"


def test_whole_columns_are_written_as_each_cell_would_be():
    import datetime as dt

    import pandas as pd

    from dashboard.ui.tables import column_formatter, display_frame, formatters, relabel

    rows = 600  # values repeat, as a real table's periods, scores and statuses do
    df = pd.DataFrame({
        "score": [[1.25, None, 7.0, 1234.5][i % 4] for i in range(rows)],
        "staff_total": [i % 9 for i in range(rows)],
        "status": [["de_xuat", None, "da_trinh", "unknown_code"][i % 4] for i in range(rows)],
        "period": [[dt.date(2026, 1, 1), None, dt.date(2025, 12, 1)][i % 3] for i in range(rows)],
        "is_registered": [[True, False, None][i % 3] for i in range(rows)],
        "note": [["", None, "Phòng <b>A</b>", "x"][i % 4] for i in range(rows)]})
    for lang in ("vi", "en"):
        labelled = relabel(df, lang)
        shown = display_frame(df, lang)
        fmts = formatters(labelled, lang)
        for position, name in enumerate(df.columns):
            one_by_one = [column_formatter(name, labelled[name], lang)(v) for v in labelled[name]]
            assert list(shown.iloc[:, position]) == one_by_one, name
            assert [fmts[name](v) for v in labelled[name]] == one_by_one, name  # the Styler's
        assert shown.iloc[3, 2] == "unknown_code" and shown.iloc[1, 2] == "—"


def test_data_in_markdown_is_shown_literally(app, hostile_db: Path):
    from markdown_it import MarkdownIt

    at = app(lang="en")
    at.run()
    line = next(m.value for m in at.markdown if "Completeness:" in m.value and "\\<b" in m.value)
    html = MarkdownIt("commonmark").render(line)
    assert "<strong>&lt;b&gt;x&lt;/b&gt; *x* [y](http://z) :red[w]</strong>" in html
    assert "<em>" not in html and "<a " not in html
    assert "\\:red\\[w\\]" in line  # no Streamlit colour directive either


def test_import_page_rejects_a_broken_workbook_then_accepts_a_good_one(app, tmp_path: Path):
    tables = read_tiny()
    tables["staff"][1]["unit_code"] = "XX"
    broken = write_workbook(tmp_path / "broken.xlsx", tables).read_bytes()
    at = app()
    at.run()
    at.switch_page("app_pages/import_data.py").run()
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader[0].set_value(("broken.xlsx", broken, mime)).run()
    at.button[0].click().run()
    assert not at.exception
    assert "có 1 lỗi" in at.error[0].value
    report = frame(at)
    assert list(report["Vị trí"]) == ["Trang «Cán bộ», dòng 3, cột «Mã đơn vị»"]
    history = frame(at, 1)
    assert list(history["Kết quả"]) == ["Bị từ chối", "Đã nhập"]

    tables = read_tiny()
    tables["campaigns"][0]["campaign_code"] = "TD26"
    good = write_workbook(tmp_path / "good.xlsx", tables).read_bytes()
    at.file_uploader[0].set_value(("good.xlsx", good, mime)).run()
    at.button[0].click().run()
    assert "TD26" in at.success[0].value
    assert list(at.sidebar.selectbox[0].options)[:2] == ["TD25 · Đợt thi đua thử nghiệm chào "
                                                         "mừng Đại hội XIV", "TD26 · Đợt thi "
                                                         "đua thử nghiệm chào mừng Đại hội XIV"]


def test_empty_database_shows_a_message_not_a_traceback(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("THIDUA_DB", str(tmp_path / "none.duckdb"))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert "Chưa có dữ liệu" in at.warning[0].value



def test_pages_agree_with_thidua_summary_on_the_sample(monkeypatch, tmp_path: Path):
    """Same filters, same numbers: the overview KPIs against `build_summary` (summary --json)."""
    import datetime as dt

    from thidua.ingest.load import load
    from thidua.metrics.summary import build_summary
    from thidua.store.database import connect_read_only

    db = tmp_path / "sample.duckdb"
    sample = Path(__file__).parent.parent / "data" / "sample" / "thidua_mau.xlsx"
    assert load(sample, db).outcome == "imported"
    con = connect_read_only(db)
    summary = build_summary(con, as_of=dt.date(2025, 12, 31), units=["KT", "TTTHCB"])
    con.close()
    monkeypatch.setenv("THIDUA_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["as_of"] = "2025-12-31"
    at.query_params["units"] = "KT,TTTHCB"
    at.query_params["lang"] = "en"
    at.run()
    shown = metrics(at)
    units = summary["units"]
    met = sum(u["individual_met"] for u in units)
    evaluated = sum(u["individual_evaluated"] for u in units)
    assert shown["Staff taking part"] == f"{summary['staff_participation_pct']:.1f}%"
    assert shown["Units taking part"] == f"{summary['unit_participation_pct']:.1f}%"
    assert shown["Individual criteria met"] == f"{100 * met / evaluated:.1f}%"
    assert shown["Nominations"] == str(summary["nominations_total"])
    details = {m.label: m.delta for m in at.metric}
    assert details["Staff taking part"] == (
        f"{summary['staff_registered']}/{summary['staff_total']} · target 100%")


def test_reports_page_gives_the_list_and_builds_the_report(app):
    import io

    import openpyxl

    at = app()
    at.run()
    at.switch_page("app_pages/reports.py").run()
    assert not at.exception, [e.message for e in at.exception]
    labels = [link.label for link in download_links(at)]
    assert labels == ["Tải danh sách (Excel)"]
    at.segmented_control(key="reports_format").set_value("xlsx").run()
    at.button(key="reports_build").click().run()
    assert not at.exception, [e.message for e in at.exception]
    labels = [link.label for link in download_links(at)]
    assert labels == ["Tải danh sách (Excel)", "Tải báo cáo (XLSX)"]
    wanted, data = at.session_state["report"]
    assert wanted[0] == "xlsx"
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert len(workbook.sheetnames) == 9


def test_import_page_asks_before_an_import_empties_a_table(app, tmp_path: Path):
    """An evaluations sheet left empty would remove the campaign's 25 evaluations: the page
    says so and imports only after the confirmation button."""
    tables = read_tiny()
    tables["evaluations"] = tables["evaluations"][:0]
    emptied = write_workbook(tmp_path / "emptied.xlsx", tables).read_bytes()
    at = app()
    at.run()
    at.switch_page("app_pages/import_data.py").run()
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader[0].set_value(("emptied.xlsx", emptied, mime)).run()
    at.button[0].click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert "«Đánh giá» từ 25 dòng còn 0 dòng" in at.warning[-1].value
    assert list(frame(at)["Kết quả"]) == ["Chờ xác nhận", "Đã nhập"]
    confirm = next(b for b in at.button if b.key == "import_confirm")
    assert confirm.label == "Vẫn thay thế toàn bộ dữ liệu của đợt"
    confirm.click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert "TD25" in at.success[0].value
    assert list(frame(at)["Kết quả"]) == ["Đã nhập", "Chờ xác nhận", "Đã nhập"]


def test_import_page_puts_a_kept_version_back(app, tmp_path: Path):
    """After an import the replaced file is a kept version; HCQT can put it back."""
    tables = read_tiny()
    tables["campaigns"][0]["campaign_code"] = "TD26"
    second = write_workbook(tmp_path / "second.xlsx", tables).read_bytes()
    at = app()
    at.run()
    at.switch_page("app_pages/import_data.py").run()
    assert "Chưa có phiên bản nào được lưu." in [c.value for c in at.caption]
    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    at.file_uploader[0].set_value(("second.xlsx", second, mime)).run()
    at.button[0].click().run()
    assert len(at.sidebar.selectbox[0].options) == 2
    versions = frame(at, len(at.dataframe) - 1)
    assert list(versions["Số"]) == [1]
    assert list(versions["Tệp"]) == ["second.xlsx"]
    next(b for b in at.button if b.key == "restore_button").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.success[0].value.startswith("Đã khôi phục")
    assert [o.split(" · ")[0] for o in at.sidebar.selectbox[0].options] == ["TD25"]

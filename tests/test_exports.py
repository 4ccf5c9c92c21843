"""Exports: CSV with BOM, formatted XLSX read back with openpyxl, formula safety, file names."""

from __future__ import annotations

import csv
import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from thidua.documents.exports import export_file_name, safe_cell, to_csv_bytes, to_xlsx_bytes

BOM = b"\xef\xbb\xbf"
FORMULA = '=HYPERLINK("http://x","y")'
TITLE = "Danh sách cán bộ chưa đăng ký – DH14"
FILTERS = ["Đợt thi đua: DH14", "Đơn vị: tất cả", "Số liệu đến ngày: 24/11/2026"]
LABELS = {"full_name": "Họ và tên", "unit_code": "Mã đơn vị", "registered_on": "Ngày đăng ký",
          "score": "Điểm", "active": "Đang làm việc", "note": "Ghi chú"}


def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "full_name": ["Nguyễn Thị Hồng Nhung", FORMULA, "Trần Văn Đức"],
        "unit_code": ["KT", "TH", "KGVX"],
        "registered_on": pd.to_datetime(["2026-11-24", None, "2026-01-02"]),
        "score": [-5, 7.5, None],
        "active": [True, False, None],
        "note": ["-ghi chú", "@x", "x" * 100],
    })


def read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def read_xlsx(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


# --- safe_cell -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", FORMULA])
def test_safe_cell_quotes_formula_starts(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Phòng Kinh tế", "", "a=b", "'=x", -5, 3.5, None, True,
                                   dt.date(2026, 1, 1)])
def test_safe_cell_leaves_everything_else(value):
    assert safe_cell(value) == value
    assert type(safe_cell(value)) is type(value)


# --- CSV -----------------------------------------------------------------------------------


def test_csv_has_bom_and_round_trips_diacritics():
    data = to_csv_bytes(frame(), LABELS)
    assert data.startswith(BOM)
    assert not data[3:].startswith(BOM)
    rows = read_csv(data)
    assert rows[0] == ["Họ và tên", "Mã đơn vị", "Ngày đăng ký", "Điểm", "Đang làm việc",
                       "Ghi chú"]
    assert rows[1][0] == "Nguyễn Thị Hồng Nhung"
    assert rows[3][0] == "Trần Văn Đức"
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back.columns[0] == "Họ và tên"


def test_csv_neutralises_formulas_and_keeps_numbers_and_dates():
    rows = read_csv(to_csv_bytes(frame(), LABELS))
    assert rows[2][0] == "'" + FORMULA
    assert rows[1][5] == "'-ghi chú"
    assert rows[2][5] == "'@x"
    assert rows[1][3] == "-5"  # a real number is never quoted
    assert rows[2][3] == "7.5"
    assert rows[3][3] == ""  # missing
    assert [r[2] for r in rows[1:]] == ["24/11/2026", "", "02/01/2026"]
    assert [r[4] for r in rows[1:]] == ["Có", "Không", ""]


def test_csv_in_english_writes_english_dates_and_words_but_the_same_numbers():
    rows = read_csv(to_csv_bytes(frame(), LABELS, lang="en"))
    assert [r[2] for r in rows[1:]] == ["24 Nov 2026", "", "2 Jan 2026"]
    assert [r[4] for r in rows[1:]] == ["Yes", "No", ""]
    assert [r[3] for r in rows[1:]] == ["-5", "7.5", ""]  # machine numbers in either language


def test_csv_without_labels_keeps_column_names():
    rows = read_csv(to_csv_bytes(frame()[["unit_code"]]))
    assert rows == [["unit_code"], ["KT"], ["TH"], ["KGVX"]]


def test_csv_bool_labels_and_datetimes():
    df = pd.DataFrame({"ok": [True, False], "at": [dt.datetime(2026, 1, 2, 8, 30),
                                                    dt.date(2026, 1, 3)]})
    rows = read_csv(to_csv_bytes(df, bool_labels=("Có", "Không")))
    assert rows[1:] == [["Có", "08:30 02/01/2026"], ["Không", "03/01/2026"]]


# --- XLSX ----------------------------------------------------------------------------------

HEADER_ROW = len(FILTERS) + 3  # 1-based: title, filter lines, an empty row, then the header


def test_xlsx_layout_title_filters_header_and_freeze():
    ws = read_xlsx(to_xlsx_bytes(frame(), title=TITLE, filter_lines=FILTERS, labels=LABELS))
    assert ws.title == "Dữ liệu"
    assert ws["A1"].value == TITLE
    assert ws["A1"].font.b
    assert [ws.cell(row=2 + i, column=1).value for i in range(len(FILTERS))] == FILTERS
    assert ws.cell(row=HEADER_ROW - 1, column=1).value is None
    header = [c.value for c in ws[HEADER_ROW]]
    assert header == list(LABELS.values())
    assert all(c.font.b and c.alignment.wrap_text for c in ws[HEADER_ROW])
    assert ws.cell(row=HEADER_ROW, column=1).fill.fgColor.rgb.endswith("DDEBF7")
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    assert ws.auto_filter.ref == f"A{HEADER_ROW}:F{HEADER_ROW + 3}"
    assert ws.max_row == HEADER_ROW + 3


def test_xlsx_download_prints_on_a4_landscape_one_page_wide_with_the_header_repeated():
    wide = pd.DataFrame({f"c{i}": [f"giá trị {i}"] * 80 for i in range(16)})
    ws = read_xlsx(to_xlsx_bytes(wide, title=TITLE, filter_lines=FILTERS))
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9  # A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    # fitToWidth 1 is Excel's default and is not written: openpyxl reads it back as None.
    assert (ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"


def test_xlsx_cells_are_typed_and_formula_safe():
    ws = read_xlsx(to_xlsx_bytes(frame(), title=TITLE, filter_lines=FILTERS, labels=LABELS))
    first, second, third = (ws[HEADER_ROW + i] for i in (1, 2, 3))
    # The formula-looking text is a plain string, quoted, never a formula.
    assert second[0].data_type == "s"
    assert second[0].value == "'" + FORMULA
    assert all(c.data_type != "f" for row in ws.iter_rows() for c in row)
    assert first[0].value == "Nguyễn Thị Hồng Nhung"
    # Numbers stay numbers, -5 included.
    assert first[3].data_type == "n" and first[3].value == -5
    assert second[3].value == 7.5
    assert third[3].value is None
    # Real dates, shown dd/mm/yyyy; a missing date is an empty cell.
    assert first[2].data_type == "d" or first[2].is_date
    assert first[2].value == dt.datetime(2026, 11, 24)
    assert first[2].number_format == "dd/mm/yyyy"
    assert second[2].value is None
    assert third[2].value == dt.datetime(2026, 1, 2)
    # Booleans as words, missing as empty.
    assert [first[4].value, second[4].value, third[4].value] == ["Có", "Không", None]
    assert [first[5].value, second[5].value] == ["'-ghi chú", "'@x"]


def test_xlsx_bool_labels_param():
    df = pd.DataFrame({"met": [True, False]})
    ws = read_xlsx(to_xlsx_bytes(df, title="t", filter_lines=[], bool_labels=("Đạt",
                                                                              "Không đạt")))
    assert [ws.cell(row=4 + i, column=1).value for i in (0, 1)] == ["Đạt", "Không đạt"]


def test_xlsx_in_english_names_the_sheet_and_writes_words_and_dates_in_english():
    ws = read_xlsx(to_xlsx_bytes(frame(), title=TITLE, filter_lines=FILTERS, labels=LABELS,
                                 lang="en"))
    assert ws.title == "Data"
    first, second, third = (ws[HEADER_ROW + i] for i in (1, 2, 3))
    assert [first[4].value, second[4].value, third[4].value] == ["Yes", "No", None]
    assert first[2].value == dt.datetime(2026, 11, 24)
    assert first[2].number_format == "d mmm yyyy"
    assert first[3].value == -5 and second[3].value == 7.5


def test_xlsx_datetimes_keep_their_time():
    df = pd.DataFrame({"at": [dt.datetime(2026, 1, 2, 8, 30)]})
    ws = read_xlsx(to_xlsx_bytes(df, title="t", filter_lines=[]))
    assert ws["A4"].value == dt.datetime(2026, 1, 2, 8, 30)
    assert ws["A4"].number_format == "hh:mm dd/mm/yyyy"


def test_xlsx_column_widths_follow_content_and_are_capped():
    ws = read_xlsx(to_xlsx_bytes(frame(), title=TITLE, filter_lines=FILTERS, labels=LABELS))
    width = {k: v.width for k, v in ws.column_dimensions.items()}
    # openpyxl reads back the stored width, which Excel pads by ~0.71 characters.
    assert 29 <= width["A"] <= 30  # the quoted formula text (27 characters) + 2
    assert 11 <= width["C"] <= 13  # a date: 10 + 2
    assert 60 <= width["F"] <= 61  # 100 characters of text, capped at 60
    assert ws.cell(row=HEADER_ROW + 3, column=6).alignment.wrap_text


def test_xlsx_custom_sheet_name_and_empty_frame():
    df = frame().iloc[0:0]
    ws = read_xlsx(to_xlsx_bytes(df, title=TITLE, filter_lines=[], labels=LABELS,
                                 sheet_name="Chưa đăng ký"))
    assert ws.title == "Chưa đăng ký"
    assert ws["A1"].value == TITLE
    assert [c.value for c in ws[3]] == list(LABELS.values())
    assert ws.freeze_panes == "A4"


def test_xlsx_title_cannot_be_a_formula():
    ws = read_xlsx(to_xlsx_bytes(frame(), title="=1+1", filter_lines=["+x"]))
    assert ws["A1"].data_type == "s" and ws["A1"].value == "'=1+1"
    assert ws["A2"].value == "'+x"


# --- file names ----------------------------------------------------------------------------


@pytest.mark.parametrize(("units", "ext", "expected"), [
    (["KT", "TH"], "csv", "thidua_DH14_danh-sach-chua-dang-ky_KT-TH_2026-11-24.csv"),
    (None, "csv", "thidua_DH14_danh-sach-chua-dang-ky_tat-ca-don-vi_2026-11-24.csv"),
    ([], "xlsx", "thidua_DH14_danh-sach-chua-dang-ky_tat-ca-don-vi_2026-11-24.xlsx"),
    (["KT", "TH", "NC"], ".xlsx", "thidua_DH14_danh-sach-chua-dang-ky_KT-TH-NC_2026-11-24.xlsx"),
    (["KT", "TH", "NC", "BLD", "HCQT"], "csv",
     "thidua_DH14_danh-sach-chua-dang-ky_5-don-vi_2026-11-24.csv"),
])
def test_export_file_name(units, ext, expected):
    name = export_file_name("DH14", "Danh sách chưa đăng ký", dt.date(2026, 11, 24), units, ext)
    assert name == expected
    assert name.isascii()


def test_export_file_name_slugifies_everything():
    name = export_file_name("ĐH 14/2026", "Hồ sơ khen thưởng: Đã trình", dt.date(2026, 1, 5),
                            ["Phòng_KT"], "csv")
    assert name == "thidua_DH-14-2026_ho-so-khen-thuong-da-trinh_Phong-KT_2026-01-05.csv"
    slug = export_file_name("DH14", "danh-sach-chua-dang-ky", dt.date(2026, 11, 24), None, "csv")
    assert slug == "thidua_DH14_danh-sach-chua-dang-ky_tat-ca-don-vi_2026-11-24.csv"

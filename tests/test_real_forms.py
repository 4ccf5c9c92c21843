"""Real government forms: what sits below, under and inside their tables, located and named.

Signature blocks under any column, the row of column numbers under the header, percentages typed
as text, formula cells without a saved value and Excel error values, CSV bytes Windows-1258
cannot decode, VNI text that looks like Vietnamese letters, and messages that name the sheet and
the value as the user wrote them. Each case is built from the tiny fixture and loaded with the
real loader; the issues are compared whole.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import duckdb
import pytest
import xlsxwriter
from python_calamine import CalamineWorkbook

from tests.conftest import TINY, read_tiny
from tests.test_messy_inputs import assert_loads_like_tiny
from tests.variants import (
    Sheet,
    clean_sheets,
    cycle_cells,
    snapshot,
    table_rows,
    to_cp1258_form,
    with_title_rows,
    write_csv_folder,
    write_sheets,
)
from thidua.contract import reference as ref
from thidua.contract.textnorm import LEGACY_FONT_PATTERN, cell_text, is_legacy_font
from thidua.ingest.cells import is_column_numbers_row
from thidua.ingest.load import load
from thidua.ingest.messages import issue_message
from thidua.ingest.read import Issue
from thidua.paths import SAMPLE_WORKBOOK

TABLES = ref.TABLES_BY_NAME
SHEET_INDEX = {t.name: i for i, t in enumerate(ref.TABLES)}


@pytest.fixture(scope="module")
def clean_rows(tmp_path_factory) -> dict[str, list[tuple]]:
    """Every stored row of the clean tiny fixture, the yardstick of the valid variants."""
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    assert load(TINY, db).outcome == "imported"
    return snapshot(db)


def column_index(table: str, column: str) -> int:
    return [c.name for c in TABLES[table].columns].index(column)


# --- signature rows under any column ----------------------------------------------------------

SIGNATURE_CASES = [
    ("campaigns", "start_date"), ("campaigns", "target_participation_pct"),
    ("units", "unit_type"), ("staff", "gender"), ("criteria", "weight"),
    ("criteria", "applies_to"), ("registrations", "registered_on"),
    ("registrations", "subject_type"), ("evaluations", "score"), ("evaluations", "period"),
    ("evaluations", "subject_type"), ("nominations", "status"), ("nominations", "proposed_on"),
    ("nomination_events", "event_date"), ("nomination_events", "status"),
]


@pytest.mark.parametrize(("table", "column"), SIGNATURE_CASES,
                         ids=[f"{t}.{c}" for t, c in SIGNATURE_CASES])
def test_a_signature_block_under_any_column_is_skipped(tmp_path, db_path, clean_rows,
                                                       table, column):
    sheets = clean_sheets(read_tiny())
    sheet = sheets[SHEET_INDEX[table]]
    at = column_index(table, column)
    first = len(sheet.rows) + 2  # Excel row of the first signature line, after a blank row
    sheet.rows += [[], [None] * at + ["Người lập biểu"], [None] * at + ["Nguyễn Thị Hoa"],
                   [None] * at + ["Thủ trưởng đơn vị"]]
    assert_loads_like_tiny(write_sheets(tmp_path / "signed.xlsx", sheets), db_path, clean_rows, [
        Issue("warning", "skipped_row", sheet.name, first + i, value=text, table=table)
        for i, text in enumerate(["Người lập biểu", "Nguyễn Thị Hoa", "Thủ trưởng đơn vị"])])


# --- the row of column numbers under the header ---------------------------------------------

@pytest.mark.parametrize(("cells", "expected"), [
    (["(1)", "(2)", "(3)", "(4)=(2)+(3)", "(5)"], True),
    ([1.0, 2.0, 3.0, None, 4.0], True),
    (["A", "B", "1", "2", "3"], True),
    (["CB01", "Nguyễn Văn An", "KT", "Trưởng phòng"], False),
    (["1", "3", "5"], False),
    (["2025", "2026", "2027"], False),
    (["(1)"], False),
])
def test_what_a_column_numbers_row_is(cells, expected):
    assert is_column_numbers_row(cells) is expected


def _numbered(sheet: Sheet, parentheses: bool) -> Sheet:
    width = len(sheet.rows[0])
    numbers = [f"({i})" if parentheses else float(i) for i in range(1, width + 1)]
    return Sheet(sheet.name, [sheet.rows[0], numbers, *sheet.rows[1:]], sheet.merges)


@pytest.mark.parametrize("parentheses", [True, False], ids=["(1) (2)", "1 2"])
def test_the_column_numbers_row_under_the_header_is_skipped(tmp_path, db_path, clean_rows,
                                                            parentheses):
    sheets = [with_title_rows(_numbered(s, parentheses)) for s in clean_sheets(read_tiny())]
    # Title rows 1-4, the header in row 5, the numbers in row 6.
    warnings = [Issue("warning", "column_numbers_row", t.label_vi, 6, value=" | ".join(
        f"({i})" if parentheses else str(i) for i in range(1, len(t.columns) + 1)),
        table=t.name) for t in ref.TABLES]
    assert_loads_like_tiny(write_sheets(tmp_path / "numbered.xlsx", sheets), db_path,
                           clean_rows, warnings)
    assert issue_message(warnings[0], "vi").startswith(
        "Trang «Đợt thi đua», dòng 6: dòng đánh số cột (1), (2), (3)… dưới tiêu đề")


def test_column_numbers_in_a_csv_file(tmp_path, db_path):
    folder = write_csv_folder(tmp_path / "csv", read_tiny(), lambda s: s.encode("utf-8"))
    units = folder / "units.csv"
    lines = units.read_bytes().split(b"\r\n")
    units.write_bytes(b"\r\n".join([lines[0], b"1,2,3", *lines[1:]]))
    result = load(folder, db_path)
    assert (result.outcome, result.warnings) == ("imported", [
        Issue("warning", "column_numbers_row", "units.csv", 2, value="1 | 2 | 3",
              table="units")])


# --- percentages typed as text -----------------------------------------------------------------

def test_percent_signs_in_score_and_target_cells(tmp_path, db_path, clean_rows):
    forms = {ref.PCT: [lambda t: f"{t}%", lambda t: f"{t} %", lambda t: f"{t}\u00a0%"]}
    tables = read_tiny()
    sheets = [Sheet(t.label_vi, table_rows(t, tables[t.name], cell=cycle_cells(forms)))
              for t in ref.TABLES]
    assert sheets[0].rows[1][5] == "90%" and sheets[5].rows[2][5] == "60 %"
    assert_loads_like_tiny(write_sheets(tmp_path / "pct.xlsx", sheets), db_path, clean_rows)


def test_a_decimal_comma_percent(tmp_path, db_path):
    tables = read_tiny()
    tables["campaigns"][0]["target_participation_pct"] = "85,5%"
    result = load(write_sheets(tmp_path / "pct.xlsx", clean_sheets(tables)), db_path)
    assert (result.outcome, result.errors) == ("imported", [])
    campaign = snapshot(db_path)["campaigns"][0]
    assert 85.5 in campaign


def test_a_percent_sign_in_a_weight_is_still_refused(tmp_path, db_path):
    tables = read_tiny()
    tables["criteria"][0]["weight"] = "50%"
    result = load(write_sheets(tmp_path / "weight.xlsx", clean_sheets(tables)), db_path)
    assert result.errors == [Issue("error", "bad_number", "Tiêu chí", 2, "weight", "Trọng số",
                                   "50%", table="criteria")]


# --- formulas without a saved value, Excel error values ------------------------------------

FORMULAS = {  # (table, data row, column) -> (formula, cached value xlsxwriter writes)
    ("staff", 1, "full_name"): ('="Trần Thị "&"Bình"', ""),
    ("staff", 2, "position"): ('="Chuyên"&" viên"', ""),
    ("staff", 5, "staff_code"): ('="CB"&"06"', ""),
    ("registrations", 2, "registered_on"): ("=NA()", "#N/A"),
    ("evaluations", 0, "note"): ("=1/0", "#DIV/0!"),
    ("evaluations", 1, "score"): ("=A1+#REF!", "#REF!"),
}


def _formula_workbook(path: Path, strip_values: bool) -> Path:
    """The clean workbook with the FORMULAS cells written as formulas: with xlsxwriter's empty
    ``<v></v>`` (as programs such as openpyxl write them), or with no ``<v>`` at all."""
    tables = read_tiny()
    book = xlsxwriter.Workbook(str(path))
    for table in ref.TABLES:
        ws = book.add_worksheet(table.label_vi)
        for r, line in enumerate(table_rows(table, tables[table.name])):
            for c, value in enumerate(line):
                formula = FORMULAS.get((table.name, r - 1, table.columns[c].name))
                if formula:
                    ws.write_formula(r, c, formula[0], None, formula[1])
                elif value is not None:
                    ws.write_string(r, c, value)
    book.close()
    if strip_values:
        stripped = path.with_name("stripped.xlsx")
        with zipfile.ZipFile(path) as src, zipfile.ZipFile(stripped, "w") as out:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename.startswith("xl/worksheets/"):
                    data = re.sub(rb"(</f>)<v></v>", rb"\1", data)
                out.writestr(item, data)
        return stripped
    return path


@pytest.mark.parametrize("strip_values", [False, True], ids=["empty_v", "no_v"])
def test_formulas_without_values_and_error_cells_are_named(tmp_path, db_path, strip_values):
    book = _formula_workbook(tmp_path / "formulas.xlsx", strip_values)
    assert CalamineWorkbook.from_path(str(book)).get_sheet_by_name("Cán bộ").to_python()[2][1] \
        == ""  # calamine reads the formula as an empty cell
    result = load(book, db_path)
    assert result.outcome == "rejected"
    assert result.errors == [
        Issue("error", "formula_no_value", "Cán bộ", 3, "full_name", "Họ và tên",
              table="staff"),
        Issue("error", "formula_no_value", "Cán bộ", 7, "staff_code", "Mã cán bộ",
              table="staff"),
        Issue("error", "error_value", "Đăng ký thi đua", 4, "registered_on", "Ngày đăng ký",
              "#N/A", table="registrations"),
        Issue("error", "error_value", "Đánh giá", 3, "score", "Điểm", "#REF!",
              table="evaluations"),
    ]
    assert result.warnings == [
        Issue("warning", "formula_no_value", "Cán bộ", 4, "position", "Chức vụ", table="staff"),
        Issue("warning", "error_value", "Đánh giá", 2, "note", "Ghi chú", "#DIV/0!",
              table="evaluations"),
    ]
    vi, en = issue_message(result.errors[0], "vi"), issue_message(result.errors[0], "en")
    assert vi == ("Trang «Cán bộ», dòng 3, cột «Họ và tên»: ô có công thức nhưng chưa có giá trị "
                  "đã tính (tệp do một chương trình tạo ra và chưa từng được mở bằng Excel). Hãy "
                  "mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi nhập lại")
    assert en.startswith("Sheet 'Cán bộ', row 3, column 'Họ và tên': the cell holds a formula "
                         "without a saved value")
    assert issue_message(result.errors[2], "en").endswith(
        "the cell holds the formula error '#N/A', not data. Fix the formula (or type the value) "
        "in Excel and import again")


def test_an_error_value_typed_in_a_csv_text_column_is_a_warning(tmp_path, db_path):
    tables = read_tiny()
    tables["registrations"][1]["commitment"] = "#VALUE!"
    result = load(write_csv_folder(tmp_path / "csv", tables, lambda s: s.encode("utf-8")),
                  db_path)
    assert (result.outcome, result.warnings) == ("imported", [
        Issue("warning", "error_value", "registrations.csv", 3, "commitment", "commitment",
              "#VALUE!", table="registrations")])


# --- CSV bytes Windows-1258 cannot decode ----------------------------------------------------

def test_bytes_windows_1258_cannot_decode_are_named(tmp_path, db_path):
    folder = write_csv_folder(tmp_path / "cp1258", read_tiny(),
                              lambda s: to_cp1258_form(s).encode("cp1258"))
    staff = folder / "staff.csv"
    data = staff.read_bytes()
    assert b"Tr\xe2\xccn" in data  # "Trần": â and a combining grave in Windows-1258
    staff.write_bytes(data.replace(b"Tr\xe2\xccn", b"Tr\x81n", 1))
    result = load(folder, db_path)
    assert result.errors == [Issue("error", "undecodable", "staff.csv", 3, "full_name",
                                   "full_name", "Tr\ufffdn Thị Bình", table="staff")]
    assert issue_message(result.errors[0], "vi") == (
        "Tệp «staff.csv», dòng 3, cột «full_name»: tệp CSV có byte không đọc được theo bảng mã "
        "Windows-1258 (hiện thành «�»): «Tr�n Thị Bình». Hãy lưu tệp dưới dạng CSV UTF-8 "
        "(Excel: Lưu thành → CSV UTF-8) rồi nhập lại")


# --- VNI text ----------------------------------------------------------------------------------

def test_vni_text_that_looks_like_letters_is_caught(tmp_path, db_path):
    tables = read_tiny()
    tables["staff"][0]["full_name"] = "Nguyeãn Vaên An"
    tables["units"][0]["unit_name"] = "Phoøng Kinh teá"
    result = load(write_sheets(tmp_path / "vni.xlsx", clean_sheets(tables)), db_path)
    assert [i for i in result.errors if i.code == "legacy_font"] == [
        Issue("error", "legacy_font", "Đơn vị", 2, "unit_name", "Tên đơn vị", "Phoøng Kinh teá",
              "1", "units"),
        Issue("error", "legacy_font", "Cán bộ", 2, "full_name", "Họ và tên", "Nguyeãn Vaên An",
              "1", "staff"),
    ]


VNI_WORDS = ["Nguyeãn", "Vaên", "Trung taâm", "Ñoaøn", "NGUYEÃN", "Hoäi ñoàng", "thuù",
             "Quoác hoäi", "Tröôøng", "khoûe", "Ngöôøi laäp bieåu"]
REAL_WORDS = ["Hoà Bình", "hoá đơn", "hoãn", "quân", "quá", "quà", "thuê", "Huế", "giá", "giã",
              "tiên", "yên", "toé", "xoè", "khoẻ", "Quảng", "Nguyễn", "thuở", "khuya"]


def test_the_vni_rule_in_python_and_in_duckdb_agree():
    con = duckdb.connect()
    sql = [con.execute("select regexp_matches($w, $p)", {"w": w, "p": LEGACY_FONT_PATTERN})
           .fetchone()[0] for w in VNI_WORDS + REAL_WORDS]
    assert sql == [is_legacy_font(w) for w in VNI_WORDS + REAL_WORDS]
    assert sql == [True] * len(VNI_WORDS) + [False] * len(REAL_WORDS)


def test_no_real_vietnamese_text_is_taken_for_a_legacy_font():
    """Every cell of the bundled sample and of the tiny fixture: zero false positives."""
    texts = []
    book = CalamineWorkbook.from_path(str(SAMPLE_WORKBOOK))
    for name in book.sheet_names:
        texts += [cell_text(c) for row in book.get_sheet_by_name(name).to_python() for c in row]
    for file in sorted(TINY.glob("*.csv")):
        texts += file.read_text(encoding="utf-8").splitlines()
    texts = [t for t in texts if t]
    assert len(texts) > 10_000
    assert [t for t in texts if is_legacy_font(t)] == []


# --- names and values as the user wrote them ------------------------------------------------

def test_the_referenced_sheet_is_named_as_in_the_users_file(tmp_path, db_path):
    tables = read_tiny()
    tables["staff"][4]["unit_code"] = "kt x"
    sheets = clean_sheets(tables)
    sheets[1] = Sheet("units", sheets[1].rows)
    result = load(write_sheets(tmp_path / "units.xlsx", sheets), db_path)
    assert result.errors == [Issue("error", "unknown_reference", "Cán bộ", 6, "unit_code",
                                   "Mã đơn vị", "kt x", "units", "staff")]
    assert issue_message(result.errors[0], "vi").endswith(
        ": mã «kt x» không có trong trang «units»")
    assert issue_message(result.errors[0], "en").endswith(
        ": the code 'kt x' is not in the sheet 'units'")


def test_statuses_are_shown_as_the_user_wrote_them(tmp_path, db_path):
    tables = read_tiny()
    tables["nominations"][1]["status"] = "Hội đồng TĐKT cơ quan xét"
    tables["nomination_events"].append({"nomination_code": "HS02", "status": "Đã trình UBND tỉnh",
                                        "event_date": "2026-02-20", "note": ""})
    result = load(write_sheets(tmp_path / "events.xlsx", clean_sheets(tables)), db_path)
    assert result.errors == [Issue(
        "error", "events_disagree", "Đề nghị khen thưởng", 3, "status", "Trạng thái",
        "Hội đồng TĐKT cơ quan xét · 05/02/2026", "Đã trình UBND tỉnh · 20/02/2026",
        "nominations")]


def test_a_subject_code_is_shown_as_written(tmp_path, db_path):
    tables = read_tiny()
    tables["registrations"][0]["subject_code"] = "zz"
    result = load(write_csv_folder(tmp_path / "csv", tables, lambda s: s.encode("utf-8")),
                  db_path)
    assert result.errors == [Issue("error", "unknown_subject", "registrations.csv", 2,
                                   "subject_code", "subject_code", "zz", "tap_the",
                                   "registrations")]


def test_the_bundled_sample_still_imports_without_a_problem(db_path):
    result = load(SAMPLE_WORKBOOK, db_path)
    assert (result.outcome, result.errors, result.warnings) == ("imported", [], [])

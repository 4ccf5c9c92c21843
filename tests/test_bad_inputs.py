"""Bad inputs are rejected (exit 1) or unreadable (exit 2), located exactly, and change nothing.

Every test first loads the clean tiny fixture, snapshots every data table, then loads one broken
variant into the same database and asserts: the exit code; the whole error (code, sheet or file,
Excel row, column label as the user wrote it, value, detail); the Vietnamese and English
sentences the user reads; that the data tables are exactly as before; and that the attempt is
recorded in ``imports`` with its outcome.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from tests.conftest import TINY, read_tiny
from tests.variants import (
    Sheet,
    Tables,
    clean_sheets,
    imports,
    snapshot,
    strip_diacritics,
    table_rows,
    with_title_rows,
    write_csv_folder,
    write_sheets,
)
from thidua.contract import reference as ref
from thidua.ingest.load import ImportOutcome, load
from thidua.ingest.messages import issue_message, location
from thidua.ingest.read import Issue

EXIT_CODES = {"rejected": 1, "unreadable": 2}
EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"


@pytest.fixture
def before(db_path: Path) -> dict[str, list[tuple]]:
    """The database holding the clean tiny campaign, as a snapshot of every data table."""
    assert load(TINY, db_path).outcome == "imported"
    return snapshot(db_path)


def load_bad(source: Path, db_path: Path, before, outcome: str = "rejected",
             lang: str = "vi") -> ImportOutcome:
    """Load ``source`` over the clean campaign; assert it was refused and wrote nothing."""
    result = load(source, db_path, lang)
    assert (result.outcome, result.exit_code) == (outcome, EXIT_CODES[outcome])
    assert snapshot(db_path) == before
    attempts = imports(db_path)
    assert [(a["import_id"], a["file_name"], a["outcome"]) for a in attempts] == [
        (1, "tiny", "imported"), (2, source.name, outcome)]
    assert attempts[1]["error_count"] == result.error_count == len(result.errors)
    return result


def assert_sentences(issue: Issue, where_vi: str, where_en: str) -> tuple[str, str]:
    """The Vietnamese and English sentences start with the exact location; returns both."""
    vi, en = issue_message(issue, "vi"), issue_message(issue, "en")
    assert (location(issue, "vi"), location(issue, "en")) == (where_vi, where_en)
    assert vi.startswith(where_vi + ": ") and en.startswith(where_en + ": ")
    return vi, en


def tiny_with(**changes) -> Tables:
    """A deep copy of the tiny tables with ``changes[table](rows)`` applied in place."""
    tables = copy.deepcopy(read_tiny())
    for name, change in changes.items():
        change(tables[name])
    return tables


def workbook(path: Path, tables: Tables) -> Path:
    """The clean workbook layout (labels in row 1, every value as text) of ``tables``."""
    return write_sheets(path, clean_sheets(tables))


def set_cell(row: int, column: str, value: str):
    """A change that sets ``column`` of data row ``row`` (0-based, Excel row ``row + 2``)."""
    def change(rows: list[dict[str, str]]) -> None:
        rows[row][column] = value
    return change


# --- rejected (exit 1) --------------------------------------------------------------------

def test_missing_required_column(tmp_path, db_path, before):
    tables = read_tiny()
    sheets = clean_sheets(tables)
    staff = ref.TABLES_BY_NAME["staff"]
    columns = [c for c in staff.columns if c.name != "full_name"]
    sheets[2] = with_title_rows(Sheet("Cán bộ", table_rows(staff, tables["staff"],
                                                           columns=columns)))
    result = load_bad(write_sheets(tmp_path / "no_name.xlsx", sheets), db_path, before)
    assert result.errors == [Issue("error", "missing_column", "Cán bộ", 5, "full_name",
                                   "Họ và tên", table="staff")]
    vi, en = assert_sentences(result.errors[0], "Trang «Cán bộ», dòng 5, cột «Họ và tên»",
                              "Sheet 'Cán bộ', row 5, column 'Họ và tên'")
    assert "thiếu cột bắt buộc «Họ và tên»" in vi
    assert "the required column 'Họ và tên' is missing" in en


def test_unknown_unit_code_in_staff(tmp_path, db_path, before):
    tables = tiny_with(staff=set_cell(4, "unit_code", "xyz"))
    staff = ref.TABLES_BY_NAME["staff"]
    sheets = clean_sheets(tables)
    # The header as an office might type it: capitals, no diacritics.
    sheets[2] = Sheet("Cán bộ", table_rows(staff, tables["staff"],
                                           label=lambda c: strip_diacritics(c.label_vi).upper()))
    result = load_bad(write_sheets(tmp_path / "unknown_unit.xlsx", sheets), db_path, before)
    # The code as the user wrote it ("xyz", not the stored "XYZ"), the sheet as the file names it.
    assert result.errors == [Issue("error", "unknown_reference", "Cán bộ", 6, "unit_code",
                                   "MA DON VI", "xyz", "Đơn vị", "staff")]
    vi, en = assert_sentences(result.errors[0], "Trang «Cán bộ», dòng 6, cột «MA DON VI»",
                              "Sheet 'Cán bộ', row 6, column 'MA DON VI'")
    assert vi.endswith("mã «xyz» không có trong trang «Đơn vị»")
    assert en.endswith("the code 'xyz' is not in the sheet 'Đơn vị'")


def test_unknown_unit_code_in_a_csv_file(tmp_path, db_path, before):
    tables = tiny_with(staff=set_cell(4, "unit_code", "XYZ"))
    folder = write_csv_folder(tmp_path / "csv", tables, lambda s: s.encode("utf-8"))
    result = load_bad(folder, db_path, before)
    assert result.errors == [Issue("error", "unknown_reference", "staff.csv", 6, "unit_code",
                                   "unit_code", "XYZ", "units.csv", "staff")]
    vi, en = assert_sentences(result.errors[0], "Tệp «staff.csv», dòng 6, cột «unit_code»",
                              "File 'staff.csv', row 6, column 'unit_code'")
    assert vi.endswith("mã «XYZ» không có trong tệp «units.csv»")
    assert en.endswith("the code 'XYZ' is not in the file 'units.csv'")


def test_duplicate_evaluation_key_names_both_rows(tmp_path, db_path, before):
    # Row 26 (CB05, CN1) rewritten as CB04's CN2 of December, already on row 25.
    tables = tiny_with(evaluations=lambda rows: rows[24].update(
        period="T12/2025", subject_code="CB04", criterion_code="CN2"))
    result = load_bad(workbook(tmp_path / "duplicate.xlsx", tables), db_path, before)
    assert result.errors == [Issue("error", "duplicate_key", "Đánh giá", 26, "period",
                                   "Kỳ đánh giá", "T12/2025 · Cá nhân · CB04 · CN2", "25",
                                   "evaluations")]
    vi, en = assert_sentences(result.errors[0], "Trang «Đánh giá», dòng 26, cột «Kỳ đánh giá»",
                              "Sheet 'Đánh giá', row 26, column 'Kỳ đánh giá'")
    assert vi.endswith("trùng khoá «T12/2025 · Cá nhân · CB04 · CN2» với dòng 25")
    assert en.endswith("the key 'T12/2025 · Cá nhân · CB04 · CN2' repeats row 25")


def test_duplicate_staff_code(tmp_path, db_path, before):
    tables = tiny_with(staff=set_cell(5, "staff_code", " cb02"))
    result = load_bad(workbook(tmp_path / "duplicate_staff.xlsx", tables), db_path, before)
    assert result.errors == [Issue("error", "duplicate_key", "Cán bộ", 7, "staff_code",
                                   "Mã cán bộ", "cb02", "3", "staff")]
    vi, _ = assert_sentences(result.errors[0], "Trang «Cán bộ», dòng 7, cột «Mã cán bộ»",
                             "Sheet 'Cán bộ', row 7, column 'Mã cán bộ'")
    assert vi.endswith("với dòng 3")


def test_collective_criterion_given_to_a_staff_member(tmp_path, db_path, before):
    tables = tiny_with(evaluations=set_cell(4, "criterion_code", "TT1"))
    result = load_bad(workbook(tmp_path / "wrong_subject.xlsx", tables), db_path, before)
    assert result.errors == [Issue("error", "criterion_wrong_subject", "Đánh giá", 6,
                                   "criterion_code", "Mã tiêu chí", "TT1", "tap_the|ca_nhan",
                                   "evaluations")]
    vi, en = assert_sentences(result.errors[0], "Trang «Đánh giá», dòng 6, cột «Mã tiêu chí»",
                              "Sheet 'Đánh giá', row 6, column 'Mã tiêu chí'")
    assert vi.endswith("tiêu chí «TT1» dành cho Tập thể, không dùng để đánh giá Cá nhân")
    assert en.endswith("criterion 'TT1' applies to Collective, not to Individual")


def test_impossible_date(tmp_path, db_path, before):
    tables = tiny_with(registrations=set_cell(2, "registered_on", "31/02/2025"))
    result = load_bad(workbook(tmp_path / "bad_date.xlsx", tables), db_path, before)
    assert result.errors == [Issue("error", "bad_date", "Đăng ký thi đua", 4, "registered_on",
                                   "Ngày đăng ký", "31/02/2025", table="registrations")]
    vi, en = assert_sentences(
        result.errors[0], "Trang «Đăng ký thi đua», dòng 4, cột «Ngày đăng ký»",
        "Sheet 'Đăng ký thi đua', row 4, column 'Ngày đăng ký'")
    assert "không đọc được giá trị «31/02/2025»: cần một ngày có thật" in vi
    assert "cannot read the value '31/02/2025': expected a real date" in en


def test_score_out_of_range(tmp_path, db_path, before):
    tables = read_tiny()
    sheets = clean_sheets(tables)
    sheets[5].rows[1][5] = 150.0  # a number cell
    result = load_bad(write_sheets(tmp_path / "score.xlsx", sheets), db_path, before)
    assert result.errors == [Issue("error", "bad_pct", "Đánh giá", 2, "score", "Điểm", "150",
                                   table="evaluations")]
    vi, en = assert_sentences(result.errors[0], "Trang «Đánh giá», dòng 2, cột «Điểm»",
                              "Sheet 'Đánh giá', row 2, column 'Điểm'")
    assert vi.endswith("không đọc được giá trị «150»: cần một số từ 0 đến 100")
    assert en.endswith("cannot read the value '150': expected a number from 0 to 100")


def test_status_date_before_proposal(tmp_path, db_path, before):
    tables = tiny_with(nominations=set_cell(2, "status_date", "01/02/2026"))
    result = load_bad(workbook(tmp_path / "status_date.xlsx", tables), db_path, before)
    assert result.errors == [Issue("error", "status_before_proposal", "Đề nghị khen thưởng", 4,
                                   "status_date", "Ngày trạng thái", "01/02/2026", "10/02/2026",
                                   "nominations")]
    vi, en = assert_sentences(
        result.errors[0], "Trang «Đề nghị khen thưởng», dòng 4, cột «Ngày trạng thái»",
        "Sheet 'Đề nghị khen thưởng', row 4, column 'Ngày trạng thái'")
    assert vi.endswith("ngày trạng thái 01/02/2026 trước ngày đề nghị 10/02/2026")
    assert en.endswith("the status date 01/02/2026 is before the proposal date 10/02/2026")


def test_events_disagree_with_the_status(tmp_path, db_path, before):
    # A later step added to the events sheet, the nomination's status left as it was.
    tables = tiny_with(nomination_events=lambda rows: rows.append(
        {"nomination_code": "HS02", "status": "da_trinh", "event_date": "2026-02-20",
         "note": ""}))
    result = load_bad(workbook(tmp_path / "events.xlsx", tables), db_path, before)
    assert result.errors == [Issue("error", "events_disagree", "Đề nghị khen thưởng", 3,
                                   "status", "Trạng thái", "hoi_dong · 05/02/2026",
                                   "da_trinh · 20/02/2026", "nominations")]
    vi, en = assert_sentences(
        result.errors[0], "Trang «Đề nghị khen thưởng», dòng 3, cột «Trạng thái»",
        "Sheet 'Đề nghị khen thưởng', row 3, column 'Trạng thái'")
    assert "«hoi_dong · 05/02/2026»" in vi and "«da_trinh · 20/02/2026»" in vi
    assert en.endswith("the status 'hoi_dong · 05/02/2026' differs from the latest step in "
                       "the events sheet 'da_trinh · 20/02/2026'")


def test_required_cell_empty(tmp_path, db_path, before):
    tables = tiny_with(staff=set_cell(1, "full_name", "  "))
    result = load_bad(workbook(tmp_path / "required.xlsx", tables), db_path, before)
    assert result.errors == [Issue("error", "required", "Cán bộ", 3, "full_name", "Họ và tên",
                                   table="staff")]
    vi, en = assert_sentences(result.errors[0], "Trang «Cán bộ», dòng 3, cột «Họ và tên»",
                              "Sheet 'Cán bộ', row 3, column 'Họ và tên'")
    assert vi.endswith("ô này bắt buộc nhưng đang để trống")
    assert en.endswith("this cell is required but empty")


def test_tcvn3_legacy_font_cells(tmp_path, db_path, before):
    # Text pasted from a .VnTime document into the template (Unicode headers, TCVN3 cells).
    tables = tiny_with(staff=set_cell(0, "full_name", "NguyÔn V¨n An"),
                       criteria=set_cell(0, "applies_to", "TËp thÓ"),
                       evaluations=set_cell(0, "result", "§¹t"))
    result = load_bad(workbook(tmp_path / "tcvn3.xlsx", tables), db_path, before)
    legacy = [i for i in result.errors if i.code == "legacy_font"]
    assert legacy == [
        Issue("error", "legacy_font", "Cán bộ", 2, "full_name", "Họ và tên", "NguyÔn V¨n An",
              "1", "staff"),
        Issue("error", "legacy_font", "Tiêu chí", 2, "applies_to", "Đối tượng", "TËp thÓ", "1",
              "criteria"),
        Issue("error", "legacy_font", "Đánh giá", 2, "result", "Kết quả", "§¹t", "1",
              "evaluations"),
    ]
    # The same cells are also no readable list value: reported too, nothing else is.
    assert sorted((i.code, i.origin, i.row) for i in result.errors if i.code != "legacy_font") \
        == [("bad_result", "Đánh giá", 2), ("bad_subject", "Tiêu chí", 2)]
    vi, en = assert_sentences(legacy[0], "Trang «Cán bộ», dòng 2, cột «Họ và tên»",
                              "Sheet 'Cán bộ', row 2, column 'Họ và tên'")
    assert "phông chữ cũ TCVN3 (ABC) hoặc VNI, ví dụ «NguyÔn V¨n An» (1 ô)" in vi
    assert "chuyển sang Unicode" in vi
    assert "legacy Vietnamese font, TCVN3 (ABC) or VNI, e.g. 'NguyÔn V¨n An' (1 cells)" in en
    assert "Convert it to Unicode" in en


def test_tcvn3_legacy_font_sheet(tmp_path, db_path, before):
    # A whole sheet typed in TCVN3: its headers cannot be recognised, the sheet is named.
    sheets = clean_sheets(read_tiny())
    sheets[2] = Sheet("Cán bộ", [["M· c¸n bé", "Hä vµ tªn", "M· ®¬n vÞ"],
                                 ["CB01", "NguyÔn V¨n An", "KT"]])
    result = load_bad(write_sheets(tmp_path / "tcvn3_sheet.xlsx", sheets), db_path, before)
    assert result.errors == [Issue("error", "legacy_font", "Cán bộ", table="staff")]
    vi = issue_message(result.errors[0], "vi")
    assert vi.startswith("Trang «Cán bộ»: tiêu đề cột gõ bằng phông chữ cũ TCVN3 (ABC) hoặc VNI")
    assert issue_message(result.errors[0], "en").startswith(
        "Sheet 'Cán bộ': the column headers are typed in a legacy font, TCVN3 (ABC) or VNI")


def test_several_errors_reported_in_one_pass(tmp_path, db_path, before):
    tables = tiny_with(staff=set_cell(4, "unit_code", "XYZ"),
                       registrations=set_cell(2, "registered_on", "31/02/2025"))
    sheets = clean_sheets(tables)
    sheets[5].rows[1][5] = 150.0
    result = load_bad(write_sheets(tmp_path / "three.xlsx", sheets), db_path, before)
    assert result.errors == [
        Issue("error", "unknown_reference", "Cán bộ", 6, "unit_code", "Mã đơn vị", "XYZ",
              "Đơn vị", "staff"),
        Issue("error", "bad_date", "Đăng ký thi đua", 4, "registered_on", "Ngày đăng ký",
              "31/02/2025", table="registrations"),
        Issue("error", "bad_pct", "Đánh giá", 2, "score", "Điểm", "150", table="evaluations"),
    ]
    assert [issue_message(i, "vi").split(":")[0] for i in result.errors] == [
        "Trang «Cán bộ», dòng 6, cột «Mã đơn vị»",
        "Trang «Đăng ký thi đua», dòng 4, cột «Ngày đăng ký»",
        "Trang «Đánh giá», dòng 2, cột «Điểm»",
    ]
    assert imports(db_path)[1]["error_count"] == 3


# --- unreadable (exit 2) ------------------------------------------------------------------

def test_zero_byte_workbook(tmp_path, db_path, before):
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    result = load_bad(empty, db_path, before, "unreadable")
    message = "Tệp «empty.xlsx» rỗng, không có dữ liệu."
    assert result.message == message
    assert result.errors == [Issue("error", "unreadable_empty", "empty.xlsx", value=message)]
    assert issue_message(result.errors[0], "vi") == f"Tệp «empty.xlsx»: {message}"
    assert imports(db_path)[1]["sha256"] == EMPTY_SHA256
    english = load(empty, db_path, "en")
    assert (english.outcome, english.exit_code, english.message) == (
        "unreadable", 2, "The file 'empty.xlsx' is empty.")
    assert snapshot(db_path) == before


def test_text_file_named_xlsx(tmp_path, db_path, before):
    fake = tmp_path / "bao_cao.xlsx"
    fake.write_text("Báo cáo thi đua tháng 11\nKT, Đạt\n", encoding="utf-8")
    result = load_bad(fake, db_path, before, "unreadable")
    assert [(i.code, i.origin, i.row) for i in result.errors] == [
        ("unreadable_workbook", "bao_cao.xlsx", None)]
    assert result.message.startswith(
        "Không mở được «bao_cao.xlsx» như một sổ tính Excel: tệp hỏng hoặc không phải bảng tính (")
    english = load(fake, db_path, "en")
    assert english.message.startswith(
        "Cannot open 'bao_cao.xlsx' as a workbook: the file is damaged or not a spreadsheet (")
    assert snapshot(db_path) == before


def test_lone_csv_file_is_not_an_import(tmp_path, db_path, before):
    lone = tmp_path / "staff.csv"
    lone.write_bytes((TINY / "staff.csv").read_bytes())
    result = load_bad(lone, db_path, before, "unreadable")
    assert result.errors == [Issue("error", "unreadable_kind", "staff.csv", value=(
        "«staff.csv» không phải sổ tính Excel (.xlsx) hay thư mục tệp CSV/Parquet."))]

"""Messy but valid inputs (DATA_CONTRACT section 2) load to exactly the numbers of the clean file.

Each case rewrites the tiny fixture the way a real office file looks — title rows above the
header, a merged two-row header, labels without diacritics, NFD text, CSV in other encodings,
every date, month and result spelling, stray spaces, STT and unknown columns, blank and
signature rows, shuffled columns, list values as labels — loads it into a fresh database and
asserts the section-5 summary at two dates, every stored row (identical to the clean load's)
and the exact warnings the import reports.
"""

from __future__ import annotations

import codecs
import datetime as dt
import itertools
import random
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from tests import expected
from tests.conftest import TINY, read_tiny, write_workbook
from tests.variants import (
    Sheet,
    clean_sheets,
    cycle_cells,
    snapshot,
    strip_diacritics,
    table_rows,
    to_cp1258_form,
    with_title_rows,
    write_csv_folder,
    write_sheets,
)
from thidua.contract import reference as ref
from thidua.ingest.load import load
from thidua.ingest.read import Issue
from thidua.metrics.summary import build_summary
from thidua.store.database import connect_read_only

TODAY = dt.date(2026, 11, 24)
EXCEL_EPOCH = dt.date(1899, 12, 30)
TABLES = ref.TABLES_BY_NAME


@pytest.fixture(scope="module")
def clean_rows(tmp_path_factory) -> dict[str, list[tuple]]:
    """Every stored row of the clean tiny fixture, the yardstick of every messy variant."""
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    assert load(TINY, db).outcome == "imported"
    return snapshot(db)


def assert_loads_like_tiny(source: Path, db: Path, clean_rows, warnings: list[Issue] = ()):
    outcome = load(source, db)
    assert (outcome.outcome, outcome.exit_code, outcome.errors) == ("imported", 0, [])
    assert outcome.warnings == list(warnings)
    assert outcome.rows == {"campaigns": 1, "units": 3, "staff": 6, "criteria": 4,
                            "registrations": 7, "evaluations": 25, "nominations": 3,
                            "nomination_events": 6}
    con = connect_read_only(db)
    try:
        assert build_summary(con, today=TODAY) == expected.SUMMARY_DEFAULT
        assert build_summary(con, as_of=dt.date(2025, 11, 30)) == expected.SUMMARY_2025_11_30
    finally:
        con.close()
    assert snapshot(db) == clean_rows


# --- (a) the clean inputs ------------------------------------------------------------------

def test_a_tiny_csv_folder(db_path, clean_rows):
    assert_loads_like_tiny(TINY, db_path, clean_rows)


@pytest.mark.parametrize("real_dates", [True, False], ids=["date_cells", "iso_text_dates"])
def test_a_clean_workbook(tmp_path, db_path, clean_rows, real_dates):
    book = write_workbook(tmp_path / "tiny.xlsx", read_tiny(), real_dates=real_dates)
    assert_loads_like_tiny(book, db_path, clean_rows)


def test_a_parquet_folder(tmp_path, db_path, clean_rows):
    """Parquet files with typed columns: dates as DATE, numbers as numbers."""
    folder = tmp_path / "parquet"
    folder.mkdir()
    tables = read_tiny()
    for table in ref.TABLES:
        rows = tables[table.name]
        columns = {}
        for col in table.columns:
            values = [r[col.name] or None for r in rows]
            if col.type == ref.DATE:
                columns[col.name] = pa.array([_day(v) for v in values], pa.date32())
            elif col.type in (ref.NUMBER, ref.PCT):
                columns[col.name] = pa.array([v and float(v) for v in values], pa.float64())
            else:
                columns[col.name] = pa.array(values, pa.string())
        pq.write_table(pa.table(columns), folder / f"{table.name}.parquet")
    assert_loads_like_tiny(folder, db_path, clean_rows)


# --- (b) government-form title rows ----------------------------------------------------------

def test_b_title_rows_above_the_header(tmp_path, db_path, clean_rows):
    sheets = [with_title_rows(s) for s in clean_sheets(read_tiny())]
    assert sheets[0].rows[0][3] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert sheets[0].rows[4][0] == "Mã đợt"  # the header is Excel row 5
    assert_loads_like_tiny(write_sheets(tmp_path / "titles.xlsx", sheets), db_path, clean_rows)


# --- (c) merged two-row headers --------------------------------------------------------------

def two_row_header(table: ref.Table, data: list[dict[str, str]], group: str,
                   grouped: tuple[str, ...]) -> Sheet:
    """``group`` merged across the ``grouped`` columns above their labels; every other label
    merged vertically over both header rows."""
    rows = table_rows(table, data)
    labels = rows[0]
    names = [c.name for c in table.columns]
    first = names.index(grouped[0])
    upper = [None if n in grouped else lbl for n, lbl in zip(names, labels, strict=True)]
    upper[first] = group
    lower = [lbl if n in grouped else None for n, lbl in zip(names, labels, strict=True)]
    merges = [(0, c, 1, c) for c, n in enumerate(names) if n not in grouped]
    merges.append((0, first, 0, first + len(grouped) - 1))
    return Sheet(table.label_vi, [upper, lower, *rows[1:]], merges)


def test_c_merged_two_row_headers(tmp_path, db_path, clean_rows):
    tables = read_tiny()
    sheets = clean_sheets(tables)
    sheets[5] = with_title_rows(two_row_header(
        TABLES["evaluations"], tables["evaluations"], "Kết quả đánh giá",
        ("result", "score", "note")))
    # Here the upper row alone lacks two required columns: only both rows make the header.
    sheets[6] = two_row_header(TABLES["nominations"], tables["nominations"],
                               "Tình trạng hồ sơ", ("status", "status_date"))
    assert sheets[5].rows[4][4:] == ["Kết quả đánh giá", None, None]
    assert sheets[5].rows[5] == [None, None, None, None, "Kết quả", "Điểm", "Ghi chú"]
    assert_loads_like_tiny(write_sheets(tmp_path / "two_rows.xlsx", sheets), db_path,
                           clean_rows)


# --- (d) names without diacritics, canonical names ------------------------------------------

NAMINGS = {
    "labels_ascii_capitals": (lambda t: strip_diacritics(t.label_vi),
                              lambda c: strip_diacritics(c.label_vi).upper()),
    "canonical_snake_case": (lambda t: t.name, lambda c: c.name),
    "english_labels": (lambda t: t.label_en, lambda c: c.label_en),
}


@pytest.mark.parametrize("naming", sorted(NAMINGS))
def test_d_sheet_and_column_names(tmp_path, db_path, clean_rows, naming):
    sheet_name, label = NAMINGS[naming]
    tables = read_tiny()
    sheets = [Sheet(sheet_name(t), table_rows(t, tables[t.name], label=label))
              for t in ref.TABLES]
    if naming == "labels_ascii_capitals":
        assert [s.name for s in sheets][4:6] == ["Dang ky thi dua", "Danh gia"]
        assert sheets[2].rows[0][:3] == ["MA CAN BO", "HO VA TEN", "MA DON VI"]
    assert_loads_like_tiny(write_sheets(tmp_path / f"{naming}.xlsx", sheets), db_path,
                           clean_rows)


# --- (e) decomposed Unicode (NFD) ----------------------------------------------------------

def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def test_e_nfd_workbook(tmp_path, db_path, clean_rows):
    tables = read_tiny()
    sheets = [Sheet(nfd(t.label_vi),
                    table_rows(t, tables[t.name], label=lambda c: nfd(c.label_vi),
                               cell=lambda _c, text, _i: nfd(text)))
              for t in ref.TABLES]
    assert sheets[2].rows[1][1] != "Nguyễn Văn An"
    assert unicodedata.normalize("NFC", sheets[2].rows[1][1]) == "Nguyễn Văn An"
    assert_loads_like_tiny(write_sheets(tmp_path / "nfd.xlsx", sheets), db_path, clean_rows)


def test_e_nfd_csv_folder(tmp_path, db_path, clean_rows):
    folder = write_csv_folder(tmp_path / "nfd", read_tiny(), lambda s: nfd(s).encode("utf-8"),
                              file_name=lambda t: nfd(t.label_vi) + ".csv",
                              label=lambda c: c.label_vi)
    assert_loads_like_tiny(folder, db_path, clean_rows)


# --- (f, g, h) CSV encodings ---------------------------------------------------------------

ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf8_bom": lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    "utf16_le_bom": lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
    "utf16_be_bom": lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
    "cp1258": lambda s: to_cp1258_form(s).encode("cp1258"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_fgh_csv_encodings(tmp_path, db_path, clean_rows, encoding):
    ascii_names = encoding == "cp1258"
    folder = write_csv_folder(
        tmp_path / encoding, read_tiny(), ENCODINGS[encoding],
        file_name=lambda t: (strip_diacritics(t.label_vi) if ascii_names else t.name) + ".csv",
        label=lambda c: c.label_vi)
    if ascii_names:
        assert (folder / "Dang ky thi dua.csv").is_file()
        raw = (folder / "Can bo.csv").read_bytes()
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
        assert "Nguyễn Văn An" in unicodedata.normalize("NFC", raw.decode("cp1258"))
    assert_loads_like_tiny(folder, db_path, clean_rows)


@pytest.mark.parametrize("delimiter", [";", "\t"], ids=["semicolon", "tab"])
def test_csv_delimiters_with_title_rows(tmp_path, db_path, clean_rows, delimiter):
    """Excel with Vietnamese regional settings saves "CSV UTF-8" with ';' between fields."""
    folder = write_csv_folder(tmp_path / "csv", read_tiny(), ENCODINGS["utf8_bom"],
                              label=lambda c: c.label_vi, delimiter=delimiter, titles=True)
    lines = (folder / "nominations.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[4].startswith(delimiter.join(["Mã hồ sơ", "Đối tượng", "Mã đối tượng"]))
    assert_loads_like_tiny(folder, db_path, clean_rows)


# --- (i) every date and month form ---------------------------------------------------------

def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


DATE_FORMS: list[Callable[[str], object]] = [
    lambda s: s,                                              # 2025-10-01
    lambda s: _day(s).strftime("%d/%m/%Y"),                   # 01/10/2025
    lambda s: f"{_day(s).day}/{_day(s).month}/{_day(s).year}",  # 1/10/2025
    lambda s: _day(s).strftime("%d-%m-%Y"),                   # 01-10-2025
    lambda s: _day(s).strftime("ngày %d tháng %m năm %Y"),    # ngày 01 tháng 10 năm 2025
    _day,                                                     # a real Excel date cell
    lambda s: float((_day(s) - EXCEL_EPOCH).days),            # an Excel serial number
    lambda s: dt.datetime.combine(_day(s), dt.time(8, 30)),   # a date-and-time cell
    lambda s: (_day(s) - EXCEL_EPOCH).days + 0.375,           # a serial with a time of day
]
MONTH_FORMS: list[Callable[[str], object]] = [
    lambda s: s,                                              # 2025-11
    lambda s: f"Tháng {s[5:]}/{s[:4]}",                       # Tháng 11/2025
    lambda s: f"T{s[5:]}/{s[:4]}",                            # T11/2025
    lambda s: f"{s[5:]}/{s[:4]}",                             # 11/2025
    lambda s: f"15/{s[5:]}/{s[:4]}",                          # a full date
    lambda s: _day(s + "-01"),                                # a date cell
    lambda s: float((_day(s + "-20") - EXCEL_EPOCH).days),    # a serial in the month
]


def test_i_every_date_and_month_form(tmp_path, db_path, clean_rows):
    tables = read_tiny()
    cell = cycle_cells({ref.DATE: DATE_FORMS, ref.MONTH: MONTH_FORMS})
    sheets = [Sheet(t.label_vi, table_rows(t, tables[t.name], cell=cell)) for t in ref.TABLES]
    assert sheets[0].rows[1][2:4] == ["2025-10-01", "23/01/2026"]
    assert [r[2] for r in sheets[4].rows[1:]] == [
        "10/10/2025", "05-11-2025", "ngày 15 tháng 10 năm 2025", dt.date(2025, 11, 20),
        45996.0, dt.datetime(2025, 10, 20, 8, 30), 45986.375]
    assert sheets[7].rows[6][2] == "5/2/2026"
    assert [r[0] for r in sheets[5].rows[1:8]] == [
        "2025-11", "Tháng 11/2025", "T11/2025", "11/2025", "15/11/2025", dt.date(2025, 11, 1),
        45981.0]
    assert_loads_like_tiny(write_sheets(tmp_path / "dates.xlsx", sheets), db_path, clean_rows)


# --- (j) result spellings ------------------------------------------------------------------

def result_cells() -> Callable[[ref.Column, str, int], object]:
    """Met and not-met results written in turn in each of their accepted spellings."""
    met = itertools.cycle(["x", "X", "✓", 1.0, "Có", "ĐẠT", "true", "yes"])
    not_met = itertools.cycle(["Chưa đạt", "Không", 0.0, "KHONG DAT", "no"])

    def cell(col: ref.Column, text: str, _i: int) -> object:
        if col.type != ref.RESULT:
            return text
        return next(met) if text == "Đạt" else next(not_met)

    return cell


def test_j_result_spellings(tmp_path, db_path, clean_rows):
    tables = read_tiny()
    sheets = [Sheet(t.label_vi, table_rows(t, tables[t.name], cell=result_cells()))
              for t in ref.TABLES]
    results = [r[4] for r in sheets[5].rows[1:]]
    assert results[:6] == ["x", "Chưa đạt", "X", None, "✓", 1.0]
    assert {"Có", "Không", 0.0, "yes"} <= set(results)
    assert results.count(None) == 3  # blank stays blank: not evaluated, not "not met"
    assert_loads_like_tiny(write_sheets(tmp_path / "results.xlsx", sheets), db_path, clean_rows)


# --- (k) stray white space and lower-case codes ---------------------------------------------

def spaced_cells() -> Callable[[ref.Column, str, int], object]:
    """Values wrapped in spaces, NBSP, tabs and zero-width characters; codes in lower case,
    runs of spaces inside text."""
    pads = itertools.cycle([(" ", " "), ("\u00a0", "\u200b"), ("\u200b ", "\u00a0 "),
                            ("  ", "\ufeff"), ("\t", "\u00a0")])

    def cell(col: ref.Column, text: str, _i: int) -> object:
        before, after = next(pads)
        if col.type == ref.CODE:
            text = text.lower()
        elif col.type == ref.TEXT:
            text = text.replace(" ", "  \u00a0")
        return before + text + after

    return cell


def test_k_spaces_nbsp_zero_width_and_lower_case_codes(tmp_path, db_path, clean_rows):
    tables = read_tiny()
    sheets = [Sheet(t.label_vi, table_rows(t, tables[t.name], cell=spaced_cells(),
                                           label=lambda c: f" {c.label_vi}\u00a0"))
              for t in ref.TABLES]
    assert sheets[1].rows[1][0].strip("\u00a0\u200b\ufeff \t") == "kt"
    assert_loads_like_tiny(write_sheets(tmp_path / "spaces.xlsx", sheets), db_path, clean_rows)


# --- (l) STT and unknown columns ------------------------------------------------------------

def test_l_stt_and_unknown_columns_are_listed_and_ignored(tmp_path, db_path, clean_rows):
    tables = read_tiny()
    stt_labels = itertools.cycle(["STT", "TT", "Số TT", "Số thứ tự"])
    sheets, warnings = [], []
    for table, stt in zip(ref.TABLES, stt_labels, strict=False):
        rows = table_rows(table, tables[table.name])
        sheets.append(Sheet(table.label_vi, [
            [stt, *rows[0], "Người nhập liệu"],
            *[[float(i), *row, "Lan"] for i, row in enumerate(rows[1:], start=1)]]))
        warnings += [
            Issue("info", "stt_column", table.label_vi, 1, None, stt, table=table.name),
            Issue("warning", "unknown_column", table.label_vi, 1, None, "Người nhập liệu",
                  table=table.name)]
    assert_loads_like_tiny(write_sheets(tmp_path / "stt.xlsx", sheets), db_path, clean_rows,
                           warnings)


# --- (m) blank rows and the signature block --------------------------------------------------

def test_m_blank_rows_skipped_signature_rows_reported(tmp_path, db_path, clean_rows):
    tables = read_tiny()
    sheets = clean_sheets(tables)
    staff = sheets[2].rows
    invisible = ["\u200b", "\u00a0", None, "  ", "\ufeff", "\u200b\u00a0"]  # blank to the eye
    sheets[2].rows = [*staff[:3], [], *staff[3:5], [], invisible, *staff[5:], [], [],
                      [None, None, None, "Người lập biểu"]]
    evaluations = sheets[5].rows
    sheets[5].rows = [*evaluations[:13], [], [], *evaluations[13:], [],
                      [None, None, None, None, "Người lập biểu", None, "Thủ trưởng đơn vị"]]
    assert sheets[2].rows[12] == [None, None, None, "Người lập biểu"]  # Excel row 13
    assert sheets[5].rows[29][4] == "Người lập biểu"  # Excel row 30
    assert_loads_like_tiny(write_sheets(tmp_path / "signature.xlsx", sheets), db_path,
                           clean_rows, [
        Issue("warning", "skipped_row", "Cán bộ", 13, value="Người lập biểu", table="staff"),
        Issue("warning", "skipped_row", "Đánh giá", 30,
              value="Người lập biểu | Thủ trưởng đơn vị", table="evaluations"),
    ])


# --- (n) shuffled columns ------------------------------------------------------------------

def shuffled(table: ref.Table) -> list[ref.Column]:
    """The table's columns in a fixed order other than the contract's."""
    columns, rng = list(table.columns), random.Random(table.name)
    while columns == list(table.columns):
        rng.shuffle(columns)
    return columns


def test_n_shuffled_column_order(tmp_path, db_path, clean_rows):
    tables = read_tiny()
    sheets = [Sheet(t.label_vi, table_rows(t, tables[t.name], columns=shuffled(t)))
              for t in ref.TABLES]
    moved = [s.rows[0] != [c.label_vi for c in t.columns]
             for s, t in zip(sheets, ref.TABLES, strict=True)]
    assert moved == [True] * len(ref.TABLES)
    assert_loads_like_tiny(write_sheets(tmp_path / "shuffled.xlsx", sheets), db_path,
                           clean_rows)


# --- (o) list values as codes, labels and other spellings ----------------------------------

STATUS_LABELS = {s.code: s.label_vi for s in ref.STATUSES}
AWARD_LABELS = {a.code: a.label_vi for a in ref.AWARD_FORMS}


def list_value_cells() -> Callable[[ref.Column, str, int], object]:
    """Subject types in turn as TAP THE / tap_the / unit / ...; statuses and award forms as
    their labels, in turn as written in the contract and in capitals without diacritics."""
    subjects = {
        "Tập thể": itertools.cycle(["TAP THE", "tap_the", "unit", "tập thể", "Tập  Thể"]),
        "Cá nhân": itertools.cycle(["CA NHAN", "ca_nhan", "staff", "cá nhân", "CÁ NHÂN"]),
    }
    spellings = {kind: itertools.cycle([str, lambda s: strip_diacritics(s).upper()])
                 for kind in (ref.STATUS, ref.AWARD)}

    def cell(col: ref.Column, text: str, _i: int) -> object:
        if col.type == ref.SUBJECT:
            return next(subjects[text])
        if col.type == ref.STATUS:
            return next(spellings[ref.STATUS])(STATUS_LABELS[text])
        if col.type == ref.AWARD:
            return next(spellings[ref.AWARD])(AWARD_LABELS[text])
        return text

    return cell


def test_o_subject_status_and_award_spellings(tmp_path, db_path, clean_rows):
    tables = read_tiny()
    sheets = [Sheet(t.label_vi, table_rows(t, tables[t.name], cell=list_value_cells()))
              for t in ref.TABLES]
    nominations = sheets[6].rows
    assert [r[3] for r in nominations[1:]] == [
        "Bằng khen của Chủ tịch UBND tỉnh", "GIAY KHEN CUA CHANH VAN PHONG",
        "Bằng khen của Thủ tướng Chính phủ"]
    assert nominations[1][6] == "Đã có quyết định khen thưởng"
    assert [r[1] for r in sheets[3].rows[1:]] == ["TAP THE", "tap_the", "CA NHAN", "ca_nhan"]
    assert_loads_like_tiny(write_sheets(tmp_path / "labels.xlsx", sheets), db_path, clean_rows)


# --- all of it in one file -----------------------------------------------------------------

def test_everything_at_once(tmp_path, db_path, clean_rows):
    tables = read_tiny()
    forms = cycle_cells({ref.DATE: DATE_FORMS, ref.MONTH: MONTH_FORMS})
    list_values, results, spaced = list_value_cells(), result_cells(), spaced_cells()

    def cell(col: ref.Column, text: str, i: int) -> object:
        value = results(col, forms(col, list_values(col, text, i), i), i)
        return spaced(col, value, i) if isinstance(value, str) else value

    sheets = []
    for table in ref.TABLES:
        rows = table_rows(table, tables[table.name], cell=cell, columns=shuffled(table),
                          label=lambda c: strip_diacritics(c.label_vi).upper())
        rows = [["STT", *rows[0]], *[[float(i), *r] for i, r in enumerate(rows[1:], start=1)]]
        sheets.append(with_title_rows(Sheet(strip_diacritics(table.label_vi), rows)))
    outcome_warnings = [Issue("info", "stt_column", strip_diacritics(t.label_vi), 5, None, "STT",
                              table=t.name) for t in ref.TABLES]
    assert_loads_like_tiny(write_sheets(tmp_path / "all.xlsx", sheets), db_path, clean_rows,
                           outcome_warnings)


# --- optional columns left blank or left out ------------------------------------------------

def test_optional_columns_left_out(tmp_path, db_path):
    """Only the required columns (and the results): the summary is the same, the target takes
    its default 100 and the awarded nomination without a decision number is a warning."""
    tables = read_tiny()
    sheets = [Sheet(t.label_vi, table_rows(t, tables[t.name], columns=[
        c for c in t.columns if c.required or c.name == "result"])) for t in ref.TABLES]
    assert sheets[0].rows[0] == ["Mã đợt", "Tên đợt thi đua", "Ngày bắt đầu", "Ngày kết thúc"]
    outcome = load(write_sheets(tmp_path / "required_only.xlsx", sheets), db_path)
    assert (outcome.outcome, outcome.errors) == ("imported", [])
    assert outcome.warnings == [Issue("warning", "awarded_without_decision",
                                      "Đề nghị khen thưởng", 2, "decision_ref", "Số quyết định",
                                      "HS01", table="nominations")]
    con = connect_read_only(db_path)
    try:
        assert build_summary(con, today=TODAY) == expected.SUMMARY_DEFAULT
        assert build_summary(con, as_of=dt.date(2025, 11, 30)) == expected.SUMMARY_2025_11_30
    finally:
        con.close()
    rows = snapshot(db_path)
    assert rows["campaigns"] == [("TD25", "Đợt thi đua thử nghiệm chào mừng Đại hội XIV",
                                  dt.date(2025, 10, 1), dt.date(2026, 1, 23), None, 100.0, 1)]
    assert rows["staff"][0] == ("TD25", "CB01", "Nguyễn Văn An", "KT", None, None, None)


def test_blank_participation_target_defaults_to_100(tmp_path, db_path):
    tables = read_tiny()
    tables["campaigns"][0]["target_participation_pct"] = ""
    outcome = load(write_workbook(tmp_path / "no_target.xlsx", tables), db_path)
    assert (outcome.outcome, outcome.errors, outcome.warnings) == ("imported", [], [])
    assert snapshot(db_path)["campaigns"][0][5] == 100.0

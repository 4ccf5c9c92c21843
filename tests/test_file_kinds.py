"""The rest of issue 9's list of files, one test each: an Excel 97 and an OpenDocument
workbook read as the .xlsx is, an evaluations sheet that is empty, only a header or a header
and one stray cell far below, a million rows, and upload names that are no paths.

``tests/fixtures/tiny.xls`` is the tiny campaign written as BIFF8 by xlwt
(``tests/fixtures/make_tiny_xls.py``); the .ods is written here by hand (a zip of XML parts),
as LibreOffice lays it out.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from tests.conftest import FIXTURES, TINY, read_tiny, write_workbook
from tests.variants import clean_sheets, imports, snapshot, write_sheets
from thidua.contract import reference as ref
from thidua.ingest.load import load
from thidua.ingest.messages import issue_message

ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"
_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"')


@pytest.fixture
def tiny_rows(tmp_path: Path) -> dict[str, list[tuple]]:
    """Every data table of the tiny campaign loaded from its CSV folder."""
    db = tmp_path / "from_csv.duckdb"
    assert load(TINY, db).outcome == "imported"
    return snapshot(db)


def _ods_cell(col: ref.Column, text: str) -> str:
    if not text:
        return "<table:table-cell/>"
    if col.type == ref.DATE:
        return (f'<table:table-cell office:value-type="date" office:date-value="{text}">'
                f"<text:p>{dt.date.fromisoformat(text):%d/%m/%Y}</text:p></table:table-cell>")
    return f'<table:table-cell office:value-type="string"><text:p>{escape(text)}</text:p>' \
           "</table:table-cell>"


def write_ods(path: Path, tables: dict[str, list[dict[str, str]]]) -> Path:
    """The tables as an OpenDocument spreadsheet: one sheet per table, labels in row 1."""
    sheets = []
    for table in ref.TABLES:
        header = "".join(f'<table:table-cell office:value-type="string"><text:p>'
                         f"{escape(c.label_vi)}</text:p></table:table-cell>"
                         for c in table.columns)
        rows = "".join("<table:table-row>" + "".join(
            _ods_cell(c, row.get(c.name) or "") for c in table.columns) + "</table:table-row>"
            for row in tables[table.name])
        sheets.append(f'<table:table table:name="{escape(table.label_vi)}"><table:table-row>'
                      f"{header}</table:table-row>{rows}</table:table>")
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_NS}>'
               f'<office:body><office:spreadsheet>{"".join(sheets)}</office:spreadsheet>'
               "</office:body></office:document-content>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODS_MIME}"/>'
                '<manifest:file-entry manifest:full-path="content.xml" '
                'manifest:media-type="text/xml"/></manifest:manifest>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(zipfile.ZipInfo("mimetype"), ODS_MIME, compress_type=zipfile.ZIP_STORED)
        book.writestr("META-INF/manifest.xml", manifest)
        book.writestr("content.xml", content)
    return path


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_an_excel_97_and_an_opendocument_workbook_read_as_the_csv_folder(tmp_path, db_path,
                                                                       tiny_rows, kind):
    book = (FIXTURES / "tiny.xls" if kind == "xls"
            else write_ods(tmp_path / "tiny.ods", read_tiny()))
    result = load(book, db_path)
    assert (result.outcome, result.exit_code, result.errors) == ("imported", 0, [])
    assert snapshot(db_path) == tiny_rows
    assert imports(db_path)[-1]["file_name"] == f"tiny.{kind}"


# --- a re-import whose evaluations sheet lost its rows ----------------------------------------

def _evaluations_sheet(tmp_path: Path, rows: list[list[object]] | None) -> Path:
    """The tiny workbook whose evaluations sheet holds ``rows`` (None: its header only)."""
    sheets = clean_sheets(read_tiny())
    evaluations = next(s for s in sheets if s.name == "Đánh giá")
    evaluations.rows = evaluations.rows[:1] if rows is None else rows
    return write_sheets(tmp_path / "danh_gia.xlsx", sheets)


def _far_below(column: int, value: str) -> list[list[object]]:
    header = clean_sheets(read_tiny())[ref.TABLES.index(ref.TABLES_BY_NAME["evaluations"])]
    stray = [None] * column + [value]
    return [header.rows[0], *[[] for _ in range(49_998)], stray]


EMPTIED = ("Chưa nhập «danh_gia.xlsx»: lần nhập này sẽ xoá phần lớn dữ liệu của đợt «TD25» — "
           "bảng «Đánh giá» từ 25 dòng còn 0 dòng. Dữ liệu cũ vẫn nguyên vẹn.")


@pytest.mark.parametrize("rows, warnings", [
    (None, []),  # the header only
    (_far_below(20, "ghi chú"), [  # one note far below, in a column without a header
        "Trang «Đánh giá», dòng 50000: dòng không có mã (ví dụ dòng ký tên, cộng), đã bỏ qua: "
        "«ghi chú»"]),
    (_far_below(2, " "), []),  # one space far below
], ids=["header-only", "note-far-below", "space-far-below"])
def test_an_evaluations_sheet_without_rows_asks_first(tiny_db, tmp_path, rows, warnings):
    before = snapshot(tiny_db)
    result = load(_evaluations_sheet(tmp_path, rows), tiny_db)
    assert (result.outcome, result.exit_code, result.message) == ("needs_confirmation", 3,
                                                                  EMPTIED)
    assert [issue_message(w) for w in result.warnings] == warnings
    assert snapshot(tiny_db) == before


def test_an_empty_evaluations_sheet_is_a_missing_header(tiny_db, tmp_path):
    before = snapshot(tiny_db)
    result = load(_evaluations_sheet(tmp_path, []), tiny_db)
    assert (result.outcome, result.exit_code) == ("rejected", 1)
    assert {(e.code, e.origin) for e in result.errors} == {("missing_column", "Đánh giá")}
    assert issue_message(result.errors[0]).startswith("Trang «Đánh giá», cột «")
    assert snapshot(tiny_db) == before


def test_an_evaluation_code_far_below_is_named_by_its_row(tiny_db, tmp_path):
    result = load(_evaluations_sheet(tmp_path, _far_below(3, "x")), tiny_db)
    assert (result.outcome, result.exit_code) == ("rejected", 1)
    assert {e.row for e in result.errors} == {50_000}


# --- a million rows ---------------------------------------------------------------------------

def test_a_million_staff_rows_are_imported(tmp_path, db_path):
    """The largest sheet Excel writes has 1,048,576 rows: a million staff load (as CSV; about
    a minute on two shared cores, which is why it is one test only)."""
    src = shutil.copytree(TINY, tmp_path / "million")
    first = read_tiny()["staff"][0]
    with open(src / "staff.csv", "a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(first))
        for i in range(1_000_000 - len(read_tiny()["staff"])):
            writer.writerow({**first, "staff_code": f"M{i:07d}", "full_name": f"Nguyễn Văn {i}"})
    result = load(src, db_path, "en")
    assert (result.outcome, result.exit_code, result.rows["staff"]) == ("imported", 0, 1_000_000)


# --- upload names are names, never paths ------------------------------------------------------

MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.parametrize("name, kept", [
    ("../../../tmp/evil.xlsx", "evil.xlsx"),
    ("C:\\Users\\lan\\..\\..\\ke_hoach.xlsx", "C:\\Users\\lan\\..\\..\\ke_hoach.xlsx"),
    ("Báo cáo tổng hợp kết quả thi đua " * 6 + ".xlsx", None),  # 269 bytes in UTF-8
    ("x" * 300 + ".xlsx", None),
])
def test_an_upload_name_is_a_name_never_a_path(tiny_app, tiny_db, tmp_path: Path, name: str,
                                               kept):
    good = write_workbook(tmp_path / "good.xlsx", read_tiny()).read_bytes()
    at = tiny_app()
    at.switch_page("app_pages/import_data.py").run()
    at.file_uploader[0].set_value((name, good, MIME)).run()
    at.button[0].click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert not (Path("/tmp") / "evil.xlsx").exists()
    stored = imports(tiny_db)
    assert stored[-1]["outcome"] == "imported"
    assert len(stored[-1]["file_name"].encode("utf-8")) <= 255
    if kept is not None:
        assert stored[-1]["file_name"] == kept
    else:
        assert stored[-1]["file_name"].startswith(name[:30])
        assert stored[-1]["file_name"].endswith("….xlsx")


# --- the bombs of "What was seen", through the import page ------------------------------------

@pytest.mark.parametrize("bomb", ["dimension", "zip"])
def test_a_bomb_uploaded_on_the_import_page_is_a_sentence(tiny_app, tiny_db, tmp_path, bomb):
    """The 24 KB dimension bomb killed both server processes from this page; now the page (and
    the process running it) stays, says why in a sentence, and the data is as it was."""
    from tests.test_hostile_files import dimension_bomb, zip_bomb

    book = (dimension_bomb if bomb == "dimension" else zip_bomb)(tmp_path / "bomb.xlsx")
    before = snapshot(tiny_db)
    at = tiny_app()
    at.switch_page("app_pages/import_data.py").run()
    at.file_uploader[0].set_value(("bomb.xlsx", book.read_bytes(), MIME)).run()
    at.button[0].click().run()
    assert not at.exception, [e.message for e in at.exception]
    [error] = [e.value for e in at.error]
    assert error.startswith("Không nhập được: Tệp «bomb.xlsx» quá lớn hoặc hỏng: "), error
    assert snapshot(tiny_db) == before
    assert imports(tiny_db)[-1]["outcome"] == "unreadable"
    at.switch_page("app_pages/overview.py").run()  # the same server still answers
    assert [x.value for x in at.title] == ["Tổng quan"]

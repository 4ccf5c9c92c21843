"""Hostile and broken files: each gets a sentence in the user's language, never a crash.

The workbooks here are written by hand (the zip's XML parts), so a file can say what no
spreadsheet program would write: one cell at XFD1048576, a part that expands a thousandfold, a
sheet marked very hidden. A file that could abort the reader is loaded in a subprocess, so an
abort fails the test instead of killing pytest. Every refusal leaves the database as it was.
"""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import TINY, read_tiny
from tests.variants import clean_sheets, imports, snapshot, write_csv_folder, write_sheets
from thidua.contract import reference as ref
from thidua.ingest import sandbox
from thidua.ingest.load import load
from thidua.ingest.messages import issue_message
from thidua.ingest.read import Issue
from thidua.ingest.sandbox import load_isolated

ROOT = Path(__file__).resolve().parents[1]
_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def sheet_xml(cells: list[tuple[str, str]], dimension: str | None = None,
              padding: int = 0) -> str:
    """A worksheet part holding ``cells`` (reference, text) as inline strings; ``padding``
    spaces after the data make a part that compresses a thousandfold."""
    rows: dict[int, list[tuple[str, str]]] = {}
    for ref_, text in cells:
        rows.setdefault(int("".join(ch for ch in ref_ if ch.isdigit())), []).append((ref_, text))
    body = "".join(
        f'<row r="{r}">' + "".join(f'<c r="{c}" t="inlineStr"><is><t>{v}</t></is></c>'
                                   for c, v in cs) + "</row>"
        for r, cs in sorted(rows.items()))
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN_NS}">{dim}'
            f"<sheetData>{body}</sheetData>{' ' * padding}</worksheet>")


def write_xlsx(path: Path, sheets: list[tuple[str, str]]) -> Path:
    """A minimal .xlsx package of ``sheets`` (name, worksheet XML), written part by part."""
    n = range(1, len(sheets) + 1)
    types = "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in n)
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="application'
            '/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            f"{types}</Types>"),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
            f'{_REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN_NS}" '
            f'xmlns:r="{_REL_NS}"><sheets>'
            + "".join(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, (name, _xml) in zip(n, sheets, strict=True))
            + "</sheets></workbook>"),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="{_REL_NS}/worksheet" '
                      f'Target="worksheets/sheet{i}.xml"/>' for i in n)
            + "</Relationships>"),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in parts.items():
            book.writestr(name, text)
        for i, (_name, xml) in zip(n, sheets, strict=True):
            book.writestr(f"xl/worksheets/sheet{i}.xml", xml)
    return path


def dimension_bomb(path: Path) -> Path:
    """24 KB that make calamine allocate 512 GiB: one cell at A1, one at XFD1048576."""
    return write_xlsx(path, [("Đơn vị", sheet_xml(
        [("A1", "Mã đơn vị"), ("XFD1048576", "x")], "A1:XFD1048576"))])


@pytest.fixture
def before(db_path: Path) -> dict[str, list[tuple]]:
    assert load(TINY, db_path).outcome == "imported"
    return snapshot(db_path)


def refused(source: Path, db_path: Path, before, lang: str = "vi", outcome="unreadable"):
    result = load(source, db_path, lang)
    assert (result.outcome, result.exit_code) == (outcome, {"unreadable": 2, "rejected": 1}[
        outcome])
    assert snapshot(db_path) == before
    assert imports(db_path)[-1]["outcome"] == outcome
    return result


def _run_cli(*args: str) -> subprocess.CompletedProcess:
    env = os.environ | {"COLUMNS": "400", "NO_COLOR": "1"}
    return subprocess.run([sys.executable, "-m", "thidua.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


# --- files that would take the process down ---------------------------------------------------

def test_a_dimension_bomb_is_refused_with_a_sentence_not_an_abort(tmp_path, db_path, before):
    bomb = dimension_bomb(tmp_path / "bomb.xlsx")
    assert bomb.stat().st_size < 24_000
    run = _run_cli("load", str(bomb), "--db", str(db_path))
    assert run.returncode == 2, run.stderr[-2000:]
    assert run.stderr.strip() == (
        "Không nhập được: Tệp «bomb.xlsx» quá lớn hoặc hỏng: trang «Đơn vị» dùng tới dòng "
        "1.048.576, cột thứ 16.384, vượt giới hạn 2.000.000 dòng và 1.000 cột. Hãy xoá các ô "
        "thừa nằm xa bảng, lưu lại rồi nhập lại.")
    assert snapshot(db_path) == before


def test_a_dimension_bomb_through_the_sandbox(tmp_path, db_path, before):
    result = load_isolated(dimension_bomb(tmp_path / "bomb.xlsx"), db_path, "en")
    assert (result.outcome, result.exit_code, result.message) == ("unreadable", 2, (
        "The file 'bomb.xlsx' is too large or damaged: the sheet 'Đơn vị' reaches row 1,048,576"
        " and column 16,384, beyond the limits of 2,000,000 rows and 1,000 columns. Delete the "
        "stray cells far from the table, save and import again."))
    assert snapshot(db_path) == before


def zip_bomb(path: Path) -> Path:
    """A sheet part of 12 MB that compresses to a few KB."""
    return write_xlsx(path, [("Đơn vị", sheet_xml([("A1", "Mã đơn vị")], padding=12 << 20))])


def test_a_zip_bomb_is_refused_before_it_is_expanded(tmp_path, db_path, before):
    bomb = zip_bomb(tmp_path / "bomb.xlsx")
    part = zipfile.ZipFile(bomb).getinfo("xl/worksheets/sheet1.xml")
    ratio = part.file_size // part.compress_size
    assert ratio > 100
    result = load_isolated(bomb, db_path)
    assert (result.outcome, result.exit_code, result.message) == ("unreadable", 2, (
        "Tệp «bomb.xlsx» quá lớn hoặc hỏng: một phần của tệp giải nén ra 12 MB, nén tới "
        f"{ratio:,} lần (quá 100 lần là dấu hiệu của tệp độc hại). Không đọc tệp này."
        .replace(f"{ratio:,}", f"{ratio:,}".replace(",", "."))))
    assert snapshot(db_path) == before
    assert imports(db_path)[-1]["outcome"] == "unreadable"


def test_a_workbook_expanding_beyond_the_setting_is_refused(tmp_path, db_path, before,
                                                          monkeypatch):
    monkeypatch.setenv("THIDUA_MAX_UNZIPPED_MB", "1")
    big = write_xlsx(tmp_path / "big.xlsx", [("Đơn vị", sheet_xml([("A1", "Mã")],
                                                                  padding=3 << 20))])
    result = refused(big, db_path, before)
    assert result.message == ("Tệp «big.xlsx» quá lớn: giải nén ra 3 MB, vượt giới hạn 1 MB "
                              "(thiết lập THIDUA_MAX_UNZIPPED_MB).")


def test_ten_thousand_columns_in_a_workbook_are_refused(tmp_path, db_path, before):
    wide = write_xlsx(tmp_path / "wide.xlsx", [("Đơn vị", sheet_xml(
        [("A1", "Mã đơn vị"), ("NTP1", "cột 10000")]))])
    result = refused(wide, db_path, before, "en")
    assert result.message == (
        "The file 'wide.xlsx' is too large or damaged: the sheet 'Đơn vị' reaches row 1 and "
        "column 10,000, beyond the limits of 2,000,000 rows and 1,000 columns. Delete the stray "
        "cells far from the table, save and import again.")


@pytest.mark.parametrize("row, where", [
    ('<row r="1">' + '<c t="inlineStr"><is><t>x</t></is></c>' * 1_001 + "</row>", "row 1 and "
     "column 1,001"),  # cells without a reference follow each other
    ("<row r='3'><c r='A3'/><c r='XFD1048576' t='inlineStr'><is><t>x</t></is></c></row>",
     "row 1,048,576 and column 16,384"),  # single quotes, which no regular writer uses
])
def test_cells_however_written_count_where_calamine_puts_them(tmp_path, db_path, before, row,
                                                              where):
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN_NS}"><sheetData>'
           f"{row}</sheetData></worksheet>")
    result = refused(write_xlsx(tmp_path / "odd.xlsx", [("Đơn vị", xml)]), db_path, before, "en")
    assert result.message == (
        f"The file 'odd.xlsx' is too large or damaged: the sheet 'Đơn vị' reaches {where}, "
        "beyond the limits of 2,000,000 rows and 1,000 columns. Delete the stray cells far from "
        "the table, save and import again.")


# --- the sandbox: whatever the child does, the parent gets an outcome --------------------------

def _abort(conn, *_args) -> None:  # a child that dies as calamine does on a huge allocation
    conn.close()
    os.abort()


def test_a_child_that_aborts_becomes_an_unreadable_outcome(tmp_path, db_path, before,
                                                           monkeypatch):
    monkeypatch.setattr(sandbox, "_child", _abort)
    result = load_isolated(TINY, db_path, max_memory_mb=1024)
    assert (result.outcome, result.exit_code, result.message) == ("unreadable", 2, (
        "Tệp «tiny» cần nhiều bộ nhớ hơn mức một lần nhập được dùng (1024 MB). Chưa ghi gì vào "
        "cơ sở dữ liệu. Hãy gửi các bảng dưới dạng thư mục tệp CSV (mỗi trang tính một tệp), "
        "hoặc đề nghị quản trị viên nâng thiết lập THIDUA_IMPORT_MEMORY_MB."))
    assert result.errors == [Issue("error", "unreadable_isolated", "tiny", value=result.message)]
    assert snapshot(db_path) == before
    assert imports(db_path)[-1]["outcome"] == "unreadable"


def test_a_file_that_never_ends_is_stopped_at_the_time_limit(tmp_path, db_path, before):
    endless = tmp_path / "endless.xlsx"
    os.mkfifo(endless)  # reading it blocks for ever: nothing ever writes to it
    result = load_isolated(endless, db_path, "en", max_seconds=3)
    assert (result.outcome, result.exit_code, result.message) == ("unreadable", 2, (
        "The file 'endless.xlsx' is too large or damaged: reading it takes more than 3 seconds."
        " Nothing was written."))
    assert snapshot(db_path) == before


def test_the_sandbox_imports_a_clean_file(tmp_path, db_path):
    steps = []
    result = load_isolated(TINY, db_path, progress=lambda key, n, total: steps.append(key))
    assert (result.outcome, result.exit_code, result.import_id) == ("imported", 0, 1)
    assert steps[0] == "progress_reading" and steps[-1] == "progress_done"


def test_the_sandbox_does_not_rerun_the_page_script(tmp_path, db_path, monkeypatch):
    """Inside the dashboard ``__main__`` is the page script: the child must not execute it."""
    import types

    script = tmp_path / "page.py"
    marker = tmp_path / "page_ran"
    script.write_text(f"open({str(marker)!r}, 'w').close()\nraise SystemExit(9)\n")
    page = types.ModuleType("__main__")
    page.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", page)
    result = load_isolated(TINY, db_path)
    assert (result.outcome, result.exit_code) == ("imported", 0)
    assert not marker.exists()
    assert sys.modules["__main__"] is page


# --- what a file really is ---------------------------------------------------------------------

def test_html_saved_as_xls_says_it_is_a_web_page(tmp_path, db_path, before):
    page = tmp_path / "bao_cao.xls"
    page.write_text("<!DOCTYPE html><html><body><table><tr><td>Mã đơn vị</td></tr></table>",
                    encoding="utf-8")
    assert refused(page, db_path, before).message == (
        "Tệp «bao_cao.xls» thực chất là một trang web (HTML), không phải sổ tính Excel, dù có "
        "đuôi «.xls». Hãy mở bằng Excel rồi Lưu thành → Sổ làm việc Excel (.xlsx) và nhập lại.")


@pytest.mark.parametrize("name, data, sentence", [
    ("van_ban.xlsx", b"{\\rtf1\\ansi M\\'e3 \\'f0\\'ean v\\'ef}",
     "The file 'van_ban.xlsx' is really an RTF (Word) document, not an Excel workbook, although "
     "it is named '.xlsx'. Copy the table into Excel, save as .xlsx and import again."),
    ("bang.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
     "The file 'bang.xlsx' is really a PDF, not an Excel workbook, although it is named "
     "'.xlsx'. Import the original Excel file (.xlsx)."),
    ("trang.xlsx", b"\xef\xbb\xbf  <table><tr><td>KT</td></tr></table>",
     "The file 'trang.xlsx' is really a web page (HTML), not an Excel workbook, although it is "
     "named '.xlsx'. Open it in Excel, Save As → Excel Workbook (.xlsx) and import again."),
])
def test_a_document_named_like_a_workbook_says_what_it_is(tmp_path, db_path, before, name,
                                                         data, sentence):
    (tmp_path / name).write_bytes(data)
    assert refused(tmp_path / name, db_path, before, "en").message == sentence


def test_an_encrypted_workbook_says_it_has_a_password(tmp_path, db_path, before):
    locked = tmp_path / "mat_khau.xlsx"  # an OLE container holding an EncryptedPackage stream
    locked.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 1000
                       + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1000)
    assert refused(locked, db_path, before, "en").message == (
        "The file 'mat_khau.xlsx' is protected by a password (encrypted) and cannot be read. "
        "Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with "
        "Password), save and import again.")


def test_a_truncated_workbook_says_so_without_library_text(tmp_path, db_path, before,
                                                         tiny_workbook):
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(tiny_workbook.read_bytes()[:3000])
    message = refused(cut, db_path, before).message
    assert message == ("Không mở được «cut.xlsx» như một sổ tính Excel: tệp hỏng hoặc không "
                       "phải bảng tính (tệp .xlsx bị cắt cụt hoặc hỏng, ví dụ tải về chưa hết).")


def test_an_old_office_file_that_is_no_workbook(tmp_path, db_path, before):
    ole = tmp_path / "cu.xls"
    ole.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 2000)
    assert refused(ole, db_path, before).message == (
        "Không mở được «cu.xls» như một sổ tính Excel: tệp hỏng hoặc không phải bảng tính (tệp "
        "Office cũ nhưng không phải sổ tính Excel 97–2003 (.xls) đọc được).")


def test_an_xlsx_renamed_xls_is_read_by_its_content(tmp_path, db_path, tiny_workbook):
    renamed = tmp_path / "tiny.xls"
    renamed.write_bytes(tiny_workbook.read_bytes())
    result = load(renamed, db_path)
    assert (result.outcome, result.exit_code, result.rows["units"]) == ("imported", 0, 3)


# --- codes are plain, cells are bounded, warnings are capped, hidden sheets said -----------------

def _tiny_folder(tmp_path: Path, change) -> Path:
    tables = copy.deepcopy(read_tiny())
    change(tables)
    return write_csv_folder(tmp_path / "src", tables, lambda text: text.encode("utf-8"))


def test_a_bidi_override_in_a_code_is_refused_and_shown(tmp_path, db_path, before):
    def change(tables):
        tables["units"][0]["unit_code"] = "\u202eTQCH"
    result = refused(_tiny_folder(tmp_path, change), db_path, before, outcome="rejected")
    unplain = [i for i in result.errors if i.code == "unplain_code"]
    assert unplain == [Issue("error", "unplain_code", "units.csv", 2, "unit_code", "unit_code",
                             "\u202eTQCH", None, "units")]
    assert issue_message(unplain[0]) == (
        "Tệp «units.csv», dòng 2, cột «unit_code»: mã «U+202ETQCH» có ký tự điều khiển, ký tự "
        "đảo chiều văn bản hoặc biểu tượng cảm xúc (hiện ở đây dạng U+…); mã chỉ gồm chữ, số và "
        "dấu. Hãy gõ lại mã")


@pytest.mark.parametrize("code, shown", [("CB01😀", "CB01U+1F600"), ("CB\u200e01", "CBU+200E01"),
                                         ("CB\x0701", "CBU+000701"),
                                         ("\u2066CB01\u2069", "U+2066CB01U+2069")])
def test_emoji_and_controls_in_codes_are_refused(tmp_path, db_path, before, code, shown):
    def change(tables):
        tables["staff"][1]["staff_code"] = code
    result = refused(_tiny_folder(tmp_path, change), db_path, before, "en", outcome="rejected")
    unplain = [i for i in result.errors if i.code == "unplain_code"]
    assert [(i.origin, i.row, i.column) for i in unplain] == [("staff.csv", 3, "staff_code")]
    assert issue_message(unplain[0], "en").startswith(
        f"File 'staff.csv', row 3, column 'staff_code': the code '{shown}' holds a control")


def test_a_name_longer_than_an_excel_cell_is_refused(tmp_path, db_path, before):
    def change(tables):
        tables["staff"][0]["full_name"] = "Nguyễn " * 20_000  # 140,000 characters
    result = refused(_tiny_folder(tmp_path, change), db_path, before, outcome="rejected")
    assert [(i.code, i.origin, i.row, i.column) for i in result.errors] == [
        ("too_long", "staff.csv", 2, "full_name")]
    assert issue_message(result.errors[0]) == (
        "Tệp «staff.csv», dòng 2, cột «full_name»: ô dài hơn 32.767 ký tự, giới hạn của một ô "
        "Excel: «Nguyễn Nguyễn Nguyễn Nguyễn Nguyễn Nguyễ…»")


def test_ten_thousand_unknown_columns_are_twenty_warnings_and_a_count(tmp_path, db_path):
    src = _tiny_folder(tmp_path, lambda tables: None)
    lines = (src / "units.csv").read_text(encoding="utf-8").splitlines()
    extra = [f"thua_{i}" for i in range(9_997)]
    (src / "units.csv").write_text("\n".join(
        [",".join([lines[0], *extra])] + [line + "," * len(extra) for line in lines[1:]]),
        encoding="utf-8")
    result = load(src, db_path, "vi")
    assert (result.outcome, result.exit_code) == ("imported", 0)
    unknown = [i for i in result.warnings if i.origin == "units.csv"]
    assert [i.code for i in unknown] == ["unknown_column"] * 20 + ["more_issues"]
    assert unknown[19].label == "thua_19"
    assert issue_message(unknown[-1]) == (
        "Tệp «units.csv»: … và 9.977 vấn đề nữa cùng loại với dòng trên")


def test_a_folder_of_many_unknown_files_is_twenty_warnings_and_a_count(tmp_path, db_path):
    src = _tiny_folder(tmp_path, lambda tables: None)
    for i in range(50):
        (src / f"ghi_chu_{i:02d}.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    result = load(src, db_path, "en")
    assert result.outcome == "imported"
    unknown = [i for i in result.warnings if i.code in ("unknown_file", "more_issues")]
    assert [i.origin for i in unknown] == [f"ghi_chu_{i:02d}.csv" for i in range(20)] + [
        "ghi_chu_19.csv"]
    assert issue_message(unknown[-1], "en") == (
        "File 'ghi_chu_19.csv': … and 30 more of the same kind as above")


def _hide(book: Path, sheet: str, state: str) -> Path:
    """``book`` with the sheet named ``sheet`` marked hidden or veryHidden in workbook.xml."""
    out = book.with_name(f"{state}.xlsx")
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/workbook.xml":
                text = data.decode("utf-8")
                assert f'<sheet name="{sheet}"' in text
                data = text.replace(f'<sheet name="{sheet}"',
                                    f'<sheet state="{state}" name="{sheet}"').encode("utf-8")
            dst.writestr(info, data)
    return out


@pytest.mark.parametrize("state, code, sentence", [
    ("hidden", "hidden_sheet",
     "Trang «Cán bộ»: trang này đang bị ẩn trong Excel; dữ liệu của trang vẫn được đọc và nhập"),
    ("veryHidden", "very_hidden_sheet",
     "Trang «Cán bộ»: trang này bị ẩn sâu (very hidden, chỉ hiện lại được bằng VBA); dữ liệu "
     "của trang vẫn được đọc và nhập"),
])
def test_a_hidden_data_sheet_is_read_and_said(tmp_path, db_path, state, code, sentence):
    staff = ref.TABLES_BY_NAME["staff"].label_vi
    assert staff == "Cán bộ"
    book = write_sheets(tmp_path / "tiny.xlsx", clean_sheets(read_tiny()))
    result = load(_hide(book, staff, state), db_path)
    assert (result.outcome, result.rows["staff"]) == ("imported", 6)
    hidden = [i for i in result.warnings if i.code == code]
    assert hidden == [Issue("warning", code, staff, table="staff")]
    assert issue_message(hidden[0]) == sentence

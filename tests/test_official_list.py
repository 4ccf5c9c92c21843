"""The official nomination list, read back cell by cell, for the tiny fixture (counted by hand).

As of 2026-06-15 the fixture's three nominations are: HS03 BKTTG, individual Phạm Thị Dung (TH),
not awarded; HS01 BKCT, individual Nguyễn Văn An (KT), awarded by 312/QĐ-UBND; HS02 GKVP, the
collective Phòng Tổng hợp (TH), before the council.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from tests.conftest import TINY
from thidua.cli import app
from thidua.documents.official_list import (
    AGENCY_ENV,
    SENT_ON_STATUSES,
    agency_lines,
    default_name,
    list_statuses,
    name_sort_key,
    official_list_bytes,
    resolve_statuses,
    roman,
    write_official_list,
)
from thidua.ingest.load import load
from thidua.store.database import connect_read_only

AS_OF = dt.date(2026, 6, 15)
HEADER = ["STT", "Họ và tên / Tên tập thể", "Chức vụ", "Đơn vị", "Tóm tắt thành tích",
          "Trạng thái", "Số quyết định"]
TOP = {
    "A1": "UBND TỈNH",
    "E1": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "A2": "VĂN PHÒNG",
    "E2": "Độc lập - Tự do - Hạnh phúc",
    "A4": "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG",
    "A5": "Đợt thi đua thử nghiệm chào mừng Đại hội XIV",
    "A6": "(Kèm theo Tờ trình số …/TTr-VP ngày … tháng … năm …; số liệu đến ngày 15/06/2026)",
}
HS03 = [1, "Phạm Thị Dung", "Trưởng phòng", "Phòng Tổng hợp",
        "Hoàn thành xuất sắc nhiệm vụ 2 năm liên tục", "Không khen thưởng", None]
HS01 = [1, "Nguyễn Văn An", "Trưởng phòng", "Phòng Kinh tế",
        "Hoàn thành xuất sắc nhiệm vụ; có sáng kiến cải tiến quy trình",
        "Đã có quyết định khen thưởng", "312/QĐ-UBND"]
HS02 = [1, "Phòng Tổng hợp", None, "Phòng Tổng hợp", "Tập thể hoàn thành xuất sắc nhiệm vụ",
        "Hội đồng TĐKT cơ quan xét", None]
SIGNATURE = [
    ["E", "…, ngày … tháng … năm …"],
    ["A", "NGƯỜI LẬP BIỂU", "E", "CHÁNH VĂN PHÒNG"],
    ["A", "(Ký, ghi rõ họ tên)", "E", "(Ký tên, đóng dấu)"],
]

runner = CliRunner()


def sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def table(ws, header_row: int) -> list[list]:
    """The rows from the column header to the grand total (or the 'none' row), A..G values."""
    rows = []
    for row in ws.iter_rows(min_row=header_row, max_col=7, values_only=True):
        if all(v is None for v in row):
            break
        rows.append(list(row))
    return rows


def merged(text: str) -> list:
    """A row written across A:G (the text sits in A)."""
    return [text, None, None, None, None, None, None]


def signature_rows(ws, first_row: int) -> list[list]:
    out = []
    for r in range(first_row, first_row + 3):
        line = []
        for col in ("A", "E"):
            if ws[f"{col}{r}"].value is not None:
                line += [col, ws[f"{col}{r}"].value]
        out.append(line)
    return out


def test_whole_list_as_of_decision_date(tiny_con):
    ws = sheet(official_list_bytes(tiny_con, "TD25", AS_OF, None, None))
    assert ws.title == "Danh sách"
    for ref_, text in TOP.items():
        assert ws[ref_].value == text, ref_
    assert ws["A3"].value is None and ws["A7"].value is None
    assert {"A1:C1", "E1:G1", "A2:C2", "E2:G2", "A4:G4", "A5:G5", "A6:G6"} <= {
        str(r) for r in ws.merged_cells.ranges}
    assert ws["A2"].font.b and ws["A2"].font.u == "single"
    assert ws["E1"].font.b and ws["E2"].font.b and ws["E2"].font.u == "single"
    assert ws["A4"].font.b and ws["A4"].alignment.horizontal == "center"
    assert table(ws, 8) == [
        HEADER,
        merged("I. Bằng khen của Thủ tướng Chính phủ"),
        merged("1. Cá nhân"),
        HS03,
        merged("Cộng: 1 (tập thể: 0, cá nhân: 1)"),
        merged("II. Bằng khen của Chủ tịch UBND tỉnh"),
        merged("1. Cá nhân"),
        HS01,
        merged("Cộng: 1 (tập thể: 0, cá nhân: 1)"),
        merged("III. Giấy khen của Chánh Văn phòng"),
        merged("1. Tập thể"),
        HS02,
        merged("Cộng: 1 (tập thể: 1, cá nhân: 0)"),
        merged("Tổng cộng: 3"),
    ]
    assert ws["A9"].font.b and ws["A21"].font.b  # group row, grand total
    assert ws["A11"].data_type == "n"  # STT is a number
    assert all(ws.cell(11, c).border.left.style == "thin" for c in range(1, 8))
    assert signature_rows(ws, 23) == SIGNATURE


def test_status_filter_by_code_or_label(tiny_con):
    by_code = official_list_bytes(tiny_con, "TD25", AS_OF, None, ["da_khen_thuong"])
    by_label = official_list_bytes(tiny_con, "TD25", AS_OF, None,
                                   ["đã có QUYẾT ĐỊNH khen thưởng"])
    for data in (by_code, by_label):
        ws = sheet(data)
        assert ws["A7"].value == "Trạng thái hồ sơ: Đã có quyết định khen thưởng"
        assert table(ws, 9) == [
            HEADER,
            merged("I. Bằng khen của Chủ tịch UBND tỉnh"),
            merged("1. Cá nhân"),
            HS01,
            merged("Cộng: 1 (tập thể: 0, cá nhân: 1)"),
            merged("Tổng cộng: 1"),
        ]


def test_resolve_statuses_matches_like_the_loader():
    assert resolve_statuses(None) is None and resolve_statuses([]) is None
    assert resolve_statuses(["Awarded", "DA KHEN THUONG", "hoi_dong"]) == [
        "hoi_dong", "da_khen_thuong"]
    assert resolve_statuses(["Không khen thưởng"]) == ["khong_khen_thuong"]


def test_unknown_status_names_it_and_the_valid_ones(tiny_con):
    with pytest.raises(ValueError) as info:
        official_list_bytes(tiny_con, "TD25", AS_OF, None, ["da_khen_thuong", "đã duyệt"])
    message = str(info.value)
    assert "'đã duyệt'" in message and "'da_khen_thuong'" not in message
    assert "da_khen_thuong (Đã có quyết định khen thưởng)" in message
    assert "khong_khen_thuong (Không khen thưởng)" in message
    with pytest.raises(ValueError, match="Unknown status"):
        resolve_statuses(["approved"], lang="en")


def test_unit_filter_line_and_rows(tiny_con):
    ws = sheet(official_list_bytes(tiny_con, "TD25", AS_OF, ["kt"], None))
    assert ws["A7"].value == "Đơn vị đề nghị: Phòng Kinh tế"
    assert table(ws, 9)[1:] == [
        merged("I. Bằng khen của Chủ tịch UBND tỉnh"),
        merged("1. Cá nhân"),
        HS01,
        merged("Cộng: 1 (tập thể: 0, cá nhân: 1)"),
        merged("Tổng cộng: 1"),
    ]


def test_status_and_decision_as_of_an_earlier_date(tiny_con):
    """On 2026-03-05 HS01 is back at the province (no decision yet), HS03 still proposed."""
    ws = sheet(official_list_bytes(tiny_con, "TD25", dt.date(2026, 3, 5), None, None))
    assert ws["A6"].value.endswith("số liệu đến ngày 05/03/2026)")
    rows = {r[1]: r[5:] for r in table(ws, 8) if isinstance(r[0], int)}
    assert rows == {"Phạm Thị Dung": ["Đơn vị đề xuất", None],
                    "Nguyễn Văn An": ["Đã trình UBND tỉnh", None],
                    "Phòng Tổng hợp": ["Hội đồng TĐKT cơ quan xét", None]}


def test_empty_selection_is_still_a_document(tiny_con):
    ws = sheet(official_list_bytes(tiny_con, "TD25", AS_OF, None, ["tra_lai"]))
    assert ws["A4"].value == "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"
    assert ws["A7"].value == "Trạng thái hồ sơ: Bị trả lại, bổ sung hồ sơ"
    assert table(ws, 9) == [HEADER, merged("Không có hồ sơ nào")]
    assert ws.print_title_rows == "$9:$9"
    assert signature_rows(ws, 12) == SIGNATURE


def test_print_setup(tiny_con):
    ws = sheet(official_list_bytes(tiny_con, "TD25", AS_OF, None, None))
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.print_title_rows == "$8:$8"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    # xlsxwriter leaves fitToWidth out when it is 1, the default of ECMA-376.
    assert int(ws.page_setup.fitToWidth or 1) == 1
    assert int(ws.page_setup.fitToHeight) == 0
    assert ws.print_options.horizontalCentered
    assert ws.oddFooter.center.text == "Trang &P/&N"
    assert ws.column_dimensions["E"].width > max(
        ws.column_dimensions[c].width for c in "ABCDFG")
    assert ws["E11"].alignment.wrap_text and ws["B11"].alignment.wrap_text


def test_english_switches_words_but_not_the_motto(tiny_con):
    ws = sheet(official_list_bytes(tiny_con, "TD25", AS_OF, None, ["Awarded"], lang="en"))
    assert ws.title == "List"
    assert ws["E1"].value == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert ws["E2"].value == "Độc lập - Tự do - Hạnh phúc"
    assert ws["A4"].value == "LIST OF NOMINATIONS FOR AWARDS"
    assert ws["A7"].value == "Nomination status: Awarded"
    assert table(ws, 9) == [
        ["No.", "Full name / Collective", "Position", "Unit", "Summary of achievements",
         "Status", "Decision number"],
        merged("I. Provincial Chairman's Certificate of Merit"),
        merged("1. Individual"),
        [*HS01[:5], "Awarded", "312/QĐ-UBND"],
        merged("Subtotal: 1 (collectives: 0, individuals: 1)"),
        merged("Grand total: 1"),
    ]
    assert ws.oddFooter.center.text == "Page &P/&N"


def test_agency_lines(tiny_con):
    ws = sheet(official_list_bytes(tiny_con, "TD25", AS_OF, None, None,
                                   agency=("UBND tỉnh Nghệ An", "VĂN PHÒNG")))
    assert (ws["A1"].value, ws["A2"].value) == ("UBND TỈNH NGHỆ AN", "VĂN PHÒNG")


def test_agency_setting_option_then_environment_then_default(monkeypatch):
    monkeypatch.delenv(AGENCY_ENV, raising=False)
    assert agency_lines() == ("UBND TỈNH", "VĂN PHÒNG")
    monkeypatch.setenv(AGENCY_ENV, " UBND TỈNH QUẢNG NINH | VĂN PHÒNG ")
    assert agency_lines() == ("UBND TỈNH QUẢNG NINH", "VĂN PHÒNG")
    assert agency_lines("Sở Nội vụ|Ban Thi đua - Khen thưởng") == (
        "Sở Nội vụ", "Ban Thi đua - Khen thưởng")
    assert agency_lines("UBND TỈNH NGHỆ AN") == ("UBND TỈNH NGHỆ AN", "VĂN PHÒNG")
    assert agency_lines("  ") == ("UBND TỈNH QUẢNG NINH", "VĂN PHÒNG")
    monkeypatch.setenv(AGENCY_ENV, "")
    assert agency_lines() == ("UBND TỈNH", "VĂN PHÒNG")


def test_list_heading_takes_the_agency_from_the_environment(tiny_con, monkeypatch):
    """What the Reports page's download (no agency argument) writes."""
    monkeypatch.setenv(AGENCY_ENV, "UBND TỈNH QUẢNG NINH|VĂN PHÒNG")
    ws = sheet(official_list_bytes(tiny_con, "TD25", AS_OF, None, None))
    assert (ws["A1"].value, ws["A2"].value) == ("UBND TỈNH QUẢNG NINH", "VĂN PHÒNG")


def test_formula_in_a_name_stays_text(tmp_path: Path):
    folder = tmp_path / "tiny"
    shutil.copytree(TINY, folder)
    staff_csv = folder / "staff.csv"
    with open(staff_csv, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    payload = '=HYPERLINK("http://x","y")'
    for row in rows:
        if row["staff_code"] == "CB01":
            row["full_name"] = payload
    with open(staff_csv, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    db = tmp_path / "t.duckdb"
    assert load(folder, db).outcome == "imported"
    con = connect_read_only(db)
    try:
        data = official_list_bytes(con, "TD25", AS_OF, None, ["da_khen_thuong"])
    finally:
        con.close()
    cell = sheet(data)["B12"]
    assert cell.data_type == "s"
    assert cell.value == "'" + payload
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_names_sort_without_diacritics_first():
    names = ["Nguyễn Văn An", "Đỗ Thị Giang", "Dương Văn Ba", "Đào Duy Anh", "Ánh Tuyết"]
    assert sorted(names, key=name_sort_key) == [
        "Ánh Tuyết", "Đào Duy Anh", "Đỗ Thị Giang", "Dương Văn Ba", "Nguyễn Văn An"]


def test_roman():
    assert [roman(n) for n in (1, 2, 3, 4, 6, 9, 14)] == [
        "I", "II", "III", "IV", "VI", "IX", "XIV"]


def test_default_name():
    day = dt.date(2026, 8, 24)
    assert default_name("DH14", day, None, None) == (
        "danh_sach_de_nghi_khen_thuong_DH14_2026-08-24.xlsx")
    assert default_name("DH14", day, None, ["Đã có quyết định khen thưởng"]) == (
        "danh_sach_de_nghi_khen_thuong_DH14_da-khen-thuong_2026-08-24.xlsx")
    assert default_name("DH14", day, ["KT", "TH"], ["da_khen_thuong", "hoi_dong"]) == (
        "danh_sach_de_nghi_khen_thuong_DH14_KT-TH_hoi-dong_da-khen-thuong_2026-08-24.xlsx")
    assert default_name("DH14", day, ["A", "B", "C", "D"], None) == (
        "danh_sach_de_nghi_khen_thuong_DH14_4-don-vi_2026-08-24.xlsx")
    assert default_name("DH14", day, None, ["de_xuat", "hoi_dong", "da_trinh", "tra_lai"]) == (
        "danh_sach_de_nghi_khen_thuong_DH14_4-trang-thai_2026-08-24.xlsx")
    assert default_name("DH14", day, None, []).isascii()
    with pytest.raises(ValueError):
        default_name("DH14", day, None, ["nope"])


def test_write_creates_folders(tiny_con, tmp_path: Path):
    out = write_official_list(tiny_con, tmp_path / "a" / "b" / "ds.xlsx", "TD25", AS_OF,
                              None, None)
    assert out.is_file() and sheet(out.read_bytes())["A4"].value == TOP["A4"]


def test_cli_writes_the_list_and_refuses_unknown_statuses(tiny_db: Path, tmp_path: Path,
                                                          monkeypatch):
    out = tmp_path / "out" / "ds.xlsx"
    result = runner.invoke(app, ["report", "--kind", "danh-sach", "--db", str(tiny_db),
                                 "--status", "da_khen_thuong", "--out", str(out)])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out).active
    assert ws["A6"].value.endswith("số liệu đến ngày 15/06/2026)")  # default as-of
    assert table(ws, 9)[3] == HS01 and table(ws, 9)[-1] == merged("Tổng cộng: 1")

    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", "--kind", "danh-sach", "--db", str(tiny_db),
                                 "--status", "all"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "danh_sach_de_nghi_khen_thuong_TD25_2026-06-15.xlsx").is_file()

    for extra in (["--out", str(tmp_path / "x.xlsx")], []):
        bad = runner.invoke(app, ["report", "--kind", "danh-sach", "--db", str(tiny_db),
                                  "--status", "khong_ro", *extra])
        assert bad.exit_code == 2, bad.output
        assert "khong_ro" in bad.output
    assert not (tmp_path / "x.xlsx").exists()


def test_list_statuses_default_to_what_the_office_sends_on():
    assert SENT_ON_STATUSES == ("hoi_dong", "da_trinh", "trinh_tw")
    assert list_statuses(None) == ["hoi_dong", "da_trinh", "trinh_tw"]
    assert list_statuses([]) == ["hoi_dong", "da_trinh", "trinh_tw"]
    assert list_statuses(["all"]) is None
    assert list_statuses(["Tất cả"]) is None
    assert list_statuses(["ALL", "hoi_dong"]) is None
    assert list_statuses(["Awarded"]) == ["da_khen_thuong"]
    with pytest.raises(ValueError, match="'nope'"):
        list_statuses(["nope"])


def test_cli_list_without_status_holds_what_the_office_sends_on(tiny_db: Path, tmp_path: Path,
                                                                 monkeypatch):
    """As of 15/06/2026 only HS02 (before the council) is still to be sent on: HS01 is awarded,
    HS03 not awarded. The heading names the agency of --agency over $THIDUA_AGENCY."""
    monkeypatch.setenv(AGENCY_ENV, "UBND TỈNH QUẢNG NINH|VĂN PHÒNG")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["report", "--kind", "danh-sach", "--db", str(tiny_db)])
    assert result.exit_code == 0, result.output
    name = "danh_sach_de_nghi_khen_thuong_TD25_hoi-dong_da-trinh_trinh-tw_2026-06-15.xlsx"
    ws = openpyxl.load_workbook(tmp_path / name).active
    assert (ws["A1"].value, ws["A2"].value) == ("UBND TỈNH QUẢNG NINH", "VĂN PHÒNG")
    assert ws["A7"].value == ("Trạng thái hồ sơ: Hội đồng TĐKT cơ quan xét, Đã trình UBND "
                              "tỉnh, Đã trình Trung ương")
    assert table(ws, 9) == [
        HEADER,
        merged("I. Giấy khen của Chánh Văn phòng"),
        merged("1. Tập thể"),
        HS02,
        merged("Cộng: 1 (tập thể: 1, cá nhân: 0)"),
        merged("Tổng cộng: 1"),
    ]

    result = runner.invoke(app, ["report", "--kind", "danh-sach", "--db", str(tiny_db),
                                 "--status", "all", "--agency", "UBND tỉnh Nghệ An|VĂN PHÒNG",
                                 "--out", "all.xlsx"])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(tmp_path / "all.xlsx").active
    assert (ws["A1"].value, ws["A2"].value) == ("UBND TỈNH NGHỆ AN", "VĂN PHÒNG")
    assert ws["A7"].value is None  # no status line: every status
    assert table(ws, 8)[-1] == merged("Tổng cộng: 3")


def test_cli_list_as_of_march_holds_the_nominations_in_progress(tiny_db: Path, tmp_path: Path):
    """On 05/03/2026 HS01 is at the province (da_trinh) and HS02 before the council; HS03 is
    still the unit's proposal (de_xuat), not yet sent on."""
    out = tmp_path / "march.xlsx"
    result = runner.invoke(app, ["report", "--kind", "danh-sach", "--db", str(tiny_db),
                                 "--as-of", "2026-03-05", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = {r[1]: r[5] for r in table(openpyxl.load_workbook(out).active, 9)
            if isinstance(r[0], int)}
    assert rows == {"Nguyễn Văn An": "Đã trình UBND tỉnh",
                    "Phòng Tổng hợp": "Hội đồng TĐKT cơ quan xét"}


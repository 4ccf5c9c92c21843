"""The command line as a new user meets it: sample → load → summary, template → fill → load."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from tests import expected
from tests.conftest import read_tiny
from thidua.cli import app
from thidua.contract import reference as ref
from thidua.metrics.summary import build_summary
from thidua.store.database import connect_read_only

runner = CliRunner()


# The office sample (seed 2025) as of 31/03/2026: (unit, staff, registered, collective met %,
# individual met %, completeness %). Pinned date: the numbers do not move with today's date.
SAMPLE_UNITS_2026_03_31 = [
    ("BLD", 4, 4, 100.0, 90.0, 100.0), ("BTCD", 8, 8, 100.0, 82.5, 100.0),
    ("HCQT", 32, 32, 100.0, 95.0, 100.0), ("KGVX", 10, 8, 100.0, 92.5, 100.0),
    ("KSTTHC", 8, 8, 75.0, 82.5, 100.0), ("KT", 18, 17, 100.0, 94.1, 100.0),
    ("NC", 10, 10, 100.0, 98.0, 100.0), ("TH", 14, 14, 100.0, 92.0, 73.0),
    ("TTPVHCC", 26, 26, 75.0, 90.8, 100.0), ("TTTHCB", 18, 15, None, None, 0.0)]


def _table_cells(text: str) -> dict[str, list[str]]:
    """The rows of the rich tables in ``text``: first cell -> the other cells."""
    return {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
            for line in text.splitlines() if line.startswith("│")}


def test_sample_load_summary_gives_the_sample_numbers(tmp_path: Path):
    workbook = tmp_path / "mau.xlsx"
    db = tmp_path / "t.duckdb"
    assert runner.invoke(app, ["sample", "--out", str(workbook)]).exit_code == 0
    loaded = runner.invoke(app, ["load", str(workbook), "--db", str(db)])
    assert loaded.exit_code == 0, loaded.output
    assert loaded.stdout.splitlines()[0] == "Đã nhập đợt «DH14» từ «mau.xlsx» (lần nhập #1)."
    result = runner.invoke(app, ["summary", "--db", str(db), "--as-of", "2026-03-31", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    units = summary.pop("units")
    by_award = summary.pop("nominations_by_award")
    assert summary == {
        "campaign_code": "DH14", "as_of": "2026-03-31", "period": "2026-01",
        "staff_total": 148, "staff_registered": 142, "staff_participation_pct": 95.9,
        "units_total": 10, "units_registered": 10, "unit_participation_pct": 100.0,
        "nominations_total": 27,
        "nominations_by_status": {"de_xuat": 1, "hoi_dong": 0, "da_trinh": 1, "trinh_tw": 3,
                                  "tra_lai": 0, "da_khen_thuong": 21, "khong_khen_thuong": 1}}
    assert [(u["unit_code"], u["staff_total"], u["staff_registered"],
             u["collective_fulfilment_pct"], u["individual_fulfilment_pct"],
             u["completeness_pct"]) for u in units] == SAMPLE_UNITS_2026_03_31
    assert by_award == {"BKTTG": {"total": 3, "da_khen_thuong": 0},
                        "BKCT": {"total": 11, "da_khen_thuong": 9},
                        "GKVP": {"total": 13, "da_khen_thuong": 12}}


def test_load_report_reads_in_both_languages(tmp_path: Path):
    """2,030 evaluations: Vietnamese groups with a dot, English with a comma, never mixed."""
    sample = Path(__file__).parent.parent / "data" / "sample" / "thidua_mau.xlsx"
    vi = runner.invoke(app, ["load", str(sample), "--db", str(tmp_path / "vi.duckdb")])
    assert vi.exit_code == 0, vi.output
    assert vi.stdout.splitlines()[0] == (
        "Đã nhập đợt «DH14» từ «thidua_mau.xlsx» (lần nhập #1).")
    assert _table_cells(vi.stdout) == {
        "Đợt thi đua": ["1"], "Đơn vị": ["10"], "Cán bộ": ["148"],
        "Tiêu chí": ["9"], "Đăng ký thi đua": ["152"], "Đánh giá": ["2.030"],
        "Đề nghị khen thưởng": ["27"], "Tiến trình hồ sơ": ["70"]}
    en = runner.invoke(app, ["load", str(sample), "--db", str(tmp_path / "en.duckdb"),
                             "--lang", "en"])
    assert en.exit_code == 0, en.output
    assert en.stdout.splitlines()[0] == (
        "Imported campaign 'DH14' from 'thidua_mau.xlsx' (import #1).")
    assert _table_cells(en.stdout) == {
        "Campaign": ["1"], "Units": ["10"], "Staff": ["148"],
        "Criteria": ["9"], "Registrations": ["152"], "Evaluations": ["2,030"],
        "Nominations": ["27"], "Nomination events": ["70"]}
    again = runner.invoke(app, ["load", str(sample), "--db", str(tmp_path / "en.duckdb"),
                                "--lang", "en"])
    assert (again.exit_code, again.stdout.strip()) == (0, (
        "'thidua_mau.xlsx' is identical to the last import of campaign 'DH14': "
        "nothing changed."))


def test_summary_of_the_sample_names_every_status(tmp_path: Path):
    """Statuses by their labels (never `de_xuat 1`); none yet reads as a sentence."""
    sample = Path(__file__).parent.parent / "data" / "sample" / "thidua_mau.xlsx"
    db = tmp_path / "t.duckdb"
    assert runner.invoke(app, ["load", str(sample), "--db", str(db)]).exit_code == 0
    vi = runner.invoke(app, ["summary", "--db", str(db), "--as-of", "2026-03-31"])
    assert vi.exit_code == 0, vi.output
    assert vi.stdout.splitlines()[-1] == (
        "Hồ sơ khen thưởng: 27 (Đơn vị đề xuất: 1; Đã trình UBND tỉnh: 1; Đã trình Trung ương: "
        "3; Đã có quyết định khen thưởng: 21; Không khen thưởng: 1)")
    en = runner.invoke(app, ["summary", "--db", str(db), "--as-of", "2026-03-31", "--lang", "en"])
    assert en.stdout.splitlines()[-1] == (
        "Nominations: 27 (Proposed by unit: 1; Submitted to the province: 1; Submitted to the "
        "central level: 3; Awarded: 21; Not awarded: 1)")
    assert _table_cells(en.stdout)["TTTHCB"] == ["18", "15", "—", "—", "0.0%"]
    before = runner.invoke(app, ["summary", "--db", str(db), "--as-of", "2025-11-30"])
    assert before.stdout.splitlines()[-1] == "Chưa có hồ sơ khen thưởng nào."
    before = runner.invoke(app, ["summary", "--db", str(db), "--as-of", "2025-11-30",
                                 "--lang", "en"])
    assert before.stdout.splitlines()[-1] == "No nominations yet."


def test_bundled_sample_is_the_generator_output(tmp_path: Path):
    """data/sample/thidua_mau.xlsx is what `thidua sample` writes: both load to one summary."""
    fresh, db_fresh, db_bundled = tmp_path / "f.xlsx", tmp_path / "f.db", tmp_path / "b.db"
    runner.invoke(app, ["sample", "--out", str(fresh)])
    bundled = Path(__file__).parent.parent / "data" / "sample" / "thidua_mau.xlsx"
    assert runner.invoke(app, ["load", str(fresh), "--db", str(db_fresh)]).exit_code == 0
    assert runner.invoke(app, ["load", str(bundled), "--db", str(db_bundled)]).exit_code == 0
    summaries = []
    for db in (db_fresh, db_bundled):
        con = connect_read_only(db)
        summaries.append(build_summary(con, today=dt.date(2026, 11, 24)))
        con.close()
    assert summaries[0] == summaries[1]


def _fill_template(template: Path, out: Path) -> Path:
    """Type the tiny fixture into the blank template the way a clerk would (openpyxl)."""
    workbook = openpyxl.load_workbook(template)
    tables = read_tiny()
    for table in ref.TABLES:
        sheet = workbook[table.label_vi]
        header = [c.value for c in sheet[1]]
        if table.name == "criteria":  # the template comes with the plan's criteria filled in
            sheet.delete_rows(2, sheet.max_row)
        for r, row in enumerate(tables[table.name], start=2):
            for col in table.columns:
                value = row.get(col.name) or None
                if value and col.type == ref.DATE:
                    value = dt.datetime.fromisoformat(value)
                sheet.cell(row=r, column=header.index(col.label_vi) + 1, value=value)
    workbook.save(out)
    return out


def test_a_filled_template_loads(tmp_path: Path):
    template = tmp_path / "mau.xlsx"
    db = tmp_path / "t.duckdb"
    assert runner.invoke(app, ["template", "--out", str(template)]).exit_code == 0
    blank = runner.invoke(app, ["load", str(template), "--db", str(db)])
    assert blank.exit_code == 1  # the blank template has no campaign row yet
    assert "phải có đúng 1 dòng" in blank.stderr
    filled = _fill_template(template, tmp_path / "filled.xlsx")
    result = runner.invoke(app, ["load", str(filled), "--db", str(db)])
    assert result.exit_code == 0, result.output
    con = connect_read_only(db)
    assert build_summary(con, today=dt.date(2026, 11, 24)) == expected.SUMMARY_DEFAULT
    con.close()


def _bad_folder(tmp_path: Path, *, score: bool) -> Path:
    """The tiny fixture with an unknown unit (staff.csv row 3) and, if ``score``, a score of 192."""
    folder = tmp_path / ("bad2" if score else "bad1")
    folder.mkdir()
    for f in (Path(__file__).parent / "fixtures" / "tiny").iterdir():
        text = f.read_text(encoding="utf-8")
        if f.name == "staff.csv":
            text = text.replace("CB02,Trần Thị Bình,KT", "CB02,Trần Thị Bình,XX")
        if f.name == "evaluations.csv" and score:
            text = text.replace("2025-12,Tập thể,KT,TT1,Đạt,92", "2025-12,Tập thể,KT,TT1,Đạt,192")
        (folder / f.name).write_text(text, encoding="utf-8")
    return folder


def test_rejected_load_prints_every_error_in_english(tmp_path: Path):
    folder = _bad_folder(tmp_path, score=True)
    result = runner.invoke(app, ["load", str(folder), "--db", str(tmp_path / "t.db"),
                                 "--lang", "en"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == ("'bad2' was not imported: 2 errors. Nothing was written; fix the errors "
                        "below and import again.")
    assert lines[1] == "Errors:"
    # (what the unit list is called for a folder of CSV files is the loader's wording)
    assert lines[2].startswith("- File 'staff.csv', row 3, column 'unit_code': the code 'XX' is "
                               "not in ")
    assert lines[3] == ("- File 'evaluations.csv', row 14, column 'score': cannot read the value "
                        "'192': expected a number from 0 to 100")
    assert len(lines) == 4


def test_one_error_is_one_error_in_both_languages(tmp_path: Path):
    folder = _bad_folder(tmp_path, score=False)
    en = runner.invoke(app, ["load", str(folder), "--db", str(tmp_path / "t.db"), "--lang", "en"])
    assert en.exit_code == 1
    assert en.stderr.splitlines()[0] == (
        "'bad1' was not imported: 1 error. Nothing was written; fix the error below and import "
        "again.")
    vi = runner.invoke(app, ["load", str(folder), "--db", str(tmp_path / "t.db")])
    assert vi.exit_code == 1
    lines = vi.stderr.splitlines()
    assert lines[:2] == [
        "Không nhập «bad1»: có 1 lỗi. Chưa ghi gì vào cơ sở dữ liệu; sửa lỗi dưới đây rồi nhập "
        "lại.",
        "Lỗi:"]
    assert lines[2].startswith("- Tệp «staff.csv», dòng 3, cột «unit_code»: mã «XX» không có ")
    assert len(lines) == 3


def test_unreadable_input_exits_2(tmp_path: Path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("hello", encoding="utf-8")
    result = runner.invoke(app, ["load", str(bogus), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 2
    assert "notes.txt" in result.stderr


def test_every_command_takes_lang():
    import typer.main

    command = typer.main.get_command(app)
    names = sorted(command.commands)
    assert names == ["imports", "load", "report", "restore", "sample", "serve", "summary",
                     "template", "users"]
    for name in names:
        sub = command.commands[name]
        for leaf in getattr(sub, "commands", {name: sub}).values():  # a group: each command
            options = {opt for p in leaf.params for opt in p.opts}
            assert "--lang" in options, (name, leaf.name)


def test_summary_reads_in_the_chosen_language(tiny_db: Path):
    vi = runner.invoke(app, ["summary", "--db", str(tiny_db), "--as-of", "2025-11-30"])
    assert vi.exit_code == 0, vi.output
    lines = vi.stdout.splitlines()
    assert lines[0] == "TD25 · số liệu đến ngày 30/11/2025 · kỳ đánh giá 11/2025"
    assert lines[1] == ("Cán bộ tham gia 4/6 (66,7%) · Đơn vị tham gia 2/3 (66,7%)")
    assert "Đầy đủ đánh giá" in vi.stdout and "Staff" not in vi.stdout
    assert lines[-1] == "Chưa có hồ sơ khen thưởng nào."
    en = runner.invoke(app, ["summary", "--db", str(tiny_db), "--as-of", "2026-03-31",
                             "--lang", "en"])
    assert en.exit_code == 0, en.output
    lines = en.stdout.splitlines()
    assert lines[0] == "TD25 · as of 31 Mar 2026 · period Dec 2025"
    assert lines[1] == "Staff taking part 5/6 (83.3%) · Units taking part 2/3 (66.7%)"
    assert lines[-1] == ("Nominations: 3 (Proposed by unit: 1; Before the Office's council: 1; "
                         "Awarded: 1)")
    assert _table_cells(en.stdout) == {"BTCD": ["1", "0", "—", "—", "—"],
                     "KT": ["3", "3", "100.0%", "83.3%", "100.0%"],
                     "TH": ["2", "2", "100.0%", "100.0%", "66.7%"]}


def test_refusals_are_in_the_chosen_language(tiny_db: Path, tmp_path: Path):
    unknown = runner.invoke(app, ["summary", "--db", str(tiny_db), "--campaign", "xx"])
    assert unknown.exit_code == 2
    assert unknown.stderr.strip() == f"Không có đợt thi đua «XX» trong «{tiny_db}»."
    unknown = runner.invoke(app, ["report", "--kind", "danh-sach", "--db", str(tiny_db),
                                  "--campaign", "xx", "--lang", "en"])
    assert unknown.exit_code == 2
    assert unknown.stderr.strip() == f"Unknown campaign 'XX' in '{tiny_db}'."
    missing = tmp_path / "none.duckdb"
    absent = runner.invoke(app, ["summary", "--db", str(missing), "--lang", "en"])
    assert (absent.exit_code, absent.stderr.strip()) == (
        2, f"No database at '{missing}': run `thidua load` first.")
    scale = runner.invoke(app, ["sample", "--scale", "big"])
    assert (scale.exit_code, scale.stderr.strip()) == (
        2, "--scale phải là office, province hoặc national, không phải «big».")
    day = runner.invoke(app, ["summary", "--db", str(tiny_db), "--as-of", "31.12.2025",
                              "--lang", "en"])
    assert (day.exit_code, day.stderr.strip()) == (
        2, "'31.12.2025': expected a date as YYYY-MM-DD or DD/MM/YYYY.")

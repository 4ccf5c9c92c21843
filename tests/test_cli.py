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


def test_sample_load_summary_gives_plausible_numbers(tmp_path: Path):
    workbook = tmp_path / "mau.xlsx"
    db = tmp_path / "t.duckdb"
    assert runner.invoke(app, ["sample", "--out", str(workbook)]).exit_code == 0
    loaded = runner.invoke(app, ["load", str(workbook), "--db", str(db)])
    assert loaded.exit_code == 0, loaded.output
    assert "Đã nhập đợt «DH14»" in loaded.stdout
    result = runner.invoke(app, ["summary", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["campaign_code"] == "DH14"
    assert summary["staff_total"] == 148
    assert 92.0 <= summary["staff_participation_pct"] <= 98.0
    assert (summary["units_registered"], summary["units_total"]) == (10, 10)
    assert [u["unit_code"] for u in summary["units"]] == sorted(
        code for code, *_ in ref.OFFICE_UNITS)
    assert set(summary["nominations_by_status"]) == set(ref.STATUS_CODES)
    assert summary["nominations_total"] == sum(summary["nominations_by_status"].values())
    assert summary["period"] == "2026-01"


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


def test_rejected_load_prints_every_error_in_english(tmp_path: Path):
    folder = tmp_path / "bad"
    folder.mkdir()
    for f in (Path(__file__).parent / "fixtures" / "tiny").iterdir():
        text = f.read_text(encoding="utf-8")
        if f.name == "staff.csv":
            text = text.replace("CB02,Trần Thị Bình,KT", "CB02,Trần Thị Bình,XX")
        if f.name == "evaluations.csv":
            text = text.replace("2025-12,Tập thể,KT,TT1,Đạt,92", "2025-12,Tập thể,KT,TT1,Đạt,192")
        (folder / f.name).write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["load", str(folder), "--db", str(tmp_path / "t.db"),
                                 "--lang", "en"])
    assert result.exit_code == 1
    assert "2 errors" in result.stderr
    assert "File 'staff.csv', row 3, column 'unit_code'" in result.stderr
    assert "File 'evaluations.csv', row 14, column 'score'" in result.stderr


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
    assert names == ["load", "report", "sample", "serve", "summary", "template"]
    for name in names:
        options = {opt for p in command.commands[name].params for opt in p.opts}
        assert "--lang" in options, name


def test_summary_reads_in_the_chosen_language(tiny_db: Path):
    vi = runner.invoke(app, ["summary", "--db", str(tiny_db), "--as-of", "2025-11-30"])
    assert vi.exit_code == 0, vi.output
    lines = vi.stdout.splitlines()
    assert lines[0] == "TD25 · số liệu đến ngày 30/11/2025 · kỳ đánh giá 11/2025"
    assert lines[1] == ("Cán bộ tham gia 4/6 (66,7%) · Đơn vị tham gia 2/3 (66,7%)")
    assert "Đầy đủ đánh giá" in vi.stdout and "Staff" not in vi.stdout
    assert lines[-1] == "Hồ sơ khen thưởng 0: —"
    en = runner.invoke(app, ["summary", "--db", str(tiny_db), "--as-of", "2026-03-31",
                             "--lang", "en"])
    assert en.exit_code == 0, en.output
    lines = en.stdout.splitlines()
    assert lines[0] == "TD25 · as of 31 Mar 2026 · period Dec 2025"
    assert lines[1] == "Staff taking part 5/6 (83.3%) · Units taking part 2/3 (66.7%)"
    assert lines[-1] == ("Nominations 3: Proposed by unit 1, Before the Office's council 1, "
                         "Awarded 1")
    cells = {line.split("│")[1].strip(): [c.strip() for c in line.split("│")[2:-1]]
             for line in lines if line.startswith("│")}
    assert cells == {"BTCD": ["1", "0", "—", "—", "—"],
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

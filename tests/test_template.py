"""The blank import workbook: sheets, headers, pre-filled criteria, drop-downs, instructions."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from thidua.catalogue import MESSAGES, t
from thidua.catalogue import template as template_catalogue
from thidua.catalogue import template_columns as template_columns_catalogue
from thidua.contract.reference import (
    AWARD_FORMS,
    DATE,
    MONTH,
    PLAN_CRITERIA,
    STATUSES,
    SUBJECT_TYPES,
    TABLES,
    TABLES_BY_NAME,
)
from thidua.documents.template import LIST_SHEET, VALIDATION_ROWS, list_sources, write_template

TABLE_SHEETS = [table.label_vi for table in TABLES]


@pytest.fixture(scope="module")
def template_vi(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_template(tmp_path_factory.mktemp("tpl") / "mau_nhap_lieu.xlsx")


@pytest.fixture(scope="module")
def template_en(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_template(tmp_path_factory.mktemp("tpl") / "sub" / "template_en.xlsx", lang="en")


def _rows(path: Path, sheet: str) -> list[list[object]]:
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()


def _all_text(path: Path, sheet: str) -> str:
    return "\n".join(str(cell) for row in _rows(path, sheet) for cell in row if cell != "")


def _letter(table_name: str, column_name: str) -> str:
    names = [c.name for c in TABLES_BY_NAME[table_name].columns]
    return openpyxl.utils.get_column_letter(names.index(column_name) + 1)


def test_returns_path_and_creates_parent(template_en: Path) -> None:
    assert template_en.exists()
    assert template_en.parent.name == "sub"


def test_sheet_names_vi(template_vi: Path) -> None:
    names = CalamineWorkbook.from_path(str(template_vi)).sheet_names
    assert names == ["Hướng dẫn", *TABLE_SHEETS, "Danh mục"]
    assert TABLE_SHEETS == [
        "Đợt thi đua", "Đơn vị", "Cán bộ", "Tiêu chí", "Đăng ký thi đua", "Đánh giá",
        "Đề nghị khen thưởng", "Tiến trình hồ sơ",
    ]


def test_sheet_names_en_keep_vietnamese_data_sheets(template_en: Path) -> None:
    names = CalamineWorkbook.from_path(str(template_en)).sheet_names
    assert names == ["Instructions", *TABLE_SHEETS, "Danh mục"]


@pytest.mark.parametrize("lang_fixture", ["template_vi", "template_en"])
def test_headers_are_vietnamese_labels(lang_fixture: str, request: pytest.FixtureRequest) -> None:
    path = request.getfixturevalue(lang_fixture)
    for table in TABLES:
        rows = _rows(path, table.label_vi)
        assert rows[0] == [c.label_vi for c in table.columns], table.name


def test_empty_sheets_except_criteria(template_vi: Path) -> None:
    for table in TABLES:
        rows = _rows(template_vi, table.label_vi)
        data = [r for r in rows[1:] if any(cell != "" for cell in r)]
        assert len(data) == (len(PLAN_CRITERIA) if table.name == "criteria" else 0), table.name


def test_criteria_prefilled_from_plan(template_vi: Path) -> None:
    rows = _rows(template_vi, "Tiêu chí")
    assert rows[0] == ["Mã tiêu chí", "Đối tượng", "Nội dung tiêu chí", "Trọng số"]
    data = rows[1:10]
    assert [r[0] for r in data] == ["TT1", "TT2", "TT3", "TT4", "CN1", "CN2", "CN3", "CN4", "CN5"]
    assert [r[1] for r in data] == ["Tập thể"] * 4 + ["Cá nhân"] * 5
    assert [r[2] for r in data] == [text for _code, _applies, text in PLAN_CRITERIA]
    assert [r[3] for r in data] == [1] * 9
    assert [r[1] for r in data] == [SUBJECT_TYPES[a][0] for _c, a, _t in PLAN_CRITERIA]


def test_list_sheet_hidden_and_holds_lists(template_vi: Path) -> None:
    wb = openpyxl.load_workbook(template_vi)
    assert wb["Danh mục"].sheet_state == "hidden"
    assert all(wb[name].sheet_state == "visible" for name in ["Hướng dẫn", *TABLE_SHEETS])
    assert wb.active.title == "Hướng dẫn"

    rows = _rows(template_vi, "Danh mục")
    header = rows[0]

    def column(label: str) -> list[object]:
        col = header.index(label)
        return [r[col] for r in rows[1:] if r[col] != ""]

    assert column("Trạng thái") == [s.label_vi for s in STATUSES]
    assert column("Hình thức khen thưởng") == [a.label_vi for a in AWARD_FORMS]
    assert column("Đối tượng") == ["Tập thể", "Cá nhân"]
    assert column("Kết quả") == ["Đạt", "Không đạt"]
    assert column("Giới tính") == ["Nam", "Nữ"]
    assert column("Loại cán bộ") == ["Công chức", "Viên chức", "Người lao động"]
    assert column("Loại đơn vị") == ["Lãnh đạo", "Phòng", "Ban", "Trung tâm"]


def _validations(path: Path, sheet: str) -> dict[str, object]:
    ws = openpyxl.load_workbook(path)[sheet]
    return {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}


def test_status_and_result_dropdowns(template_vi: Path) -> None:
    nominations = _validations(template_vi, "Đề nghị khen thưởng")
    status = nominations["G2:G5000"]
    assert status.type == "list"
    assert status.formula1 == "'Danh mục'!$D$2:$D$8"
    award = nominations["D2:D5000"]
    assert award.type == "list"
    assert award.formula1 == "'Danh mục'!$C$2:$C$7"
    subject = nominations["B2:B5000"]
    assert subject.formula1 == "'Danh mục'!$A$2:$A$3"

    evaluations = _validations(template_vi, "Đánh giá")
    result = evaluations["E2:E5000"]
    assert result.type == "list"
    assert result.formula1 == "'Danh mục'!$B$2:$B$3"
    assert result.allow_blank
    score = evaluations["F2:F5000"]
    assert (score.type, score.formula1, score.formula2) == ("decimal", "0", "100")
    assert score.operator in (None, "between")  # "between" is the default, left out of the XML

    events = _validations(template_vi, "Tiến trình hồ sơ")
    assert events["B2:B5000"].formula1 == "'Danh mục'!$D$2:$D$8"


def test_every_expected_validation(template_vi: Path) -> None:
    sources = {kind: src.removeprefix("=") for kind, src in list_sources().items()}
    expected: dict[str, dict[str, tuple[str, str | None]]] = {
        "campaigns": {"start_date": ("date", None), "end_date": ("date", None),
                      "target_participation_pct": ("decimal", "0")},
        "units": {"unit_type": ("list", sources["unit_type"])},
        "staff": {"staff_type": ("list", sources["staff_type"]),
                  "gender": ("list", sources["gender"])},
        "criteria": {"applies_to": ("list", sources["subject"])},
        "registrations": {"subject_type": ("list", sources["subject"]),
                          "registered_on": ("date", None)},
        "evaluations": {"period": ("date", None), "subject_type": ("list", sources["subject"]),
                        "result": ("list", sources["result"]), "score": ("decimal", "0")},
        "nominations": {"subject_type": ("list", sources["subject"]),
                        "award_code": ("list", sources["award"]),
                        "proposed_on": ("date", None), "status": ("list", sources["status"]),
                        "status_date": ("date", None)},
        "nomination_events": {"status": ("list", sources["status"]),
                              "event_date": ("date", None)},
    }
    for table_name, columns in expected.items():
        sheet = TABLES_BY_NAME[table_name].label_vi
        found = _validations(template_vi, sheet)
        want = {f"{_letter(table_name, c)}2:{_letter(table_name, c)}{VALIDATION_ROWS}": spec
                for c, spec in columns.items()}
        assert set(found) == set(want), sheet
        for sqref, (kind, formula1) in want.items():
            dv = found[sqref]
            assert dv.type == kind, (sheet, sqref)
            if formula1 is not None:
                assert dv.formula1 == formula1, (sheet, sqref)
            if kind == "list":
                assert dv.formula1.startswith("'Danh mục'!$"), "lists live on the list sheet"
            if kind == "date":
                assert dv.showInputMessage and dv.prompt, (sheet, sqref)


def test_date_inputs_show_day_first_format(template_vi: Path) -> None:
    dv = _validations(template_vi, "Đề nghị khen thưởng")["F2:F5000"]
    assert "dd/mm/yyyy" in dv.promptTitle
    assert "01/10/2025" in dv.prompt
    dv = _validations(template_vi, "Đánh giá")["A2:A5000"]
    assert "mm/yyyy" in dv.promptTitle


def test_header_styling_comments_formats(template_vi: Path) -> None:
    wb = openpyxl.load_workbook(template_vi)
    for table in TABLES:
        ws = wb[table.label_vi]
        assert ws.freeze_panes == "A2", table.name
        fills = {}
        for col, column in enumerate(table.columns, 1):
            cell = ws.cell(1, col)
            assert cell.comment is not None, (table.name, column.name)
            text = cell.comment.text
            assert text.startswith("Bắt buộc" if column.required else "Không bắt buộc")
            assert "Kiểu:" in text
            fills[column.required] = cell.fill.fgColor.rgb
            assert cell.font.b
            assert ws.column_dimensions[openpyxl.utils.get_column_letter(col)].width >= 10
            if column.type in (DATE, MONTH):
                fmt = "dd/mm/yyyy" if column.type == DATE else "mm/yyyy"
                assert ws.cell(2, col).number_format == fmt
                assert ws.cell(1000, col).number_format == fmt
        if len(fills) == 2:
            assert fills[True] != fills[False], "required columns have their own fill"


def test_instructions_mention_every_status_and_award(template_vi: Path,
                                                     template_en: Path) -> None:
    for path, sheet in ((template_vi, "Hướng dẫn"), (template_en, "Instructions")):
        text = _all_text(path, sheet)
        for status in STATUSES:
            assert status.label_vi in text, status.code
            assert status.code in text
        for award in AWARD_FORMS:
            assert award.label_vi in text, award.code
            assert award.code in text
        for table in TABLES:
            assert table.label_vi in text
            for column in table.columns:
                assert column.label_vi in text
                assert column.name in text


def test_instructions_cover_reading_rules(template_vi: Path) -> None:
    text = _all_text(template_vi, "Hướng dẫn")
    for needle in ("Windows-1258", "TCVN3", "VNI", "Unikey", "Chuyển mã", "Unicode",
                   "03/04/2025", "31/02/2025", "ngày 01 tháng 10 năm 2025", "T10/2025",
                   "Chưa đạt", "Người lập biểu", "STT", "thay thế", "cộng dồn", "Windows-1258",
                   "≥", "Công chức", "Nữ"):
        assert needle in text, needle
    assert text.startswith(t("template_title", "vi"))


def test_instructions_english_prose(template_en: Path) -> None:
    text = _all_text(template_en, "Instructions")
    assert text.startswith("CAMPAIGN IMPORT WORKBOOK")
    assert "Always day first" in text
    assert "Nguyên tắc chung" not in text


def test_catalogue_keys_and_meanings() -> None:
    words = {**template_catalogue.MESSAGES, **template_columns_catalogue.MESSAGES}
    assert len(words) == len(template_catalogue.MESSAGES) + len(
        template_columns_catalogue.MESSAGES)
    assert all(key.startswith("template_") for key in words)
    for key, (vi, en) in words.items():
        assert MESSAGES[key] == (vi, en)
    for status in STATUSES:
        assert t(f"template_status_meaning_{status.code}", "vi") == status.meaning_vi
    for award in AWARD_FORMS:
        assert t(f"template_decided_by_{award.code}", "vi") == award.decided_by_vi
    assert LIST_SHEET == "Danh mục"


def test_does_not_import_streamlit() -> None:
    code = "import sys, thidua.documents.template; assert 'streamlit' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_template_is_byte_stable(tmp_path: Path) -> None:
    """`make sample` rewrites the tracked template: nothing may change when nothing changed."""
    first = write_template(tmp_path / "a.xlsx").read_bytes()
    second = write_template(tmp_path / "b.xlsx").read_bytes()
    assert first == second
    assert write_template(tmp_path / "en.xlsx", lang="en").read_bytes() != first

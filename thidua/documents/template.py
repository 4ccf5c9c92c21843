"""The blank import workbook that the HCQT office clerk fills (``thidua template``).

Layout (DATA_CONTRACT.md sections 2–3):

1. an instruction sheet ("Hướng dẫn", or "Instructions" with ``lang="en"``): the reading rules,
   every table's columns with type, required flag and rule, and the reference lists;
2. one sheet per table of ``reference.TABLES``, named by its Vietnamese label, with
   a Vietnamese header row (required columns orange, optional blue, a comment on every header
   cell), a frozen header, pre-formatted date/month cells and drop-down lists;
3. a hidden "Danh mục" sheet holding the lists the drop-downs refer to.

The "Tiêu chí" sheet comes pre-filled with the plan's nine criteria. Only the prose follows
``lang``: sheet names, headers and list values stay Vietnamese, which the loader reads in either
language. Every user-facing word comes from :mod:`thidua.catalogue`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from thidua.catalogue import t
from thidua.contract.reference import (
    AWARD,
    AWARD_FORMS,
    CODE,
    DATE,
    GENDERS,
    MONTH,
    NUMBER,
    PCT,
    PLAN_CRITERIA,
    RESULT,
    RESULT_MET,
    RESULT_NOT_MET,
    STAFF_TYPES,
    STATUS,
    STATUSES,
    SUBJECT,
    SUBJECT_TYPES,
    TABLES,
    TABLES_BY_NAME,
    TEXT,
    UNIT_TYPES,
    Column,
    Table,
)

__all__ = ["FORMAT_ROWS", "LIST_SHEET", "VALIDATION_ROWS", "list_sources", "write_template"]

# Data rows 2..FORMAT_ROWS carry the date/month/code cell formats; rows 2..VALIDATION_ROWS the
# data validations (larger ranges make Excel slow).
FORMAT_ROWS = 1000
VALIDATION_ROWS = 5000

# The hidden list sheet is data (the drop-downs' formulas name it): Vietnamese in both languages.
LIST_SHEET = t("template_sheet_lists", "vi")

_SUBJECT_LABELS = tuple(label for label, _en, _aliases in SUBJECT_TYPES.values())
_RESULT_LABELS = (RESULT_MET[0], RESULT_NOT_MET[0])  # Đạt, Không đạt

# The hidden lists, one per column of the list sheet: header (a column label), values.
_LISTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("subject", TABLES_BY_NAME["registrations"].column("subject_type").label_vi, _SUBJECT_LABELS),
    ("result", TABLES_BY_NAME["evaluations"].column("result").label_vi, _RESULT_LABELS),
    ("award", TABLES_BY_NAME["nominations"].column("award_code").label_vi,
     tuple(a.label_vi for a in AWARD_FORMS)),
    ("status", TABLES_BY_NAME["nominations"].column("status").label_vi,
     tuple(s.label_vi for s in STATUSES)),
    ("gender", TABLES_BY_NAME["staff"].column("gender").label_vi, GENDERS),
    ("staff_type", TABLES_BY_NAME["staff"].column("staff_type").label_vi, STAFF_TYPES),
    ("unit_type", TABLES_BY_NAME["units"].column("unit_type").label_vi, UNIT_TYPES),
)

# Column widths (Excel character units) by type; a header longer than this widens the column.
_WIDTH_BY_TYPE = {CODE: 14, TEXT: 28, DATE: 14, MONTH: 13, NUMBER: 10, PCT: 12, RESULT: 12,
                  SUBJECT: 12, AWARD: 34, STATUS: 30}
_WIDTH_BY_NAME = {"criterion_name": 90, "achievement": 50, "commitment": 40, "note": 30,
                  "campaign_name": 50, "full_name": 26, "unit_name": 36, "plan_ref": 36}

# Instruction sheet: columns A..F.
_GUIDE_WIDTHS = (6, 24, 34, 26, 16, 62)
_LINE_HEIGHT = 15.0  # points per wrapped line at 11 pt


def list_sources() -> dict[str, str]:
    """The drop-down source formula of each list kind.

    E.g. ``{"status": "='Danh mục'!$D$2:$D$8", ...}``.
    """
    sources = {}
    for col, (kind, _header, values) in enumerate(_LISTS):
        letter = xl_col_to_name(col)
        sources[kind] = f"='{LIST_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
    return sources


def _list_kind(column: Column) -> str | None:
    """Which hidden list feeds the drop-down of ``column`` (None: no drop-down)."""
    by_type = {SUBJECT: "subject", RESULT: "result", AWARD: "award", STATUS: "status"}
    if column.type in by_type:
        return by_type[column.type]
    if column.name in ("gender", "staff_type", "unit_type"):
        return column.name
    return None


def _wrapped_lines(text: str, width: float) -> int:
    """Roughly how many lines ``text`` wraps to in a cell ``width`` characters wide."""
    capacity = max(int(width), 1)
    lines = 0
    for paragraph in str(text).split("\n"):
        used, count = 0, 1
        for word in paragraph.split():
            need = len(word) if used == 0 else used + 1 + len(word)
            if need <= capacity:
                used = need
            else:
                count += math.ceil(len(word) / capacity) if used == 0 else 1
                used = len(word) % capacity if len(word) > capacity else len(word)
        lines += count
    return max(lines, 1)


def _row_height(cells: Sequence[tuple[str, float]]) -> float:
    """Row height in points for ``(text, width)`` cells that wrap."""
    return _LINE_HEIGHT * max((_wrapped_lines(text, width) for text, width in cells), default=1) + 3


def _column_rule(table: Table, column: Column, lang: str) -> str:
    """The rule of one column, in ``lang``."""
    params: dict[str, Any] = {
        "types": ", ".join(UNIT_TYPES if table.name == "units" else STAFF_TYPES),
        "genders": " / ".join(GENDERS),
        "awarded": next(s.label_vi for s in STATUSES if s.code == "da_khen_thuong"),
    }
    return t(f"template_rule_{table.name}_{column.name}", lang, **params)


def _column_width(column: Column) -> float:
    base = _WIDTH_BY_NAME.get(column.name, _WIDTH_BY_TYPE.get(column.type, 16))
    return max(base, len(column.label_vi) + 4)


class _Formats:
    """The cell formats of the workbook, created once."""

    def __init__(self, wb: Workbook) -> None:
        border = {"border": 1, "border_color": "#A6A6A6", "valign": "top", "text_wrap": True}
        self.title = wb.add_format({"bold": True, "font_size": 14, "font_color": "#1F4E79",
                                    "text_wrap": True, "valign": "vcenter"})
        self.section = wb.add_format({"bold": True, "font_size": 12, "font_color": "#1F4E79",
                                      "bottom": 2, "bottom_color": "#1F4E79"})
        self.subsection = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.para = wb.add_format({"text_wrap": True, "valign": "top"})
        self.note = wb.add_format({"italic": True, "text_wrap": True, "valign": "top"})
        self.number = wb.add_format({"align": "right", "valign": "top"})
        self.th = wb.add_format({**border, "bold": True, "bg_color": "#D9E1F2"})
        self.td = wb.add_format(border)
        self.td_center = wb.add_format({**border, "align": "center"})
        self.td_required = wb.add_format({**border, "bold": True, "font_color": "#C65911"})
        header = {"bold": True, "text_wrap": True, "valign": "vcenter", "align": "center",
                  "border": 1, "border_color": "#7F7F7F"}
        self.header_required = wb.add_format({**header, "bg_color": "#F4B084"})
        self.header_optional = wb.add_format({**header, "bg_color": "#DDEBF7"})
        self.date = wb.add_format({"num_format": "dd/mm/yyyy"})
        self.month = wb.add_format({"num_format": "mm/yyyy"})
        self.code = wb.add_format({"num_format": "@"})
        self.wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        self.list_header = wb.add_format({"bold": True})


class _Guide:
    """Writes the instruction sheet top to bottom."""

    def __init__(self, ws: Worksheet, fmt: _Formats) -> None:
        self.ws, self.fmt, self.row = ws, fmt, 0
        for col, width in enumerate(_GUIDE_WIDTHS):
            ws.set_column(col, col, width)
        self.span = sum(_GUIDE_WIDTHS[1:])

    def merged(self, text: str, cell_format: Any, *, first_col: int = 0,
               height: float | None = None) -> None:
        width = sum(_GUIDE_WIDTHS[first_col:])
        self.ws.merge_range(self.row, first_col, self.row, len(_GUIDE_WIDTHS) - 1, text,
                            cell_format)
        self.ws.set_row(self.row, height or _row_height([(text, width * 0.95)]))
        self.row += 1

    def gap(self) -> None:
        self.row += 1

    def section(self, text: str) -> None:
        self.gap()
        self.ws.merge_range(self.row, 0, self.row, len(_GUIDE_WIDTHS) - 1, text, self.fmt.section)
        self.ws.set_row(self.row, 20)
        self.row += 1

    def rules(self, texts: Sequence[str], start: int = 1) -> None:
        for number, text in enumerate(texts, start):
            self.ws.write_number(self.row, 0, number, self.fmt.number)
            self.merged(text, self.fmt.para, first_col=1)

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[Any]],
              formats: Sequence[Any] | None = None) -> None:
        """A bordered table from column A; ``rows`` shorter than ``headers`` are padded."""
        width = len(headers)
        self.ws.write_row(self.row, 0, headers, self.fmt.th)
        self.ws.set_row(self.row, _row_height(list(zip(headers, _GUIDE_WIDTHS, strict=False))))
        self.row += 1
        for cells in rows:
            cells = [*cells, *[""] * (width - len(cells))]
            for col, value in enumerate(cells):
                cell_format = formats[col] if formats and col < len(formats) else None
                cell_format = cell_format or self.fmt.td
                self.ws.write(self.row, col, value, cell_format)
            texts = [(str(v), w) for v, w in zip(cells, _GUIDE_WIDTHS, strict=False)]
            self.ws.set_row(self.row, _row_height(texts))
            self.row += 1


def _write_guide(wb: Workbook, fmt: _Formats, lang: str) -> None:
    ws = wb.add_worksheet(t("template_sheet_instructions", lang))
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.hide_gridlines(2)
    guide = _Guide(ws, fmt)

    guide.merged(t("template_title", lang), fmt.title, height=30)
    guide.merged(t("template_intro", lang), fmt.para)

    guide.section(t("template_section_general", lang))
    guide.rules([t(f"template_rule_{key}", lang)
                 for key in ("one_campaign", "reimport", "history", "errors")])

    guide.section(t("template_section_rules", lang))
    results = {"met": ", ".join(f"“{w}”" for w in (*RESULT_MET[:3], "X", *RESULT_MET[3:])),
               "not_met": ", ".join(f"“{w}”" for w in RESULT_NOT_MET)}
    guide.rules([
        t("template_rule_names", lang), t("template_rule_columns", lang),
        t("template_rule_header_row", lang), t("template_rule_two_row_header", lang),
        t("template_rule_blank_rows", lang), t("template_rule_text", lang),
        t("template_rule_csv_encoding", lang), t("template_rule_legacy_fonts", lang),
        t("template_rule_dates", lang), t("template_rule_day_first", lang),
        t("template_rule_impossible_dates", lang), t("template_rule_months", lang),
        t("template_rule_results", lang, **results), t("template_rule_subjects", lang),
        t("template_rule_fixed_values", lang),
    ])

    guide.section(t("template_section_tables", lang))
    headers = [t(f"template_h_{key}", lang)
               for key in ("no", "label", "name", "type", "required", "rule")]
    for number, table in enumerate(TABLES, 1):
        guide.gap()
        guide.merged(t("template_table_heading", lang, number=number, label=table.label_vi,
                       english=table.label_en, name=table.name), fmt.subsection)
        guide.merged(t(f"template_table_note_{table.name}", lang), fmt.note)
        rows = []
        for index, column in enumerate(table.columns, 1):
            rule = t("template_rule_with_meaning", lang, rule=_column_rule(table, column, lang),
                     meaning=column.label_en)
            required = t("template_required_yes" if column.required else "template_required_no",
                         lang)
            rows.append([index, column.label_vi, column.name, t(f"template_type_{column.type}",
                         lang), required, rule])
        guide.table(headers, rows, [fmt.td_center, fmt.td_required, None, None, None, None])

    guide.section(t("template_section_lists", lang))
    guide.merged(t("template_list_awards", lang), fmt.subsection)
    guide.table(
        [t(f"template_h_{key}", lang)
         for key in ("no", "code", "award_label", "decided_by", "level", "english")],
        [[i, a.code, a.label_vi, t(f"template_decided_by_{a.code}", lang),
          t(f"template_level_{a.level}", lang), a.label_en]
         for i, a in enumerate(AWARD_FORMS, 1)],
        [fmt.td_center, fmt.td_required])

    guide.gap()
    guide.merged(t("template_list_statuses", lang), fmt.subsection)
    guide.table(
        [t(f"template_h_{key}", lang)
         for key in ("order", "code", "status_label", "english", "final", "meaning")],
        [[i, s.code, s.label_vi, s.label_en,
          t("template_final_yes" if s.is_final else "template_final_no", lang),
          t(f"template_status_meaning_{s.code}", lang)]
         for i, s in enumerate(STATUSES, 1)],
        [fmt.td_center, fmt.td_required])

    guide.gap()
    guide.merged(t("template_list_subjects", lang), fmt.subsection)
    guide.table(
        [t(f"template_h_{key}", lang)
         for key in ("no", "code", "value", "english", "accepted", "meaning")],
        [[i, code, label, english, ", ".join((label, code, *aliases)),
          t(f"template_subject_meaning_{code}", lang)]
         for i, (code, (label, english, aliases)) in enumerate(SUBJECT_TYPES.items(), 1)],
        [fmt.td_center, fmt.td_required])

    guide.gap()
    guide.merged(t("template_list_results", lang), fmt.subsection)
    case_note = t("template_case_note", lang)
    guide.table(
        [t(f"template_h_{key}", lang) for key in ("no", "value", "accepted", "meaning")],
        [[1, RESULT_MET[0], f"{', '.join(RESULT_MET)} ({case_note})",
          t("template_result_meaning_met", lang)],
         [2, RESULT_NOT_MET[0], f"{', '.join(RESULT_NOT_MET)} ({case_note})",
          t("template_result_meaning_not_met", lang)],
         [3, t("template_result_blank", lang), t("template_result_blank_accepted", lang),
          t("template_result_meaning_blank", lang)]],
        [fmt.td_center, fmt.td_required])

    for key, values in (("genders", GENDERS), ("staff_types", STAFF_TYPES),
                        ("unit_types", UNIT_TYPES)):
        guide.gap()
        guide.merged(t(f"template_list_{key}", lang), fmt.subsection)
        guide.table([t("template_h_no", lang), t("template_h_value", lang)],
                    [[i, value] for i, value in enumerate(values, 1)],
                    [fmt.td_center, fmt.td_required])


def _write_lists(wb: Workbook, fmt: _Formats) -> None:
    ws = wb.add_worksheet(LIST_SHEET)
    for col, (_kind, header, values) in enumerate(_LISTS):
        ws.write(0, col, header, fmt.list_header)
        ws.write_column(1, col, values)
        ws.set_column(col, col, max(len(header), *(len(v) for v in values)) + 2)
    ws.hide()


def _header_comment(table: Table, column: Column, lang: str) -> str:
    required = t("template_required_yes" if column.required else "template_required_no", lang)
    return t("template_comment", lang, required=required,
             type=t(f"template_type_{column.type}", lang), rule=_column_rule(table, column, lang))


def _validate(ws: Worksheet, col: int, options: dict[str, Any]) -> None:
    ws.data_validation(1, col, VALIDATION_ROWS - 1, col, options)


def _write_table_sheet(wb: Workbook, fmt: _Formats, table: Table, lang: str) -> Worksheet:
    ws = wb.add_worksheet(table.label_vi)
    sources = list_sources()
    for col, column in enumerate(table.columns):
        width = _column_width(column)
        wrap = fmt.wrap if column.type == TEXT and width >= 40 else None
        ws.set_column(col, col, width, wrap)
        header_format = fmt.header_required if column.required else fmt.header_optional
        ws.write_string(0, col, column.label_vi, header_format)
        comment = _header_comment(table, column, lang)
        ws.write_comment(0, col, comment, {
            "author": "thidua", "x_scale": 2.2,
            "y_scale": max(1.0, _wrapped_lines(comment, 40) / 5 + 0.2),
        })

        cell_format = {DATE: fmt.date, MONTH: fmt.month, CODE: fmt.code}.get(column.type)
        if cell_format is not None:
            for row in range(1, FORMAT_ROWS):
                ws.write_blank(row, col, None, cell_format)

        kind = _list_kind(column)
        if kind is not None:
            _validate(ws, col, {
                "validate": "list", "source": sources[kind], "ignore_blank": True,
                "error_type": "warning", "error_title": t("template_dv_list_title", lang),
                "error_message": t("template_dv_list_message", lang),
            })
        elif column.type == PCT:
            _validate(ws, col, {
                "validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100,
                "ignore_blank": True, "error_type": "stop",
                "error_title": t("template_dv_pct_title", lang),
                "error_message": t("template_dv_pct_message", lang),
            })
        elif column.type in (DATE, MONTH):
            prefix = "template_dv_date" if column.type == DATE else "template_dv_month"
            _validate(ws, col, {
                "validate": "date", "criteria": "between", "minimum": date(1900, 1, 1),
                "maximum": date(9999, 12, 31), "ignore_blank": True,
                "input_title": t(f"{prefix}_input_title", lang),
                "input_message": t(f"{prefix}_input_message", lang),
                "error_type": "warning", "error_title": t("template_dv_date_title", lang),
                "error_message": t(f"{prefix}_message", lang),
            })
    ws.set_row(0, 32)
    ws.freeze_panes(1, 0)
    return ws


def _prefill_criteria(ws: Worksheet, fmt: _Formats) -> None:
    """The plan's criteria (code, applies to, wording, weight 1) on the "Tiêu chí" sheet."""
    table = TABLES_BY_NAME["criteria"]
    name_col = [c.name for c in table.columns].index("criterion_name")
    name_width = _column_width(table.columns[name_col])
    for row, (code, applies_to, text) in enumerate(PLAN_CRITERIA, 1):
        values = {"criterion_code": code, "applies_to": SUBJECT_TYPES[applies_to][0],
                  "criterion_name": text, "weight": 1}
        for col, column in enumerate(table.columns):
            value = values[column.name]
            if isinstance(value, int):
                ws.write_number(row, col, value)
            else:
                ws.write_string(row, col, value, fmt.code if column.type == CODE else fmt.wrap)
        ws.set_row(row, _row_height([(text, name_width * 1.1)]))


def write_template(out: Path, lang: str = "vi") -> Path:
    """Write the blank import workbook to ``out`` and return its path.

    ``lang`` ("vi" or "en") chooses the language of the instruction sheet and of the header
    comments and validation messages; sheet names, headers and list values are Vietnamese
    either way. The parent folder is created if needed.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb = xlsxwriter.Workbook(str(out))
    try:
        fmt = _Formats(wb)
        _write_guide(wb, fmt, lang)
        sheets = {table.name: _write_table_sheet(wb, fmt, table, lang) for table in TABLES}
        _prefill_criteria(sheets["criteria"], fmt)
        _write_lists(wb, fmt)
        wb.get_worksheet_by_name(t("template_sheet_instructions", lang)).activate()
    finally:
        wb.close()
    return out

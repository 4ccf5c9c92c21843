"""The template's data sheets: one per table of ``reference.TABLES``, and the plan's criteria.

Each sheet has a Vietnamese header row (required columns orange, optional blue, a comment on
every header cell saying type and rule in ``lang``), a frozen header, pre-formatted date, month
and code cells and drop-down lists or range checks. The "Tiêu chí" sheet comes pre-filled with
the plan's nine criteria.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from thidua.catalogue import t
from thidua.contract.reference import (
    CODE,
    DATE,
    MONTH,
    PCT,
    PLAN_CRITERIA,
    SUBJECT_TYPES,
    TABLES_BY_NAME,
    TEXT,
    Column,
    Table,
)
from thidua.documents.template.layout import (
    FORMAT_ROWS,
    VALIDATION_ROWS,
    TemplateFormats,
    column_rule,
    column_width,
    required_word,
    row_height,
    wrapped_lines,
)
from thidua.documents.template.lists import list_kind, list_sources


def _header_comment(table: Table, column: Column, lang: str) -> str:
    return t("template_comment", lang, required=required_word(column, lang),
             type=t(f"template_type_{column.type}", lang), rule=column_rule(table, column, lang))


def _validation(column: Column, sources: dict[str, str], lang: str) -> dict[str, Any] | None:
    """The data validation of ``column``: its drop-down, the 0–100 range or a date check."""
    kind = list_kind(column)
    if kind is not None:
        return {"validate": "list", "source": sources[kind], "ignore_blank": True,
                "error_type": "warning", "error_title": t("template_dv_list_title", lang),
                "error_message": t("template_dv_list_message", lang)}
    if column.type == PCT:
        return {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100,
                "ignore_blank": True, "error_type": "stop",
                "error_title": t("template_dv_pct_title", lang),
                "error_message": t("template_dv_pct_message", lang)}
    if column.type in (DATE, MONTH):
        prefix = "template_dv_date" if column.type == DATE else "template_dv_month"
        return {"validate": "date", "criteria": "between", "minimum": date(1900, 1, 1),
                "maximum": date(9999, 12, 31), "ignore_blank": True,
                "input_title": t(f"{prefix}_input_title", lang),
                "input_message": t(f"{prefix}_input_message", lang),
                "error_type": "warning", "error_title": t("template_dv_date_title", lang),
                "error_message": t(f"{prefix}_message", lang)}
    return None


def _write_header(ws: Worksheet, fmt: TemplateFormats, table: Table, col: int,
                  column: Column, lang: str) -> None:
    """The column's width and header cell with its comment."""
    width = column_width(column)
    ws.set_column(col, col, width, fmt.wrap if column.type == TEXT and width >= 40 else None)
    header_format = fmt.header_required if column.required else fmt.header_optional
    ws.write_string(0, col, column.label_vi, header_format)
    comment = _header_comment(table, column, lang)
    ws.write_comment(0, col, comment, {
        "author": "thidua", "x_scale": 2.2,
        "y_scale": max(1.0, wrapped_lines(comment, 40) / 5 + 0.2),
    })


def write_table_sheet(wb: Workbook, fmt: TemplateFormats, table: Table, lang: str) -> Worksheet:
    """The sheet of ``table``: headers, cell formats and validations, frozen header row."""
    ws = wb.add_worksheet(table.label_vi)
    sources = list_sources()
    for col, column in enumerate(table.columns):
        _write_header(ws, fmt, table, col, column, lang)
        cell_format = {DATE: fmt.date, MONTH: fmt.month, CODE: fmt.code}.get(column.type)
        if cell_format is not None:
            for row in range(1, FORMAT_ROWS):
                ws.write_blank(row, col, None, cell_format)
        options = _validation(column, sources, lang)
        if options is not None:
            ws.data_validation(1, col, VALIDATION_ROWS - 1, col, options)
    ws.set_row(0, 32)
    ws.freeze_panes(1, 0)
    return ws


def prefill_criteria(ws: Worksheet, fmt: TemplateFormats) -> None:
    """The plan's criteria (code, applies to, wording, weight 1) on the "Tiêu chí" sheet."""
    table = TABLES_BY_NAME["criteria"]
    name_col = [c.name for c in table.columns].index("criterion_name")
    name_width = column_width(table.columns[name_col])
    for row, (code, applies_to, text) in enumerate(PLAN_CRITERIA, 1):
        values = {"criterion_code": code, "applies_to": SUBJECT_TYPES[applies_to][0],
                  "criterion_name": text, "weight": 1}
        for col, column in enumerate(table.columns):
            value = values[column.name]
            if isinstance(value, int):
                ws.write_number(row, col, value)
            else:
                ws.write_string(row, col, value, fmt.code if column.type == CODE else fmt.wrap)
        ws.set_row(row, row_height([(text, name_width * 1.1)]))

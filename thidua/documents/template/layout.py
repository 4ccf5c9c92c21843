"""The template's shared layout: row ranges, column widths, wrapped-line estimates, cell formats.

Colours are :data:`thidua.theme.SPREADSHEET`'s; the date and month cells use the Vietnamese
Excel patterns of :func:`thidua.formats.date_style` (the data sheets are Vietnamese in both
languages).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from xlsxwriter.workbook import Workbook

from thidua import formats
from thidua.catalogue import t
from thidua.contract.reference import (
    AWARD,
    CODE,
    DATE,
    GENDERS,
    MONTH,
    NUMBER,
    PCT,
    RESULT,
    STAFF_TYPES,
    STATUS,
    STATUSES,
    SUBJECT,
    TEXT,
    UNIT_TYPES,
    Column,
    Table,
)
from thidua.theme import SPREADSHEET

# Data rows 2..FORMAT_ROWS carry the date/month/code cell formats; rows 2..VALIDATION_ROWS the
# data validations (larger ranges make Excel slow).
FORMAT_ROWS = 1000
VALIDATION_ROWS = 5000

# Column widths (Excel character units) by type; a header longer than this widens the column.
_WIDTH_BY_TYPE = {CODE: 14, TEXT: 28, DATE: 14, MONTH: 13, NUMBER: 10, PCT: 12, RESULT: 12,
                  SUBJECT: 12, AWARD: 34, STATUS: 30}
_WIDTH_BY_NAME = {"criterion_name": 90, "achievement": 50, "commitment": 40, "note": 30,
                  "campaign_name": 50, "full_name": 26, "unit_name": 36, "plan_ref": 36}
LINE_HEIGHT = 15.0  # points per wrapped line at 11 pt


def wrapped_lines(text: str, width: float) -> int:
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


def row_height(cells: Sequence[tuple[str, float]]) -> float:
    """Row height in points for ``(text, width)`` cells that wrap."""
    return LINE_HEIGHT * max((wrapped_lines(text, width) for text, width in cells), default=1) + 3


def column_rule(table: Table, column: Column, lang: str) -> str:
    """The rule of one column, in ``lang``."""
    params: dict[str, Any] = {
        "types": ", ".join(UNIT_TYPES if table.name == "units" else STAFF_TYPES),
        "genders": " / ".join(GENDERS),
        "awarded": next(s.label_vi for s in STATUSES if s.code == "da_khen_thuong"),
    }
    return t(f"template_rule_{table.name}_{column.name}", lang, **params)


def column_width(column: Column) -> float:
    """A data sheet column's width: by name, else by type, at least its header's."""
    base = _WIDTH_BY_NAME.get(column.name, _WIDTH_BY_TYPE.get(column.type, 16))
    return max(base, len(column.label_vi) + 4)


def required_word(column: Column, lang: str) -> str:
    """"Bắt buộc" or "Không bắt buộc" (and English) for ``column``."""
    return t("template_required_yes" if column.required else "template_required_no", lang)


class TemplateFormats:
    """The cell formats of the workbook, created once."""

    def __init__(self, wb: Workbook) -> None:
        s = SPREADSHEET
        border = {"border": 1, "border_color": s.border, "valign": "top", "text_wrap": True}
        self.title = wb.add_format({"bold": True, "font_size": 14, "font_color": s.title_text,
                                    "text_wrap": True, "valign": "vcenter"})
        self.section = wb.add_format({"bold": True, "font_size": 12, "font_color": s.title_text,
                                      "bottom": 2, "bottom_color": s.title_text})
        self.subsection = wb.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        self.para = wb.add_format({"text_wrap": True, "valign": "top"})
        self.note = wb.add_format({"italic": True, "text_wrap": True, "valign": "top"})
        self.number = wb.add_format({"align": "right", "valign": "top"})
        self.th = wb.add_format({**border, "bold": True, "bg_color": s.guide_header_fill})
        self.td = wb.add_format(border)
        self.td_center = wb.add_format({**border, "align": "center"})
        self.td_required = wb.add_format({**border, "bold": True, "font_color": s.required_text})
        header = {"bold": True, "text_wrap": True, "valign": "vcenter", "align": "center",
                  "border": 1, "border_color": s.border_strong}
        self.header_required = wb.add_format({**header, "bg_color": s.required_fill})
        self.header_optional = wb.add_format({**header, "bg_color": s.header_fill})
        self.date = wb.add_format({"num_format": formats.date_style("date", "vi").excel})
        self.month = wb.add_format({"num_format": formats.date_style("month", "vi").excel})
        self.code = wb.add_format({"num_format": "@"})
        self.wrap = wb.add_format({"text_wrap": True, "valign": "top"})
        self.list_header = wb.add_format({"bold": True})

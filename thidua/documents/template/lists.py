"""The template's hidden list sheet ("Danh mục") and the drop-downs that refer to it.

The list sheet is data, not prose: the drop-downs' formulas name it, so its name, headers and
values are Vietnamese in both languages (the loader reads either).
"""

from __future__ import annotations

from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.workbook import Workbook

from thidua.catalogue import t
from thidua.contract.reference import (
    AWARD,
    AWARD_FORMS,
    GENDERS,
    RESULT,
    RESULT_MET,
    RESULT_NOT_MET,
    STAFF_TYPES,
    STATUS,
    STATUSES,
    SUBJECT,
    SUBJECT_TYPES,
    TABLES_BY_NAME,
    UNIT_TYPES,
    Column,
)
from thidua.documents.template.layout import TemplateFormats

LIST_SHEET = t("template_sheet_lists", "vi")

_SUBJECT_LABELS = tuple(label for label, _en, _aliases in SUBJECT_TYPES.values())
_RESULT_LABELS = (RESULT_MET[0], RESULT_NOT_MET[0])  # Đạt, Không đạt

# The hidden lists, one per column of the list sheet: kind, header (a column label), values.
LISTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
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


def list_sources() -> dict[str, str]:
    """The drop-down source formula of each list kind.

    E.g. ``{"status": "='Danh mục'!$D$2:$D$8", ...}``.
    """
    sources = {}
    for col, (kind, _header, values) in enumerate(LISTS):
        letter = xl_col_to_name(col)
        sources[kind] = f"='{LIST_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
    return sources


def list_kind(column: Column) -> str | None:
    """Which hidden list feeds the drop-down of ``column`` (None: no drop-down)."""
    by_type = {SUBJECT: "subject", RESULT: "result", AWARD: "award", STATUS: "status"}
    if column.type in by_type:
        return by_type[column.type]
    if column.name in ("gender", "staff_type", "unit_type"):
        return column.name
    return None


def write_lists(wb: Workbook, fmt: TemplateFormats) -> None:
    """The hidden sheet of the lists, one column each under its header."""
    ws = wb.add_worksheet(LIST_SHEET)
    for col, (_kind, header, values) in enumerate(LISTS):
        ws.write(0, col, header, fmt.list_header)
        ws.write_column(1, col, values)
        ws.set_column(col, col, max(len(header), *(len(v) for v in values)) + 2)
    ws.hide()

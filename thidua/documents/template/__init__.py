"""The blank import workbook that the HCQT office clerk fills (``thidua template``).

Layout (DATA_CONTRACT.md sections 2–3):

1. an instruction sheet ("Hướng dẫn", or "Instructions" with ``lang="en"``): the reading rules,
   every table's columns with type, required flag and rule, and the reference lists
   (:mod:`.guide`);
2. one sheet per table of ``reference.TABLES``, named by its Vietnamese label, with
   a Vietnamese header row (required columns orange, optional blue, a comment on every header
   cell), a frozen header, pre-formatted date/month cells and drop-down lists (:mod:`.tables`);
3. a hidden "Danh mục" sheet holding the lists the drop-downs refer to (:mod:`.lists`).

The "Tiêu chí" sheet comes pre-filled with the plan's nine criteria. Only the prose follows
``lang``: sheet names, headers and list values stay Vietnamese, which the loader reads in either
language. Every user-facing word comes from :mod:`thidua.catalogue`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import xlsxwriter

from thidua.contract.reference import TABLES
from thidua.documents.template.guide import write_guide
from thidua.documents.template.layout import FORMAT_ROWS, VALIDATION_ROWS, TemplateFormats
from thidua.documents.template.lists import LIST_SHEET, list_sources, write_lists
from thidua.documents.template.tables import prefill_criteria, write_table_sheet

TEMPLATE_CREATED = dt.datetime(2025, 10, 1)

__all__ = ["FORMAT_ROWS", "LIST_SHEET", "VALIDATION_ROWS", "list_sources", "write_template"]


def write_template(out: Path, lang: str = "vi") -> Path:
    """Write the blank import workbook to ``out`` and return its path.

    ``lang`` ("vi" or "en") chooses the language of the instruction sheet and of the header
    comments and validation messages; sheet names, headers and list values are Vietnamese
    either way. The parent folder is created if needed.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb = xlsxwriter.Workbook(str(out))
    # A fixed creation date: the same template written twice is the same bytes (make sample).
    wb.set_properties({"created": TEMPLATE_CREATED})
    try:
        fmt = TemplateFormats(wb)
        guide = write_guide(wb, fmt, lang)
        sheets = {table.name: write_table_sheet(wb, fmt, table, lang) for table in TABLES}
        prefill_criteria(sheets["criteria"], fmt)
        write_lists(wb, fmt)
        guide.activate()
    finally:
        wb.close()
    return out

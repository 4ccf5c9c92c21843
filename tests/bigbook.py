"""A workbook of the tiny campaign with a million generated staff rows (issue 9).

Written with xlsxwriter's ``constant_memory`` mode (row by row, nothing kept), so it is built in
seconds and a few megabytes of memory; the tests that need it build it once per session.
"""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from tests.conftest import read_tiny
from thidua.contract import reference as ref

BIG_STAFF = 1_000_000


def generated_staff(i: int, units: list[str]) -> list[str]:
    """The ``i``-th generated staff row, in the staff sheet's column order."""
    return [f"GS{i:07d}", f"Nguyễn Văn {i}", units[i % len(units)], "Chuyên viên",
            "Công chức", "Nữ" if i % 2 == 0 else "Nam"]


def write_big_workbook(path: Path, staff_rows: int = BIG_STAFF) -> Path:
    """The tiny campaign as a workbook, ``staff_rows`` generated staff above the tiny staff."""
    tiny = read_tiny()
    units = [row["unit_code"] for row in tiny["units"]]
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    for table in ref.TABLES:
        sheet = book.add_worksheet(table.label_vi)
        names = [c.name for c in table.columns]
        sheet.write_row(0, 0, [c.label_vi for c in table.columns])
        r = 1
        if table.name == "staff":
            assert names == ["staff_code", "full_name", "unit_code", "position", "staff_type",
                             "gender"], names
            for i in range(staff_rows):
                sheet.write_row(r, 0, generated_staff(i, units))
                r += 1
        for row in tiny[table.name]:
            for c, name in enumerate(names):
                if row.get(name):
                    sheet.write_string(r, c, row[name])
            r += 1
    book.close()
    return path

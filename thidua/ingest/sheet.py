"""A workbook's sheets read row by row, in bounded batches of rows (issue 9).

calamine holds a sheet's cells in its own compact form; turning them all into Python lists at
once (``to_python``) took several times that again, so a million-row sheet ran the import's
child out of memory. Here a sheet's rows come from ``iter_rows`` and are turned into Arrow text
columns ``BATCH_ROWS`` at a time, the header found among the first rows as before: Python holds
one batch of cells, the kept text lives on as Arrow chunks, and calamine's copy of a sheet is
dropped before the next one is opened. Every rule of ``read`` holds per batch with the rows'
places in the sheet (Excel row numbers, the user's labels), so the report is the same at any
size. ``on_rows`` hears the number of data rows read so far, once per batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice, zip_longest
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from thidua.contract.reference import CODE, Table
from thidua.contract.textnorm import fold
from thidua.ingest.cells import UNDECODABLE, CellFlags, formula_cells
from thidua.ingest.header import HEADER_SCAN_ROWS, match_table
from thidua.ingest.limits import hidden_sheets, open_workbook
from thidua.ingest.read import (
    IGNORED_SHEETS,
    Issue,
    RawTable,
    ReadResult,
    locate_header,
    text_array,
)
from thidua.ingest.rows import cell_marks, identifying_columns, key_blank, row_content

BATCH_ROWS = 50_000
# The header is found among the first rows: a two-row header at the last row scanned, then a
# row of column numbers under it.
HEAD_ROWS = HEADER_SCAN_ROWS + 2

RowsRead = Callable[[int], None]


def sheet_rows(sheet) -> Iterator[list[object]]:
    """The sheet's rows as ``to_python(skip_empty_area=False)`` gives them, one at a time:
    ``iter_rows`` starts at the first row but at the first used column, so the columns before
    it are put back (cell positions are the sheet's, as the formula scan and labels count)."""
    if sheet.start is None:
        return iter(())
    pad = [""] * sheet.start[1]
    return (pad + row for row in sheet.iter_rows()) if pad else iter(sheet.iter_rows())


def _batch_flags(flags: CellFlags | None, start: int, size: int) -> dict[int, CellFlags]:
    """The sheet's flagged cells grouped by the batch of data rows they fall in."""
    out: dict[int, CellFlags] = {}
    for (r, c), flag in (flags or {}).items():
        if r >= start:
            out.setdefault((r - start) // size, {})[r, c] = flag
    return out


class _Columns:
    """The kept rows of a table, batch after batch: Arrow chunks per column and the marks."""

    def __init__(self, positions: dict[str, int]) -> None:
        self.positions = positions
        self.chunks: dict[str, list[pa.Array]] = {name: [] for name in positions}
        self.numbers: list[pa.Array] = []
        self.marks: list[tuple[int, str, str, str | None]] = []

    def raw(self, table: Table, origin: str, header_number: int,
            labels: dict[str, str]) -> RawTable:
        def whole(chunks: list[pa.Array], kind: pa.DataType) -> pa.Array:
            return pa.concat_arrays(chunks) if chunks else pa.array([], kind)
        columns = {name: whole(c, pa.string()) for name, c in self.chunks.items()}
        return RawTable(table, origin, header_number, labels, columns,
                        whole(self.numbers, pa.int32()), self.marks)


def _take_batch(data: list[list[object]], first: int, start: int, table: Table, origin: str,
                out: _Columns, result: ReadResult, flags: CellFlags | None,
                width: int) -> None:
    """One batch of data rows (Excel row ``first`` is ``data[0]``, sheet index ``start``):
    its skipped rows reported, its kept rows' text and marked cells added to ``out``."""
    width = max(max((len(row) for row in data), default=0), width)
    by_position = list(zip_longest(*data, fillvalue=None))
    arrays = {i: text_array(by_position[i]) if i < len(by_position) else None
              for i in range(width)}
    del by_position
    n, positions = len(data), out.positions
    codes = frozenset(c.name for c in table.columns if c.type == CODE)
    marks = cell_marks(arrays, positions, start, flags, False, codes)
    marked = {index for (index, name), (kind, _v) in marks.items()
              if kind != UNDECODABLE and name in identifying_columns(table)}
    blank, any_content = key_blank(arrays, positions, table, n, marked)
    for index in pc.indices_nonzero(pc.and_(blank, any_content)).to_pylist():
        result.issues.append(Issue("warning", "skipped_row", origin, first + index,
                                   value=row_content(data[index]), table=table.name))
    keep = pc.invert(blank)
    out.numbers.append(pa.array(range(first, first + n), pa.int32()).filter(keep))
    for name, i in positions.items():
        column = arrays[i] if arrays[i] is not None else pa.nulls(n, pa.string())
        out.chunks[name].append(column.filter(keep))
    kept = keep.to_pylist()
    out.marks.extend((first + index, name, kind, value)
                     for (index, name), (kind, value) in sorted(marks.items())
                     if index < n and kept[index])


def extract_table(rows: Iterable[list[object]], table: Table, origin: str, result: ReadResult,
                  flags: CellFlags | None = None, on_rows: RowsRead | None = None) -> None:
    """Find the header among the first rows of ``rows`` (row i is Excel row i + 1), then keep
    the data below it batch by batch. ``flags`` are the sheet's formula and error cells."""
    rows = iter(rows)
    head = list(islice(rows, HEAD_ROWS))
    located = locate_header(head, table, origin, result, 1)
    if located is None:
        return
    header, header_number, positions, labels, start = located
    out, by_batch = _Columns(positions), _batch_flags(flags, start, BATCH_ROWS)
    data = chain(head[start:], rows)
    del head
    done = 0
    while batch := list(islice(data, BATCH_ROWS)):
        _take_batch(batch, start + done + 1, start + done, table, origin, out, result,
                    by_batch.get(done // BATCH_ROWS), len(header.labels))
        done += len(batch)
        if on_rows is not None:
            on_rows(done)
    result.tables[table.name] = out.raw(table, origin, header_number, labels)


def read_workbook(path: Path, on_rows: RowsRead | None = None) -> ReadResult:
    """Every table's sheet of the workbook at ``path``, one sheet in memory at a time."""
    result = ReadResult()
    workbook = open_workbook(path)
    flags = formula_cells(path)
    hidden = hidden_sheets(workbook)  # read, and said so
    read_so_far = [0, 0]  # data rows of the sheets already read, of this sheet

    def counted(n: int) -> None:
        read_so_far[1] = n
        on_rows(read_so_far[0] + n)

    for sheet_name in workbook.sheet_names:
        table = match_table(sheet_name)
        if table is None:
            if fold(sheet_name) not in IGNORED_SHEETS:
                result.issues.append(Issue("warning", "unknown_sheet", sheet_name))
            continue
        if table.name in result.tables:
            result.issues.append(Issue("error", "duplicate_sheet", sheet_name, table=table.name,
                                       detail=result.tables[table.name].origin))
            continue
        if sheet_name in hidden:
            result.issues.append(Issue("warning", hidden[sheet_name], sheet_name, table=table.name))
        sheet = workbook.get_sheet_by_name(sheet_name)
        extract_table(sheet_rows(sheet), table, sheet_name, result, flags.get(sheet_name),
                      counted if on_rows is not None else None)
        del sheet  # calamine's copy of this sheet goes before the next is read
        read_so_far[:] = [read_so_far[0] + read_so_far[1], 0]
    return result

"""Which rows and cells of a table are data: identifying codes, key-less rows, marked cells.

Below a government form's table come notes, totals and signatures ("Người lập biểu", a name,
"Thủ trưởng đơn vị") under any column; a row whose identifying codes are all empty is no data,
whatever else it holds, and is skipped (and reported) by ``read``. Some cells are reported
whatever their row: a formula without its saved value and an Excel error value (``cells``),
and text that lost bytes in decoding. Column-wise pyarrow, no loop over the rows.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from thidua.contract.reference import CODE, Table
from thidua.contract.textnorm import MAX_CELL_CHARS, UNPLAIN_PATTERN, cell_text
from thidua.ingest.cells import (
    ERROR_VALUE,
    ERROR_VALUES,
    TOO_LONG,
    UNDECODABLE,
    UNPLAIN_CODE,
    CellFlags,
)


def identifying_columns(table: Table) -> list[str]:
    """The codes that make a row data: the key's code columns, else the table's code columns.
    A row with all of them empty is a note, a signature or a total, whatever else it holds."""
    codes = [k for k in table.key if table.column(k).type == CODE]
    return codes or [c.name for c in table.columns if c.type == CODE]


def key_blank(arrays: dict[int, pa.Array | None], positions: dict[str, int], table: Table,
               n: int, marked: set[int]) -> tuple[pa.Array, pa.Array]:
    """Per data row: are its identifying codes blank, and does it hold anything at all (a code
    cell holding a formula without value or an error value is not blank: ``marked`` rows)."""
    present = [pc.is_valid(a) for a in arrays.values() if a is not None]
    any_content = _reduce(pc.or_, present, n, False)
    key_pos = ([positions[k] for k in identifying_columns(table) if k in positions]
               or list(positions.values()))
    key_blank = _reduce(pc.and_, [pc.is_null(arrays[i]) for i in key_pos
                                  if arrays.get(i) is not None], n, True)
    if marked:
        not_marked = pa.array([i not in marked for i in range(n)], pa.bool_())
        key_blank = pc.and_(key_blank, not_marked)
        any_content = pc.or_(any_content, pc.invert(not_marked))
    return key_blank, any_content


def row_content(cells: list[object]) -> str:
    """A skipped row's text as the warning shows it: its cells joined, at most 120 characters."""
    return " | ".join(t for t in (cell_text(c) for c in cells) if t)[:120]


def cell_marks(arrays: dict[int, pa.Array | None], positions: dict[str, int], start: int,
               flags: CellFlags | None, lossy: bool,
               codes: frozenset[str] = frozenset()) -> dict[tuple[int, str], tuple]:
    """(data row index, column) -> (kind, value) of the cells to report: formulas without a
    value and error values (nulled in ``arrays``), text damaged by decoding (``lossy``), a code
    (a column of ``codes``) holding control, bidi or emoji characters, and a cell longer than
    Excel's 32,767 characters (its first 40 shown)."""
    marks: dict[tuple[int, str], tuple] = {}
    errors = pa.array(ERROR_VALUES, pa.string())
    for name, i in positions.items():
        arr = arrays.get(i)
        if arr is None:
            continue
        is_error = pc.fill_null(pc.is_in(pc.utf8_trim_whitespace(arr), value_set=errors), False)
        for index in pc.indices_nonzero(is_error).to_pylist():
            marks[index, name] = (ERROR_VALUE, arr[index].as_py().strip())
        if pc.any(is_error).as_py():
            arrays[i] = pc.if_else(is_error, pa.scalar(None, pa.string()), arr)
        _plain_marks(arr, name, name in codes, marks)
        if lossy:
            damaged = pc.fill_null(pc.match_substring(arr, "\ufffd"), False)
            for index in pc.indices_nonzero(damaged).to_pylist():
                marks[index, name] = (UNDECODABLE, arr[index].as_py())
    names = {i: name for name, i in positions.items()}
    for (r, c), flag in (flags or {}).items():
        if r >= start and c in names:
            marks[r - start, names[c]] = flag
    return marks


def _plain_marks(arr: pa.Array, name: str, is_code: bool, marks: dict) -> None:
    if is_code:
        unplain = pc.fill_null(pc.match_substring_regex(arr, UNPLAIN_PATTERN), False)
        for index in pc.indices_nonzero(unplain).to_pylist():
            marks[index, name] = (UNPLAIN_CODE, arr[index].as_py())
    too_long = pc.fill_null(pc.greater(pc.utf8_length(arr), MAX_CELL_CHARS), False)
    for index in pc.indices_nonzero(too_long).to_pylist():
        marks[index, name] = (TOO_LONG, arr[index].as_py()[:40] + "…")


def _reduce(op, arrays: list, n: int, empty: bool) -> pa.Array:
    if not arrays:
        return pa.array([empty] * n, pa.bool_())
    out = arrays[0]
    for arr in arrays[1:]:
        out = op(out, arr)
    return out

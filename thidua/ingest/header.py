"""Finding a table's header row in a sheet: which row holds the labels, and what they mean.

Office files put agency names, mottos and a merged title above the header, and some split a
header over two rows (a merged group label above its sub-labels). This module scans the first
rows for the one (or the pair) that holds every required column of the table, matching labels
by folded text (no case, diacritics or spacing) against the contract's names, labels and aliases.
It only locates; ``read`` keeps the data rows below.
"""

from __future__ import annotations

from dataclasses import dataclass

from thidua.contract.reference import TABLES, Table
from thidua.contract.textnorm import cell_text, fold

HEADER_SCAN_ROWS = 30
STT_KEYS = {"stt", "tt", "sott", "sothutu"}


@dataclass(frozen=True)
class Header:
    """Where the header is: its first row (0-based), its height (1 or 2), a label per cell."""

    row: int
    height: int
    labels: list[str]


def column_keys(table: Table) -> dict[str, str]:
    """Folded spelling -> canonical column, for every name, label and alias of the table."""
    keys: dict[str, str] = {}
    for col in table.columns:
        for name in (col.name, col.label_vi, col.label_en, *col.aliases):
            keys.setdefault(fold(name), col.name)
    return keys


def match_table(name: str) -> Table | None:
    """The table a sheet or file stem names, by canonical name or label."""
    key = fold(name)
    for table in TABLES:
        if key in {fold(table.name), fold(table.label_vi), fold(table.label_en),
                   *map(fold, table.aliases)}:
            return table
    return None


def match_header(cells: list[object], keys: dict[str, str]) -> dict[int, str]:
    """Cell position -> canonical column for the cells that are labels (each column once)."""
    matched: dict[int, str] = {}
    for i, cell in enumerate(cells):
        name = keys.get(fold(cell_text(cell)))
        if name and name not in matched.values():
            matched[i] = name
    return matched


def _two_row_labels(upper_row: list[object], lower_row: list[object]) -> tuple[list[str], ...]:
    upper = [cell_text(c) or "" for c in upper_row]
    lower = [cell_text(c) or "" for c in lower_row]
    width = max(len(upper), len(lower))
    upper += [""] * (width - len(upper))
    lower += [""] * (width - len(lower))
    return lower, [lo or up for up, lo in zip(upper, lower, strict=True)]


def _is_two_row_header(single: dict[int, str], lower: list[str], combined: list[str],
                       keys: dict[str, str], required: set[str]) -> bool:
    double = match_header(combined, keys)
    lower_is_labels = any(keys.get(fold(c)) for c in lower if c) and all(
        not lower[i] or keys.get(fold(lower[i])) == name for i, name in single.items())
    # The upper row must give a label of its own (one merged down over the empty lower cell):
    # a blank or title row right above a complete header is no header row.
    upper_has_labels = any(not lower[i] for i in single)
    return (len(double) > len(single) and lower_is_labels and upper_has_labels
            and required <= set(double.values()))


def find_header(rows: list[list[object]], table: Table) -> Header | None:
    """The first row (or pair of rows) among the top ones holding every required column."""
    keys, required = column_keys(table), set(table.required_columns)
    for r in range(min(len(rows), HEADER_SCAN_ROWS)):
        single = match_header(rows[r], keys)
        if r + 1 < len(rows):
            lower, combined = _two_row_labels(rows[r], rows[r + 1])
            if _is_two_row_header(single, lower, combined, keys, required):
                return Header(r, 2, combined)
        if required <= set(single.values()):
            return Header(r, 1, [cell_text(c) or "" for c in rows[r]])
    return None


def best_guess_header(rows: list[list[object]], table: Table) -> tuple[int, set[str]]:
    """When no row is complete: the row with the most labels, and the columns it names."""
    keys = column_keys(table)
    best = max(range(min(len(rows), HEADER_SCAN_ROWS)),
               key=lambda r: len(match_header(rows[r], keys)), default=0)
    return best, set(match_header(rows[best], keys).values()) if rows else set()

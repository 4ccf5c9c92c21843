"""Units by level: which rows a page shows for the units chosen, the way up, worst and best N.

A province loads agencies and their units (``parent_unit``); a page then shows one level at a
time: with nothing chosen, the top-level units; with one unit chosen that has units below it,
those units (each with its whole subtree added up, ``metrics/unit_rollups``) and the chosen
unit's own row; otherwise the chosen units themselves. An Office without parents (every unit
on top) therefore sees every unit, as before. The breadcrumbs are the chosen unit's path up to
the top. Pure functions over the rows of ``marts/table_units``: no streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

ROW_CHOICES = (5, 10, 25)  # the worst/best N a page offers
DEFAULT_ROWS = 10
PICKER_LIMIT = 200  # a level with more units than this is reached by search, not by a list


@dataclass(frozen=True)
class LevelView:
    """The rows a page shows for a choice of units, and where that choice sits."""

    view_units: list[str]  # the rows: units of one level (each rolled up) and maybe own_unit
    own_unit: str | None  # the chosen unit whose level is shown: its row counts only itself
    path: list[tuple[str, str]]  # (code, name) from the top down to the chosen unit
    children: list[tuple[str, str]]  # the units one level below the chosen one (or the top)
    hierarchical: bool  # whether the campaign has any unit below another

    def params(self) -> dict[str, Any]:
        return {"view_units": self.view_units, "own_unit": self.own_unit}


def _path(parents: dict[str, str | None], names: dict[str, str], code: str) -> list:
    path, seen = [], set()
    while code and code in names and code not in seen:
        seen.add(code)
        path.append((code, names[code]))
        code = parents.get(code)
    return path[::-1]


def level_view(units: pd.DataFrame, chosen: tuple[str, ...]) -> LevelView:
    """The level shown for ``chosen`` (codes) among ``units`` (rows of marts/table_units)."""
    codes = [str(c) for c in units["unit_code"]]
    names = dict(zip(codes, (str(n) for n in units["unit_name"]), strict=True))
    parents = {c: (None if pd.isna(p) else str(p))
               for c, p in zip(codes, units["parent_unit"], strict=True)}
    below: dict[str | None, list[str]] = {}
    for code in codes:
        below.setdefault(parents[code] if parents[code] in names else None, []).append(code)
    hierarchical = any(p is not None for p in parents.values())
    known = [c for c in chosen if c in names]
    if len(known) == 1 and below.get(known[0]):
        parent = known[0]
        kids = below[parent]
        return LevelView([parent, *kids], parent, _path(parents, names, parent),
                         [(c, names[c]) for c in kids], hierarchical)
    if known:
        path = _path(parents, names, known[0]) if len(known) == 1 else []
        return LevelView(known, None, path, [], hierarchical)
    top = below.get(None, [])
    return LevelView(top, None, [], [(c, names[c]) for c in top], hierarchical)


@dataclass(frozen=True)
class Shown:
    """The rows a chart draws out of all the rows of a level."""

    rows: pd.DataFrame
    shown: int
    total: int


def worst_and_best(df: pd.DataFrame, column: str, n: int) -> Shown:
    """At most ``n`` worst and ``n`` best rows by ``column`` (blank counts as worst), in the
    frame's order; every row when there are no more than ``2 n``."""
    total = len(df)
    if total <= 2 * n:
        return Shown(df, total, total)
    key = pd.to_numeric(df[column], errors="coerce").fillna(-1.0)
    order = key.sort_values(kind="stable").index
    keep = set(order[:n]) | set(order[-n:])
    rows = df[df.index.isin(keep)]
    return Shown(rows, len(rows), total)

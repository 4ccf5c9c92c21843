"""A long list on a page: its first rows from the database, every row in its download.

At a province or the country a list of people runs to hundreds of thousands of rows (500,000
nominations, 95,000 staff not registered, 2 million staff). Fetching them all to draw the
first 2,000 cost about half a second a query, and as much again each re-run copying them out
of the cache. A page asks the database for the first :data:`TABLE_ROWS` rows in the list's own
order (a top-N in DuckDB) and, where the page says it, how many there are; the CSV and XLSX
read every row only when their link is fetched. A unit head's rows are cut in the query itself
(``access.scope_units``), so the cache holds each unit's rows under its own key.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.ui import access, state
from thidua import formats
from thidua.catalogue import t

Shape = Callable[[pd.DataFrame], pd.DataFrame]
TABLE_ROWS = 2000  # rows of a list drawn on a page (formatting each cell costs ~0.1 ms)


@dataclass(frozen=True)
class NamedList:
    rows: pd.DataFrame  # at most the page's rows
    total: int | None  # every row of the list (None: not counted)
    more: bool  # the list goes on beyond ``rows``
    every_row: Callable[[], pd.DataFrame]  # the whole list, read when called

    def shaped(self, shape: Shape) -> NamedList:
        """The same list with ``shape`` (columns chosen, renamed) applied to its rows."""
        every_row = self.every_row
        return NamedList(shape(self.rows), self.total, self.more, lambda: shape(every_row()))


def fetch(name: str, campaign: str, scope_column: str | None, *, count: bool | str = True,
          **params) -> NamedList:
    """The named query's list for this account: ``scope_column`` names the column holding a
    row's unit in a list of named rows (cut to a unit head's units); None for aggregates.
    ``count``: say how many rows it has (True), by a named query counting them (its name), or
    not (False)."""
    limit = TABLE_ROWS
    units = access.scope_units(campaign) if scope_column else None
    counter = name if count is True else (count or None)
    rows, total = state.first_rows(name, limit + 1, scope_column, units, counter, **params)
    return NamedList(rows.head(limit).reset_index(drop=True), total, len(rows) > limit,
                     state.all_rows(name, scope_column, units, **params))


def caption(named: NamedList, lang: str) -> None:
    """Says that the page shows the first rows only, when it does."""
    if not named.more:
        return
    limit = len(named.rows)
    if named.total is None:
        st.caption(t("table_first_rows_open", lang, shown=formats.count(limit, lang)))
    else:
        st.caption(t("table_first_rows", lang, shown=formats.count(limit, lang),
                     total=formats.count(named.total, lang)))

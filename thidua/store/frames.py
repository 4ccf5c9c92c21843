"""A query's result as a pandas DataFrame, by way of Arrow, equal to DuckDB's own ``.df()``.

DuckDB's ``.df()`` builds every text value as a Python object and then a pandas string
column; for the named lists (30,000 nominations of a province, a dozen text columns each) that
costs several times the query itself. Arrow's conversion builds the same string columns
directly. It is used only when every column has one of ``ARROW_SAFE`` types, and adjusted to
give what ``.df()`` gives: dates as ``datetime64[us]``, integers with NULLs as pandas' nullable
integers, a text column without any value as objects (None). Any other result (booleans,
decimals, huge integers, lists, timestamps) keeps DuckDB's conversion.
"""

from __future__ import annotations

import warnings
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

ARROW_SAFE = frozenset({"VARCHAR", "BIGINT", "INTEGER", "SMALLINT", "DOUBLE", "DATE"})
_NULLABLE = {pa.int64(): pd.Int64Dtype(), pa.int32(): pd.Int32Dtype(),
             pa.int16(): pd.Int16Dtype()}


def result_df(con: duckdb.DuckDBPyConnection, text: str, params: dict[str, Any]
              ) -> pd.DataFrame:
    """``text`` run with ``params`` on ``con``, as the frame DuckDB's ``.df()`` would give."""
    result = con.execute(text, params)
    kinds = [str(d[1]) for d in result.description or ()]
    if not kinds or any(k not in ARROW_SAFE for k in kinds):
        return result.df()
    with warnings.catch_warnings():  # "an extra copy": still several times faster than .df()
        warnings.simplefilter("ignore", UserWarning)
        table = result.to_arrow_table()
    frame = table.to_pandas(date_as_object=False)
    for i, (name, kind) in enumerate(zip(table.column_names, kinds, strict=True)):
        column = table.column(i)
        if kind == "DATE":
            frame[name] = frame[name].astype("datetime64[us]")
        elif kind == "VARCHAR" and column.null_count == len(column):
            frame[name] = pd.Series([None] * len(column), index=frame.index, dtype=object)
        elif kind != "DOUBLE" and kind != "VARCHAR" and column.null_count:
            frame[name] = column.to_pandas(types_mapper=_NULLABLE.get)
    return frame

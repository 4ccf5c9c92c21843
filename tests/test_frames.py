"""fetch_df's Arrow conversion gives exactly the frame DuckDB's own ``.df()`` gives.

Every column type it takes the Arrow way is tried with and without NULLs, all-NULL and with no
rows; the types it leaves to DuckDB (booleans, decimals) must come back as ``.df()`` gives them
too; and the named lists, whose speed it is for, are compared on the tiny fixture.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest

from thidua.store.frames import result_df
from thidua.store.sql import execute, fetch_df

CASES = (
    "select 1::bigint as a, 2::integer as b, 3::smallint as c, 1.5::double as d",
    "select 1::bigint as a, null::integer as b, null::smallint as c, null::double as d "
    "union all select null, 2, 3, 4.5",
    "select 'x' as s, null::varchar as t, date '2024-01-02' as d, null::date as e "
    "union all select null, 'y', null, date '2020-01-01'",
    "select null::varchar as v, null::date as d, null::bigint as n",
    "select 'a'::varchar as v, 1::bigint as n, date '2024-01-01' as d where false",
    "select true as b, 1.25 as dec, 'đã khen thưởng' as s",
    "select null::boolean as b, 10::hugeint as h, [1, 2] as l",
)


@pytest.mark.parametrize("text", CASES)
def test_the_frame_equals_duckdbs_own(text):
    con = duckdb.connect()
    want = con.execute(text).df()
    got = result_df(con, text, {})
    pd.testing.assert_frame_equal(got, want, check_dtype=True)
    assert list(got.dtypes.astype(str)) == list(want.dtypes.astype(str))


def test_parameters_are_bound():
    con = duckdb.connect()
    got = result_df(con, "select $n::bigint + 1 as m, $d::date as d", {"n": 41,
                                                                        "d": dt.date(2025, 3, 4)})
    assert got["m"].tolist() == [42]
    assert got["d"].tolist() == [pd.Timestamp(2025, 3, 4)]


@pytest.mark.parametrize("as_of", [dt.date(2026, 1, 29), dt.date(2026, 2, 20),
                                   dt.date(2026, 6, 30)])
@pytest.mark.parametrize("scope", [None, ["KT", "TH"]])
def test_the_named_lists_equal_duckdbs_frames(tiny_con, as_of, scope):
    params = {"campaign_code": "TD25", "as_of": as_of, "unit_codes": scope}
    for name, extra in (("marts/nomination_list", {}),
                        ("marts/missing_evaluations", {"period": dt.date(2025, 11, 1)})):
        got = fetch_df(tiny_con, name, **params, **extra)
        want = execute(tiny_con, name, **params, **extra).df()
        assert len(want) > 0, name
        pd.testing.assert_frame_equal(got, want, check_dtype=True, obj=name)

"""The province and national samples, generated inside DuckDB (``queries/sample/*.sql``).

Every value is drawn from ``hash(seed, tag, index)`` (DuckDB's hash of the seed and the row's
position), never from a Python loop or a random stream, so a million rows take about a second
and the same seed gives the same rows. (DuckDB's hash is stable for a given DuckDB version:
the version in ``uv.lock``.) Python only hands over the constants: the organisation's
templates (:mod:`.org`), the name lists, the calendar of working days, the plan's criteria.

``build_tables(con, scale, seed, rows_factor)`` leaves temp tables ``units_gen``,
``staff_gen``, ``noms_gen``, ``events_gen`` on ``con`` (and the queries for the others);
``thidua.sample.large.export`` writes them as files.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pyarrow as pa

from thidua.contract.reference import PLAN_CRITERIA, SUBJECT_TYPES
from thidua.sample import names, nominations, registrations
from thidua.sample.evaluations import CRITERION_SHIFT, FAIL_NOTES
from thidua.sample.large import org
from thidua.sample.plan import (
    FEMALE,
    MALE,
    MET_RATE_COLLECTIVE,
    MET_RATE_INDIVIDUAL,
    PERIODS,
    month_end,
    workdays,
)
from thidua.store.sql import execute

LARGE_SCALES: tuple[str, ...] = ("province", "national")


def _register(con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, list]) -> None:
    """A small constant table (templates, criteria…) as a temp table of ``con``."""
    con.register(f"{name}_arrow", pa.table(columns))
    con.execute(f"create or replace temp table {name} as select * from {name}_arrow")
    con.unregister(f"{name}_arrow")


def _templates(con: duckdb.DuckDBPyConnection) -> None:
    cols: dict[str, list] = {k: [] for k in ("parent_kind", "slot", "kind", "pattern",
                                             "unit_type", "lo", "hi", "fanout", "bulk")}
    counts: dict[str, list] = {"parent_kind": [], "n_fixed": [], "n_bulk": []}
    for parent, entries in org.CHILDREN.items():
        if not entries:
            continue
        fixed = [e for e in entries if not e[6]]
        bulk = [e for e in entries if e[6]]
        for slot, (kind, pattern, unit_type, lo, hi, fanout, is_bulk) in enumerate(fixed + bulk):
            for key, value in zip(cols, (parent, slot, kind, pattern, unit_type, lo, hi,
                                         float(fanout), is_bulk), strict=True):
                cols[key].append(value)
        counts["parent_kind"].append(parent)
        counts["n_fixed"].append(len(fixed))
        counts["n_bulk"].append(len(bulk))
    _register(con, "tpl", cols)
    _register(con, "tpl_counts", counts)
    heads = {"unit_type": list(org.HEADS), "head": [h for h, _ in org.HEADS.values()],
             "deputy": [d for _, d in org.HEADS.values()]}
    _register(con, "heads", heads)
    posts: dict[str, list] = {"unit_type": [], "post": [], "upto": []}
    for unit_type, shares in org.SERVICE_POSTS.items():
        acc = 0.0
        for post, share in shares:
            acc = min(1.0, acc + share)
            posts["unit_type"].append(unit_type)
            posts["post"].append(post)
            posts["upto"].append(1.0001 if share == 1.0 else acc)
    _register(con, "service_posts", posts)
    _register(con, "women_posts", {"post": list(org.WOMEN_POSTS),
                                   "share": list(org.WOMEN_POSTS.values())})


def _units(con: duckdb.DuckDBPyConnection, scale: str, seed: int, factor: float) -> None:
    levels = org.LEVELS[scale]
    root_kind = levels[0][0]
    con.execute("create or replace temp table parents as select -1 as unit_idx, '' as code, "
                "$kind as kind, null::varchar as place, null::varchar as locality, "
                "null::bigint as top, 1.0::double as weight", {"kind": root_kind})
    con.execute("create or replace temp table units_levels as select * exclude (n) from "
                "(select 0::bigint as unit_idx, '' as code, '' as name, '' as unit_type, "
                "''::varchar as parent_code, '' as kind, ''::varchar as place, "
                "''::varchar as locality, 0::bigint as top, 0.0::double as weight, "
                "0 as raw_size, 0 as n) where false")
    first = 0
    for _, count in levels:
        n = max(1, round(count * factor))
        execute(con, "sample/level", n=n, first_idx=first, seed=seed,
                places=list(org.PLACES), fields=list(org.FIELDS))
        con.execute("insert into units_levels select * from level_units")
        con.execute("create or replace temp table parents as select unit_idx, code, kind, "
                    "place, locality, top, weight from level_units")
        first += n
    execute(con, "sample/units", staff=max(20, round(org.STAFF[scale] * factor)), seed=seed)


def _weighted_families() -> list[str]:
    """Family names repeated in proportion to their share (Nguyễn about a third)."""
    return [f for f, w in names.FAMILY for _ in range(round(w * 10))]


def _staff(con: duckdb.DuckDBPyConnection, seed: int) -> None:
    execute(con, "sample/staff", seed=seed, family=_weighted_families(),
            middle_m=list(names.MIDDLE[MALE]), middle_f=list(names.MIDDLE[FEMALE]),
            given_m=list(names.GIVEN[MALE]), given_f=list(names.GIVEN[FEMALE]),
            early=workdays(dt.date(2025, 10, 5), dt.date(2025, 11, 19)),
            main=workdays(dt.date(2025, 11, 20), dt.date(2025, 12, 10)),
            late=workdays(dt.date(2025, 12, 11), dt.date(2026, 1, 9)),
            service=list(org.SERVICE_TYPES), nld_posts=list(org.NLD_POSTS))


def _criteria(con: duckdb.DuckDBPyConnection) -> None:
    _register(con, "criteria_gen", {
        "criterion_idx": list(range(len(PLAN_CRITERIA))),
        "criterion_code": [c for c, _, _ in PLAN_CRITERIA],
        "subject_type": [SUBJECT_TYPES[a][0] for _, a, _ in PLAN_CRITERIA],
        "shift": [CRITERION_SHIFT[c] for c, _, _ in PLAN_CRITERIA],
        "fail_note": [FAIL_NOTES[c] for c, _, _ in PLAN_CRITERIA],
    })


def _nominations(con: duckdb.DuckDBPyConnection, scale: str, seed: int, factor: float) -> None:
    specs = dict(nominations.DECISION_SPECS)
    specs["GKVP"] = (specs["GKVP"][0], specs["GKVP"][1], (dt.date(2026, 2, 4),
                                                            dt.date(2026, 2, 13)))
    _register(con, "batches", {
        "batch": list(specs), "lo": [r[0] for r, _, _ in specs.values()],
        "hi": [r[1] for r, _, _ in specs.values()], "suffix": [s for _, s, _ in specs.values()],
        "days": [workdays(*w) for _, _, w in specs.values()]})
    execute(con, "sample/batch_days", seed=seed)
    total = max(10, round(org.NOMINATIONS[scale] * factor))
    n_units = max(1, round(total * 0.02))
    execute(con, "sample/nominations", seed=seed, n_units=n_units, n_staff=total - n_units,
            proposal_days=workdays(dt.date(2026, 1, 26), dt.date(2026, 2, 6)),
            gkvp_days=workdays(dt.date(2026, 1, 26), dt.date(2026, 1, 30)),
            return_days=workdays(dt.date(2026, 2, 26), dt.date(2026, 3, 6)),
            return_reasons=list(nominations.RETURN_REASONS),
            staff_feats=list(nominations.STAFF_FEATS), unit_feats=list(nominations.UNIT_FEATS))
    execute(con, "sample/nomination_events")


def build_tables(con: duckdb.DuckDBPyConnection, scale: str, seed: int,
                 rows_factor: float = 1.0) -> None:
    """The generated temp tables of a large scale on ``con`` (see the module's docstring)."""
    if scale not in LARGE_SCALES:
        raise ValueError(f"scale must be one of {', '.join(LARGE_SCALES)}, not {scale!r}")
    if not 0 < rows_factor <= 1:
        raise ValueError("rows_factor must be in (0, 1]")
    execute(con, "sample/macros")
    _templates(con)
    _units(con, scale, seed, rows_factor)
    _staff(con, seed)
    _criteria(con)
    execute(con, "sample/subject_periods", periods=[p.isoformat()[:7] for p in PERIODS])
    _nominations(con, scale, seed, rows_factor)


def query_params(table: str, seed: int) -> dict[str, object]:
    """The parameters of ``queries/sample/<table>.sql`` (the files cut from the temp tables)."""
    if table == "registrations":
        return {"seed": seed,
                "unit_days": workdays(dt.date(2025, 10, 10), dt.date(2025, 10, 31)),
                "unit_commitments": list(registrations.UNIT_COMMITMENTS),
                "staff_commitments": list(registrations.STAFF_COMMITMENTS)}
    if table == "evaluations":
        return {"seed": seed, "periods": [p.isoformat()[:7] for p in PERIODS],
                "month_ends": [month_end(p) for p in PERIODS],
                "rate_coll": list(MET_RATE_COLLECTIVE), "rate_ind": list(MET_RATE_INDIVIDUAL)}
    return {}

"""The sample campaign assembled: each step run on its own seeded stream, then the tables.

``build_sample`` runs the steps in order (units, staff, registrations, evaluations,
nominations), each with its own random stream (``plan.rng_for``) so that changing one step
leaves the others' output unchanged, and returns one DataFrame per canonical table of
``thidua.contract.reference.TABLES`` with exactly its canonical columns in order.
"""

from __future__ import annotations

import pandas as pd

from thidua.contract.reference import (
    NUMBER,
    PCT,
    PLAN_CAMPAIGN_NAME,
    PLAN_CRITERIA,
    SUBJECT_TYPES,
    TABLES,
    TABLES_BY_NAME,
)
from thidua.sample.evaluations import make_evaluations
from thidua.sample.nominations import make_nominations
from thidua.sample.plan import (
    CAMPAIGN_CODES,
    CAMPAIGN_END,
    CAMPAIGN_PLAN_REF,
    CAMPAIGN_START,
    DEFAULT_SEED,
    SCALES,
    Person,
    Unit,
    rng_for,
)
from thidua.sample.registrations import make_registrations
from thidua.sample.units import make_staff, make_units


def _frame(table: str, cols: dict[str, list]) -> pd.DataFrame:
    """A DataFrame with the table's canonical columns in order: numbers Int64, the rest object."""
    data: dict[str, object] = {}
    rows = len(next(iter(cols.values())))
    for column in TABLES_BY_NAME[table].columns:
        values = cols.get(column.name, [None] * rows)  # an optional column the sample leaves out
        if column.type in (NUMBER, PCT):
            data[column.name] = pd.array(values, dtype="Int64")
        else:
            data[column.name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data)


def _reference_columns(scale: str, units: list[Unit],
                       staff: list[Person]) -> dict[str, dict[str, list]]:
    """The campaign, units, staff and criteria tables (the plan's, not drawn)."""
    return {
        "campaigns": {"campaign_code": [CAMPAIGN_CODES[scale]],
                      "campaign_name": [PLAN_CAMPAIGN_NAME],
                      "start_date": [CAMPAIGN_START], "end_date": [CAMPAIGN_END],
                      "plan_ref": [CAMPAIGN_PLAN_REF], "target_participation_pct": [100]},
        "units": {"unit_code": [u.code for u in units], "unit_name": [u.name for u in units],
                  "unit_type": [u.kind for u in units]},
        "staff": {"staff_code": [p.code for p in staff], "full_name": [p.name for p in staff],
                  "unit_code": [p.unit.code for p in staff],
                  "position": [p.position for p in staff],
                  "staff_type": [p.staff_type for p in staff],
                  "gender": [p.gender for p in staff]},
        "criteria": {"criterion_code": [c for c, _, _ in PLAN_CRITERIA],
                     "applies_to": [SUBJECT_TYPES[a][0] for _, a, _ in PLAN_CRITERIA],
                     "criterion_name": [n for _, _, n in PLAN_CRITERIA],
                     "weight": [1] * len(PLAN_CRITERIA)},
    }


def build_sample(scale: str = "office", seed: int = DEFAULT_SEED) -> dict[str, pd.DataFrame]:
    """The sample campaign as {canonical table name: DataFrame}, identical for the same seed."""
    if scale != "office":
        raise ValueError(f"build_sample makes the office sample, not {scale!r}: "
                         f"the scales {', '.join(SCALES[1:])} are written by write_sample "
                         "(generated in DuckDB, thidua.sample.large)")
    units = make_units(scale, rng_for(seed, "units"))
    staff = make_staff(units, rng_for(seed, "staff"))
    unit_reg, staff_reg, reg_cols = make_registrations(units, staff,
                                                       rng_for(seed, "registrations"))
    eval_cols, unit_tally, staff_tally = make_evaluations(
        units, staff, unit_reg, staff_reg, rng_for(seed, "evaluations"))
    nom_cols, ev_cols = make_nominations(
        scale, units, staff, unit_tally, staff_tally, staff_reg, rng_for(seed, "nominations"))
    cols = _reference_columns(scale, units, staff)
    cols.update({"registrations": reg_cols, "evaluations": eval_cols, "nominations": nom_cols,
                 "nomination_events": ev_cols})
    return {t.name: _frame(t.name, cols[t.name]) for t in TABLES}

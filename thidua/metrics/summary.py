"""The section-5 numbers of one campaign, as ``thidua summary --json`` prints them.

This module only chooses the parameters (campaign, as-of date, period) and shapes the rows of
the named metric queries into the contract's JSON. The totals are the headline figures of
:mod:`thidua.metrics.kpis` (``metrics/campaign_kpis``), the same the dashboard, the slides and
the progress report show; the per-unit rows and the nomination counts are the named queries the
pages chart.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from thidua.metrics import kpis
from thidua.store.sql import fetch_rows

if TYPE_CHECKING:
    import duckdb

TOTAL_FIELDS = ("staff_total", "staff_registered", "staff_participation_pct", "units_total",
                "units_registered", "unit_participation_pct")
UNIT_FIELDS = ("unit_code", "staff_total", "staff_registered", "collective_met",
               "collective_evaluated", "collective_fulfilment_pct", "individual_met",
               "individual_evaluated", "individual_fulfilment_pct", "completeness_pct")
ROLLUP_FIELDS = ("unit_code", "level", "units_total", "units_registered",
                 "unit_participation_pct", "staff_total", "staff_registered",
                 "staff_participation_pct", "collective_met", "collective_evaluated",
                 "collective_fulfilment_pct", "individual_met", "individual_evaluated",
                 "individual_fulfilment_pct", "completeness_pct")


class UnknownCampaign(LookupError):
    """The campaign asked for is not in the database (exit code 2)."""


def campaign_codes(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Campaign codes, newest start first (the first is the default campaign)."""
    return [r["campaign_code"] for r in fetch_rows(con, "metrics/campaigns")]


def resolve_campaign(con: duckdb.DuckDBPyConnection, campaign: str | None) -> str:
    codes = campaign_codes(con)
    if campaign is None:
        if not codes:
            raise UnknownCampaign("")
        return codes[0]
    code = campaign.strip().upper()
    if code not in codes:
        raise UnknownCampaign(code)
    return code


def resolve_as_of(con: duckdb.DuckDBPyConnection, campaign_code: str,
                  as_of: dt.date | None, today: dt.date | None = None) -> dt.date:
    """``as_of`` if given, else today clipped to the latest date in the campaign's data."""
    if as_of is not None:
        return as_of
    rows = fetch_rows(con, "metrics/default_as_of", campaign_code=campaign_code,
                      today=today or dt.date.today())
    return rows[0]["as_of"]


def evaluation_period(con: duckdb.DuckDBPyConnection, campaign_code: str,
                      as_of: dt.date) -> dt.date | None:
    rows = fetch_rows(con, "metrics/evaluation_period", campaign_code=campaign_code, as_of=as_of)
    return rows[0]["period"]


def build_summary(con: duckdb.DuckDBPyConnection, campaign: str | None = None,
                  as_of: dt.date | None = None, units: list[str] | None = None,
                  period: dt.date | None = None, today: dt.date | None = None,
                  rollup: bool = False) -> dict[str, Any]:
    """The contract's summary object for one campaign, as-of date and unit scope (a unit
    chosen brings the units below it). ``rollup`` adds ``rollups``: every unit in scope with
    units below it, its whole subtree added up (an addition to the contract's shape)."""
    code = resolve_campaign(con, campaign)
    day = resolve_as_of(con, code, as_of, today)
    period = period or evaluation_period(con, code, day)
    unit_codes = [u.strip().upper() for u in units] if units else None
    params = {"campaign_code": code, "as_of": day, "unit_codes": unit_codes}

    def fetch(name: str, **more: Any) -> list[dict[str, Any]]:
        return fetch_rows(con, name, **more)

    unit_rows = fetch("metrics/unit_metrics", **params, period=period)
    data = shape_summary(
        code, day, period,
        totals=kpis.campaign_kpis(fetch, params, period),
        units=unit_rows,
        by_status=fetch("metrics/nominations_by_status", **params),
        by_award=fetch("metrics/nominations_by_award", **params))
    if rollup:
        data["rollups"] = rollups(fetch, params, period)
    return data


def rollups(fetch, params: dict[str, Any], period: dt.date | None) -> list[dict[str, Any]]:
    """Every unit in scope that has units below it, with its subtree's numbers added up."""
    tree = fetch("marts/table_units", campaign_code=params["campaign_code"],
                 unit_codes=params["unit_codes"])
    parents = sorted({r["parent_unit"] for r in tree if r["parent_unit"]}
                     & {r["unit_code"] for r in tree})
    if not parents:
        return []
    rows = fetch("metrics/unit_rollups", **params, period=period, view_units=parents,
                 own_unit=None)
    return [{k: row[k] for k in ROLLUP_FIELDS} for row in rows]


def shape_summary(code: str, as_of: dt.date, period: dt.date | None, *,
                  totals: kpis.CampaignKpis, units: list[dict], by_status: list[dict],
                  by_award: list[dict]) -> dict[str, Any]:
    """The headline figures and the rows of three metric queries in the contract's JSON shape."""
    return {
        "campaign_code": code,
        "as_of": as_of.isoformat(),
        "period": period.isoformat()[:7] if period else None,
        **{k: getattr(totals, k) for k in TOTAL_FIELDS},
        "units": [{k: row[k] for k in UNIT_FIELDS} for row in units],
        "nominations_total": totals.nominations_total,
        "nominations_by_status": {r["status"]: r["nominations"] for r in by_status},
        "nominations_by_award": {r["award_code"]: {"total": r["nominations"],
                                                   "da_khen_thuong": r["awarded"]}
                                 for r in by_award},
    }

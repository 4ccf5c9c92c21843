"""The section-5 numbers of one campaign, as ``thidua summary --json`` prints them.

This module only chooses the parameters (campaign, as-of date, period) and shapes the rows of
the named metric queries into the contract's JSON; every number is computed by those queries,
the same ones the dashboard pages use.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import duckdb
import pandas as pd

from thidua.store.sql import fetch_rows

UNIT_FIELDS = ("unit_code", "staff_total", "staff_registered", "collective_met",
               "collective_evaluated", "collective_fulfilment_pct", "individual_met",
               "individual_evaluated", "individual_fulfilment_pct", "completeness_pct")


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
                  period: dt.date | None = None, today: dt.date | None = None) -> dict[str, Any]:
    """The contract's summary object for one campaign, as-of date and unit scope."""
    code = resolve_campaign(con, campaign)
    day = resolve_as_of(con, code, as_of, today)
    period = period or evaluation_period(con, code, day)
    unit_codes = [u.strip().upper() for u in units] if units else None
    params = {"campaign_code": code, "as_of": day, "unit_codes": unit_codes, "period": period}
    return shape_summary(
        code, day, period,
        totals=fetch_rows(con, "metrics/participation_totals", **params),
        units=fetch_rows(con, "metrics/unit_metrics", **params),
        by_status=fetch_rows(con, "metrics/nominations_by_status", **params),
        by_award=fetch_rows(con, "metrics/nominations_by_award", **params))


def _plain(value: Any) -> Any:
    """numpy scalars and NaN (as pandas hands them over) as plain Python values."""
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    return None if isinstance(value, float) and math.isnan(value) else value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


def build_summary_from_frames(code: str, as_of: dt.date, period: dt.date | None, *,
                              totals: pd.DataFrame, units: pd.DataFrame,
                              by_status: pd.DataFrame, by_award: pd.DataFrame) -> dict[str, Any]:
    """The same object from the (cached) DataFrames of the same named queries: the pages."""
    return shape_summary(code, as_of, period, totals=_records(totals), units=_records(units),
                         by_status=_records(by_status), by_award=_records(by_award))


def shape_summary(code: str, as_of: dt.date, period: dt.date | None, *,
                  totals: list[dict], units: list[dict], by_status: list[dict],
                  by_award: list[dict]) -> dict[str, Any]:
    """The rows of the four metric queries in the contract's JSON shape."""
    first = totals[0]
    return {
        "campaign_code": code,
        "as_of": as_of.isoformat(),
        "period": period.strftime("%Y-%m") if period else None,
        **{k: first[k] for k in ("staff_total", "staff_registered", "staff_participation_pct",
                                  "units_total", "units_registered", "unit_participation_pct")},
        "units": [{k: row[k] for k in UNIT_FIELDS} for row in units],
        "nominations_total": sum(r["nominations"] for r in by_status),
        "nominations_by_status": {r["status"]: r["nominations"] for r in by_status},
        "nominations_by_award": {r["award_code"]: {"total": r["nominations"],
                                                   "da_khen_thuong": r["awarded"]}
                                 for r in by_award},
    }

"""The progress report's data: the named queries for one campaign, unit scope and as-of date.

Every number of the report comes from here, and the headline figures (participation,
fulfilment, completeness, nominations by outcome, the units needing attention) from
:func:`thidua.metrics.kpis.headline`, the same query the overview page, the slides and
``thidua summary`` show. The frames are the queries' rows as they come (codes, not words);
``build`` lays them out.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from thidua import formats
from thidua.metrics import kpis
from thidua.metrics.summary import UnknownCampaign
from thidua.store.sql import fetch_df, fetch_rows

# Columns of the tables (as the pages show them).
UNIT_COLUMNS = ["unit_code", "unit_name", "staff_total", "staff_registered",
                "staff_participation_pct", "is_registered"]
ATTENTION_COLUMNS = ["unit_code", "unit_name", "completeness_pct", "collective_fulfilment_pct",
                     "individual_fulfilment_pct"]
COMPLETENESS_COLUMNS = ["unit_code", "unit_name", "results_evaluated", "results_expected",
                        "completeness_pct"]
CRITERIA_COLUMNS = ["unit_code", "unit_name", "criterion_code", "criterion_name", "met",
                    "evaluated", "fulfilment_pct"]
MISSING_COLUMNS = ["unit_code", "unit_name", "subject_type", "subject_code", "subject_name",
                   "results_expected", "results_evaluated"]
NOMINATION_COLUMNS = ["nomination_code", "subject_name", "subject_type", "proposing_unit_name",
                      "award_code", "proposed_on", "status", "status_since", "days_in_status",
                      "decision_ref"]


@dataclass
class ReportData:
    """The rows of one campaign, scope and date that the report is laid out from."""

    campaign_code: str
    campaign: dict[str, Any]
    as_of: dt.date
    period: dt.date | None
    unit_codes: list[str] | None
    headline: kpis.Headline
    frames: dict[str, pd.DataFrame]

    @property
    def window(self) -> tuple[dt.date | None, dt.date | None]:
        """The campaign's start and end dates."""
        return (formats.as_date(self.campaign["start_date"]),
                formats.as_date(self.campaign["end_date"]))

    @property
    def attention(self) -> pd.DataFrame:
        """The units needing attention (``kpis.headline``), in the overview's columns."""
        return pd.DataFrame(self.headline.attention, columns=ATTENTION_COLUMNS)


def scope(campaign_code: str, unit_codes: list[str] | None) -> tuple[str, list[str] | None]:
    """The campaign code and unit codes as the queries take them (upper case; None: all)."""
    units = [u.strip().upper() for u in unit_codes or [] if u.strip()]
    return campaign_code.strip().upper(), units or None


def campaign_row(con: duckdb.DuckDBPyConnection, campaign_code: str) -> dict[str, Any]:
    """The ``metrics/campaigns`` row of ``campaign_code``; ``UnknownCampaign`` if none."""
    for row in fetch_rows(con, "metrics/campaigns"):
        if row["campaign_code"] == campaign_code:
            return row
    raise UnknownCampaign(campaign_code)


def _period_frames(query: Any, period: dt.date | None) -> dict[str, pd.DataFrame]:
    """The frames of the evaluation period (empty before the first evaluation)."""
    if period is None:
        return {"collective": pd.DataFrame(columns=CRITERIA_COLUMNS),
                "individual": pd.DataFrame(columns=CRITERIA_COLUMNS),
                "missing": pd.DataFrame(columns=MISSING_COLUMNS)}
    return {
        "collective": query("marts/criteria_fulfilment", period=period, subject_type="tap_the"),
        "individual": query("marts/criteria_fulfilment", period=period, subject_type="ca_nhan"),
        "missing": query("marts/missing_evaluations", period=period),
    }


def _nomination_frames(query: Any, nominations: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The nomination charts' frames, asked for only when there is a nomination."""
    if nominations.empty:
        return {}
    return {name: query(f"marts/{name}") for name in
            ("nomination_status_weekly", "nominations_award_status", "stage_durations")}


def gather(con: duckdb.DuckDBPyConnection, campaign_code: str, as_of: dt.date,
           unit_codes: list[str] | None) -> ReportData:
    """Run the report's named queries for one campaign, unit scope and as-of date."""
    code, units = scope(campaign_code, unit_codes)
    campaign = campaign_row(con, code)
    period = formats.as_date(fetch_rows(con, "metrics/evaluation_period", campaign_code=code,
                                        as_of=as_of)[0]["period"])
    params = {"campaign_code": code, "as_of": as_of, "unit_codes": units}

    def query(name: str, **extra: Any) -> pd.DataFrame:
        return fetch_df(con, name, **params, **extra)

    headline = kpis.headline(functools.partial(fetch_rows, con), params, period)
    nominations = query("marts/nomination_list")
    frames = {
        "units": query("metrics/unit_metrics", period=period),
        "by_status": query("metrics/nominations_by_status"),
        "unregistered": query("marts/unregistered_staff"),
        "fulfilment_trend": query("marts/fulfilment_trend"),
        "registrations_over_time": query("marts/registrations_over_time"),
        "participation_breakdown": query("marts/participation_breakdown"),
        "nominations": nominations,
        **_period_frames(query, period),
        **_nomination_frames(query, nominations),
    }
    return ReportData(code, campaign, as_of, period, units, headline, frames)

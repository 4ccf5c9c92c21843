"""The campaign's headline figures, asked for once and shown by every surface.

The overview page, the presentation slides, the progress report and ``thidua summary`` all show
the same few numbers: participation, fulfilment, completeness, nominations by outcome, the units
that need attention and the best units. They are computed by the named queries
``metrics/campaign_kpis``, ``metrics/attention_units`` and ``metrics/unit_ranking`` (built on the
``unit_metrics`` macro) and nowhere else; this module only names their rows.

A surface hands in its own way of running a named query (``Fetch``): the dashboard its cached
``state.rows``, the CLI and the documents :func:`thidua.store.sql.fetch_rows` on a connection.
The rows are named tuples, not dataclasses: ``dataclasses`` brings ``inspect`` and ~7 ms of
imports to ``thidua summary``'s fast path (issue 10).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

Fetch = Callable[..., list[dict[str, Any]]]  # fetch(query_name, **params) -> rows
ATTENTION_LIMIT = 5
RANKING_LIMIT = 5


class CampaignKpis(NamedTuple):
    """One row of ``metrics/campaign_kpis``: the headline figures for one scope and date."""

    staff_total: int
    staff_registered: int
    staff_participation_pct: float | None
    units_total: int
    units_registered: int
    unit_participation_pct: float | None
    target_participation_pct: float | None
    collective_met: int
    collective_evaluated: int
    collective_fulfilment_pct: float | None
    individual_met: int
    individual_evaluated: int
    individual_fulfilment_pct: float | None
    results_evaluated: int
    results_expected: int
    completeness_pct: float | None
    nominations_total: int
    nominations_awarded: int
    nominations_not_awarded: int
    nominations_pending: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> CampaignKpis:
        """From a query row (numpy scalars and NaN as plain values)."""
        return cls(**{name: _plain(row.get(name)) for name in cls._fields})


class Headline(NamedTuple):
    """Everything the headline surfaces show: the figures, the attention list, the ranking."""

    period: dt.date | None
    kpis: CampaignKpis
    attention: list[dict[str, Any]]
    ranking: list[dict[str, Any]]


def _plain(value: Any) -> Any:
    if value is None:
        return None
    if hasattr(value, "item"):
        value = value.item()
    return None if isinstance(value, float) and value != value else value


def campaign_kpis(fetch: Fetch, params: dict[str, Any],
                  period: dt.date | None) -> CampaignKpis:
    """The headline figures for ``params`` (campaign_code, as_of, unit_codes) in ``period``."""
    rows = fetch("metrics/campaign_kpis", **params, period=period)
    return CampaignKpis.from_row(rows[0])


def headline(fetch: Fetch, params: dict[str, Any], period: dt.date | None, *,
             attention_limit: int = ATTENTION_LIMIT,
             ranking_limit: int = RANKING_LIMIT) -> Headline:
    """The figures, the units needing attention and the best units (none before a period)."""
    kpis = campaign_kpis(fetch, params, period)
    if period is None:
        return Headline(None, kpis, [], [])
    attention = fetch("metrics/attention_units", **params, period=period, limit=attention_limit)
    ranking = fetch("metrics/unit_ranking", **params, period=period, limit=ranking_limit)
    return Headline(period, kpis, [_plain_row(r) for r in attention],
                    [_plain_row(r) for r in ranking])


def _plain_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: _plain(v) for k, v in row.items()}

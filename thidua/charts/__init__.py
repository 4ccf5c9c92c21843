"""The dashboard's charts: pure functions from a query's DataFrame to a Plotly figure.

Every builder takes the rows of one query (``queries/marts`` or ``queries/metrics``) and a
language, and returns a ``plotly.graph_objects.Figure`` with one shared look (``apply_theme``:
the colours and fonts of :mod:`thidua.theme`, the numbers and dates of :mod:`thidua.formats`,
hover text in the user's language). An empty DataFrame gives a figure that says so instead of an
exception. Nothing here touches Streamlit; pages pass ``plotly_config(lang)`` (or
``PLOTLY_CONFIG``) to ``st.plotly_chart``.

The builders live by subject: :mod:`.participation`, :mod:`.criteria`, :mod:`.nominations`;
the shared look and parts in :mod:`.base`. This module gathers them, so callers write
``charts.participation_by_unit(...)``.
"""

from __future__ import annotations

from thidua.charts.base import (
    PLOTLY_CONFIG,
    apply_theme,
    completeness_colour,
    for_projector,
    no_data_figure,
    plotly_config,
    status_colour,
)
from thidua.charts.criteria import completeness_by_unit, criteria_heatmap, fulfilment_trend
from thidua.charts.nominations import (
    nomination_pipeline,
    nomination_status_weekly,
    nominations_award_status,
    stage_durations,
)
from thidua.charts.participation import (
    participation_breakdown,
    participation_by_unit,
    registrations_over_time,
)
from thidua.theme import PROJECTOR, STATUS_COLOURS, THEME

__all__ = [
    "PLOTLY_CONFIG",
    "PROJECTOR",
    "STATUS_COLOURS",
    "THEME",
    "apply_theme",
    "completeness_by_unit",
    "completeness_colour",
    "criteria_heatmap",
    "for_projector",
    "fulfilment_trend",
    "no_data_figure",
    "nomination_pipeline",
    "nomination_status_weekly",
    "nominations_award_status",
    "participation_breakdown",
    "participation_by_unit",
    "plotly_config",
    "registrations_over_time",
    "stage_durations",
    "status_colour",
]

"""Charts of the nomination files: the pipeline, its weekly history, award forms, stage times.

Statuses are always drawn in the reference pipeline order (``reference.STATUSES``) and in their
one fixed colour (``theme.STATUS_COLOURS``), so a stage looks the same on every chart; codes the
reference does not know follow in the order the query gives them.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from thidua import formats
from thidua.catalogue import t
from thidua.charts.base import (
    HOVER,
    apply_theme,
    as_int,
    codes_sorted,
    date_ticks,
    esc,
    is_empty,
    no_data_figure,
    optional_float,
    ordered,
    status_colour,
)
from thidua.contract import reference as ref
from thidua.theme import THEME

_WEEK_BAR_MS = 5 * 24 * 3600 * 1000  # a weekly bar five days wide, even when it is alone


def _status_order(df: pd.DataFrame, status_col: str = "status",
                  order_col: str = "sort_order") -> list[str]:
    """Status codes of ``df``: reference pipeline order, unknown ones after by their order."""
    known = [s.code for s in ref.STATUSES if s.code in set(df[status_col].astype(str))]
    others = codes_sorted(df[~df[status_col].astype(str).isin(known)], order_col, status_col)
    return known + ordered(str(s) for s in others[status_col])


def _nominations(value: int, lang: str) -> str:
    return t("chart_hover_nominations", lang, count=formats.count(value, lang))


def _stage_bars(labels: list[str], values: list, bar: dict, value_title: str, lang: str,
                horizontal: bool) -> go.Figure:
    """One bar per stage in pipeline order: columns, or bars across with the first stage on top
    (long stage names stay level)."""
    stage_axis = dict(type="category", categoryorder="array", categoryarray=labels,
                      title=dict(text=t("chart_axis_status", lang)))
    value_axis = dict(rangemode="tozero", title=dict(text=value_title))
    if horizontal:
        fig = go.Figure(go.Bar(y=labels, x=values, orientation="h", **bar))
        fig.update_yaxes(**stage_axis, autorange="reversed")
        fig.update_xaxes(**value_axis)
    else:
        fig = go.Figure(go.Bar(x=labels, y=values, **bar))
        fig.update_xaxes(**stage_axis)
        fig.update_yaxes(**value_axis)
    return fig


def nomination_pipeline(df: pd.DataFrame, lang: str = "vi",
                        horizontal: bool = False) -> go.Figure:
    """Nominations per status, every stage of the pipeline in order (zeros included).

    ``df``: status, label_vi, label_en, nominations, sort_order. ``horizontal`` lays the stages
    out top to bottom (long labels stay level: the presentation mode uses it).
    """
    if is_empty(df):
        return no_data_figure(lang)
    counts = df.groupby(df["status"].astype(str))["nominations"].sum()
    codes = [s.code for s in ref.STATUSES] + [c for c in _status_order(df)
                                              if c not in ref.STATUSES_BY_CODE]
    labels = [formats.status_label(c, lang) for c in codes]
    values = [as_int(counts.get(c, 0)) for c in codes]
    hovers = [f"<b>{esc(label)}</b><br>" + _nominations(v, lang)
              for label, v in zip(labels, values, strict=True)]
    bar = dict(marker_color=[status_colour(c) for c in codes],
               text=[formats.count(v, lang) for v in values], textposition="outside",
               cliponaxis=False, hovertext=hovers, hovertemplate=HOVER, showlegend=False)
    fig = _stage_bars(labels, values, bar, t("chart_axis_nominations", lang), lang, horizontal)
    return apply_theme(fig, lang, height=400)


def nomination_status_weekly(df: pd.DataFrame, window: tuple[dt.date, dt.date] | None = None,
                             lang: str = "vi") -> go.Figure:
    """Nominations by status at the end of each week (stacked), the campaign window shaded.

    ``df``: week_end, status, sort_order, nominations.
    """
    if is_empty(df):
        return no_data_figure(lang)
    rows = df.assign(_week=pd.to_datetime(df["week_end"]), status=df["status"].astype(str))
    weeks = sorted(rows["_week"].unique())
    fig = go.Figure()
    for code in _status_order(rows):
        part = rows[rows["status"] == code].groupby("_week")["nominations"].sum()
        label = formats.status_label(code, lang)
        values = [as_int(part.get(w, 0)) for w in weeks]
        hovers = [f"<b>{t('chart_hover_week', lang, date=formats.date(w, lang))}</b><br>"
                  f"{esc(label)}: " + _nominations(v, lang)
                  for w, v in zip(weeks, values, strict=True)]
        fig.add_trace(go.Bar(name=label, x=[pd.Timestamp(w).date() for w in weeks], y=values,
                             width=_WEEK_BAR_MS, marker_color=status_colour(code),
                             hovertext=hovers, hovertemplate=HOVER))
    fig.update_layout(barmode="stack", bargap=0.15, legend=dict(traceorder="normal"))
    fig.update_xaxes(type="date", tickformat=date_ticks("date", lang),
                     title=dict(text=t("chart_axis_week_end", lang)))
    fig.update_yaxes(rangemode="tozero", title=dict(text=t("chart_axis_nominations", lang)))
    if window is not None and not any(formats.is_missing(d) for d in window):
        start, end = (formats.as_date(d) for d in window)
        fig.add_vrect(x0=start, x1=end, fillcolor=THEME.window, opacity=0.18, line_width=0,
                      layer="below", annotation_text=t("chart_campaign_window", lang),
                      annotation_position="top left",
                      annotation_font=dict(size=THEME.font_size - 2, color=THEME.muted_text))
    return apply_theme(fig, lang, height=420)


def nominations_award_status(df: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Nominations per award form (rows, reference order), stacked by status.

    ``df``: award_code, award_order, status, status_order, nominations.
    """
    if is_empty(df):
        return no_data_figure(lang)
    rows = df.assign(award_code=df["award_code"].astype(str), status=df["status"].astype(str))
    known = [a.code for a in ref.AWARD_FORMS if a.code in set(rows["award_code"])]
    others = codes_sorted(rows[~rows["award_code"].isin(known)], "award_order", "award_code")
    awards = known + ordered(others["award_code"])
    labels = [formats.award_label(a, lang) for a in awards]
    fig = go.Figure()
    for code in _status_order(rows, order_col="status_order"):
        part = rows[rows["status"] == code].groupby("award_code")["nominations"].sum()
        label = formats.status_label(code, lang)
        values = [as_int(part.get(a, 0)) for a in awards]
        hovers = [f"<b>{esc(award)}</b><br>{esc(label)}: " + _nominations(v, lang)
                  for award, v in zip(labels, values, strict=True)]
        fig.add_trace(go.Bar(name=label, y=labels, x=values, orientation="h",
                             marker_color=status_colour(code), hovertext=hovers,
                             hovertemplate=HOVER))
    fig.update_layout(barmode="stack", bargap=0.3, legend=dict(traceorder="normal"))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=labels,
                     autorange="reversed")
    fig.update_xaxes(rangemode="tozero", title=dict(text=t("chart_axis_nominations", lang)))
    return apply_theme(fig, lang, height=max(340, 160 + 44 * len(labels)))


def stage_durations(df: pd.DataFrame, lang: str = "vi", horizontal: bool = False) -> go.Figure:
    """Median days spent in each (non-final) stage, in pipeline order.

    ``df``: status, sort_order, stays, ongoing, median_days, mean_days, max_days.
    ``horizontal``: the stages top to bottom, their names level (as the pipeline's).
    """
    if is_empty(df):
        return no_data_figure(lang)
    rows = df.assign(status=df["status"].astype(str))
    codes = _status_order(rows)
    by_code = rows.drop_duplicates("status").set_index("status")
    labels = [formats.status_label(c, lang) for c in codes]
    medians, hovers = [], []
    for code, label in zip(codes, labels, strict=True):
        row = by_code.loc[code]
        medians.append(optional_float(row["median_days"]))
        hovers.append(f"<b>{esc(label)}</b><br>" + t(
            "chart_hover_stage", lang, median=formats.number(row["median_days"], lang),
            mean=formats.number(row["mean_days"], lang),
            max=formats.number(row["max_days"], lang, decimals=0),
            stays=formats.count(as_int(row["stays"]), lang),
            ongoing=formats.count(as_int(row["ongoing"]), lang)))
    bar = dict(marker_color=[status_colour(c) for c in codes],
               text=["" if m is None else formats.number(m, lang) for m in medians],
               textposition="outside", cliponaxis=False, hovertext=hovers, hovertemplate=HOVER,
               showlegend=False)
    fig = _stage_bars(labels, medians, bar, t("chart_axis_median_days", lang), lang, horizontal)
    return apply_theme(fig, lang, height=380)

"""Charts of who took part: registration per unit, registrations over time, and by group.

Each builder takes the rows of one query (``marts/...`` or ``metrics/unit_metrics``) and the
language, and returns a themed Plotly figure; an empty frame gives the "no data yet" figure.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from thidua import formats
from thidua.catalogue import t
from thidua.charts.base import (
    HOVER,
    add_target_line,
    apply_theme,
    as_float,
    as_int,
    bar_height,
    date_ticks,
    esc,
    is_empty,
    no_data_figure,
    ordered,
    percent_ticks,
    unit_axis,
)
from thidua.contract import reference as ref
from thidua.theme import THEME

_GENDER_KEYS = {"Nam": "chart_gender_male", "Nữ": "chart_gender_female"}
_STAFF_TYPE_KEYS = {
    "Công chức": "chart_staff_type_cong_chuc",
    "Viên chức": "chart_staff_type_vien_chuc",
    "Người lao động": "chart_staff_type_nguoi_lao_dong",
}


def participation_by_unit(df: pd.DataFrame, target_pct: float | None = None,
                          lang: str = "vi") -> go.Figure:
    """Share of each unit's staff registered (stacked with the rest), highest on top.

    ``df``: unit_code, unit_name, staff_total, staff_registered, staff_participation_pct.
    """
    if is_empty(df):
        return no_data_figure(lang)
    # Plotly draws the first category at the bottom: lowest first, ties read A→Z from the top.
    rows = df.assign(_key=pd.to_numeric(df["staff_participation_pct"], errors="coerce"),
                     _code=df["unit_code"].astype(str))
    rows = rows.sort_values(["_key", "_code"], ascending=[True, False], na_position="first",
                            kind="stable")
    codes = [str(c) for c in rows["unit_code"]]
    names = [str(n) for n in rows["unit_name"]]
    registered, rest, texts, hovers = [], [], [], []
    for row in rows.itertuples(index=False):
        total = as_int(row.staff_total)
        pct = as_float(row.staff_participation_pct)
        registered.append(pct if total else 0.0)
        rest.append(max(0.0, 100.0 - pct) if total else 0.0)
        texts.append(formats.pct(pct, lang) if total else "")
        detail = (t("chart_hover_registered", lang,
                    registered=formats.count(as_int(row.staff_registered), lang),
                    total=formats.count(total, lang), pct=formats.pct(pct, lang))
                  if total else t("chart_hover_no_staff", lang))
        hovers.append(f"<b>{esc(row.unit_name)}</b><br>{detail}")
    fig = go.Figure([
        go.Bar(name=t("chart_registered", lang), y=codes, x=registered, orientation="h",
               marker_color=THEME.primary, text=texts, textposition="inside",
               insidetextanchor="end", hovertext=hovers, hovertemplate=HOVER),
        go.Bar(name=t("chart_not_registered", lang), y=codes, x=rest, orientation="h",
               marker_color=THEME.muted, hovertext=hovers, hovertemplate=HOVER),
    ])
    fig.update_layout(barmode="stack", bargap=0.25)
    unit_axis(fig, codes, names, reverse=False)
    fig.update_xaxes(range=[0, 100], ticksuffix="%",
                     title=dict(text=t("chart_axis_participation_pct", lang)))
    add_target_line(fig, target_pct, lang, vertical=True)
    return apply_theme(fig, lang, height=bar_height(len(codes)))


def registrations_over_time(df: pd.DataFrame, target_pct: float | None = None,
                            lang: str = "vi") -> go.Figure:
    """Cumulative share registered, day by day, for staff and for units, with the target.

    ``df``: day, subject_type ('tap_the'/'ca_nhan'), registered_that_day, registered_total,
    subjects_total.
    """
    if is_empty(df):
        return no_data_figure(lang)
    fig = go.Figure()
    series = (("ca_nhan", "chart_series_staff", THEME.primary),
              ("tap_the", "chart_series_units", THEME.palette[1]))
    for subject_type, key, colour in series:
        rows = df[df["subject_type"] == subject_type].copy()
        if rows.empty:
            continue
        rows["day_ts"] = pd.to_datetime(rows["day"])
        rows = rows.sort_values("day_ts", kind="stable")
        name = t(key, lang)
        ys, hovers = [], []
        for row in rows.itertuples(index=False):
            total, done = as_int(row.subjects_total), as_int(row.registered_total)
            pct = formats.ratio_pct(done, total)
            ys.append(pct)
            hovers.append(
                f"<b>{formats.date(row.day_ts, lang)}</b><br>"
                + t("chart_hover_cumulative", lang, series=name,
                    registered=formats.count(done, lang), total=formats.count(total, lang),
                    pct=formats.pct(pct, lang))
                + "<br>" + t("chart_hover_that_day", lang,
                             count=formats.count(as_int(row.registered_that_day), lang)))
        fig.add_trace(go.Scatter(
            name=name, x=[d.date() for d in rows["day_ts"]], y=ys, mode="lines",
            line=dict(color=colour, width=3), hovertext=hovers, hovertemplate=HOVER,
            cliponaxis=False))
    fig.update_xaxes(type="date", tickformat=date_ticks("date", lang))
    fig.update_yaxes(range=[0, 100], ticksuffix="%",
                     title=dict(text=t("chart_axis_cumulative_pct", lang)))
    fig.update_layout(hovermode="closest")
    add_target_line(fig, target_pct, lang, vertical=False)
    return apply_theme(fig, lang, height=380)


def _translated(value: Any, keys: Mapping[str, str], lang: str) -> str:
    if formats.is_missing(value) or str(value).strip() == "":
        return t("chart_unknown", lang)
    key = keys.get(str(value))
    return t(key, lang) if key else str(value)


def _groups(values: pd.Series, keys: Mapping[str, str], reference: tuple[str, ...],
            lang: str) -> tuple[list[str], list[str]]:
    """(translated value per row, distinct ones: reference order, others, "unknown" last)."""
    unknown = t("chart_unknown", lang)
    labels = [_translated(v, keys, lang) for v in values]
    distinct = ordered(labels, [_translated(v, keys, lang) for v in reference])
    return labels, [x for x in distinct if x != unknown] + [x for x in distinct if x == unknown]


def participation_breakdown(df: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Participation by staff type (groups) and gender (colours).

    ``df``: gender, staff_type, staff_total, staff_registered, staff_participation_pct; either
    of gender and staff_type may be missing (shown as "unknown").
    """
    if is_empty(df):
        return no_data_figure(lang)
    rows = df.copy()
    rows["_type"], types = _groups(rows["staff_type"], _STAFF_TYPE_KEYS, ref.STAFF_TYPES, lang)
    rows["_gender"], genders = _groups(rows["gender"], _GENDER_KEYS, ref.GENDERS, lang)
    colours = {_translated(g, _GENDER_KEYS, lang): c for g, c in THEME.gender_colours.items()}
    fig = go.Figure()
    for label in genders:
        groups = rows[rows["_gender"] == label].groupby("_type")
        part = groups[["staff_total", "staff_registered"]].sum()
        part["rows"] = groups.size()
        part["pct"] = groups["staff_participation_pct"].first()
        present = [x for x in types if x in part.index]
        ys, hovers = [], []
        for staff_type in present:
            row = part.loc[staff_type]
            total, registered = as_int(row["staff_total"]), as_int(row["staff_registered"])
            # Two "unknown" rows (blank and missing) fold into one bar: recount their share.
            pct = (as_float(row["pct"]) if row["rows"] == 1 or not total
                   else formats.ratio_pct(registered, total))
            ys.append(pct)
            hovers.append(f"<b>{esc(label)} · {esc(staff_type)}</b><br>" + t(
                "chart_hover_registered", lang, registered=formats.count(registered, lang),
                total=formats.count(total, lang), pct=formats.pct(pct, lang)))
        colour = colours.get(label, THEME.muted if label == t("chart_unknown", lang) else None)
        fig.add_trace(go.Bar(name=label, x=present, y=ys,
                             text=[formats.pct(y, lang) for y in ys], textposition="outside",
                             cliponaxis=False, marker_color=colour, hovertext=hovers,
                             hovertemplate=HOVER))
    fig.update_layout(barmode="group", bargap=0.3, bargroupgap=0.05)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=types,
                     title=dict(text=t("chart_axis_staff_type", lang)))
    # Headroom above 100% for the bar labels, so the legend never covers them.
    fig.update_yaxes(**percent_ticks(112, 20),
                     title=dict(text=t("chart_axis_participation_pct", lang)))
    return apply_theme(fig, lang, height=380)

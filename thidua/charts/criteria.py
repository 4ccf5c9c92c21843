"""Charts of the evaluations: fulfilment per unit and criterion, its trend, and completeness.

Each builder takes the rows of one query and the language and returns a themed Plotly figure;
an empty frame gives the "no data yet" figure. A criterion never evaluated is drawn grey and
says "not evaluated yet", never 0 %.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from thidua import formats
from thidua.catalogue import t
from thidua.charts.base import (
    HOVER,
    apply_theme,
    as_int,
    bar_height,
    codes_sorted,
    completeness_colour,
    date_ticks,
    esc,
    is_empty,
    no_data_figure,
    optional_float,
    ordered,
    percent_ticks,
    unit_axis,
    wrap,
)
from thidua.theme import THEME


@dataclass
class _Grid:
    """The heatmap's matrices, a row per unit and a column per criterion."""

    z: list[list[float | None]] = field(default_factory=list)
    gaps: list[list[int | None]] = field(default_factory=list)  # 1 where nothing is evaluated
    texts: list[list[str]] = field(default_factory=list)
    hovers: list[list[str]] = field(default_factory=list)


def _heatmap_grid(df: pd.DataFrame, units: list[str], criteria: list[str], lang: str) -> _Grid:
    unit_names = dict(zip(df["unit_code"].astype(str), df["unit_name"], strict=False))
    crit_names = dict(zip(df["criterion_code"].astype(str), df["criterion_name"], strict=False))
    cells = {(str(r.unit_code), str(r.criterion_code)): r for r in df.itertuples(index=False)}
    grid = _Grid()
    for unit in units:
        z_row, gap_row, text_row, hover_row = [], [], [], []
        for crit in criteria:
            cell = cells.get((unit, crit))
            pct = None if cell is None else optional_float(cell.fulfilment_pct)
            head = (f"<b>{esc(unit_names[unit])}</b><br><b>{esc(crit)}</b>: "
                    f"{wrap(crit_names[crit])}<br>")
            if pct is None:
                detail = t("chart_not_evaluated", lang)
            else:
                detail = t("chart_hover_met", lang, met=formats.count(as_int(cell.met), lang),
                           evaluated=formats.count(as_int(cell.evaluated), lang),
                           pct=formats.pct(pct, lang))
            z_row.append(pct)
            gap_row.append(None if pct is not None else 1)
            text_row.append("" if pct is None else formats.number(pct, lang))
            hover_row.append(head + detail)
        grid.z.append(z_row)
        grid.gaps.append(gap_row)
        grid.texts.append(text_row)
        grid.hovers.append(hover_row)
    return grid


MISSING_Z = -20.0  # an unevaluated cell's value on the heatmap: below 0 %, painted grey
PCT_TICKS = (0, 20, 40, 60, 80, 100)


def _scale(gaps: bool) -> list[list]:
    """The fulfilment colour scale, with a grey foot below 0 % when some cells are missing."""
    stops = [[at, colour] for at, colour in THEME.fulfilment_scale]
    if not gaps:
        return stops
    zero = -MISSING_Z / (100 - MISSING_Z)  # where 0 % falls on a scale from MISSING_Z
    return [[0.0, THEME.missing], [zero * 0.999, THEME.missing],
            *([zero + at * (1 - zero), colour] for at, colour in stops)]


SHORT_NAME = 30  # characters of a criterion's wording on the heatmap's axis
TICK_WRAP = 12  # level under a column of a 1400 px screen's heatmap of five criteria
WORDED_UP_TO = 6  # criteria; with more, the axis names them by code (the wording: hover, list)


def criterion_tick(code: str, name: object) -> str:
    """"<b>TT1</b>" over the first ~30 characters of the wording, wrapped, cut at a word."""
    text = "" if formats.is_missing(name) else " ".join(str(name).split())
    if len(text) > SHORT_NAME:
        cut = text[:SHORT_NAME + 1].rsplit(" ", 1)[0] or text[:SHORT_NAME]
        text = cut.rstrip(" ,.;:") + "…"
    return f"<b>{esc(code)}</b>" + (f"<br>{wrap(text, TICK_WRAP)}" if text else "")


def criteria_heatmap(df: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Fulfilment per unit (rows) and criterion (columns), 0–100 from red to green.

    ``df``: unit_code, unit_name, criterion_code, criterion_name, met, evaluated,
    fulfilment_pct (missing where nothing is evaluated: drawn grey, "not evaluated yet").
    The hover shows the criterion's full wording. Rows and columns keep the order of ``df``.
    """
    if is_empty(df):
        return no_data_figure(lang)
    units = ordered(str(c) for c in df["unit_code"])
    criteria = ordered(str(c) for c in df["criterion_code"])
    grid = _heatmap_grid(df, units, criteria, lang)
    gaps = any(v is not None for row in grid.gaps for v in row)
    # An unevaluated cell is grey in the same trace, by a value below the scale (MISSING_Z)
    # that the colour scale paints grey: a second heatmap trace for the grey cells cost every
    # viewer's browser a second image of the whole plot (Plotly draws a heatmap as one).
    z = [[MISSING_Z if v is None else v for v in row] for row in grid.z] if gaps else grid.z
    bar = dict(ticksuffix="%", thickness=14, len=0.9,
               # Along the bar: on top of it the "100%" of its top end (half above the bar)
               # touched the title.
               title=dict(text=t("chart_axis_fulfilment_pct", lang), side="right"))
    if gaps:  # the grey foot of the bar is "—", as a missing value is written in the tables
        bar |= dict(tickmode="array", tickvals=[MISSING_Z / 2, *PCT_TICKS],
                    ticktext=[formats.MISSING, *(f"{v}%" for v in PCT_TICKS)], ticksuffix="")
    fig = go.Figure(go.Heatmap(
        z=z, x=criteria, y=units, zmin=MISSING_Z if gaps else 0, zmax=100,
        colorscale=_scale(gaps),
        text=grid.texts, texttemplate="%{text}", textfont=dict(color=THEME.font_colour),
        hovertext=grid.hovers, hoverinfo="text", hoverongaps=False, xgap=2, ygap=2,
        colorbar=bar))
    unit_names = dict(zip(df["unit_code"].astype(str), df["unit_name"], strict=False))
    unit_axis(fig, units, [str(unit_names[u]) for u in units], reverse=True)
    crit_names = dict(zip(df["criterion_code"].astype(str), df["criterion_name"], strict=False))
    worded = len(criteria) <= WORDED_UP_TO
    # Level, never turned on end (Plotly turns labels wider than a column, unreadable on a
    # projector): short lines under few criteria, the codes alone under many.
    fig.update_xaxes(type="category", side="top", title=dict(text=t("chart_axis_criterion", lang)),
                     showgrid=False, tickmode="array", tickvals=criteria, tickangle=0,
                     ticktext=[criterion_tick(c, crit_names[c] if worded else None)
                               for c in criteria])
    fig.update_yaxes(showgrid=False)
    return apply_theme(fig, lang, height=max(340, 190 + 40 * len(units)))


def fulfilment_trend(df: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Collective and individual fulfilment per evaluation month.

    ``df``: period (first of month), collective_fulfilment_pct, individual_fulfilment_pct.
    """
    if is_empty(df):
        return no_data_figure(lang)
    rows = df.assign(_period=pd.to_datetime(df["period"])).sort_values("_period", kind="stable")
    months = [p.date() for p in rows["_period"]]
    fig = go.Figure()
    series = (("collective_fulfilment_pct", "chart_series_collective", THEME.palette[1]),
              ("individual_fulfilment_pct", "chart_series_individual", THEME.primary))
    for column, key, colour in series:
        name = t(key, lang)
        ys = [optional_float(v) for v in rows[column]]
        hovers = [f"<b>{t('chart_hover_month', lang, month=formats.month(m, lang))}"
                  f"</b><br>{esc(name)}: "
                  + (t("chart_not_evaluated", lang) if y is None else formats.pct(y, lang))
                  for m, y in zip(months, ys, strict=True)]
        fig.add_trace(go.Scatter(name=name, x=months, y=ys, mode="lines+markers",
                                 line=dict(color=colour, width=3), marker=dict(size=9),
                                 hovertext=hovers, hovertemplate=HOVER, cliponaxis=False))
    fig.update_xaxes(type="date", tickformat=date_ticks("month", lang), dtick="M1",
                     title=dict(text=t("chart_axis_month", lang)))
    fig.update_yaxes(range=[0, 100], ticksuffix="%",
                     title=dict(text=t("chart_axis_fulfilment_pct", lang)))
    return apply_theme(fig, lang, height=360)


def completeness_by_unit(df: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Share of expected evaluation results entered per unit, lowest on top, by threshold colour.

    ``df``: unit_code, unit_name, completeness_pct, results_evaluated, results_expected.
    """
    if is_empty(df):
        return no_data_figure(lang)
    rows = codes_sorted(df, "completeness_pct", "unit_code")
    codes = [str(c) for c in rows["unit_code"]]
    names = [str(n) for n in rows["unit_name"]]
    xs, colours, texts, hovers = [], [], [], []
    for row in rows.itertuples(index=False):
        pct = optional_float(row.completeness_pct)
        xs.append(0.0 if pct is None else pct)
        colours.append(completeness_colour(pct))
        texts.append("" if pct is None else formats.pct(pct, lang))
        expected = as_int(row.results_expected)
        detail = (t("chart_hover_completeness", lang,
                    evaluated=formats.count(as_int(row.results_evaluated), lang),
                    expected=formats.count(expected, lang), pct=formats.pct(pct, lang))
                  if expected else t("chart_hover_nothing_expected", lang))
        hovers.append(f"<b>{esc(row.unit_name)}</b><br>{detail}")
    fig = go.Figure(go.Bar(y=codes, x=xs, orientation="h", marker_color=colours, text=texts,
                           textposition="outside", cliponaxis=False, hovertext=hovers,
                           hovertemplate=HOVER, showlegend=False))
    unit_axis(fig, codes, names, reverse=True)
    # Room right of 100 for the "100%" labels; ticks stop at 100.
    fig.update_xaxes(**percent_ticks(116, 25),
                     title=dict(text=t("chart_axis_completeness_pct", lang)))
    return apply_theme(fig, lang, height=bar_height(len(codes)))

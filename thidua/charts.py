"""The dashboard's charts: pure functions from a query's DataFrame to a Plotly figure.

Every builder takes the rows of one query (``queries/pages`` or ``queries/metrics``) and a
language, and returns a ``plotly.graph_objects.Figure`` with one shared look (``THEME``, applied
by ``apply_theme``): a calm palette, one fixed colour per nomination status, a font with
Vietnamese glyphs, Vietnamese number and date formats, hover text in the user's language. An
empty DataFrame gives a figure that says so instead of an exception. Nothing here touches
Streamlit; pages pass ``plotly_config(lang)`` (or ``PLOTLY_CONFIG``) to ``st.plotly_chart``.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from thidua.catalogue import t
from thidua.contract import reference as ref


@dataclass(frozen=True)
class Theme:
    """The one look of every chart."""

    font_family: str = "Inter, 'Segoe UI', 'Noto Sans', Arial, sans-serif"
    font_size: int = 15
    font_colour: str = "#1F2933"
    palette: tuple[str, ...] = (
        "#3B6E9E", "#5FA8A0", "#8C7AA9", "#C9A66B", "#6F8FAF", "#A3B18A", "#B07C7C",
    )
    primary: str = "#3B6E9E"
    muted: str = "#D5DBE1"
    grid: str = "#E5E8EB"
    met: str = "#3A8E5C"
    warn: str = "#E0A526"
    not_met: str = "#C8553D"
    missing: str = "#DADDE1"
    target: str = "#1F2933"
    window: str = "#9FB8D0"
    # Lighter red → amber → green for cells that carry dark text.
    fulfilment_scale: tuple[tuple[float, str], ...] = (
        (0.0, "#E8836F"), (0.5, "#F2C14E"), (1.0, "#74C08D"),
    )
    # One colour per nomination status, in pipeline order (reference.STATUSES).
    status_colours: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({
        "de_xuat": "#C5CED6",
        "hoi_dong": "#93A8BC",
        "da_trinh": "#5B8DB8",
        "trinh_tw": "#2F5F8A",
        "tra_lai": "#E0A526",
        "da_khen_thuong": "#3A8E5C",
        "khong_khen_thuong": "#C8553D",
    }))
    gender_colours: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({
        "Nam": "#3B6E9E",
        "Nữ": "#C9A66B",
    }))


THEME = Theme()
STATUS_COLOURS: Mapping[str, str] = THEME.status_colours

# Plotly `separators`: the decimal mark, then the thousands mark.
SEPARATORS = {"vi": ",.", "en": ".,"}
DATE_FORMAT = {"vi": "%d/%m/%Y", "en": "%d %b %Y"}
MONTH_FORMAT = {"vi": "%m/%Y", "en": "%b %Y"}

PLOTLY_CONFIG: dict[str, Any] = {
    "displaylogo": False,
    "locale": "vi",
    # Plotly.js 4 shows a "Share chart" (upload to Plotly Cloud) button unless told not to.
    "showSendToCloud": False,
    "displayModeBar": "hover",
    "modeBarButtonsToRemove": [
        "select2d", "lasso2d", "autoScale2d", "toggleSpikelines",
        "hoverClosestCartesian", "hoverCompareCartesian", "sendChartToCloud",
    ],
    "scrollZoom": False,
    "responsive": True,
    "toImageButtonOptions": {"format": "png", "filename": "thidua", "scale": 2},
}

_GENDER_KEYS = {"Nam": "chart_gender_male", "Nữ": "chart_gender_female"}
_STAFF_TYPE_KEYS = {
    "Công chức": "chart_staff_type_cong_chuc",
    "Viên chức": "chart_staff_type_vien_chuc",
    "Người lao động": "chart_staff_type_nguoi_lao_dong",
}
_STATUS_BY_CODE = {s.code: s for s in ref.STATUSES}
_AWARD_BY_CODE = {a.code: a for a in ref.AWARD_FORMS}
_HOVER = "%{hovertext}<extra></extra>"
_WRAP = 60
_WEEK_BAR_MS = 5 * 24 * 3600 * 1000  # a weekly bar five days wide, even when it is alone


def plotly_config(lang: str = "vi") -> dict[str, Any]:
    """``PLOTLY_CONFIG`` with the Plotly locale of ``lang``."""
    return {**PLOTLY_CONFIG, "locale": "en" if lang == "en" else "vi"}


# ---------------------------------------------------------------------------------------------
# Formatting helpers (Python side, for texts and hovers; axes use the layout's separators).


def is_missing(value: Any) -> bool:
    """None, NA, NaT or NaN: a value to show as a dash or leave out."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


_missing = is_missing


def format_number(value: Any, lang: str = "vi", decimals: int = 1) -> str:
    """``value`` with the language's separators; whole numbers without decimals; '' if missing."""
    if _missing(value):
        return ""
    if not math.isfinite(float(value)):
        return str(float(value))
    # Half up, as people round (5,25 → 5,3), not the float's half-to-even.
    number = Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    number = abs(number) if number == 0 else number  # no "-0"
    places = 0 if number == number.to_integral_value() else decimals
    text = f"{number:,.{places}f}"
    if lang == "en":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_date(value: Any, lang: str = "vi", month: bool = False) -> str:
    """A date as shown on the charts: dd/mm/yyyy (vi), or mm/yyyy when ``month``."""
    if _missing(value):
        return ""
    stamp = pd.Timestamp(value)
    return stamp.strftime((MONTH_FORMAT if month else DATE_FORMAT)["en" if lang == "en" else "vi"])


def status_label(code: str, lang: str = "vi") -> str:
    """The reference label of a nomination status (the code itself if unknown)."""
    status = _STATUS_BY_CODE.get(code)
    if status is None:
        return str(code)
    return status.label_en if lang == "en" else status.label_vi


def award_label(code: str, lang: str = "vi") -> str:
    """The reference label of an award form (the code itself if unknown)."""
    award = _AWARD_BY_CODE.get(code)
    if award is None:
        return str(code)
    return award.label_en if lang == "en" else award.label_vi


def status_colour(code: str) -> str:
    """The fixed colour of a nomination status (neutral grey if unknown)."""
    return STATUS_COLOURS.get(code, THEME.missing)


def completeness_colour(pct: Any) -> str:
    """Red below 50 %, amber below 90 %, green from 90 %; grey when there is nothing to count."""
    if _missing(pct):
        return THEME.missing
    if float(pct) < 50:
        return THEME.not_met
    if float(pct) < 90:
        return THEME.warn
    return THEME.met


def _esc(text: Any) -> str:
    return html.escape(str(text), quote=False)


def _wrap(text: Any, width: int = _WRAP) -> str:
    """Escaped text broken with <br> about every ``width`` characters (at spaces)."""
    lines = textwrap.wrap(str(text), width=width, break_long_words=False,
                          break_on_hyphens=False) or [""]
    return "<br>".join(_esc(line) for line in lines)


def _ordered(values: Iterable[Any], preferred: Iterable[Any] = ()) -> list[Any]:
    """Distinct values: those of ``preferred`` first in that order, others as they come."""
    seen = list(dict.fromkeys(values))
    first = [v for v in preferred if v in seen]
    return first + [v for v in seen if v not in first]


def _num(value: Any, default: float = 0.0) -> float:
    return default if _missing(value) else float(value)


def _int(value: Any) -> int:
    return 0 if _missing(value) else int(value)


def _codes_sorted(df: pd.DataFrame, by: str, code_col: str) -> pd.DataFrame:
    """Rows in ascending ``by`` order (missing last), ties by code."""
    keyed = df.assign(_key=pd.to_numeric(df[by], errors="coerce"), _code=df[code_col].astype(str))
    return keyed.sort_values(["_key", "_code"], na_position="last", kind="stable")


# ---------------------------------------------------------------------------------------------
# Theme.


def apply_theme(fig: go.Figure, lang: str = "vi", height: int | None = None) -> go.Figure:
    """Give ``fig`` the shared look and the number format of ``lang``; returns ``fig``."""
    font = dict(family=THEME.font_family, size=THEME.font_size, color=THEME.font_colour)
    fig.update_layout(
        template="plotly_white",
        font=font,
        separators=SEPARATORS["en" if lang == "en" else "vi"],
        colorway=list(THEME.palette),
        paper_bgcolor="white",
        plot_bgcolor="white",
        hoverlabel=dict(font=dict(family=THEME.font_family, size=THEME.font_size - 1),
                        bgcolor="white", bordercolor="#AAB4BE", align="left"),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0,
                    title=dict(text=""), font=dict(size=THEME.font_size - 1)),
        margin=dict(l=10, r=20, t=50, b=10),
        title=dict(font=dict(size=THEME.font_size + 3)),
    )
    if height is not None:
        fig.update_layout(height=height)
    axes = dict(automargin=True, gridcolor=THEME.grid, zerolinecolor=THEME.grid,
                linecolor="#AAB4BE", title=dict(font=dict(size=THEME.font_size - 1)))
    fig.update_xaxes(**axes)
    fig.update_yaxes(**axes)
    return fig


PROJECTOR = dict(background="#0B1726", text="#FFFFFF", grid="#34465A", font_size=24)


def for_projector(fig: go.Figure, height: int = 480) -> go.Figure:
    """The presentation-mode look: white on near-black, large type, room-legible; returns fig.

    480 px high so that title, strip and controls still fit a 1280×720 projector.
    """
    size = PROJECTOR["font_size"]
    fig.update_layout(
        height=height, paper_bgcolor=PROJECTOR["background"],
        plot_bgcolor=PROJECTOR["background"],
        font=dict(family=THEME.font_family, size=size, color=PROJECTOR["text"]),
        legend=dict(font=dict(size=size - 2, color=PROJECTOR["text"])),
        hoverlabel=dict(font=dict(size=size - 4)),
        margin=dict(l=10, r=30, t=60, b=10),
    )
    axes = dict(gridcolor=PROJECTOR["grid"], zerolinecolor=PROJECTOR["grid"],
                linecolor=PROJECTOR["grid"], tickfont=dict(size=size - 2, color=PROJECTOR["text"]),
                title=dict(font=dict(size=size - 2, color=PROJECTOR["text"])))
    fig.update_xaxes(**axes)
    fig.update_yaxes(**axes)
    for kind in ("bar", "heatmap"):
        fig.update_traces(textfont=dict(size=size - 2), selector=dict(type=kind))
    fig.update_annotations(font=dict(size=size - 4, color=PROJECTOR["text"]))
    return fig


def no_data_figure(lang: str = "vi", height: int | None = 300) -> go.Figure:
    """A blank figure with a centred "no data yet" note."""
    fig = go.Figure()
    fig.add_annotation(text=t("chart_no_data", lang), x=0.5, y=0.5, xref="paper", yref="paper",
                       showarrow=False, font=dict(size=THEME.font_size + 3, color="#6B7785"))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return apply_theme(fig, lang, height=height)


def _empty(df: pd.DataFrame | None) -> bool:
    return df is None or df.empty


def _bar_height(rows: int) -> int:
    return max(300, 110 + 34 * rows)


def _add_target_vline(fig: go.Figure, target_pct: float, lang: str) -> None:
    fig.add_vline(x=float(target_pct), line=dict(color=THEME.target, width=2, dash="dash"),
                  annotation_text=t("chart_target", lang, pct=format_number(target_pct, lang)),
                  annotation_position="bottom left", annotation_font_size=THEME.font_size - 1)


def _add_target_hline(fig: go.Figure, target_pct: float, lang: str) -> None:
    fig.add_hline(y=float(target_pct), line=dict(color=THEME.target, width=2, dash="dash"),
                  annotation_text=t("chart_target", lang, pct=format_number(target_pct, lang)),
                  annotation_position="bottom right", annotation_font_size=THEME.font_size - 1)


def _unit_axis(fig: go.Figure, codes: list[str], names: list[str], reverse: bool) -> None:
    """Units on the y axis by code (names may repeat), labelled by name."""
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=codes,
                     tickmode="array", tickvals=codes, ticktext=[_esc(n) for n in names],
                     autorange="reversed" if reverse else True)


# ---------------------------------------------------------------------------------------------
# Participation.


def participation_by_unit(df: pd.DataFrame, target_pct: float | None = None,
                          lang: str = "vi") -> go.Figure:
    """Share of each unit's staff registered (stacked with the rest), highest on top.

    ``df``: unit_code, unit_name, staff_total, staff_registered, staff_participation_pct.
    """
    if _empty(df):
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
        total = _int(row.staff_total)
        pct = _num(row.staff_participation_pct)
        registered.append(pct if total else 0.0)
        rest.append(max(0.0, 100.0 - pct) if total else 0.0)
        texts.append(f"{format_number(pct, lang)}%" if total else "")
        detail = (t("chart_hover_registered", lang, registered=_int(row.staff_registered),
                    total=total, pct=format_number(pct, lang))
                  if total else t("chart_hover_no_staff", lang))
        hovers.append(f"<b>{_esc(row.unit_name)}</b><br>{detail}")
    fig = go.Figure([
        go.Bar(name=t("chart_registered", lang), y=codes, x=registered, orientation="h",
               marker_color=THEME.primary, text=texts, textposition="inside",
               insidetextanchor="end", hovertext=hovers, hovertemplate=_HOVER),
        go.Bar(name=t("chart_not_registered", lang), y=codes, x=rest, orientation="h",
               marker_color=THEME.muted, hovertext=hovers, hovertemplate=_HOVER),
    ])
    fig.update_layout(barmode="stack", bargap=0.25)
    _unit_axis(fig, codes, names, reverse=False)
    fig.update_xaxes(range=[0, 100], ticksuffix="%",
                     title=dict(text=t("chart_axis_participation_pct", lang)))
    if target_pct is not None and not _missing(target_pct):
        _add_target_vline(fig, float(target_pct), lang)
    return apply_theme(fig, lang, height=_bar_height(len(codes)))


def registrations_over_time(df: pd.DataFrame, target_pct: float | None = None,
                            lang: str = "vi") -> go.Figure:
    """Cumulative share registered, day by day, for staff and for units, with the target.

    ``df``: day, subject_type ('tap_the'/'ca_nhan'), registered_that_day, registered_total,
    subjects_total.
    """
    if _empty(df):
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
            total = _int(row.subjects_total)
            done = _int(row.registered_total)
            pct = 100.0 * done / total if total else None
            ys.append(None if pct is None else round(pct, 1))
            hovers.append(
                f"<b>{format_date(row.day_ts, lang)}</b><br>"
                + t("chart_hover_cumulative", lang, series=name, registered=done, total=total,
                    pct=format_number(pct, lang))
                + "<br>" + t("chart_hover_that_day", lang, count=_int(row.registered_that_day)))
        fig.add_trace(go.Scatter(
            name=name, x=[d.date() for d in rows["day_ts"]], y=ys, mode="lines",
            line=dict(color=colour, width=3), hovertext=hovers, hovertemplate=_HOVER,
            cliponaxis=False))
    fig.update_xaxes(type="date", tickformat=DATE_FORMAT["en" if lang == "en" else "vi"])
    fig.update_yaxes(range=[0, 100], ticksuffix="%",
                     title=dict(text=t("chart_axis_cumulative_pct", lang)))
    fig.update_layout(hovermode="closest")
    if target_pct is not None and not _missing(target_pct):
        _add_target_hline(fig, float(target_pct), lang)
    return apply_theme(fig, lang, height=380)


def _translated(value: Any, keys: Mapping[str, str], lang: str) -> str:
    if _missing(value) or str(value).strip() == "":
        return t("chart_unknown", lang)
    key = keys.get(str(value))
    return t(key, lang) if key else str(value)


def participation_breakdown(df: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Participation by staff type (groups) and gender (colours).

    ``df``: gender, staff_type, staff_total, staff_registered, staff_participation_pct; either
    of gender and staff_type may be missing (shown as "unknown").
    """
    if _empty(df):
        return no_data_figure(lang)
    rows = df.copy()
    unknown = t("chart_unknown", lang)
    rows["_type"] = [_translated(v, _STAFF_TYPE_KEYS, lang) for v in rows["staff_type"]]
    rows["_gender"] = [_translated(v, _GENDER_KEYS, lang) for v in rows["gender"]]
    types = _ordered(rows["_type"], [_translated(s, _STAFF_TYPE_KEYS, lang)
                                     for s in ref.STAFF_TYPES])
    types = [x for x in types if x != unknown] + [x for x in types if x == unknown]
    genders = _ordered(rows["_gender"], [_translated(g, _GENDER_KEYS, lang)
                                         for g in ref.GENDERS])
    genders = [x for x in genders if x != unknown] + [x for x in genders if x == unknown]
    colours = {_translated(g, _GENDER_KEYS, lang): c for g, c in THEME.gender_colours.items()}
    fig = go.Figure()
    for label in genders:
        groups = rows[rows["_gender"] == label].groupby("_type")
        part = groups[["staff_total", "staff_registered"]].sum()
        part["rows"] = groups.size()
        part["pct"] = groups["staff_participation_pct"].first()
        present = [x for x in types if x in part.index]
        ys, texts, hovers = [], [], []
        for staff_type in present:
            row = part.loc[staff_type]
            total = _int(row["staff_total"])
            # Two "unknown" rows (blank and missing) fold into one bar: recount their share.
            pct = (_num(row["pct"]) if row["rows"] == 1 or not total
                   else round(100.0 * _int(row["staff_registered"]) / total, 1))
            ys.append(pct)
            texts.append(f"{format_number(pct, lang)}%")
            hovers.append(f"<b>{_esc(label)} · {_esc(staff_type)}</b><br>" + t(
                "chart_hover_registered", lang, registered=_int(row["staff_registered"]),
                total=_int(row["staff_total"]), pct=format_number(pct, lang)))
        colour = colours.get(label, THEME.muted if label == unknown else None)
        fig.add_trace(go.Bar(name=label, x=present, y=ys, text=texts, textposition="outside",
                             cliponaxis=False, marker_color=colour, hovertext=hovers,
                             hovertemplate=_HOVER))
    fig.update_layout(barmode="group", bargap=0.3, bargroupgap=0.05)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=types,
                     title=dict(text=t("chart_axis_staff_type", lang)))
    # Headroom above 100% for the bar labels, so the legend never covers them.
    # tickvals put Plotly in array mode, where ticksuffix is not applied: label them ourselves.
    ticks = [0, 20, 40, 60, 80, 100]
    fig.update_yaxes(range=[0, 112], tickvals=ticks, ticktext=[f"{v}%" for v in ticks],
                     title=dict(text=t("chart_axis_participation_pct", lang)))
    return apply_theme(fig, lang, height=380)


# ---------------------------------------------------------------------------------------------
# Criteria and evaluations.


def criteria_heatmap(df: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Fulfilment per unit (rows) and criterion (columns), 0–100 from red to green.

    ``df``: unit_code, unit_name, criterion_code, criterion_name, met, evaluated,
    fulfilment_pct (missing where nothing is evaluated: drawn grey, "not evaluated yet").
    The hover shows the criterion's full wording. Rows and columns keep the order of ``df``.
    """
    if _empty(df):
        return no_data_figure(lang)
    units = _ordered(str(c) for c in df["unit_code"])
    criteria = _ordered(str(c) for c in df["criterion_code"])
    unit_names = dict(zip(df["unit_code"].astype(str), df["unit_name"], strict=False))
    crit_names = dict(zip(df["criterion_code"].astype(str), df["criterion_name"], strict=False))
    cells = {(str(r.unit_code), str(r.criterion_code)): r for r in df.itertuples(index=False)}
    z: list[list[float | None]] = []
    gaps: list[list[int | None]] = []
    texts: list[list[str]] = []
    hovers: list[list[str]] = []
    for unit in units:
        z_row, gap_row, text_row, hover_row = [], [], [], []
        for crit in criteria:
            cell = cells.get((unit, crit))
            pct = None if cell is None or _missing(cell.fulfilment_pct) else float(
                cell.fulfilment_pct)
            head = (f"<b>{_esc(unit_names[unit])}</b><br><b>{_esc(crit)}</b>: "
                    f"{_wrap(crit_names[crit])}<br>")
            if pct is None:
                detail = t("chart_not_evaluated", lang)
            else:
                detail = t("chart_hover_met", lang, met=_int(cell.met),
                           evaluated=_int(cell.evaluated), pct=format_number(pct, lang))
            z_row.append(pct)
            gap_row.append(None if pct is not None else 1)
            text_row.append("" if pct is None else format_number(pct, lang))
            hover_row.append(head + detail)
        z.append(z_row)
        gaps.append(gap_row)
        texts.append(text_row)
        hovers.append(hover_row)
    names = [str(unit_names[u]) for u in units]
    fig = go.Figure(go.Heatmap(
        z=z, x=criteria, y=units, zmin=0, zmax=100,
        colorscale=[list(stop) for stop in THEME.fulfilment_scale],
        text=texts, texttemplate="%{text}", textfont=dict(color=THEME.font_colour),
        hovertext=hovers, hoverinfo="text", hoverongaps=False, xgap=2, ygap=2,
        colorbar=dict(ticksuffix="%", thickness=14, len=0.9,
                      title=dict(text=t("chart_axis_fulfilment_pct", lang), side="top")),
    ))
    if any(v is not None for row in gaps for v in row):
        fig.add_trace(go.Heatmap(
            z=gaps, x=criteria, y=units, zmin=0, zmax=1, showscale=False,
            colorscale=[[0, THEME.missing], [1, THEME.missing]],
            hovertext=hovers, hoverinfo="text", hoverongaps=False, xgap=2, ygap=2,
            name=t("chart_not_evaluated", lang)))
    _unit_axis(fig, units, names, reverse=True)
    fig.update_xaxes(type="category", side="top", title=dict(text=t("chart_axis_criterion", lang)),
                     showgrid=False)
    fig.update_yaxes(showgrid=False)
    return apply_theme(fig, lang, height=max(300, 130 + 40 * len(units)))


def fulfilment_trend(df: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Collective and individual fulfilment per evaluation month.

    ``df``: period (first of month), collective_fulfilment_pct, individual_fulfilment_pct.
    """
    if _empty(df):
        return no_data_figure(lang)
    rows = df.assign(_period=pd.to_datetime(df["period"])).sort_values("_period", kind="stable")
    months = [p.date() for p in rows["_period"]]
    fig = go.Figure()
    series = (("collective_fulfilment_pct", "chart_series_collective", THEME.palette[1]),
              ("individual_fulfilment_pct", "chart_series_individual", THEME.primary))
    for column, key, colour in series:
        name = t(key, lang)
        ys = [None if _missing(v) else float(v) for v in rows[column]]
        hovers = [f"<b>{t('chart_hover_month', lang, month=format_date(m, lang, month=True))}"
                  f"</b><br>{_esc(name)}: "
                  + (t("chart_not_evaluated", lang) if y is None
                     else f"{format_number(y, lang)}%")
                  for m, y in zip(months, ys, strict=True)]
        fig.add_trace(go.Scatter(name=name, x=months, y=ys, mode="lines+markers",
                                 line=dict(color=colour, width=3), marker=dict(size=9),
                                 hovertext=hovers, hovertemplate=_HOVER, cliponaxis=False))
    fig.update_xaxes(type="date", tickformat=MONTH_FORMAT["en" if lang == "en" else "vi"],
                     dtick="M1", title=dict(text=t("chart_axis_month", lang)))
    fig.update_yaxes(range=[0, 100], ticksuffix="%",
                     title=dict(text=t("chart_axis_fulfilment_pct", lang)))
    return apply_theme(fig, lang, height=360)


def completeness_by_unit(df: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Share of expected evaluation results entered per unit, lowest on top, by threshold colour.

    ``df``: unit_code, unit_name, completeness_pct, results_evaluated, results_expected.
    """
    if _empty(df):
        return no_data_figure(lang)
    rows = _codes_sorted(df, "completeness_pct", "unit_code")
    codes = [str(c) for c in rows["unit_code"]]
    names = [str(n) for n in rows["unit_name"]]
    xs, colours, texts, hovers = [], [], [], []
    for row in rows.itertuples(index=False):
        pct = None if _missing(row.completeness_pct) else float(row.completeness_pct)
        xs.append(0.0 if pct is None else pct)
        colours.append(completeness_colour(pct))
        texts.append("" if pct is None else f"{format_number(pct, lang)}%")
        expected = _int(row.results_expected)
        detail = (t("chart_hover_completeness", lang, evaluated=_int(row.results_evaluated),
                    expected=expected, pct=format_number(pct, lang))
                  if expected else t("chart_hover_nothing_expected", lang))
        hovers.append(f"<b>{_esc(row.unit_name)}</b><br>{detail}")
    fig = go.Figure(go.Bar(y=codes, x=xs, orientation="h", marker_color=colours, text=texts,
                           textposition="outside", cliponaxis=False, hovertext=hovers,
                           hovertemplate=_HOVER, showlegend=False))
    _unit_axis(fig, codes, names, reverse=True)
    # Room right of 100 for the "100%" labels; ticks stop at 100.
    ticks = [0, 25, 50, 75, 100]
    fig.update_xaxes(range=[0, 116], tickvals=ticks, ticktext=[f"{v}%" for v in ticks],
                     title=dict(text=t("chart_axis_completeness_pct", lang)))
    return apply_theme(fig, lang, height=_bar_height(len(codes)))


# ---------------------------------------------------------------------------------------------
# Nominations.


def _status_order(df: pd.DataFrame, status_col: str = "status",
                  order_col: str = "sort_order") -> list[str]:
    """Status codes of ``df``: reference pipeline order, unknown ones after by their order."""
    known = [s.code for s in ref.STATUSES if s.code in set(df[status_col].astype(str))]
    others = _codes_sorted(df[~df[status_col].astype(str).isin(known)], order_col, status_col)
    return known + _ordered(str(s) for s in others[status_col])


def nomination_pipeline(df: pd.DataFrame, lang: str = "vi",
                        horizontal: bool = False) -> go.Figure:
    """Nominations per status, every stage of the pipeline in order (zeros included).

    ``df``: status, label_vi, label_en, nominations, sort_order. ``horizontal`` lays the stages
    out top to bottom (long labels stay level: the presentation mode uses it).
    """
    if _empty(df):
        return no_data_figure(lang)
    counts = df.groupby(df["status"].astype(str))["nominations"].sum()
    codes = [s.code for s in ref.STATUSES] + [c for c in _status_order(df)
                                              if c not in _STATUS_BY_CODE]
    labels = [status_label(c, lang) for c in codes]
    values = [_int(counts.get(c, 0)) for c in codes]
    hovers = [f"<b>{_esc(label)}</b><br>" + t("chart_hover_nominations", lang,
                                               count=format_number(v, lang))
              for label, v in zip(labels, values, strict=True)]
    bar = dict(marker_color=[status_colour(c) for c in codes],
               text=[format_number(v, lang) for v in values], textposition="outside",
               cliponaxis=False, hovertext=hovers, hovertemplate=_HOVER, showlegend=False)
    category_axis = dict(type="category", categoryorder="array", categoryarray=labels,
                         title=dict(text=t("chart_axis_status", lang)))
    count_axis = dict(rangemode="tozero", title=dict(text=t("chart_axis_nominations", lang)))
    if horizontal:
        fig = go.Figure(go.Bar(y=labels, x=values, orientation="h", **bar))
        fig.update_yaxes(**category_axis, autorange="reversed")
        fig.update_xaxes(**count_axis)
    else:
        fig = go.Figure(go.Bar(x=labels, y=values, **bar))
        fig.update_xaxes(**category_axis)
        fig.update_yaxes(**count_axis)
    return apply_theme(fig, lang, height=400)


def nomination_status_weekly(df: pd.DataFrame, window: tuple[dt.date, dt.date] | None = None,
                             lang: str = "vi") -> go.Figure:
    """Nominations by status at the end of each week (stacked), the campaign window shaded.

    ``df``: week_end, status, sort_order, nominations.
    """
    if _empty(df):
        return no_data_figure(lang)
    rows = df.assign(_week=pd.to_datetime(df["week_end"]), status=df["status"].astype(str))
    weeks = sorted(rows["_week"].unique())
    fig = go.Figure()
    for code in _status_order(rows):
        part = rows[rows["status"] == code].groupby("_week")["nominations"].sum()
        label = status_label(code, lang)
        values = [_int(part.get(w, 0)) for w in weeks]
        hovers = [f"<b>{t('chart_hover_week', lang, date=format_date(w, lang))}</b><br>"
                  f"{_esc(label)}: " + t("chart_hover_nominations", lang,
                                        count=format_number(v, lang))
                  for w, v in zip(weeks, values, strict=True)]
        fig.add_trace(go.Bar(name=label, x=[pd.Timestamp(w).date() for w in weeks], y=values,
                             width=_WEEK_BAR_MS, marker_color=status_colour(code),
                             hovertext=hovers, hovertemplate=_HOVER))
    fig.update_layout(barmode="stack", bargap=0.15, legend=dict(traceorder="normal"))
    fig.update_xaxes(type="date", tickformat=DATE_FORMAT["en" if lang == "en" else "vi"],
                     title=dict(text=t("chart_axis_week_end", lang)))
    fig.update_yaxes(rangemode="tozero", title=dict(text=t("chart_axis_nominations", lang)))
    if window is not None and not any(_missing(d) for d in window):
        start, end = (pd.Timestamp(d).date() for d in window)
        fig.add_vrect(x0=start, x1=end, fillcolor=THEME.window, opacity=0.18, line_width=0,
                      layer="below", annotation_text=t("chart_campaign_window", lang),
                      annotation_position="top left",
                      annotation_font=dict(size=THEME.font_size - 2, color="#4A5A6A"))
    return apply_theme(fig, lang, height=420)


def nominations_award_status(df: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Nominations per award form (rows, reference order), stacked by status.

    ``df``: award_code, award_order, status, status_order, nominations.
    """
    if _empty(df):
        return no_data_figure(lang)
    rows = df.assign(award_code=df["award_code"].astype(str), status=df["status"].astype(str))
    known = [a.code for a in ref.AWARD_FORMS if a.code in set(rows["award_code"])]
    others = _codes_sorted(rows[~rows["award_code"].isin(known)], "award_order", "award_code")
    awards = known + _ordered(others["award_code"])
    labels = [award_label(a, lang) for a in awards]
    fig = go.Figure()
    for code in _status_order(rows, order_col="status_order"):
        part = rows[rows["status"] == code].groupby("award_code")["nominations"].sum()
        label = status_label(code, lang)
        values = [_int(part.get(a, 0)) for a in awards]
        hovers = [f"<b>{_esc(award)}</b><br>{_esc(label)}: "
                  + t("chart_hover_nominations", lang, count=format_number(v, lang))
                  for award, v in zip(labels, values, strict=True)]
        fig.add_trace(go.Bar(name=label, y=labels, x=values, orientation="h",
                             marker_color=status_colour(code), hovertext=hovers,
                             hovertemplate=_HOVER))
    fig.update_layout(barmode="stack", bargap=0.3, legend=dict(traceorder="normal"))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=labels,
                     autorange="reversed")
    fig.update_xaxes(rangemode="tozero", title=dict(text=t("chart_axis_nominations", lang)))
    return apply_theme(fig, lang, height=max(340, 160 + 44 * len(labels)))


def stage_durations(df: pd.DataFrame, lang: str = "vi") -> go.Figure:
    """Median days spent in each (non-final) stage, in pipeline order.

    ``df``: status, sort_order, stays, ongoing, median_days, mean_days, max_days.
    """
    if _empty(df):
        return no_data_figure(lang)
    rows = df.assign(status=df["status"].astype(str))
    codes = _status_order(rows)
    by_code = rows.drop_duplicates("status").set_index("status")
    labels = [status_label(c, lang) for c in codes]
    medians, hovers = [], []
    for code, label in zip(codes, labels, strict=True):
        row = by_code.loc[code]
        medians.append(None if _missing(row["median_days"]) else float(row["median_days"]))
        hovers.append(f"<b>{_esc(label)}</b><br>" + t(
            "chart_hover_stage", lang, median=format_number(row["median_days"], lang),
            mean=format_number(row["mean_days"], lang),
            max=format_number(row["max_days"], lang, decimals=0),
            stays=_int(row["stays"]), ongoing=_int(row["ongoing"])))
    fig = go.Figure(go.Bar(x=labels, y=medians, marker_color=[status_colour(c) for c in codes],
                           text=[format_number(m, lang) for m in medians],
                           textposition="outside", cliponaxis=False, hovertext=hovers,
                           hovertemplate=_HOVER, showlegend=False))
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=labels,
                     title=dict(text=t("chart_axis_status", lang)))
    fig.update_yaxes(rangemode="tozero", title=dict(text=t("chart_axis_median_days", lang)))
    return apply_theme(fig, lang, height=380)

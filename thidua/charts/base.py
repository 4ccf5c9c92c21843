"""The shared look of every chart and the small parts the chart builders are made of.

One module so that every figure gets the same font, colours, separators and hover box
(``apply_theme``), the same meeting-room variant (``for_projector``) and the same "no data yet"
figure, and so that the builders of ``participation``, ``criteria`` and ``nominations`` share one
way of escaping data into hover text, ordering categories, laying out unit axes and drawing the
target line. Colours and fonts come from :mod:`thidua.theme`, every number and date a person
reads from :mod:`thidua.formats`; nothing here touches Streamlit.
"""

from __future__ import annotations

import functools
import html
import textwrap
from collections.abc import Iterable
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from thidua import formats
from thidua.catalogue import t
from thidua.charts.margins import PROJECTOR_MARGIN, TEMPLATE_MARGIN, fitted_margins
from thidua.theme import PROJECTOR, STATUS_COLOURS, THEME

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

HOVER = "%{hovertext}<extra></extra>"
WRAP = 60  # characters per line of a long hover text (a criterion's full wording)


# Plotly's English words (as its bundled plotly.js spells them) -> the catalogue's key. Plotly
# looks each up in ``config.locales[locale].dictionary``; it has no Vietnamese words of its own.
PLOTLY_WORDS: dict[str, str] = {
    "Download plot as a PNG": "chart_tool_png",
    "Download plot": "chart_tool_download",
    "Zoom": "chart_tool_zoom",
    "Pan": "chart_tool_pan",
    "Zoom in": "chart_tool_zoom_in",
    "Zoom out": "chart_tool_zoom_out",
    "Reset axes": "chart_tool_reset_axes",
    "Autoscale": "chart_tool_autoscale",
    "Reset": "chart_tool_reset",
    "Sorry, there was a problem downloading your image!": "chart_tool_snapshot_failed",
    "Double-click to zoom back out": "chart_tool_zoom_back",
    "Double-click on legend to isolate one trace": "chart_tool_isolate",
}


def plotly_config(lang: str = "vi") -> dict[str, Any]:
    """``PLOTLY_CONFIG`` in ``lang``: its Plotly locale, with the mode bar's words from the
    catalogue (a fresh dict each call: callers may add to it)."""
    code = "en" if lang == "en" else "vi"
    return {**PLOTLY_CONFIG, "locale": code, "locales": {code: {"dictionary": dict(_words(code))}}}


@functools.cache
def _words(lang: str) -> dict[str, str]:
    return {english: t(key, lang) for english, key in PLOTLY_WORDS.items()}


# --- the look ----------------------------------------------------------------------------------


TEMPLATE_NAME = "thidua"
# The trace types the builders draw; the template carries plotly_white's defaults for these only
# (``tests/test_charts.py`` fails on a builder that draws another type).
TRACE_TYPES = ("bar", "scatter", "heatmap")


def _build_template() -> go.layout.Template:
    """plotly_white with thidua's font, colours, hover box, legend and margins, built once.

    A template is the cheap way to give every figure the same look: the figure refers to it,
    where ``update_layout`` with ``template="plotly_white"`` and a dozen properties cost about
    20 ms a figure (a deep copy and validation of the whole template, then of each property).
    """
    white = pio.templates["plotly_white"]
    template = go.layout.Template(layout=white.layout,
                                  data={kind: white.data[kind] for kind in TRACE_TYPES})
    template.layout.update(
        font=dict(family=THEME.font_family, size=THEME.font_size, color=THEME.font_colour),
        colorway=list(THEME.palette),
        paper_bgcolor="white",
        plot_bgcolor="white",
        hoverlabel=hover_label(THEME.font_size - 1),
        legend=dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0,
                    title=dict(text=""), font=dict(size=THEME.font_size - 1)),
        margin=dict(TEMPLATE_MARGIN),
        title=dict(font=dict(size=THEME.font_size + 3)),
    )
    return template


# On the figure's own axes, not in the template: a line colour given on the axis also switches
# Plotly.js's axis line on, a template's does not (the screenshots differed by the axis line).
AXES: dict[str, Any] = dict(automargin=True, gridcolor=THEME.grid, zerolinecolor=THEME.grid,
                            linecolor=THEME.axis_line,
                            title=dict(font=dict(size=THEME.font_size - 1)))


def apply_theme(fig: go.Figure, lang: str = "vi", height: int | None = None) -> go.Figure:
    """Give ``fig`` the shared look and the number format of ``lang``; returns ``fig``."""
    layout = fig.layout
    # The registered template was validated when it was built: hand it over the way Plotly
    # hands over its own default template, without validating and copying it again.
    layout._validate = False
    try:
        layout.template = pio.templates[TEMPLATE_NAME]
    finally:
        layout._validate = True
    layout.separators = formats.PLOTLY_SEPARATORS["en" if lang == "en" else "vi"]
    if height is not None:
        layout.height = height
    fig.update_xaxes(**AXES)
    fig.update_yaxes(**AXES)
    layout.margin = fitted_margins(fig, THEME.font_size, TEMPLATE_MARGIN)
    return fig


def hover_label(size: int) -> dict[str, Any]:
    """Dark text on white in a dark border: readable (WCAG ≥ 4.5:1) on every chart.

    Plotly draws the hover text in the border colour unless told otherwise; the light axis
    grey gave about 2:1, and the hover box is where a criterion's full wording lives.
    """
    return dict(font=dict(family=THEME.font_family, size=size, color=THEME.font_colour),
                bgcolor=THEME.paper, bordercolor=THEME.muted_text, align="left")


pio.templates[TEMPLATE_NAME] = _build_template()  # once, at import


def for_projector(fig: go.Figure, height: int | None = None) -> go.Figure:
    """The presentation-mode look: white on near-black, large type, room-legible; returns fig.

    No fixed height by default: the figure fills its container (``autosize``), which the
    slides size from the viewport, so a chart fills a 1280×720 projector and a 4K wall alike.
    """
    size = PROJECTOR.font_size
    fig.update_layout(
        height=height, autosize=True, paper_bgcolor=PROJECTOR.background,
        plot_bgcolor=PROJECTOR.background,
        font=dict(family=THEME.font_family, size=size, color=PROJECTOR.text),
        legend=dict(font=dict(size=size - 2, color=PROJECTOR.text)),
        hoverlabel=hover_label(size - 4),
    )
    axes = dict(gridcolor=PROJECTOR.grid, zerolinecolor=PROJECTOR.grid,
                linecolor=PROJECTOR.grid, tickfont=dict(size=size - 2, color=PROJECTOR.text),
                title=dict(font=dict(size=size - 2, color=PROJECTOR.text)))
    fig.update_xaxes(**axes)
    fig.update_yaxes(**axes)
    fig.layout.margin = fitted_margins(fig, size, PROJECTOR_MARGIN)
    for kind in ("bar", "heatmap"):
        fig.update_traces(textfont=dict(size=size - 2), selector=dict(type=kind))
    # Notes (the target line's) on a panel of their own: legible over a light bar too.
    fig.update_annotations(font=dict(size=size - 4, color=PROJECTOR.text),
                           bgcolor=PROJECTOR.panel, bordercolor=PROJECTOR.button_border,
                           borderpad=4)
    return fig


def no_data_figure(lang: str = "vi", height: int | None = 300) -> go.Figure:
    """A blank figure with a centred "no data yet" note."""
    fig = go.Figure()
    fig.add_annotation(text=t("chart_no_data", lang), x=0.5, y=0.5, xref="paper", yref="paper",
                       showarrow=False,
                       font=dict(size=THEME.font_size + 3, color=THEME.muted_text))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return apply_theme(fig, lang, height=height)


def status_colour(code: str) -> str:
    """The fixed colour of a nomination status (neutral grey if unknown)."""
    return STATUS_COLOURS.get(code, THEME.missing)


def completeness_colour(pct: Any) -> str:
    """Red below 50 %, amber below 90 %, green from 90 %; grey when there is nothing to count."""
    if formats.is_missing(pct):
        return THEME.missing
    if float(pct) < 50:
        return THEME.not_met
    if float(pct) < 90:
        return THEME.warn
    return THEME.met


# --- parts of the builders ---------------------------------------------------------------------


def is_empty(df: pd.DataFrame | None) -> bool:
    return df is None or df.empty


def esc(text: Any) -> str:
    """Data made safe for Plotly's HTML-like hover and tick text."""
    return html.escape(str(text), quote=False)


def wrap(text: Any, width: int = WRAP) -> str:
    """Escaped text broken with <br> about every ``width`` characters (at spaces)."""
    lines = textwrap.wrap(str(text), width=width, break_long_words=False,
                          break_on_hyphens=False) or [""]
    return "<br>".join(esc(line) for line in lines)


def ordered(values: Iterable[Any], preferred: Iterable[Any] = ()) -> list[Any]:
    """Distinct values: those of ``preferred`` first in that order, others as they come."""
    seen = list(dict.fromkeys(values))
    first = [v for v in preferred if v in seen]
    return first + [v for v in seen if v not in first]


def as_float(value: Any, default: float = 0.0) -> float:
    return default if formats.is_missing(value) else float(value)


def as_int(value: Any) -> int:
    return 0 if formats.is_missing(value) else int(value)


def optional_float(value: Any) -> float | None:
    return None if formats.is_missing(value) else float(value)


def codes_sorted(df: pd.DataFrame, by: str, code_col: str) -> pd.DataFrame:
    """Rows in ascending ``by`` order (missing last), ties by code."""
    keyed = df.assign(_key=pd.to_numeric(df[by], errors="coerce"), _code=df[code_col].astype(str))
    return keyed.sort_values(["_key", "_code"], na_position="last", kind="stable")


def bar_height(rows: int) -> int:
    return max(300, 110 + 34 * rows)


def date_ticks(kind: str, lang: str) -> str:
    """Plotly's tickformat for dates (``kind`` "date") or months (``kind`` "month")."""
    return formats.date_style(kind, lang).d3


def add_target_line(fig: go.Figure, target_pct: Any, lang: str, vertical: bool) -> None:
    """The dashed target line (at x when ``vertical``, else at y) with its "Target n%" note."""
    if target_pct is None or formats.is_missing(target_pct):
        return
    line = dict(line=dict(color=THEME.target, width=2, dash="dash"),
                annotation_text=t("chart_target", lang, pct=formats.pct(target_pct, lang)),
                annotation_font_size=THEME.font_size - 1)
    if vertical:
        fig.add_vline(x=float(target_pct), annotation_position="bottom left", **line)
    else:
        fig.add_hline(y=float(target_pct), annotation_position="bottom right", **line)


def unit_axis(fig: go.Figure, codes: list[str], names: list[str], reverse: bool) -> None:
    """Units on the y axis by code (names may repeat), labelled by name."""
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=codes,
                     tickmode="array", tickvals=codes, ticktext=[esc(n) for n in names],
                     autorange="reversed" if reverse else True)


def percent_ticks(top: int, step: int) -> dict[str, Any]:
    """Ticks 0..100 labelled "n%" on an axis that runs to ``top`` (room for bar labels).

    tickvals put Plotly in array mode, where ticksuffix is not applied: label them ourselves.
    """
    ticks = list(range(0, 101, step))
    return dict(range=[0, top], tickvals=ticks, ticktext=[f"{v}%" for v in ticks])

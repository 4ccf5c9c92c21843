"""Margins that already hold a figure's labels, so that Plotly draws it once.

Plotly makes room for the labels (``automargin``) by drawing the chart, measuring what it drew
and drawing it all again with wider margins: a second full draw in every viewer's browser on
every change (the heatmap alone: 54-66 ms a draw, 17-19 ms when its margins are given). The
builders' figures get margins estimated from their labels, wide enough that the first draw is
the last; automargin stays on, so a font wider than the estimate costs that second draw again,
never a cut label. The estimate is an upper bound of common sans-serif fonts (DejaVu Sans, the
widest of the stack, measured 0.53 em a character in Vietnamese names; Segoe UI about 0.5).
"""

from __future__ import annotations

import html
import math
import numbers
import re
from typing import Any

import plotly.graph_objects as go

TEMPLATE_MARGIN = dict(l=10, r=20, t=50, b=10)
PROJECTOR_MARGIN = dict(l=10, r=30, t=60, b=10)
CHAR_EM = 0.6  # a character's advance, in em, generously
LINE_EM = 1.35  # a line of tick text, in em
TICK_GAP_PX = 18  # tick, its gap and Plotly's rounding
TITLE_GAP_PX = 18  # between the tick labels and the axis title
_TAG = re.compile(r"<[^>]*>")
_BR = re.compile(r"<br\s*/?>")
# What a tick format's directives write at their widest (30 Dec 2025), for the estimate only.
_DATE_SAMPLE = {"d": "30", "e": "30", "m": "12", "b": "Dec", "B": "September", "Y": "2025",
                "y": "25"}


def text_px(text: Any, size: float) -> int:
    """The width of the longest line of ``text`` (Plotly's <br> and tags allowed), in px."""
    lines = _BR.split(str(text))
    longest = max(len(html.unescape(_TAG.sub("", line))) for line in lines)
    return math.ceil(longest * size * CHAR_EM)


def lines_of(text: Any) -> int:
    return len(_BR.split(str(text)))


def _tick_labels(axis: Any, values: list[Any]) -> list[str]:
    """What an axis writes at its ticks, as far as the figure says (none when hidden)."""
    if axis.visible is False or axis.showticklabels is False:
        return []
    if axis.ticktext:
        return [str(v) for v in axis.ticktext]
    suffix = axis.ticksuffix or ""
    if axis.type == "category" or any(isinstance(v, str) for v in values):
        return [str(v) for v in values]
    if axis.type == "date":
        # A month a tick while the campaign is young: upright (turned ones cost a redraw).
        return [re.sub(r"%-?([A-Za-z])", lambda m: _DATE_SAMPLE.get(m.group(1), "88"),
                       axis.tickformat or "%d/%m/%Y")]
    shown = [float(v) for v in values  # numpy's numbers too
             if isinstance(v, numbers.Real) and not math.isnan(v)]
    top = max([abs(v) for v in (axis.range or ())] + shown + [100.0 if suffix == "%" else 0.0])
    digits = len(f"{top * 1.2:,.0f}")  # the axis may run past the largest value
    return ["8" * digits + suffix]


def _axis_values(fig: go.Figure, letter: str) -> list[Any]:
    """Every trace's values along the ``letter`` axis."""
    values: list[Any] = []
    for trace in fig.data:
        got = getattr(trace, letter, None)  # a tuple, a NumPy array or None
        if got is not None:
            values.extend(got)
    return values


def fitted_margins(fig: go.Figure, size: float, least: dict[str, int]) -> dict[str, int]:
    """Margins that hold the figure's tick labels, axis titles and colour bar at font ``size``
    (tick labels at the axis' own tick font size when it has one), at least ``least``."""
    layout, margin = fig.layout, dict(least)
    for letter, axis in (("x", layout.xaxis), ("y", layout.yaxis)):
        tick_size = (axis.tickfont.size if axis.tickfont and axis.tickfont.size else size)
        values = _axis_values(fig, letter)
        labels = _tick_labels(axis, values)
        title = axis.title.text if axis.title else None
        title_size = axis.title.font.size if axis.title and axis.title.font.size else size - 1
        titled = (TITLE_GAP_PX + math.ceil(title_size * LINE_EM)) if title else 0
        if letter == "y":
            width = max((text_px(label, tick_size) for label in labels), default=0)
            need = (width + TICK_GAP_PX if labels else 0) + titled
            margin["l"] = max(margin["l"], need)
        else:
            # Plotly turns the labels when they would overlap, which depends on the width the
            # page gives the chart: room for the taller of the two, unless they are kept level.
            rows = max((lines_of(label) for label in labels), default=0)
            tall = rows * tick_size * LINE_EM
            if len(labels) > 1 and axis.tickangle != 0:  # 0: kept level by the builder
                width = max(text_px(label, tick_size) for label in labels)
                tall = max(tall, width * 0.5 + tall * 0.87)
            need = (math.ceil(tall) + TICK_GAP_PX if labels else 0) + titled
            side = "t" if axis.side == "top" else "b"
            margin[side] = max(margin[side], need)
            if axis.type == "date":  # the last date's label reaches past the plot's right edge
                margin["r"] = max(margin["r"], 30)
            elif labels and axis.type != "category" and not any(
                    isinstance(v, str) for v in values):
                # So does a number axis's last ("100%"), which Plotly hides, not cuts, when it
                # would pass the chart's edge ("hide past div").
                margin["r"] = max(margin["r"], text_px(labels[-1], tick_size) // 2 + TICK_GAP_PX)
    for trace in fig.data:
        if trace.type == "heatmap" and trace.showscale is not False:
            bar = trace.colorbar
            ticks = text_px("100" + (bar.ticksuffix or ""), size) + (bar.thickness or 30)
            titled = bool(bar.title and bar.title.text)
            if titled and bar.title.side == "right":  # along the bar: one line beside the ticks
                margin["r"] = max(margin["r"], 60 + ticks + size + 6)
            else:  # above it: as wide as the title
                title = text_px(bar.title.text, size - 1) if titled else 0
                margin["r"] = max(margin["r"], 60 + max(ticks, title))
    return margin

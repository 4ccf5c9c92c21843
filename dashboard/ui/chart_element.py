"""The dashboard pages' chart: a Plotly figure in an element that keeps its place across runs.

``st.plotly_chart`` takes its element's identity from the figure: a figure with other numbers or
other words (another date, a unit chosen, the language switched) is a new element, so every
viewer's browser throws the chart's nodes away and Plotly draws it from the start; with a key
the identity holds but the browser keeps showing the figure it was first given. On two cores
shared by twenty viewers' browsers that redrawing was the largest part of thidua's re-render
beyond a one-chart page (``benchmarks/RESULTS.md``, twelfth and thirteenth sessions).

This element (an ``st.components.v2`` component: no iframe, in the page's own document) keeps
one ``<div>`` per chart for as long as its page is shown, and hands a changed figure to
``Plotly.react``, which updates what changed. Plotly.js is the copy that ships inside the
``plotly`` Python package, served by ``thidua serve`` itself at ``PLOTLY_JS_PATH`` (nothing from
the internet); the browser loads it once and keeps it (``Cache-Control``). The mode bar keeps
what Streamlit's chart had: PNG download, zoom, reset, and a full screen button, with the
catalogue's words.

A page's chart is keyed by its builder (two charts of a page never share one). The figure's JSON
is made once per built figure (``figures.ShownFigure``), like the dictionary before.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import plotly
import streamlit as st
from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from dashboard.session_routes import url_path
from dashboard.ui.figures import ShownFigure
from thidua.catalogue import t
from thidua.charts import plotly_config

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
PLOTLY_JS_PATH = "api/thidua/plotly.min.js"
COMPONENT = "thidua_chart"
KEY_PREFIX = "thidua_chart_"
SCRIPT = (Path(__file__).with_name("chart_element.js")).read_text(encoding="utf-8")

_mount = st.components.v2.component(COMPONENT, js=SCRIPT, isolate_styles=False)


async def plotly_js(request: Request) -> Response:
    """The bundled plotly.min.js (the same for every visitor: no session, nothing personal)."""
    return FileResponse(PLOTLY_JS, media_type="text/javascript",
                        headers={"Cache-Control": "public, max-age=604800",
                                 "X-Content-Type-Options": "nosniff"})


def routes() -> list[Route]:
    return [Route(url_path(PLOTLY_JS_PATH), plotly_js, methods=["GET"])]


@functools.cache
def _words(lang: str) -> dict[str, str]:
    return {"fullscreen": t("chart_tool_fullscreen", lang),
            "close_fullscreen": t("chart_tool_close_fullscreen", lang),
            "failed": t("chart_not_drawn", lang)}


@functools.cache
def _config_json(lang: str) -> str:
    """The shared Plotly configuration in ``lang`` as the element reads it, made once."""
    return json.dumps(plotly_config(lang), sort_keys=True)


def show(fig: ShownFigure, key: str, lang: str) -> None:
    """Draw ``fig`` (a built, shared figure: its JSON is made once) in the element keyed
    ``key`` on this page, with the shared configuration in ``lang``."""
    _mount(key=KEY_PREFIX + key, width="stretch", height="content",
           data={"spec": fig.shown_json(), "config": _config_json(lang),
                 "script": url_path(PLOTLY_JS_PATH), "words": _words(lang),
                 "label": t("chart_label", lang)})


def specs(app: Any) -> list[dict[str, Any]]:
    """The figures (as dictionaries) an AppTest run drew: thidua's chart elements, then any
    ``st.plotly_chart`` (a slide's)."""
    found = []
    for element in app.get("bidi_component"):
        data = json.loads(element.proto.json) if element.proto.WhichOneof("data") == "json" else {}
        if isinstance(data, dict) and "spec" in data:
            found.append(json.loads(data["spec"]))
    return found + [json.loads(element.proto.spec) for element in app.get("plotly_chart")]

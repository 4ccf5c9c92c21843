"""Charts built once for every viewer: the same rows, language and screen share one figure.

Twenty people looking at the same filters ask for the same chart; building a Plotly figure
costs milliseconds to tens of milliseconds, showing a built one almost nothing. ``figure``
keeps built figures in a server-wide cache (``st.cache_resource``: one object, no copy per
reader) keyed by the chart function, a hash of every value of the rows it draws (with their
columns, types and order), the language, the screen (desk or projector) and the options.

Keying by the rows themselves, not by who asks, is what keeps scopes apart: a unit head's rows
differ from the Office's, so their figure is another entry; a figure is never served for rows
other than those it was built from. Two viewers share a figure only when their rows are equal,
and then the figure is the same anyway (builders are pure functions of rows and options).

A cached figure is shared: nobody may change it. The chart element (``chart_element``) and
``st.plotly_chart`` (the slides) only read it (they turn it into JSON); the projector look is
applied here, before caching, never on a cached figure. The dictionary and the JSON the pages
send are made once too (``ShownFigure``).
"""

from __future__ import annotations

import hashlib
import json
import pickle
from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import streamlit as st

from thidua import charts

FIGURE_TTL_S = 600
FIGURE_MAX_ENTRIES = 256


def frame_key(df: pd.DataFrame | None) -> str:
    """A digest of every cell, column name, type, the index and the row order of ``df``.

    Streamlit's own argument hashing samples frames of 100,000 rows or more; this hashes all.
    The digest is of the frame's pickle: it holds everything the frame is made of, so frames
    that differ never share a key (equal frames pickled differently would only miss). It costs
    a tenth of hashing each column with pandas (0.07 against 0.56 ms for one row, 0.7 against
    4 ms for 5,756), and a page hashes the rows of every chart on every run.
    """
    if df is None:
        return "none"
    try:
        data = pickle.dumps(df, protocol=5)
    except Exception:  # a cell pickle cannot write: hash the frame's text instead
        data = repr([(str(c), str(t)) for c, t in df.dtypes.items()]).encode() + \
            pd.util.hash_pandas_object(df.astype(str), index=True).to_numpy().tobytes()
    return hashlib.sha256(data).hexdigest()


class ShownFigure(go.Figure):
    """A built figure that hands ``st.plotly_chart`` the dictionary it made once.

    ``st.plotly_chart`` asks a figure for ``to_dict()`` on every call: a deep copy of every
    trace and layout value (the bulk of drawing a cached chart). A shared figure is never
    changed, so its dictionary is made when the figure is built and each call gets a shallow
    copy of it (Plotly's JSON writer drops a trace's ``uid`` in place: the traces are copied).
    """

    def __init__(self, figure: go.Figure) -> None:
        super().__init__(figure)
        self._shown = figure.to_dict()  # the original's: the same JSON, key for key
        self._json: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {**self._shown, "data": [dict(trace) for trace in self._shown["data"]]}

    def shown_json(self) -> str:
        """The figure's JSON for the chart element, made on the first call (two sessions
        racing to make it make the same text)."""
        if self._json is None:
            self._json = pio.to_json(self.to_dict(), validate=False)
        return self._json


@st.cache_resource(ttl=FIGURE_TTL_S, max_entries=FIGURE_MAX_ENTRIES, show_spinner=False)
def _built(builder: str, rows_key: str, lang: str, projector: bool, options_json: str,
           _build: Callable[..., go.Figure], _df: pd.DataFrame | None,
           _options: dict[str, Any]) -> ShownFigure:
    """The figure itself (the arguments after ``options_json`` are not part of the key)."""
    fig = _build(_df, lang=lang, **_options)
    return ShownFigure(charts.for_projector(fig) if projector else fig)


def figure(build: Callable[..., go.Figure], df: pd.DataFrame | None, lang: str,
           projector: bool = False, **options: Any) -> go.Figure:
    """``build(df, lang=lang, **options)`` (with the projector look when ``projector``), built
    once per distinct rows, language, screen and options for every session. Read-only."""
    builder = f"{build.__module__}.{build.__qualname__}"
    options_json = json.dumps(options, sort_keys=True, default=repr)
    return _built(builder, frame_key(df), lang, projector, options_json, build, df, options)


def clear() -> None:
    """Forget every built figure (after an import, with the query cache)."""
    _built.clear()

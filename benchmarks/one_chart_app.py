"""The baseline of ``load_viewers.py``: a Streamlit app with one chart a page, nothing behind it.

It has the dashboard's sidebar (language switch, units, the as-of date in a form with its
button), the same labels (from the catalogue), page addresses and URL parameters, so the very
same driver moves both apps; its pages draw one Plotly chart of a 12-row DataFrame built in
memory, and its "Tables" page offers a CSV download. What thidua adds over it (sign-in, DuckDB,
the pages' queries, tables and cards) is what the ratio of the two re-render times measures.

    uv run streamlit run benchmarks/one_chart_app.py
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from thidua.catalogue import LANGS, t  # labels only

UNITS = {"BLD": "Lãnh đạo Văn phòng", "TH": "Phòng Tổng hợp", "KT": "Phòng Kinh tế",
         "KGVX": "Phòng Khoa giáo – Văn xã", "NC": "Phòng Nội chính"}
PAGES = (("page_overview", "tong-quan"), ("page_criteria", "tieu-chi"),
         ("page_tables", "du-lieu"))
FIRST, LAST, DEFAULT = dt.date(2025, 10, 1), dt.date(2026, 12, 31), dt.date(2026, 1, 23)


def figures(units: tuple[str, ...], as_of: dt.date) -> pd.DataFrame:
    """Twelve months of a made-up percentage, shifted by the filters so each view differs."""
    months = pd.date_range(FIRST, periods=12, freq="MS")
    shift = len(units) + as_of.toordinal() % 7
    return pd.DataFrame({"month": months,
                         "pct": [60 + (3 * i + shift) % 40 for i in range(len(months))]})


def page(title_key: str):
    def body() -> None:
        units, as_of, lang = st.session_state["view"]
        st.title(t(title_key, lang))
        st.caption(f"{t('filter_as_of', lang)}: {as_of.isoformat()}")
        frame = figures(units, as_of)
        st.plotly_chart(go.Figure(go.Scatter(x=frame["month"], y=frame["pct"], mode="lines")),
                        key=f"chart_{title_key}")
        if title_key == "page_tables":
            st.download_button(t("download_csv", lang), frame.to_csv(index=False).encode(),
                               file_name="baseline.csv", mime="text/csv", on_click="ignore")

    body.__name__ = title_key
    return body


def main() -> None:
    query = st.query_params.to_dict()
    lang = query.get("lang") if query.get("lang") in LANGS else "vi"
    st.set_page_config(page_title="baseline", layout="wide")
    sidebar = st.sidebar
    lang = sidebar.segmented_control(t("filter_lang", lang), LANGS, default=lang, key="lang",
                                     format_func=lambda c: t(f"lang_{c}", c),
                                     required=True) or lang
    chosen = [u for u in query.get("units", "").split(",") if u in UNITS]
    units = sidebar.multiselect(t("filter_units", lang), list(UNITS), default=chosen,
                                format_func=UNITS.get, key="units",
                                placeholder=t("filter_units_all", lang))
    try:
        as_of = dt.date.fromisoformat(query.get("as_of", ""))
    except ValueError:
        as_of = DEFAULT
    with sidebar.form("as_of_form", border=False, enter_to_submit=False):
        as_of = st.date_input(t("filter_as_of", lang), value=as_of, min_value=FIRST,
                              max_value=LAST, key="as_of",
                              format="DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD")
        st.form_submit_button(t("filter_as_of_apply", lang))
    st.session_state["view"] = (tuple(units), as_of, lang)
    wanted = {"units": ",".join(units)} if units else {}
    wanted |= {"as_of": as_of.isoformat()} if as_of != DEFAULT else {}
    wanted |= {"lang": lang} if lang != "vi" else {}
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
    st.navigation([st.Page(page(key), title=t(key, lang), url_path=url, default=i == 0)
                   for i, (key, url) in enumerate(PAGES)]).run()


main()

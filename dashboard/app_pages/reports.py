"""Báo cáo: the official nomination list and the progress report, in two clicks (UI only).

Each document is offered only to a role that may take it (``official_list``,
``progress_report``); each download is in the audit log as a ``document``. Both documents
hold every unit's rows: no role with a row scope may take them, so their shared cache never
crosses one.
"""

from __future__ import annotations

import streamlit as st

from dashboard.ui import access, delivery, state
from dashboard.ui.download_link import offer
from dashboard.ui.widgets import page_start
from thidua import formats
from thidua.catalogue import t
from thidua.contract import reference as ref
from thidua.documents.official_list import default_name as list_name
from thidua.documents.progress import default_name as report_name

filters, campaign = page_start("page_reports")
lang = filters.lang
scope = {"campaign_code": filters.campaign, "as_of": filters.as_of,
         "unit_codes": list(filters.units) or None, "lang": lang}

details = access.filter_details(filters)


def official_list() -> None:
    st.subheader(t("reports_list_heading", lang))
    st.caption(t("reports_list_caption", lang))
    statuses = st.multiselect(t("reports_list_statuses", lang), list(ref.STATUS_CODES),
                              format_func=lambda s: formats.status_label(s, lang),
                              placeholder=t("reports_list_all_statuses", lang),
                              key="reports_statuses")
    offer(t("reports_list_download", lang),
          lambda: state.document("official_list", **scope, statuses=statuses or None),
          list_name(filters.campaign, filters.as_of, list(filters.units) or None,
                    statuses or None),
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          event="document", what="official_list", action="official_list", lang=lang,
          primary=True, statuses=statuses, **details)
    st.divider()


if access.may("official_list"):
    official_list()
if not access.may("progress_report"):
    st.stop()
st.subheader(t("reports_progress_heading", lang))
st.caption(t("reports_progress_caption", lang))
fmt = st.segmented_control(t("reports_format", lang), ["pdf", "html", "xlsx"], default="pdf",
                           format_func=str.upper, key="reports_format", required=True)
MIME = {"pdf": "application/pdf", "html": "text/html",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
wanted = (fmt, tuple(sorted(scope.items(), key=lambda kv: kv[0])))
if st.button(t("reports_build", lang), icon=":material/description:", key="reports_build"):
    delivery.release()  # the spinner is shown while the document is built
    with st.spinner(t("reports_building", lang)):
        st.session_state["report"] = (wanted, state.document("progress", fmt=fmt, **scope))
built = st.session_state.get("report")
if built and built[0] == wanted:
    content = built[1]
    offer(t("reports_download", lang, fmt=fmt.upper()), lambda: content,
          report_name(filters.campaign, filters.as_of, list(filters.units) or None, fmt),
          MIME[fmt], event="document", what="progress_report", action="progress_report",
          lang=lang, primary=True, format=fmt, **details)

"""Nhập dữ liệu: upload a workbook, see its validation report, import it; import history."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.ui import state
from dashboard.ui.widgets import page_start, show_table
from thidua.catalogue import t
from thidua.documents.exports import to_csv_bytes
from thidua.documents.template import write_template
from thidua.ingest.load import load
from thidua.ingest.messages import location, problem
from thidua.store.database import resolve_db

filters, _ = page_start("page_import")
lang = filters.lang

TEMPLATE_NAME = "mau_nhap_lieu_thidua.xlsx"


def template_bytes() -> bytes:
    """The blank template, built when the button is clicked (not on every render)."""
    with tempfile.TemporaryDirectory() as tmp:
        return write_template(Path(tmp) / TEMPLATE_NAME, lang=lang).read_bytes()


st.markdown(t("import_intro", lang))
st.download_button(t("import_template", lang), template_bytes, file_name=TEMPLATE_NAME,
                   icon=":material/download:", on_click="ignore",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

upload = st.file_uploader(t("import_upload", lang), type=["xlsx", "xlsm", "xls", "ods"],
                          key="import_upload")
if upload is not None and st.button(t("import_button", lang), type="primary"):
    with st.spinner(t("import_running", lang)), tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(upload.name).name
        path.write_bytes(upload.getvalue())
        st.session_state["import_outcome"] = load(path, resolve_db(), lang)
    state.refresh()
    st.rerun()  # the sidebar and every page now read the new data

outcome = st.session_state.get("import_outcome")
if outcome is not None:
    if outcome.outcome == "imported":
        st.success(t("load_imported", lang, campaign=outcome.campaign_code,
                     file=outcome.file_name, import_id=outcome.import_id))
    elif outcome.outcome == "unchanged":
        st.info(t("load_unchanged", lang, file=outcome.file_name,
                  campaign=outcome.campaign_code))
    elif outcome.outcome == "rejected":
        st.error(t("load_rejected", lang, file=outcome.file_name, errors=outcome.error_count))
    else:
        st.error(t("load_unreadable", lang, message=outcome.message))
    issues = outcome.errors + outcome.warnings
    if issues and outcome.outcome != "unreadable":
        st.subheader(t("import_report", lang))
        report = pd.DataFrame({
            t("col_severity", lang): [t(f"severity_{i.severity}", lang) for i in issues],
            t("col_where", lang): [location(i, lang) for i in issues],
            t("col_problem", lang): [problem(i, lang) for i in issues],
        })
        st.dataframe(report, hide_index=True)
        st.download_button(t("import_report_download", lang), to_csv_bytes(report, lang=lang),
                           file_name=f"bao_cao_loi_{Path(outcome.file_name).stem}.csv",
                           mime="text/csv", on_click="ignore", icon=":material/download:")

st.subheader(t("import_history", lang))
history = state.query("marts/imports_history")
if history.empty:
    st.caption(t("empty_state", lang))
else:
    history = history.assign(outcome=[t(f"outcome_{o}", lang) for o in history["outcome"]])
    show_table(history[["import_id", "campaign_code", "file_name", "finished_at", "outcome",
                        "error_count", "warning_count"]], lang)

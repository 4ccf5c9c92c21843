"""Nhập dữ liệu: upload a workbook, see its validation report, import it; import history.

Only a role that may ``import`` runs this page; every attempt is in the audit log with the
file's name, its SHA-256, the outcome and who uploaded it.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard.ui import access, delivery, state
from dashboard.ui.download_link import offer
from dashboard.ui.page_css import uploader_css
from dashboard.ui.widgets import page_start, show_table
from thidua import formats
from thidua.catalogue import t
from thidua.documents.exports import to_csv_bytes
from thidua.documents.template import write_template
from thidua.ingest.load import restore_version
from thidua.ingest.messages import location, problem
from thidua.ingest.sandbox import load_isolated
from thidua.store.database import resolve_db
from thidua.store.versions import list_versions

filters, _ = page_start("page_import")
lang = filters.lang
if not access.may("import"):
    access.refuse(lang)

TEMPLATE_NAME = "mau_nhap_lieu_thidua.xlsx"


def template_bytes() -> bytes:
    """The blank template, built when the button is clicked (not on every render)."""
    with tempfile.TemporaryDirectory() as tmp:
        return write_template(Path(tmp) / TEMPLATE_NAME, lang=lang).read_bytes()


st.markdown(t("import_intro", lang))
offer(t("import_template", lang), template_bytes, TEMPLATE_NAME,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", event="download",
      what="template", action="import", lang=lang)

KINDS = ["xlsx", "xlsm", "xls", "ods"]
ACCEPTED = dict(mb=formats.count(st.get_option("server.maxUploadSize"), lang),
                kinds=", ".join(kind.upper() for kind in KINDS))
st.html(uploader_css(t("import_upload_button", lang), t("import_upload_limit", lang, **ACCEPTED),
                     t("import_upload_refused", lang, **ACCEPTED)))
upload = st.file_uploader(t("import_upload", lang), type=KINDS, key="import_upload")


def upload_path(folder: Path, name: str, max_bytes: int = 200) -> Path:
    """Where an upload is written: its own name only, never a path, cut to fit a file name
    (255 bytes on Linux; a Vietnamese letter takes two or three), its suffix kept."""
    base = Path(name.replace("\x00", "")).name.strip() or "upload"
    suffix = Path(base).suffix if len(Path(base).suffix) <= 10 else ""
    stem = base.removesuffix(suffix) if suffix else base
    if len(base.encode("utf-8")) > max_bytes:
        room = max_bytes - len(suffix.encode("utf-8")) - len("…".encode())
        stem = stem.encode("utf-8")[:room].decode("utf-8", "ignore") + "…"
    return folder / (stem.lstrip(".") + suffix if stem.strip(".") else "upload" + suffix)


def run_import(name: str, data: bytes, replace_all: bool = False) -> None:
    """Load the upload in a child process with memory and time limits (``load_isolated``):
    whatever the file does, this server process stays up."""
    delivery.release()  # the spinner and each step are shown as they come
    status = st.empty()  # what the import is doing: its step, the rows read so far

    def step(key: str, _n: int, _total: int) -> None:
        status.caption(t(key, lang))

    def rows_read(n: int) -> None:
        status.caption(t("progress_rows_read", lang, rows=formats.count(n, lang)))

    with st.spinner(t("import_running", lang)), tempfile.TemporaryDirectory() as tmp:
        path = upload_path(Path(tmp), name)  # the upload's name never becomes a path
        path.write_bytes(data)
        outcome = load_isolated(path, resolve_db(), lang, replace_all=replace_all,
                                progress=step, on_rows=rows_read)
    status.empty()
    st.session_state["import_outcome"] = outcome
    st.session_state["import_pending"] = ((name, data) if outcome.outcome == "needs_confirmation"
                                          else None)
    access.record("import", access.current().name, file=path.name,
                  sha256=hashlib.sha256(data).hexdigest(), outcome=outcome.outcome,
                  campaign=outcome.campaign_code, errors=outcome.error_count,
                  replace_all=replace_all)
    state.refresh()
    st.rerun()  # the sidebar and every page now read the new data


if upload is not None and st.button(t("import_button", lang), type="primary"):
    run_import(upload.name, upload.getvalue())

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
    elif outcome.outcome == "needs_confirmation":
        st.warning(outcome.message or "")
        pending = st.session_state.get("import_pending")
        if pending and st.button(t("import_confirm_button", lang), key="import_confirm"):
            run_import(*pending, replace_all=True)
    elif outcome.outcome == "restored":
        st.success(t("import_restored", lang, import_id=outcome.import_id))
    elif outcome.outcome == "failed":
        st.error(t("import_failed", lang, message=outcome.message))
    else:
        st.error(t("load_unreadable", lang, message=outcome.message))
    issues = outcome.errors + outcome.warnings
    if issues and outcome.outcome not in ("unreadable", "failed", "needs_confirmation"):
        st.subheader(t("import_report", lang))
        report = pd.DataFrame({
            t("col_severity", lang): [t(f"severity_{i.severity}", lang) for i in issues],
            t("col_where", lang): [location(i, lang) for i in issues],
            t("col_problem", lang): [problem(i, lang) for i in issues],
        })
        st.dataframe(report, hide_index=True, placeholder=formats.MISSING)
        report_csv = to_csv_bytes(report, lang=lang)
        offer(t("import_report_download", lang), lambda: report_csv,
              f"bao_cao_loi_{Path(outcome.file_name).stem}.csv", "text/csv", event="download",
              what="import_report", action="import", lang=lang, rows=len(report))

st.subheader(t("import_history", lang))
history = state.query("marts/imports_history")
if history.empty:
    st.caption(t("empty_state", lang))
else:
    history = history.assign(outcome=[t(f"outcome_{o}", lang) for o in history["outcome"]])
    show_table(history[["import_id", "campaign_code", "file_name", "finished_at", "outcome",
                        "error_count", "warning_count"]], lang)

st.subheader(t("import_versions", lang))
kept = list_versions(resolve_db())
if not kept:
    st.caption(t("import_versions_none", lang))
else:
    show_table(pd.DataFrame({
        t("col_version", lang): [v.version_id for v in kept],
        t("col_saved_at", lang): [formats.datetime(v.saved_at, lang) for v in kept],
        t("col_file_name", lang): [v.file_name or "—" for v in kept],
        t("col_campaign_code", lang): [v.campaign_code or "—" for v in kept],
    }), lang)
    chosen = st.selectbox(t("import_versions_pick", lang), [v.version_id for v in kept],
                          key="restore_version")
    if st.button(t("import_restore_button", lang), key="restore_button"):
        restored = restore_version(chosen, resolve_db(), lang)
        access.record("restore", access.current().name, version=chosen,
                      outcome=restored.outcome)
        st.session_state["import_outcome"] = restored
        state.refresh()
        st.rerun()


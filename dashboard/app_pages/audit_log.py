"""Nhật ký: the audit log for HCQT — sign-ins, imports, downloads, documents, account changes.

Read from the accounts store (``thidua.accounts.audit``), never from the analytics file, so it
outlives every import. Filters by first day, user and event; the table reads as every other
(``dashboard/ui/tables.py``); its CSV download is itself an audit entry.
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import streamlit as st

from dashboard.ui import access
from dashboard.ui.download_link import offer
from dashboard.ui.tables import label_columns
from dashboard.ui.widgets import show_table
from thidua import formats
from thidua.accounts.audit import EVENTS, AuditLog
from thidua.catalogue import t
from thidua.documents.exports import to_csv_bytes
from thidua.metrics.filters import Filters

LIMIT = 1000  # the newest entries shown; the filters narrow them

filters: Filters = st.session_state.get("filters") or Filters()
lang = filters.lang
st.title(t("page_audit", lang))
if not access.may("audit"):
    access.refuse(lang)


def event_label(event: str) -> str:
    key = f"auditpage_event_{event}"
    return t(key, lang) if event in EVENTS else event


def entries_frame(entries: list[dict]) -> pd.DataFrame:
    """One row per entry: local time, event in words, user, details as compact JSON."""
    return pd.DataFrame({
        "at": pd.to_datetime([e["at"].astimezone().replace(tzinfo=None) for e in entries]),
        "event": [event_label(e["event"]) for e in entries],
        "user": [e["user"] or formats.MISSING for e in entries],
        "details": [json.dumps(e["details"], ensure_ascii=False, sort_keys=True)
                    for e in entries]}, columns=["at", "event", "user", "details"])


log = AuditLog(access.store_path())
users = sorted({e["user"] for e in log.entries(limit=LIMIT * 10) if e["user"]})
since_col, user_col, event_col = st.columns(3)
since = since_col.date_input(t("auditpage_since", lang), value=None, key="audit_since",
                             format="DD/MM/YYYY" if lang == "vi" else "YYYY-MM-DD")
user = user_col.selectbox(t("auditpage_user", lang), [None, *users], key="audit_user",
                          format_func=lambda u: t("auditpage_all", lang) if u is None else u)
event = event_col.selectbox(t("auditpage_event", lang), [None, *EVENTS], key="audit_event",
                            format_func=lambda e: t("auditpage_all", lang) if e is None
                            else event_label(e))
start = (dt.datetime.combine(since, dt.time()).astimezone() if since else None)
entries = log.entries(since=start, user=user, event=event, limit=LIMIT)
if not entries:
    st.info(t("auditpage_empty", lang), icon=":material/info:")
    st.stop()
table = entries_frame(entries)
st.caption(t("rows_count", lang, n=formats.count(len(table), lang)))
show_table(table, lang, height=560)
labelled = label_columns(table, lang)
offer(t("auditpage_download", lang), lambda: to_csv_bytes(labelled, lang=lang),
      f"nhat_ky_thidua_{dt.date.today().isoformat()}.csv", "text/csv", event="download",
      what="audit_log", action="audit", lang=lang, rows=len(table),
      since=since.isoformat() if since else None, user_filter=user, event_filter=event)

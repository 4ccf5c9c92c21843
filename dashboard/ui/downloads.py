"""Download buttons: a table as CSV (UTF-8 with BOM) and as a formatted XLSX with its filters.

Offered only when the account's role may take that kind of table (``download_named`` for named
rows, ``download_aggregate`` for figures per unit), as links to thidua's download route
(``dashboard/ui/download_link.py``); every fetch is in the audit log.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.ui import access
from dashboard.ui.download_link import offer
from dashboard.ui.tables import label_columns
from thidua import formats
from thidua.catalogue import t
from thidua.documents.exports import export_file_name, to_csv_bytes, to_xlsx_bytes
from thidua.metrics.filters import Filters


def filter_lines(filters: Filters, campaign: dict, period: dt.date | None = None) -> list[str]:
    lang = filters.lang
    units = ", ".join(filters.units) if filters.units else t("filter_units_all", lang)
    lines = [
        t("export_filter_campaign", lang,
          value=f"{filters.campaign} · {campaign.get('campaign_name', '')}"),
        t("export_filter_units", lang, value=units),
        t("export_filter_as_of", lang, value=formats.date(filters.as_of, lang)),
    ]
    if period is not None:
        lines.append(t("export_filter_period", lang, value=formats.month(period, lang)))
    lines.append(t("export_generated", lang, value=formats.datetime(dt.datetime.now(), lang)))
    return lines


def download_buttons(df: pd.DataFrame, slug: str, title: str, filters: Filters, campaign: dict,
                     period: dt.date | None = None, named: bool = False) -> None:
    """CSV and XLSX of ``df`` (labelled as on screen), named after campaign, filters and date.

    The files are built only when a link is fetched (``download_link.offer``), not on every
    render of the page; the route then writes the audit entry. ``named``: the table holds
    named rows (people, registrations, results): the caller has already cut it to the
    account's unit (``access.scoped``).
    """
    if not access.may("download_named" if named else "download_aggregate"):
        return
    lang = filters.lang
    labelled = label_columns(df, lang)
    lines = filter_lines(filters, campaign, period)
    title_text = t("export_title", lang, table=title, campaign=filters.campaign)
    name = export_file_name(filters.campaign, slug, filters.as_of, list(filters.units) or None,
                            "csv")
    details = {**access.filter_details(filters), "rows": len(df), "named": named,
               "period": period.isoformat() if period else None}
    left, right, _ = st.columns([1, 1, 4])
    action = "download_named" if named else "download_aggregate"
    offer(t("download_csv", lang), lambda: to_csv_bytes(labelled, lang=lang), name, "text/csv",
          event="download", what=slug, action=action, lang=lang, where=left, format="csv",
          **details)
    offer(t("download_xlsx", lang),
          lambda: to_xlsx_bytes(labelled, title=title_text, filter_lines=lines, lang=lang),
          name.removesuffix(".csv") + ".xlsx",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          event="download", what=slug, action=action, lang=lang, where=right, format="xlsx",
          **details)

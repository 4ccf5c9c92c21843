"""Download buttons: a table as CSV (UTF-8 with BOM) and as a formatted XLSX with its filters.

Offered only when the account's role may take that kind of table (``download_named`` for named
rows, ``download_aggregate`` for figures per unit); every click is in the audit log.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.ui import access
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
                     period: dt.date | None = None, key: str | None = None,
                     named: bool = False) -> None:
    """CSV and XLSX of ``df`` (labelled as on screen), named after campaign, filters and date.

    The files are built only when a button is clicked (a callable ``data``), not on every
    render of the page; that callable also writes the audit entry. ``named``: the table holds
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
    left.download_button(t("download_csv", lang),
                         access.audited(lambda: to_csv_bytes(labelled, lang=lang), "download",
                                        slug, format="csv", **details),
                         file_name=name, mime="text/csv", icon=":material/download:",
                         on_click="ignore", key=f"csv_{key or slug}")
    right.download_button(
        t("download_xlsx", lang),
        access.audited(lambda: to_xlsx_bytes(labelled, title=title_text, filter_lines=lines,
                                             lang=lang), "download", slug, format="xlsx",
                       **details),
        file_name=name.removesuffix(".csv") + ".xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:", on_click="ignore", key=f"xlsx_{key or slug}")

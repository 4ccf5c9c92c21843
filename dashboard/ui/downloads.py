"""Download buttons: a table as CSV (UTF-8 with BOM) and as a formatted XLSX with its filters.

Offered only when the account's role may take that kind of table (``download_named`` for named
rows, ``download_aggregate`` for figures per unit), as links to thidua's download route
(``dashboard/ui/download_link.py``); every fetch is in the audit log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from dashboard.ui import access
from dashboard.ui.download_link import anchor, offer_row
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


def download_buttons(df: pd.DataFrame | Callable[[], pd.DataFrame], slug: str, title: str,
                     filters: Filters, campaign: dict, period: dt.date | None = None,
                     named: bool = False) -> None:
    """CSV and XLSX of ``df`` (labelled as on screen), named after campaign, filters and date.

    ``df`` is the table, or what reads every row of it when called (a long list, of which the
    page shows only the first rows: ``dashboard/ui/named_list.py``). The files are built only
    when a link is fetched (``download_link.offer``), not on every render of the page; the
    route then writes the audit entry, with the row count of the file. ``named``: the table
    holds named rows (people, registrations, results): the caller has already cut it to the
    account's unit (``access.scoped``, ``access.scope_units``).
    """
    if not access.may("download_named" if named else "download_aggregate"):
        return
    lang = filters.lang
    rows_of = df if callable(df) else (lambda: df)
    lines = filter_lines(filters, campaign, period)
    title_text = t("export_title", lang, table=title, campaign=filters.campaign)
    name = export_file_name(filters.campaign, slug, filters.as_of, list(filters.units) or None,
                            "csv")
    details = {**access.filter_details(filters), "named": named,
               "period": period.isoformat() if period else None}

    def csv() -> tuple[bytes, dict]:
        frame = rows_of()
        return to_csv_bytes(label_columns(frame, lang), lang=lang), {"rows": len(frame)}

    def xlsx() -> tuple[bytes, dict]:
        frame = rows_of()
        return (to_xlsx_bytes(label_columns(frame, lang), title=title_text, filter_lines=lines,
                              lang=lang), {"rows": len(frame)})

    action = "download_named" if named else "download_aggregate"
    offer_row(
        anchor(t("download_csv", lang), csv, name, "text/csv", event="download", what=slug,
               action=action, lang=lang, format="csv", **details),
        anchor(t("download_xlsx", lang), xlsx, name.removesuffix(".csv") + ".xlsx",
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               event="download", what=slug, action=action, lang=lang, format="xlsx",
               **details))

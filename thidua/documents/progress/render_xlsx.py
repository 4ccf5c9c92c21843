"""The progress report's tables as a workbook: the KPIs first (two columns), one sheet a table.

Each sheet is written by :func:`thidua.documents.xlsx.write_table_sheet` (the downloads'
writer): the applied filters above a frozen header, typed cells, A4 landscape one page wide.
Sheet names, headers and words for codes follow the report's language.
"""

from __future__ import annotations

import io

import pandas as pd

from thidua.catalogue import t
from thidua.documents.progress.labels import column_label, labelled_values
from thidua.documents.progress.model import ProgressReport
from thidua.documents.xlsx import TableFormats, new_workbook, write_table_sheet


def render_xlsx(report: ProgressReport) -> bytes:
    """The tables as a workbook: the KPIs first (two columns), then one sheet per table."""
    lang = report.lang
    buffer = io.BytesIO()
    workbook = new_workbook(buffer)
    fmt = TableFormats.of(workbook, lang)

    def sheet(key: str, frame: pd.DataFrame, labels: list[str]) -> None:
        name = t(f"report_progress_sheet_{key}", lang)
        write_table_sheet(workbook, frame, name=name,
                          title=t("export_title", lang, table=name,
                                  campaign=report.campaign_code),
                          filter_lines=report.filter_lines, labels=labels, lang=lang, fmt=fmt,
                          printable=True)

    kpis = pd.DataFrame({"kpi": [label for label, _ in report.kpi_rows],
                         "value": pd.Series([v for _, v in report.kpi_rows], dtype=object)})
    sheet("kpis", kpis, [t("report_progress_col_kpi", lang), t("report_progress_col_value", lang)])
    for key, frame in report.sheets:
        sheet(key, labelled_values(frame, lang), [column_label(c, lang) for c in frame.columns])
    workbook.close()
    return buffer.getvalue()

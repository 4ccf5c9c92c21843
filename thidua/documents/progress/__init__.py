"""The campaign progress report (*báo cáo tiến độ*): the dashboard's pages as one file to send.

One campaign, unit scope and as-of date (the evaluation period is ``metrics/evaluation_period``
of that date, as on the pages) give one document in three formats:

* **HTML**: a single self-contained file that opens offline: inline CSS, the Plotly figures
  interactive with plotly.js embedded once (in the first figure), no MathJax, no web font and
  no external URL; print-friendly (A4, tables repeat their header on every page).
* **PDF**: the same content with the figures rendered to PNG by kaleido, printed by headless
  Chromium (Debian's ``/usr/bin/chromium``).
* **XLSX**: the tables, one sheet each (the KPIs first, as two columns), each with the applied
  filters above a frozen header, written by the downloads' sheet writer.

The modules by role: :mod:`.gather` runs the named queries (the headline figures from
``thidua.metrics.kpis``), :mod:`.build` lays out the document model of :mod:`.model`,
:mod:`.labels` says how a table cell reads, :mod:`.render_html`, :mod:`.render_pdf` and
:mod:`.render_xlsx` write the formats, :mod:`.report` holds the entry points. Nothing here
touches Streamlit.
"""

from __future__ import annotations

from thidua.documents.progress.build import build_report
from thidua.documents.progress.labels import column_label, labelled_values
from thidua.documents.progress.model import (
    Chart,
    Heading,
    KpiCard,
    Kpis,
    Note,
    ProgressReport,
    Section,
    Table,
    Window,
)
from thidua.documents.progress.render_html import interactive_html, render_html, table_html
from thidua.documents.progress.render_pdf import figures_png, print_pdf, static_html
from thidua.documents.progress.render_xlsx import render_xlsx
from thidua.documents.progress.report import (
    FORMATS,
    default_name,
    progress_report_bytes,
    render_report,
    write_progress_report,
)

__all__ = [
    "FORMATS", "Chart", "Heading", "KpiCard", "Kpis", "Note", "ProgressReport", "Section",
    "Table", "Window", "build_report", "column_label", "default_name", "figures_png",
    "interactive_html", "labelled_values", "print_pdf", "progress_report_bytes", "render_html",
    "render_report", "render_xlsx", "static_html", "table_html", "write_progress_report",
]

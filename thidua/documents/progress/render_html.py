"""The progress report as one self-contained HTML page (interactive, or the PDF's static source).

The page opens offline: inline CSS, no web font, no external URL; the figures are placed by a
``chart_html`` callback (interactive Plotly with plotly.js embedded once, or PNG images for the
PDF, see ``render_pdf``). It prints on A4 with the tables' header repeated on every page. The
CSS colours and fonts are :mod:`thidua.theme`'s; every value from the data is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from thidua import charts
from thidua.catalogue import t
from thidua.documents.progress.labels import (
    cell_text,
    column_label,
    is_code_column,
    labelled_values,
)
from thidua.documents.progress.model import (
    Block,
    Chart,
    Heading,
    Kpis,
    Note,
    ProgressReport,
    Table,
    Window,
)
from thidua.theme import FONT_STACK, THEME

DEFAULT_CHART_HEIGHT = 400
WIDE_TABLE_COLUMNS = 8  # from this many columns a table prints in smaller type
ChartHtml = Callable[[go.Figure], str]

_CSS = """
:root { --ink: $ink; --muted: $muted; --line: $line; --accent: $accent; --head: $head; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: $font;
       color: var(--ink); margin: 0 auto; max-width: 1120px; padding: 24px 28px 48px;
       font-size: 15px; line-height: 1.45; background: $paper; }
header.report { border-bottom: 3px solid var(--accent); padding-bottom: 12px; }
.kind { font-size: 13px; letter-spacing: .08em; color: var(--accent); font-weight: 700; }
h1 { font-size: 26px; margin: 4px 0 8px; }
.meta { list-style: none; margin: 0; padding: 0; color: var(--muted); font-size: 14px; }
.meta li { margin: 2px 0; }
.meta li.as-of { color: var(--ink); font-weight: 600; }
nav.contents { margin: 14px 0 0; font-size: 14px; }
nav.contents a { color: var(--accent); margin-right: 18px; text-decoration: none; }
h2 { font-size: 21px; margin: 34px 0 10px; padding-bottom: 4px;
     border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 22px 0 6px; break-after: avoid; page-break-after: avoid; }
p.note { color: var(--muted); margin: 4px 0 8px; }
.window { margin: 10px 0 16px; }
.window .bar { height: 10px; background: var(--line); border-radius: 5px; overflow: hidden;
               margin-top: 6px; }
.window .fill { height: 100%; background: var(--accent); }
.kpis { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 12px;
        margin: 12px 0 8px; }
.kpi { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px;
       break-inside: avoid; page-break-inside: avoid; }
.kpi .label { font-size: 13px; color: var(--muted); }
.kpi .value { font-size: 28px; font-weight: 700; margin: 2px 0; }
.kpi .detail { font-size: 13px; color: var(--muted); }
figure.chart { margin: 0 0 14px; break-inside: avoid; page-break-inside: avoid; }
figure.chart h3 { margin-bottom: 4px; }
figure.chart img { display: block; width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 18px; }
th, td { border: 1px solid var(--line); padding: 4px 7px; text-align: left;
         vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.nw { white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
footer.report { margin-top: 28px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.contents { display: none; }
  section.page { break-before: page; page-break-before: always; }
  section.page:first-of-type { break-before: auto; page-break-before: auto; }
  h2 { margin-top: 0; }
  .kpi .value { font-size: 20pt; }
  table { font-size: 9pt; }
  table.wide { font-size: 8pt; }
  th, td { padding: 3px 5px; }
  footer.report { display: none; }
  a { color: inherit; text-decoration: none; }
}
"""


def css() -> str:
    """The page's style sheet, its colours and font from :mod:`thidua.theme`."""
    values = {"$ink": THEME.font_colour, "$muted": THEME.muted_text, "$line": THEME.muted,
              "$accent": THEME.primary, "$head": THEME.heading_fill, "$paper": THEME.paper,
              "$font": FONT_STACK}
    text = _CSS
    for name, value in values.items():
        text = text.replace(name, value)
    return text


def page_css(lang: str) -> str:
    """Page numbers in the bottom margin of the printed pages ("Trang 2/7")."""
    word = t("report_progress_page", lang).replace("\\", "").replace('"', "")
    return ('@page { @bottom-right { content: "' + word + ' " counter(page) "/" counter(pages);'
            f" font-family: {FONT_STACK}; font-size: 8pt; color: {THEME.muted_text}; }} }}\n")


def esc(value: Any) -> str:
    """``value`` as HTML text, quotes included."""
    return html.escape(str(value), quote=True)


def table_html(frame: pd.DataFrame, lang: str) -> str:
    """A labelled table: catalogue column names, words for codes, the language's numbers."""
    shown = labelled_values(frame, lang)
    head = "".join(f"<th>{esc(column_label(c, lang))}</th>" for c in frame.columns)
    codes = [is_code_column(c) for c in frame.columns]
    rows = []
    for values in shown.itertuples(index=False, name=None):
        cells = []
        for value, is_code in zip(values, codes, strict=True):
            text, css_class = cell_text(value, lang)
            css_class = css_class or ("nw" if is_code else "")
            cells.append(f'<td class="{css_class}">{esc(text)}</td>' if css_class
                         else f"<td>{esc(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    wide = ' class="wide"' if len(frame.columns) >= WIDE_TABLE_COLUMNS else ""
    return (f"<table{wide}><thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows)
            + "\n</tbody></table>")


def _kpis_html(block: Kpis) -> str:
    cards = "".join(
        f'<div class="kpi"><div class="label">{esc(c.label)}</div>'
        f'<div class="value">{esc(c.value)}</div>'
        f'<div class="detail">{esc(c.detail)}</div></div>' for c in block.cards)
    return f'<div class="kpis">{cards}</div>'


def _window_html(block: Window) -> str:
    bar = ("" if block.fraction is None else
           f'<div class="bar"><div class="fill" style="width:'
           f'{round(100 * block.fraction, 1)}%"></div></div>')
    return f'<div class="window">{esc(block.text)}{bar}</div>'


def block_html(block: Block, lang: str, chart_html: ChartHtml) -> str:
    """One block of a section as HTML."""
    if isinstance(block, Heading):
        return f"<h3>{esc(block.text)}</h3>"
    if isinstance(block, Note):
        return f'<p class="note">{esc(block.text)}</p>'
    if isinstance(block, Chart):
        return (f'<figure class="chart"><h3>{esc(block.title)}</h3>\n'
                f"{chart_html(block.figure)}</figure>")
    if isinstance(block, Table):
        return table_html(block.frame, lang)
    if isinstance(block, Kpis):
        return _kpis_html(block)
    if isinstance(block, Window):
        return _window_html(block)
    raise TypeError(f"unknown block {block!r}")


def _header_html(report: ProgressReport, contents: list[str]) -> str:
    lang = report.lang
    meta = "".join(
        f'<li class="as-of">{esc(line)}</li>' if i == 1 else f"<li>{esc(line)}</li>"
        for i, line in enumerate(report.header_lines))
    campaign = t("report_progress_campaign", lang, name=report.campaign_name,
                 code=report.campaign_code)
    return ('<header class="report">\n'
            f'<div class="kind">{esc(t("report_progress_title", lang))}</div>\n'
            f"<h1>{esc(campaign)}</h1>\n"
            f'<ul class="meta">{meta}</ul>\n'
            f'<nav class="contents"><b>{esc(t("report_progress_contents", lang))}:</b> '
            f'{"".join(contents)}</nav>\n</header>\n')


def render_html(report: ProgressReport, chart_html: ChartHtml) -> str:
    """The document as one HTML page; ``chart_html`` turns each figure into its markup."""
    lang = report.lang
    sections, contents = [], []
    for number, section in enumerate(report.sections, start=1):
        title = t("report_progress_section", lang, number=number, title=section.title)
        contents.append(f'<a href="#{section.anchor}">{esc(title)}</a>')
        body = "\n".join(block_html(b, lang, chart_html) for b in section.blocks)
        sections.append(f'<section class="page" id="{section.anchor}">\n'
                        f"<h2>{esc(title)}</h2>\n{body}\n</section>")
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"en" if lang == "en" else "vi"}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(report.title)}</title>\n"
        f"<style>{css()}{page_css(lang)}</style>\n</head>\n<body>\n"
        + _header_html(report, contents)
        + "\n".join(sections)
        + f'\n<footer class="report">{esc(report.title)}</footer>\n</body>\n</html>\n')


def chart_height(fig: go.Figure) -> int:
    """The figure's layout height in pixels (the default when it sets none)."""
    return int(fig.layout.height or DEFAULT_CHART_HEIGHT)


def interactive_html(report: ProgressReport) -> str:
    """The HTML with interactive figures: plotly.js embedded once, in the first figure."""
    config = charts.plotly_config(report.lang)
    count = 0

    def chart_html(fig: go.Figure) -> str:
        nonlocal count
        count += 1
        return fig.to_html(full_html=False, include_plotlyjs=count == 1, include_mathjax=False,
                           config=config, div_id=f"figure-{count}", default_width="100%",
                           default_height=f"{chart_height(fig)}px")

    return render_html(report, chart_html)

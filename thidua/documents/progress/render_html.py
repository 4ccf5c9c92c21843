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
from thidua.documents.progress.columns import LINE_CHARS, LINE_CHARS_WIDE, col_group, column_weights
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
WIDE_TABLE_COLUMNS = 8  # from this many columns a table prints in small type, in landscape
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
/* Separate borders drawn inside the cells: a collapsed table's outer border lies half outside
   its box, and Chromium's print clips that half at the page's right margin. */
table { border-collapse: separate; border-spacing: 0; width: 100%; font-size: 13px;
        margin: 6px 0 18px; }
th, td { border: solid var(--line); border-width: 0 1px 1px 0; padding: 4px 7px;
         text-align: left; vertical-align: top; }
th:first-child, td:first-child { border-left-width: 1px; }
thead th { border-top-width: 1px; }
th { background: var(--head); font-weight: 600; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.nw { white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
footer.report { margin-top: 28px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 15mm; }
@page wide { size: A4 landscape; margin: 12mm 15mm; }
@media print {
  /* 1px on the right: Chromium clips the page area a fraction of a pixel inside the layout's
     width, which took most of a full-width table's right border. */
  body { max-width: none; padding: 0 1px 0 0; font-size: 10.5pt; }
  nav.contents { display: none; }
  h2 { margin-top: 18pt; break-after: avoid; page-break-after: avoid; }
  section.page:first-of-type h2 { margin-top: 8pt; }
  .kpi .value { font-size: 20pt; }
  table { font-size: 9pt; table-layout: fixed; }
  table.wide { font-size: 8pt; }
  th, td { padding: 3px 5px; overflow-wrap: anywhere; }
  td.num, td.nw { white-space: normal; }
  p.note { break-after: avoid; page-break-after: avoid; }
  div.wide { page: wide; }
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
    """A labelled table: catalogue column names, words for codes, the language's numbers.

    The columns get widths from their text (a ``<colgroup>``) so that the printed table, laid
    out ``fixed``, fits the page's width however long a name is.
    """
    shown = labelled_values(frame, lang)
    labels = [column_label(c, lang) for c in frame.columns]
    codes = [is_code_column(c) for c in frame.columns]
    body, classes = [], []
    for values in shown.itertuples(index=False, name=None):
        cells = [cell_text(value, lang) for value in values]
        body.append([text for text, _ in cells])
        classes.append([css_class or ("nw" if is_code else "")
                        for (_, css_class), is_code in zip(cells, codes, strict=True)])
    budget = LINE_CHARS_WIDE if is_wide(frame) else LINE_CHARS
    cols = col_group(column_weights(labels, body, budget))
    head = "".join(f"<th>{esc(label)}</th>" for label in labels)
    rows = ["<tr>" + "".join(f'<td class="{c}">{esc(text)}</td>' if c else f"<td>{esc(text)}</td>"
                             for text, c in zip(texts, row_classes, strict=True)) + "</tr>"
            for texts, row_classes in zip(body, classes, strict=True)]
    wide = ' class="wide"' if is_wide(frame) else ""
    return (f"<table{wide}><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>\n<tbody>\n"
            + "\n".join(rows) + "\n</tbody></table>")


def is_wide(frame: pd.DataFrame) -> bool:
    """A table of so many columns that it prints in small type on a landscape page."""
    return len(frame.columns) >= WIDE_TABLE_COLUMNS


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


def section_body(blocks: tuple[Block, ...], lang: str, chart_html: ChartHtml) -> str:
    """A section's blocks as HTML; a wide table, with the heading and note just before it,
    goes into a ``div.wide`` that prints on landscape pages (``@page wide``)."""
    parts: list[str] = []
    lead: list[str] = []  # the heading and notes that introduce the next block
    for block in blocks:
        markup = block_html(block, lang, chart_html)
        if isinstance(block, Heading | Note):
            lead.append(markup)
        elif isinstance(block, Table) and is_wide(block.frame):
            parts.append('<div class="wide">' + "\n".join([*lead, markup]) + "</div>")
            lead = []
        else:
            parts.extend([*lead, markup])
            lead = []
    return "\n".join(parts + lead)


def render_html(report: ProgressReport, chart_html: ChartHtml) -> str:
    """The document as one HTML page; ``chart_html`` turns each figure into its markup."""
    lang = report.lang
    sections, contents = [], []
    for number, section in enumerate(report.sections, start=1):
        title = t("report_progress_section", lang, number=number, title=section.title)
        contents.append(f'<a href="#{section.anchor}">{esc(title)}</a>')
        body = section_body(section.blocks, lang, chart_html)
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

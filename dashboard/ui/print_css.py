"""What a page looks like when it is printed from the browser (Ctrl+P).

Printed, a page should be its title, its figures and its charts: not the sidebar, the toolbar,
the buttons or Streamlit's status widget. Plotly keeps the pixel width a chart had on the screen
(it does not re-measure on printing), so a chart drawn for a wide screen runs off an A4 sheet;
the main block is therefore printed at a fixed zoom that fits a chart drawn on a screen up to
1,920 px wide onto A4 landscape (273 mm ≈ 1,030 CSS px between 12 mm margins). The thidua
progress report is the document made for paper; this only keeps a quick printout readable.
"""

from __future__ import annotations

PRINT_ZOOM = 0.65

PRINT_CSS = f"""
<style>
@media print {{
  @page {{ size: A4 landscape; margin: 12mm; }}
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
  [data-testid="stStatusWidget"], [data-testid="stDownloadButton"], [data-testid="stButton"],
  [data-testid="stBaseButton-headerNoPadding"], footer {{ display: none !important; }}
  [data-testid="stAppViewContainer"], [data-testid="stMain"] {{
    overflow: visible !important; position: static !important; }}
  [data-testid="stMainBlockContainer"] {{
    zoom: {PRINT_ZOOM}; padding: 0 !important; max-width: none !important; }}
  [data-testid="stPlotlyChart"], [data-testid="stMetric"] {{
    break-inside: avoid; page-break-inside: avoid; }}
  h1, h2, h3 {{ break-after: avoid; page-break-after: avoid; }}
}}
</style>
"""


def print_styles() -> str:
    """The ``<style>`` block to put on every page (``st.html``): it only acts when printing."""
    return PRINT_CSS

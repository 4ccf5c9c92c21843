"""The styles every page carries: how it prints, and a stale page that fades without animating.

**While a run is under way**, Streamlit fades the elements it is about to replace: half a second
after the run starts they go from full to a third of their opacity over one second, an
animation drawn frame by frame. On the viewers' computers (no graphics card in a meeting-room PC
or a thin client) that costs more than the run itself: measured with a 2 s run, the browser
spent 758 ms of CPU per action with the fade and 543 ms with it as a step (``CALM_CSS``; 189
against 41 ms in its compositor). The elements still fade after the same half second, to the
same opacity, in one step: a quick run shows no change, a slow one shows its stale content
faded.

**Printed** (Ctrl+P), a page should be its title, its figures and its charts: not the sidebar, the
toolbar, the buttons or Streamlit's status widget. Plotly keeps the pixel width a chart had on the
screen (it does not re-measure on printing), so a chart drawn for a wide screen runs off an A4
sheet; the main block is therefore printed at a fixed zoom that fits a chart drawn on a screen up
to 1,920 px wide onto A4 landscape (273 mm ≈ 1,030 CSS px between 12 mm margins). The thidua
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


# Streamlit's stale element: ``opacity 1s ease-in 0.5s``; its delay is kept, its duration gone.
CALM_CSS = """
<style>
[data-testid="stElementContainer"] { transition-duration: 0s !important; }
</style>
"""


def page_styles() -> str:
    """The ``<style>`` blocks to put on every page (one ``st.html``)."""
    return CALM_CSS + PRINT_CSS

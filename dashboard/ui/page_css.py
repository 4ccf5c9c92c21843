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

from functools import cache

from thidua.catalogue import t
from thidua.theme import THEME

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


KPI_ROW_KEY = "kpi_row"
KPI_MIN_WIDTH_PX = 190  # the longest label ("Tập thể đạt tiêu chí") in full, with its border
THREE_BY_TWO_BELOW_PX = 1700  # window width under which six cards would not fit in one row

# The Overview's KPI cards (``dashboard.ui.widgets.kpi_row``). Six equal columns cut the labels
# at 1400 px ("Tập thể đạt tiêu …"); a wrapping row keeps every card at least
# ``KPI_MIN_WIDTH_PX`` wide: six in a row at 1920 px, three and three at 1400 px (checked on
# screenshots at both sizes, in vi and en). Streamlit 1.67 wraps a horizontal row only for
# fixed widths; cards should also stretch. Below ``THREE_BY_TWO_BELOW_PX`` of window, three
# cards a row: 3 + 3 rather than 4 + 2. The detail line (Streamlit's delta) wraps rather than
# ending in "…"; the cards of a row are alike in height.
_ROW = f".st-key-{KPI_ROW_KEY}"
KPI_CSS = f"""
<style>
{_ROW} > div {{ flex: 1 1 {KPI_MIN_WIDTH_PX}px !important;
  min-width: {KPI_MIN_WIDTH_PX}px !important; align-self: stretch !important; }}
@media (max-width: {THREE_BY_TWO_BELOW_PX}px) {{
  {_ROW} > div {{ flex-basis: 30% !important; }} }}
{_ROW} [data-testid=stMetricDelta], {_ROW} [data-testid=stMetricDelta] * {{
  white-space: normal !important; overflow: visible !important; height: auto !important; }}
{_ROW} > div > div {{ height: 100% !important; }}
</style>
"""

# The sidebar's line above the presentation button, drawn by the button's own container rather
# than an ``st.divider`` (an element, so a message and a render of the page in every viewer's
# browser, on every run of every page).
PRESENT_KEY = "present_start"
SIDEBAR_CSS = f"""
<style>
.st-key-{PRESENT_KEY} {{ border-top: 1px solid rgba(49, 51, 63, 0.2);
  width: 100% !important; padding-top: 1rem; margin-top: 0.5rem; }}
.st-key-{PRESENT_KEY} button {{ width: auto !important; }}
</style>
"""


# An error on a page (``thidua serve`` shows its kind only: ``--client.showErrorDetails type``)
# comes with Streamlit's "Ask Google" and "Ask ChatGPT" links, which would send the error's text
# off the LAN with one click. Nothing leaves the machine: they are not shown.
ERROR_CSS = """
<style>
[data-testid="stException"] a[href^="http"] { display: none !important; }
</style>
"""


def _css_string(text: str) -> str:
    """``text`` as a CSS string (catalogue words and numbers only, quoted all the same)."""
    escaped = "".join(ch if ch.isalnum() or ch in " .,•-–()" else f"\\{ord(ch):x} "
                      for ch in text)
    return f'"{escaped}"'


SMALL_TEXT = "0.875rem"  # Streamlit 1.67's small text (14 px): the limit line, a tooltip


def uploader_css(button: str, limit: str, refused: str) -> str:
    """Streamlit's file uploader says "Upload" and "50MB per file • XLSX, …" in English on a
    Vietnamese page, and has no parameter for either. Its two texts are hidden and the
    catalogue's shown in their place (generated content, which screen readers read too).

    A file the browser refuses (over the size limit, or not of the kinds allowed) never reaches
    the server: Streamlit marks its chip red and says why only in a tooltip, in English ("File
    must be 50.0MB or smaller."). Under a refused chip the catalogue's ``refused`` sentence is
    shown, what is accepted and what to do; the English text and tooltip are not."""
    zone = '[data-testid="stFileUploaderDropzone"]'
    chip = '[data-testid="stFileChip"][aria-invalid="true"]'
    return f"""
<style>
{zone} [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"] p {{
  display: none; }}
{zone} [data-testid="stBaseButton-secondary"] [data-testid="stMarkdownContainer"]::after {{
  content: {_css_string(button)}; }}
{zone} [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
{zone} [data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: {_css_string(limit)}; font-size: {SMALL_TEXT}; }}
[data-testid="stFileUploader"]:has({chip})::after {{
  content: {_css_string(refused)}; display: block; margin-top: 0.35rem;
  font-size: {SMALL_TEXT}; color: {THEME.refused_text}; }}
{chip} [role="alert"] {{ display: none; }}
body:has([data-testid="stTooltipErrorHoverTarget"]:hover) [role="tooltip"] {{ display: none; }}
</style>
"""


# thidua's chart element (``chart_element.js``) at full screen: over the whole window, Streamlit's
# header and sidebar included, until its button or Escape.
CHART_CSS = f"""
<style>
.thidua-chart-full {{ position: fixed !important; inset: 0; z-index: 1000200;
  background: {THEME.paper}; padding: 16px; }}
.thidua-chart-failed {{ color: {THEME.refused_text}; font-size: {SMALL_TEXT}; }}
</style>
"""


# Streamlit's own tool buttons, and what the catalogue calls them. Plotly's mode bar draws a
# button's tooltip from its ``data-title`` (Streamlit adds "Fullscreen" to a slide's chart, an
# ``st.plotly_chart``, with its English title, past Plotly's locales; the pages' own chart
# element titles its button from the catalogue); the data grid's toolbar draws Streamlit's
# tooltip, a portal of its own, while its button is hovered or focused.
CHART_TOOLS = {"Fullscreen": "chart_tool_fullscreen",
               "Close fullscreen": "chart_tool_close_fullscreen"}
TABLE_TOOLS = {"Show/hide columns": "table_tool_columns", "Search": "table_tool_search",
               **CHART_TOOLS}


def toolbar_css(lang: str) -> str:
    """The tooltips of Streamlit's chart and table tools in the catalogue's words. What a
    screen reader names the buttons (their ``aria-label``) stays Streamlit's English: CSS
    cannot reach it."""
    rules = [f'.js-plotly-plot .plotly .modebar-btn[data-title="{english}"]::after {{ '
             f"content: {_css_string(t(key, lang))}; }}" for english, key in CHART_TOOLS.items()]
    tip = '[role="tooltip"] [data-testid="stTooltipContent"] [data-testid="stMarkdownContainer"]'
    for english, key in TABLE_TOOLS.items():
        hovered = (f'body:has([data-testid="stBaseButton-elementToolbar"][aria-label="{english}"]'
                   ":is(:hover, :focus-visible))")
        rules.append(f"{hovered} {tip} p {{ display: none; }}")
        # Streamlit's Markdown pulls its box up by its last paragraph's margin (-1rem), which
        # is gone with the paragraph: without it the words were cut to their top third.
        rules.append(f"{hovered} {tip} {{ margin-bottom: 0 !important; }}")
        rules.append(f"{hovered} {tip}::after {{ content: {_css_string(t(key, lang))}; "
                     f"font-size: {SMALL_TEXT}; }}")
    return "<style>\n" + "\n".join(rules) + "\n</style>\n"


@cache  # every run of every page asks, with one of two languages
def page_styles(lang: str = "vi") -> str:
    """The ``<style>`` blocks to put on every page (one ``st.html``: each element is one
    message to the browser and one render of the page there)."""
    return (CALM_CSS + PRINT_CSS + KPI_CSS + SIDEBAR_CSS + ERROR_CSS + CHART_CSS
            + toolbar_css(lang))

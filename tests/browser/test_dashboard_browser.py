"""Every dashboard page in a real browser, in Vietnamese and in English.

``thidua serve`` runs over a fresh database (so the bundled sample is loaded first); Chromium
opens each page, waits for its title, its charts and the end of the Streamlit run, and checks
that no exception or "Page not found" is shown, that the headings are there in the page's
language and that the numbers are those of the same database read with ``build_summary``.
A full-page screenshot of each page goes to artifacts/screenshots/ for a human to look at.
Every request the pages make must stay on this computer (``Traffic``, in conftest.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from python_calamine import CalamineWorkbook

from thidua.catalogue import t
from thidua.contract import reference as ref

from .conftest import ARTIFACTS, LANGS, VIEWPORT, Server, Traffic
from .drive import CHARTS_DRAWN, EXCEPTION, SETTLED, bring_charts

try:
    from playwright.sync_api import expect
except ImportError:  # the fixtures skip (or fail under CI) with the reason
    expect = None

pytestmark = pytest.mark.browser

VIETNAMESE = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
                        re.IGNORECASE)


# ---------------------------------------------------------------------------- helpers


def pct_text(value: float, lang: str) -> str:
    """A percentage as the pages show it: one decimal, a decimal comma in Vietnamese."""
    text = f"{value:.1f}%"
    return text.replace(".", ",") if lang == "vi" else text


def period_text(summary: dict[str, Any], lang: str) -> str:
    """The evaluation month as the pages write it: 01/2026 (vi), Jan 2026 (en)."""
    year, month = summary["period"].split("-")
    if lang == "en":
        return dt.date(int(year), int(month), 1).strftime("%b %Y")
    return f"{month}/{year}"


def open_page(page: Any, server: Server, path: str, lang: str, title_key: str,
              charts: int) -> None:
    """Go to the page and wait until Streamlit has drawn it completely."""
    server.check_alive()
    page.goto(f"{server.url}{path}" + (("&" if "?" in path else "?") + "lang=en"
                                        if lang == "en" else ""))
    exception = page.locator(EXCEPTION)
    page.locator(f"h1, {EXCEPTION}").first.wait_for(state="visible")
    if exception.count():  # fail at once with Streamlit's message, not after every timeout
        pytest.fail(f"{path}?lang={lang} shows an exception:\n{exception.first.inner_text()}",
                    pytrace=False)
    expect(page.locator("h1")).to_have_text(t(title_key, lang))
    page.wait_for_function(SETTLED)
    page.wait_for_load_state("networkidle")
    page.wait_for_function(SETTLED)
    bring_charts(page, charts)  # those below the window are drawn when they come near
    page.wait_for_function(CHARTS_DRAWN, arg=charts)


def assert_clean(page: Any, path: str) -> None:
    """No exception box, no "Page not found" dialog, and still on the page asked for."""
    expect(page.locator(EXCEPTION)).to_have_count(0)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.locator('[data-testid="stDialog"]')).to_have_count(0)
    # "/" is the Overview's short address: the app moves it to the Overview's own one.
    assert urlsplit(page.url).path == (path if path != "/" else "/tong-quan"), page.url


def heading(page: Any, text: str) -> Any:
    """A section heading (st.subheader, h3); the page title (h1) is checked on its own."""
    return page.get_by_role("heading", level=3, name=text, exact=True)


def main(page: Any) -> Any:
    return page.locator('[data-testid="stMain"]')


EVERY_CHART_DRAWN = """() => [...document.querySelectorAll('div.thidua-chart')].every(
    d => d.querySelector('.main-svg') !== null)"""


def full_page_screenshot(page: Any, path: Path) -> None:
    """The whole page: Streamlit scrolls inside <main>, so the window is made as tall as it."""
    height = main(page).evaluate("e => e.scrollHeight")
    try:
        if height > VIEWPORT["height"]:
            page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
            page.wait_for_function(SETTLED)
            page.wait_for_function(EVERY_CHART_DRAWN)  # all in sight now: all drawn
        page.wait_for_timeout(300)  # let Plotly and the tables redraw; nothing is timed
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(VIEWPORT)


# ------------------------------------------------------- what each page must show


def check_overview(page: Any, lang: str, summary: dict[str, Any]) -> None:
    """The KPI cards hold the summary's numbers, formatted for the language."""
    cards = page.locator('[data-testid="stMetric"]')

    def value(label_key: str) -> Any:
        card = cards.filter(has=page.get_by_text(t(label_key, lang), exact=True))
        expect(card).to_have_count(1)
        return card.locator('[data-testid="stMetricValue"]')

    staff = pct_text(summary["staff_participation_pct"], lang)
    assert re.fullmatch(r"\d+,\d%" if lang == "vi" else r"\d+\.\d%", staff), staff
    expect(value("kpi_staff_participation")).to_have_text(staff)
    expect(value("kpi_unit_participation")).to_have_text(
        pct_text(summary["unit_participation_pct"], lang))
    expect(value("kpi_nominations")).to_have_text(str(summary["nominations_total"]))
    expect(main(page)).to_contain_text(f"{summary['staff_registered']}/{summary['staff_total']}")
    expect(main(page)).to_contain_text(f"{summary['units_registered']}/{summary['units_total']}")
    by_status = summary["nominations_by_status"]
    awarded, rejected = by_status.get("da_khen_thuong", 0), by_status.get("khong_khen_thuong", 0)
    outcome = cards.filter(has=page.get_by_text(t("kpi_nominations", lang), exact=True))
    expect(outcome.locator('[data-testid="stMetricDelta"]')).to_have_text(t(  # in its card
        "kpi_nomination_outcome", lang, awarded=awarded, rejected=rejected,
        pending=summary["nominations_total"] - awarded - rejected))


def check_participation(page: Any, lang: str, summary: dict[str, Any]) -> None:
    """The follow-up list counts the staff not registered."""
    missing = summary["staff_total"] - summary["staff_registered"]
    expect(main(page)).to_contain_text(t("unregistered_caption", lang, n=missing))
    expect(page.get_by_role("link", name=t("download_csv", lang))).to_be_visible()
    expect(page.get_by_role("link", name=t("download_xlsx", lang))).to_be_visible()


def check_criteria(page: Any, lang: str, summary: dict[str, Any]) -> None:
    """The period shown by default is the summary's evaluation period."""
    period = period_text(summary, lang)
    expect(heading(page, t("heading_heatmap", lang, period=period))).to_be_visible()
    expect(heading(page, t("heading_missing", lang, period=period))).to_be_visible()
    # The list who has not submitted is drawn when opened, with its downloads.
    grid, link = main(page).get_by_test_id("stDataFrame"), page.get_by_role(
        "link", name=t("download_csv", lang))
    expect(grid).to_have_count(0)
    opener = main(page).get_by_test_id("stExpander").first.locator("summary")
    expect(opener).to_contain_text(re.compile(
        re.escape(t("missing_open", lang, n="@")).replace("@", r"\d+")))
    opener.click()
    expect(grid).to_have_count(1)
    expect(link).to_be_visible()


def check_nominations(page: Any, lang: str, summary: dict[str, Any]) -> None:
    """The pipeline chart's bar labels are the counts per status, in the pipeline's order."""
    pipeline = page.locator(".js-plotly-plot").first
    labels = pipeline.locator("text.bartext").all_text_contents()  # SVG: no innerText
    by_status = summary["nominations_by_status"]
    assert labels == [str(by_status.get(s.code, 0)) for s in ref.STATUSES]
    assert sum(int(x) for x in labels) == summary["nominations_total"]


def check_tables(page: Any, lang: str, summary: dict[str, Any]) -> None:
    """The default table (figures by unit) has one row per unit of the campaign."""
    expect(main(page)).to_contain_text(t("rows_count", lang, n=summary["units_total"]))
    expect(page.get_by_role("link", name=t("download_csv", lang))).to_be_visible()


def check_import(page: Any, lang: str, summary: dict[str, Any]) -> None:
    expect(page.get_by_role("link", name=t("import_template", lang))).to_be_visible()
    expect(main(page)).to_contain_text(t("import_upload", lang))


# url path, title key, Plotly charts, heading keys (those without a parameter), page checks
PAGES: tuple[tuple[str, str, int, tuple[str, ...], Callable[..., None]], ...] = (
    ("/", "page_overview", 1, ("heading_trend", "heading_attention"), check_overview),
    ("/tham-gia", "page_participation", 3,
     ("heading_participation_by_unit", "heading_registrations_over_time", "heading_breakdown",
      "heading_unregistered"), check_participation),
    ("/tieu-chi", "page_criteria", 2, ("heading_completeness",),
     check_criteria),
    ("/khen-thuong", "page_nominations", 4,
     ("heading_pipeline", "heading_award_status", "heading_status_weekly",
      "heading_stage_durations", "heading_nomination_list"), check_nominations),
    ("/du-lieu", "page_tables", 0, (), check_tables),
    ("/nhap-du-lieu", "page_import", 0, ("import_history",), check_import),
)
SLUGS = {path: path.strip("/") or "tong-quan" for path, *_ in PAGES}


# ------------------------------------------------------------------------------ tests


# The overview's first chart on the sample: (month, collective %, individual %) per period.
SAMPLE_TREND = [("2025-10-01", 80.0, 81.3), ("2025-11-01", 85.0, 85.7),
                ("2025-12-01", 90.0, 89.6), ("2026-01-01", 94.4, 92.0)]
PLOTLY_TRACES = """gd => gd.data.map(trace => ({
    name: trace.name, x: trace.x.map(String), y: trace.y }))"""


def test_first_chart_shows_the_sample_trend(first_chart_s: float, pages: dict[str, Any],
                                            server: Server, summary: dict[str, Any]) -> None:
    """The first chart a new user sees (it appeared within the fixture's timeout; the time is
    printed, not asserted) is the fulfilment trend of the sample, month by month."""
    page = pages["vi"]
    open_page(page, server, "/", "vi", "page_overview", 1)
    traces = page.locator(".js-plotly-plot").first.evaluate(PLOTLY_TRACES)
    months = [month for month, *_ in SAMPLE_TREND]
    assert traces == [
        {"name": t("chart_series_collective", "vi"), "x": months,
         "y": [collective for _m, collective, _i in SAMPLE_TREND]},
        {"name": t("chart_series_individual", "vi"), "x": months,
         "y": [individual for *_m, individual in SAMPLE_TREND]}]
    assert summary["period"] == months[-1][:7]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("path", "title_key", "charts", "headings", "check"), PAGES,
                         ids=[SLUGS[p[0]] for p in PAGES])
def test_page(pages: dict[str, Any], server: Server, summary: dict[str, Any], traffic: Traffic,
              screenshots: Path, lang: str, path: str, title_key: str, charts: int,
              headings: tuple[str, ...], check: Callable[..., None]) -> None:
    page = pages[lang]
    open_page(page, server, path, lang, title_key, charts)
    assert_clean(page, path)
    assert page.locator(".js-plotly-plot").count() >= charts
    for key in headings:
        expect(heading(page, t(key, lang))).to_be_visible()
    # The navigation is in the page's language; the language switch names Vietnamese in it.
    nav = page.locator('[data-testid="stSidebarNav"]')
    for _path, key, *_ in PAGES:
        expect(nav).to_contain_text(t(key, lang))
    expect(page.locator('[data-testid="stSidebar"]')).to_contain_text("Tiếng Việt")
    # Every page says which date its figures are for and where they were imported from.
    expect(main(page)).to_contain_text(t("data_line", lang, as_of="", imported_at="",
                                         file="").split(" ")[0])
    expect(main(page)).to_contain_text("thidua_mau.xlsx")
    check(page, lang, summary)
    traffic.record_page(page)  # checked once, by test_every_request_stays_on_this_computer
    full_page_screenshot(page, screenshots / f"{lang}_{SLUGS[path]}.png")


def test_vietnamese_text(pages: dict[str, Any], server: Server) -> None:
    """Diacritics reach the page intact (composed, as in the catalogue): sidebar and headings."""
    page = pages["vi"]
    open_page(page, server, "/tham-gia", "vi", "page_participation", 3)
    sidebar = page.locator('[data-testid="stSidebar"]')
    for text in ("Nhập dữ liệu", "Tiếng Việt", "Khen thưởng", "Số liệu đến ngày"):
        expect(sidebar).to_contain_text(text)
    texts = [page.title(), *page.locator("h1, h2, h3").all_inner_texts()]
    assert any(VIETNAMESE.search(text) for text in texts), texts
    expect(heading(page, "Cán bộ chưa đăng ký")).to_be_visible()
    assert "Tham gia theo đơn vị" in main(page).inner_text()


def test_participation_downloads(pages: dict[str, Any], server: Server,
                                 summary: dict[str, Any], downloads: Path) -> None:
    """The not-yet-registered list as CSV (UTF-8 with BOM) and as Excel, in Vietnamese."""
    page = pages["vi"]
    open_page(page, server, "/tham-gia", "vi", "page_participation", 3)
    missing = summary["staff_total"] - summary["staff_registered"]

    with page.expect_download() as info:
        main(page).get_by_role("link", name=t("download_csv", "vi")).click()
    download = info.value
    assert download.suggested_filename.endswith(".csv"), download.suggested_filename
    csv_path = downloads / download.suggested_filename
    download.save_as(csv_path)
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), raw[:16]
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8").removeprefix("\ufeff"), newline="")))
    assert "Họ và tên" in rows[0], rows[0]
    assert len(rows) - 1 == missing

    with page.expect_download() as info:
        main(page).get_by_role("link", name=t("download_xlsx", "vi")).click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx"), download.suggested_filename
    xlsx_path = downloads / download.suggested_filename
    download.save_as(xlsx_path)
    sheet = CalamineWorkbook.from_path(str(xlsx_path)).get_sheet_by_index(0).to_python()
    assert sheet[0][0] == t("export_title", "vi", table=t("table_unregistered", "vi"),
                            campaign=summary["campaign_code"])
    header = next(i for i, row in enumerate(sheet) if "Họ và tên" in row)
    data = [row for row in sheet[header + 1:] if any(cell not in ("", None) for cell in row)]
    assert len(data) == missing


def test_every_request_stays_on_this_computer(pages: dict[str, Any], server: Server,
                                              traffic: Traffic) -> None:
    """No request (script, style, font, icon, web socket) to any host but this computer.

    Runs after the pages above (in both languages) and opens the overview itself, so what it
    checks is never empty: the page, its scripts and Streamlit's web socket are recorded.
    """
    for lang in LANGS:
        open_page(pages[lang], server, "/", lang, "page_overview", 1)
        traffic.record_page(pages[lang])
    port = urlsplit(server.url).port
    assert f"{server.url}/" in traffic.urls
    assert f"ws://127.0.0.1:{port}/_stcore/stream" in traffic.urls
    assert any(url.endswith(".js") for url in traffic.urls)
    assert traffic.foreign() == []


def _ink_columns(pgm: bytes) -> tuple[int, int, list[int]]:
    """(width, height, per column the number of dark pixels) of a binary PGM (P5) image."""
    header, rest = pgm.split(b"\n", 3)[:3], pgm.split(b"\n", 3)[3]
    width, height = (int(v) for v in header[1].split())
    dark = [0] * width
    for y in range(height):
        row = rest[y * width:(y + 1) * width]
        for x, value in enumerate(row):
            if value < 128:
                dark[x] += 1
    return width, height, dark


@pytest.mark.parametrize("path", ["/tong-quan", "/tieu-chi"])
def test_a_printed_page_is_its_content_on_a4(pages: dict[str, Any], server: Server,
                                             tmp_path: Path, path: str) -> None:
    """Ctrl+P: no sidebar or buttons on paper, and no chart runs off the sheet's right edge."""
    import subprocess

    page = pages["vi"]
    open_page(page, server, path, "vi", "page_overview" if path == "/tong-quan"
              else "page_criteria", 1)
    pdf = tmp_path / "page.pdf"
    page.emulate_media(media="print")
    try:
        page.wait_for_function(EVERY_CHART_DRAWN)  # those below the window too
        pdf.write_bytes(page.pdf(prefer_css_page_size=True, print_background=True))
    finally:
        page.emulate_media(media="screen")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert t("page_overview" if path == "/tong-quan" else "page_criteria", "vi") in text
    for sidebar_word in (t("filters_title", "vi"), t("present_start", "vi"),
                         t("filter_lang", "vi")):
        assert sidebar_word not in text
    first_page = subprocess.run(["pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1",
                                 str(pdf)], capture_output=True, check=True).stdout
    width, height, dark = _ink_columns(first_page)
    assert width > height  # A4 landscape
    margin = round(width * 12 / 297)  # the 12 mm page margin, in pixels
    assert sum(dark[width - margin + 1:]) == 0, "ink in the right margin: a chart runs off"


def test_a_stale_page_fades_in_one_step(pages: dict[str, Any], server: Server) -> None:
    """While a run is under way Streamlit fades the elements it will replace (``opacity 1s
    ease-in 0.5s``), drawn frame by frame; the page's style keeps the half-second delay and the
    faded look but makes the change one step (dashboard/ui/page_css.py): no animation runs."""
    page = pages["vi"]
    open_page(page, server, "/tong-quan", "vi", "page_overview", 1)
    seen = page.evaluate("""async () => {
        const el = document.querySelector('[data-testid="stElementContainer"]');
        el.style.transition = "opacity 1s ease-in 0.5s";  // Streamlit's stale element
        el.getBoundingClientRect();
        el.style.opacity = "0.33";
        await new Promise(r => setTimeout(r, 250));
        const before = getComputedStyle(el).opacity;
        await new Promise(r => setTimeout(r, 450));
        const result = {duration: getComputedStyle(el).transitionDuration, before,
                        after: getComputedStyle(el).opacity,
                        running: el.getAnimations().filter(a => a.playState === "running").length};
        el.style.transition = el.style.opacity = "";
        return result;
    }""")
    assert seen == {"duration": "0s", "before": "1", "after": "0.33", "running": 0}, seen


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("path", "title_key", "charts"), [
    ("/tong-quan", "page_overview", 1), ("/tieu-chi", "page_criteria", 2),
    ("/tieu-chi?subject=ca_nhan", "page_criteria", 2)])
def test_charts_are_drawn_once_with_margins_that_fit(pages: dict[str, Any], server: Server,
                                                     lang: str, path: str, title_key: str,
                                                     charts: int) -> None:
    """Plotly grows a margin that is too narrow for its labels by drawing the chart a second
    time (automargin); the builders' margins (thidua.charts.margins.fitted_margins) already hold
    the labels of the pages viewers go round, so the margins Plotly drew with are the given ones."""
    page = pages[lang]
    open_page(page, server, path, lang, title_key, charts)
    drawn = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')].map(p => {
        const s = p._fullLayout._size, m = p.layout.margin || {};
        return {given: [m.l, m.r, m.t, m.b], drawn: [s.l, s.r, s.t, s.b].map(Math.round)};
    })""")
    assert len(drawn) == charts
    for chart in drawn:
        assert None not in chart["given"], chart
        assert chart["drawn"] == chart["given"], f"{path}: Plotly widened the margins: {chart}"


@pytest.mark.parametrize("lang", LANGS)
def test_nomination_charts_keep_their_labels_level_and_their_plots_tall(
        pages: dict[str, Any], server: Server, lang: str) -> None:
    """The stages' and award forms' names are long: drawn as columns, half a page wide, Plotly
    stood them on end and left the pipeline a plot 74 px tall in a 400 px chart. Each chart of
    the Khen thưởng page keeps its tick labels level or at most turned 30°, and at least half
    of its height for the plot."""
    page = pages[lang]
    open_page(page, server, "/khen-thuong", lang, "page_nominations", 4)
    drawn = page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot')].map(p => ({
        angles: Object.values(p._fullLayout.xaxis._tickAngles || {}).map(Math.round),
        plot: Math.round(p._fullLayout._size.h), height: p._fullLayout.height}))""")
    assert len(drawn) == 4
    for chart in drawn:
        assert all(abs(a) <= 30 for a in chart["angles"]), chart
        assert chart["plot"] >= chart["height"] / 2, chart


@pytest.mark.parametrize("lang", LANGS)
def test_the_heatmap_colour_bar_title_clears_its_tick_labels(
        pages: dict[str, Any], server: Server, lang: str) -> None:
    """Set above the bar, "Tỷ lệ đạt (%)" touched the "100%" of the bar's top end, which sits
    half above it. The title runs along the bar now: no tick label's box meets the title's."""
    page = pages[lang]
    open_page(page, server, "/tieu-chi", lang, "page_criteria", 2)
    boxes = page.evaluate("""() => {
        const bar = document.querySelector('.js-plotly-plot .colorbar');
        const box = e => { const r = e.getBoundingClientRect();
                           return [r.left, r.top, r.right, r.bottom]; };
        return {title: box(bar.querySelector('.cbtitle text')),
                ticks: [...bar.querySelectorAll('.cbaxis text')].map(box)};
    }""")
    assert len(boxes["ticks"]) >= 2, boxes
    left, top, right, bottom = boxes["title"]
    assert right > left and bottom > top, boxes  # the title is drawn
    for tick in boxes["ticks"]:
        apart = tick[2] <= left or tick[0] >= right or tick[3] <= top or tick[1] >= bottom
        assert apart, f"a tick label {tick} meets the colour bar's title {boxes['title']}"


@pytest.mark.parametrize("lang", LANGS)
def test_a_charts_tools_speak_the_pages_language(pages: dict[str, Any], server: Server,
                                                 lang: str) -> None:
    """Plotly has no Vietnamese words of its own: its mode bar said "Download plot as a PNG",
    "Zoom", "Reset axes" on a Vietnamese page. Its buttons' titles are the catalogue's."""
    page = pages[lang]
    open_page(page, server, "/tham-gia", lang, "page_participation", 3)
    chart = page.locator(".js-plotly-plot").first
    chart.hover()
    titles = chart.evaluate(
        "gd => [...gd.querySelectorAll('.modebar-btn')].map(b => b.getAttribute('data-title'))")
    for key in ("chart_tool_png", "chart_tool_zoom_in", "chart_tool_zoom_out",
                "chart_tool_reset_axes"):
        assert t(key, lang) in titles, titles
    if lang == "vi":
        assert not {"Download plot as a PNG", "Zoom in", "Zoom out", "Reset axes"} & set(titles)


@pytest.mark.parametrize("lang", LANGS)
def test_the_file_uploader_speaks_the_pages_language(pages: dict[str, Any], server: Server,
                                                     lang: str) -> None:
    """Streamlit's uploader said "Upload" and "50MB per file • XLSX, …" on the Vietnamese
    import page; what is drawn now is the catalogue's, and Streamlit's own words are not."""
    page = pages[lang]
    open_page(page, server, "/nhap-du-lieu", lang, "page_import", 0)
    drawn = page.evaluate("""() => {
        const zone = document.querySelector('[data-testid="stFileUploaderDropzone"]');
        const md = zone.querySelector('button [data-testid="stMarkdownContainer"]');
        const limit = zone.querySelector(
            '[data-testid="stFileUploaderDropzoneInstructions"] span');
        const shown = e => { const r = e.getBoundingClientRect();
                             return r.width > 0 && r.height > 0; };
        return {button: getComputedStyle(md, '::after').content,
                limit: getComputedStyle(limit, '::after').content,
                english_button: shown(md.querySelector('p')),
                english_limit_px: parseFloat(getComputedStyle(limit).fontSize)};
    }""")
    limit = t("import_upload_limit", lang, mb="50", kinds="XLSX, XLSM, XLS, ODS")  # serve's 50
    assert drawn["button"] == f'"{t("import_upload_button", lang)}"', drawn
    assert drawn["limit"] == f'"{limit}"', drawn
    assert not drawn["english_button"] and drawn["english_limit_px"] == 0, drawn


@pytest.mark.parametrize(("lang", "name", "size"), [("vi", "qua_lon.xlsx", 51 * 2**20 + 1),
                                                   ("en", "ghi_chu.txt", 6)])
def test_a_file_the_browser_refuses_is_said_in_the_pages_language(
        pages: dict[str, Any], server: Server, tmp_path: Path, lang: str, name: str,
        size: int) -> None:
    """Over the limit (serve's 50 MB) or not a workbook, the browser refuses the file and the
    server never gets it: Streamlit only marked the chip red, with "File must be 50.0MB or
    smaller." / "text/plain files are not allowed." in an English tooltip. Under the chip is
    now the catalogue's sentence of what is accepted; the English text is neither shown nor in
    the tooltip."""
    page = pages[lang]
    open_page(page, server, "/nhap-du-lieu", lang, "page_import", 0)
    path = tmp_path / name
    with path.open("wb") as out:
        out.truncate(size)
    uploader = page.locator('[data-testid="stFileUploader"]')
    uploader.locator('input[type="file"]').set_input_files(str(path))
    chip = uploader.locator('[data-testid="stFileChip"][aria-invalid="true"]')
    chip.wait_for(state="visible")
    refused = t("import_upload_refused", lang, mb="50", kinds="XLSX, XLSM, XLS, ODS")
    assert uploader.evaluate("e => getComputedStyle(e, '::after').content") == f'"{refused}"'
    assert uploader.evaluate("e => getComputedStyle(e, '::after').display") == "block"
    chip.hover()
    page.wait_for_timeout(800)  # Streamlit's tooltip shows after a short delay
    tooltips = page.locator('[role="tooltip"]')
    assert all(not box.is_visible() for box in tooltips.all())
    english = uploader.locator('[role="alert"]')
    assert english.count() == 1 and not english.is_visible()
    assert "MB or smaller" in english.inner_text() or "not allowed" in english.inner_text()
    if lang == "vi":
        shot_path = ARTIFACTS / "screenshots" / "import-refused-vi.png"
        shot_path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shot_path))
    chip.locator('[data-testid="stFileChipDeleteBtn"] button').click()
    chip.wait_for(state="detached")
    assert uploader.evaluate("e => getComputedStyle(e, '::after').content") == "none"


@pytest.mark.parametrize("lang", LANGS)
def test_the_tables_and_charts_own_tools_speak_the_pages_language(
        pages: dict[str, Any], server: Server, lang: str) -> None:
    """Hovered, the data grid's tools said "Show/hide columns", "Search", "Fullscreen" and a
    chart's Streamlit button "Fullscreen" / "Close fullscreen", in English on a Vietnamese page.
    Their tooltips now carry the catalogue's words, whole (not cut by the box). A page's chart
    (thidua's chart element) has its own full screen button, titled in the catalogue's words:
    the chart fills the window until the button again or Escape."""
    page = pages[lang]
    open_page(page, server, "/du-lieu", lang, "page_tables", 0)
    page.locator("[data-testid=stDataFrame]").first.hover()
    tools = page.locator("[data-testid=stElementToolbar] button")
    tools.first.wait_for(state="visible")
    keys = {"Show/hide columns": "table_tool_columns", "Search": "table_tool_search",
            "Fullscreen": "chart_tool_fullscreen"}
    seen = set()
    for i in range(tools.count()):
        label = tools.nth(i).get_attribute("aria-label")
        if label not in keys:
            continue
        page.locator("[data-testid=stDataFrame]").first.hover()  # the toolbar shows again
        tools.nth(i).hover()
        tip = page.locator('[role="tooltip"] [data-testid="stTooltipContent"]')
        tip.wait_for(state="visible")
        page.wait_for_timeout(300)  # its fade-in
        drawn = tip.evaluate("""c => {
            const m = c.querySelector('[data-testid=stMarkdownContainer]');
            const p = m.querySelector('p');
            return {after: getComputedStyle(m, '::after').content,
                    english: p !== null && p.getBoundingClientRect().height > 0,
                    whole: c.getBoundingClientRect().bottom + 0.5
                           >= m.getBoundingClientRect().bottom};}""")
        assert drawn == {"after": f'"{t(keys[label], lang)}"', "english": False, "whole": True}, \
            (label, drawn)
        seen.add(label)
        page.mouse.move(5, 5)
        tip.wait_for(state="detached")
    assert seen == set(keys), seen
    open_page(page, server, "/tham-gia", lang, "page_participation", 3)
    chart = page.locator(".js-plotly-plot").first
    shown = chart.bounding_box()
    chart.hover()
    assert chart.locator('.modebar-btn[data-title="Fullscreen"]').count() == 0  # not English
    chart.locator(f'.modebar-btn[data-title="{t("chart_tool_fullscreen", lang)}"]').click()
    close = chart.locator(f'.modebar-btn[data-title="{t("chart_tool_close_fullscreen", lang)}"]')
    close.wait_for(state="attached")
    window = page.viewport_size
    full = chart.bounding_box()
    assert (full["x"], full["y"], full["width"], full["height"]) == (
        0, 0, window["width"], window["height"]), full
    assert chart.locator(".main-svg").first.bounding_box()["width"] > shown["width"]
    chart.hover()
    close.click()
    chart.locator(f'.modebar-btn[data-title="{t("chart_tool_fullscreen", lang)}"]').wait_for(
        state="attached")
    back = chart.bounding_box()
    assert (back["width"], back["height"]) == (shown["width"], shown["height"]), back
    chart.hover()
    chart.locator(f'.modebar-btn[data-title="{t("chart_tool_fullscreen", lang)}"]').click()
    close.wait_for(state="attached")
    page.keyboard.press("Escape")
    close.wait_for(state="detached")
    back = chart.bounding_box()
    assert (back["width"], back["height"]) == (shown["width"], shown["height"]), back


def test_a_chart_keeps_its_place_and_shows_each_change(browser: Any, server: Server,
                                                       traffic: Traffic) -> None:
    """``st.plotly_chart`` made a new element of every changed figure: the browser threw the
    chart's nodes away and Plotly drew it from the start, on every date, unit, subject or
    language. thidua's chart element keeps the chart's ``<div>`` while its page stays, and
    Plotly updates it in place: after another subject the same ``<div>`` and the same SVG show
    the other figure; after English, the same ``<div>`` shows the English axis title. Plotly.js
    comes from thidua's own server."""
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    context.on("request", lambda request: traffic.record(request.url))
    try:
        page = context.new_page()
        open_page(page, server, "/tieu-chi", "vi", "page_criteria", 2)
        mark = """() => { const p = document.querySelector('.js-plotly-plot');
            window.__chart = p; window.__svg = p.querySelector('.main-svg');
            return JSON.stringify(p.data[0].z); }"""
        same = """() => { const p = document.querySelector('.js-plotly-plot');
            return {chart: p === window.__chart, svg: p.querySelector('.main-svg') === window.__svg,
                    z: JSON.stringify(p.data[0].z), title: p.layout.xaxis.title.text}; }"""
        before = page.evaluate(mark)
        main(page).get_by_text(t("subject_ca_nhan", "vi"), exact=True).click()
        page.wait_for_url(re.compile("subject=ca_nhan"))
        page.wait_for_function(SETTLED)
        page.wait_for_function("z => JSON.stringify("
                               "document.querySelector('.js-plotly-plot').data[0].z) !== z",
                               arg=before)
        after = page.evaluate(same)
        assert after["chart"] and after["svg"], after  # updated in place, not drawn anew
        assert after["title"] == t("chart_axis_criterion", "vi")
        page.evaluate(mark)
        page.locator('[data-testid="stSidebar"]').get_by_text(t("lang_en", "en"),
                                                              exact=True).click()
        expect(page.locator("h1")).to_have_text(t("page_criteria", "en"))
        page.wait_for_function(SETTLED)
        page.wait_for_function(f"""() => document.querySelector('.js-plotly-plot')
            .layout.xaxis.title.text === {t("chart_axis_criterion", "en")!r}""")
        assert page.evaluate(same)["chart"]
        scripts = [url for url in traffic.urls if url.endswith("/api/thidua/plotly.min.js")]
        assert scripts and all(url.startswith(server.url) for url in scripts), scripts
    finally:
        context.close()


def test_a_chart_follows_its_columns_width(browser: Any, server: Server) -> None:
    """Plotly's own "responsive" follows the window only. Closing the sidebar widens the page's
    column without resizing the window: the chart's drawing widens with it; a narrower window
    narrows it."""
    context = browser.new_context(viewport={"width": 1000, "height": 900}, locale="vi-VN")
    widths = """() => [...document.querySelectorAll('.js-plotly-plot')].map(p =>
        [Math.round(p.getBoundingClientRect().width),
         Math.round(p.querySelector('.main-svg').getBoundingClientRect().width)])"""
    try:
        page = context.new_page()
        open_page(page, server, "/tieu-chi", "vi", "page_criteria", 2)
        before = page.evaluate(widths)
        assert all(box == svg for box, svg in before), before
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.hover()
        sidebar.locator('[data-testid="stSidebarCollapseButton"] button').click()
        # The chart in sight at once; the one below the window when it comes near.
        page.wait_for_function(f"""() => {{ const [box, svg] = ({widths})()[0];
            return box > {before[0][0]} && svg === box; }}""")
        bring_charts(page, len(before))
        page.wait_for_function(f"""() => {{ const w = ({widths})();
            return w.length === {len(before)}
                && w.every(([box, svg], i) => box > {before[0][0]} && svg === box); }}""")
        wide = page.evaluate(widths)
        page.set_viewport_size({"width": 700, "height": 900})  # and the window's, narrower
        bring_charts(page, len(before))
        page.wait_for_function(f"""() => {{ const w = ({widths})();
            return w.every(([box, svg]) => box < {wide[0][0]} && svg === box); }}""")
    finally:
        context.close()


def test_a_chart_whose_plotly_does_not_load_says_so_and_tries_again(browser: Any,
                                                                     server: Server) -> None:
    """Plotly.js comes from thidua's server: if it does not arrive, each chart says in the
    page's language that it could not be drawn (no blank box), and tries again by itself."""
    context = browser.new_context(viewport=VIEWPORT, locale="vi-VN")
    try:
        page = context.new_page()
        page.route("**/api/thidua/plotly.min.js", lambda route: route.abort())
        open_page(page, server, "/tieu-chi", "vi", "page_criteria", 0)
        failed = page.locator(".thidua-chart-failed")
        expect(failed).to_have_count(2)
        expect(failed.first).to_have_text(t("chart_not_drawn", "vi"))
        page.unroute("**/api/thidua/plotly.min.js")  # no click, no new run: the charts retry
        page.wait_for_function(CHARTS_DRAWN, arg=1, timeout=60_000)
        expect(failed).to_have_count(0)
        bring_charts(page, 2)  # the one below the window is drawn when it comes near
        expect(page.locator(".thidua-chart")).to_have_count(2)
    finally:
        context.close()


def test_a_chart_out_of_sight_is_drawn_when_it_comes_near(browser: Any, server: Server) -> None:
    """Every change of a filter or the language had every viewer's browser draw each chart of
    the page again, those below the window too. A chart out of sight keeps its place (its
    figure's height) undrawn and is drawn when it comes within 200 px of the window; drawn once
    and changed while out of sight, it shows the change when it comes back; printing draws
    every chart as it is now."""
    context = browser.new_context(viewport={"width": 1400, "height": 700}, locale="vi-VN")
    below = """() => { const d = document.querySelectorAll('div.thidua-chart')[1];
        const box = d.getBoundingClientRect();
        return {top: box.top, height: box.height, window: innerHeight,
                drawn: d.querySelector('.main-svg') !== null,
                title: d.layout ? d.layout.xaxis.title.text : null}; }"""
    first_title = """t => document.querySelector('div.thidua-chart').layout.xaxis.title.text
        === t"""
    try:
        page = context.new_page()
        open_page(page, server, "/tieu-chi", "vi", "page_criteria", 0)  # nothing scrolled
        page.wait_for_function(CHARTS_DRAWN, arg=1)
        seen = page.evaluate(below)
        assert seen["top"] > seen["window"] + 200, seen  # the page as the test needs it
        assert not seen["drawn"], seen  # out of sight: not drawn
        assert seen["height"] >= 300, seen  # but its place kept
        page.locator('[data-testid="stSidebar"]').get_by_text(t("lang_en", "en"),
                                                              exact=True).click()
        expect(page.locator("h1")).to_have_text(t("page_criteria", "en"))
        page.wait_for_function(SETTLED)
        page.wait_for_function(first_title, arg=t("chart_axis_criterion", "en"))
        assert not page.evaluate(below)["drawn"]
        bring_charts(page, 2)  # scrolled down to it, and back up
        assert page.evaluate(below)["title"] == t("chart_axis_completeness_pct", "en")
        page.locator('[data-testid="stSidebar"]').get_by_text(t("lang_vi", "vi"),
                                                              exact=True).click()
        expect(page.locator("h1")).to_have_text(t("page_criteria", "vi"))
        page.wait_for_function(SETTLED)
        page.wait_for_function(first_title, arg=t("chart_axis_criterion", "vi"))
        # Out of sight it still shows what it showed (nothing drawn for nobody) ...
        assert page.evaluate(below)["title"] == t("chart_axis_completeness_pct", "en")
        page.locator("div.thidua-chart").nth(1).scroll_into_view_if_needed()
        # ... and the change as soon as it comes near.
        page.wait_for_function(f"""() => ({below})().title
            === {t("chart_axis_completeness_pct", "vi")!r}""")
        # Printed (print media, as Ctrl+P and a PDF lay it out): drawn with the change too.
        main(page).evaluate("e => e.scrollTo(0, 0)")
        page.locator('[data-testid="stSidebar"]').get_by_text(t("lang_en", "en"),
                                                              exact=True).click()
        page.wait_for_function(SETTLED)
        page.wait_for_function(first_title, arg=t("chart_axis_criterion", "en"))
        assert page.evaluate(below)["title"] == t("chart_axis_completeness_pct", "vi")
        page.emulate_media(media="print")
        page.wait_for_function(f"""() => ({below})().title
            === {t("chart_axis_completeness_pct", "en")!r}""")
        page.emulate_media(media="screen")
    finally:
        context.close()

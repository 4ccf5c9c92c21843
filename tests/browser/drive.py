"""Driving the dashboard in Chromium: when a Streamlit run is over, signing in, the navigation.

Shared by the proxy test (Playwright's sync API: the functions) and
``benchmarks/load_viewers.py`` (async: ``Viewer``, which also drives the one-chart baseline,
whose sidebar has the same widgets and labels); the JavaScript conditions are plain strings.
"""

from __future__ import annotations

import re
import time
from typing import Any

from thidua.catalogue import t

# The run is over: connected, not running, no "Running…" widget, no skeleton placeholder.
SETTLED = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    return app !== null
        && app.dataset.testScriptState === "notRunning"
        && app.dataset.testConnectionState === "CONNECTED"
        && document.querySelector('[data-testid="stStatusWidget"]') === null
        && document.querySelector('[data-testid="stSkeleton"]') === null;
}"""
# At least n Plotly charts, every one drawn (Plotly draws after the element is attached).
CHARTS_DRAWN = """(n) => {
    const plots = [...document.querySelectorAll('.js-plotly-plot')];
    return plots.length >= n && plots.every(p => p.querySelector('.main-svg') !== null);
}"""
EXCEPTION = '[data-testid="stException"]'
NAV = '[data-testid="stSidebarNav"]'
ACTION_TIMEOUT_MS = 120_000
# How often a waiting viewer checks whether its change is shown. Playwright's default checks
# on every animation frame: with 20 pages waiting that kept the browsers drawing frames for the
# checks alone, a cost that grows with the wait (the slower app paid more for being measured).
# Every 50 ms adds at most 50 ms to a time, the same for both apps.
POLL_MS = 50
CHARTS = {"page_overview": 1, "page_criteria": 1, "page_tables": 0}  # at least
# The change is shown: address parameters (None: absent, "*": present), title, charts drawn.
DONE = """([want, title, charts]) => {
    const q = new URLSearchParams(location.search);
    for (const [k, v] of Object.entries(want)) {
        if (v === null ? q.has(k) : v === "*" ? !q.has(k) : q.get(k) !== v) return false;
    }
    if (title && ![...document.querySelectorAll("h1")].some(h => h.textContent.trim() === title))
        return false;
    return (""" + SETTLED + """)() && (""" + CHARTS_DRAWN + """)(charts);
}"""


# A page's chart (thidua's element, or a slide's ``st.plotly_chart``) and a drawn one.
CHART_PLACE = 'div.thidua-chart, [data-testid="stPlotlyChart"]'


def bring_charts(page: Any, charts: int) -> None:
    """Bring each of the page's first ``charts`` charts into sight until it is drawn, then the
    page back to its top: a chart below the window is drawn only when it comes near
    (``dashboard/ui/chart_element.js``), as when a viewer scrolls down to it."""
    places = page.locator(CHART_PLACE)
    for i in range(charts):
        place = places.nth(i)
        place.wait_for(state="attached")
        place.scroll_into_view_if_needed()
        place.locator(".main-svg").first.wait_for(state="attached")
    page.locator('[data-testid="stMain"]').evaluate("e => e.scrollTo(0, 0)")


def settle(page: Any, charts: int = 0) -> None:
    """Wait until Streamlit's run is over and ``charts`` charts are drawn (those below the
    window brought into sight)."""
    page.wait_for_function(SETTLED)
    if charts:
        bring_charts(page, charts)
        page.wait_for_function(CHARTS_DRAWN, arg=charts)
    page.wait_for_function(SETTLED)


def wait_title(page: Any, title_key: str, lang: str = "vi", charts: int = 0) -> None:
    """The page titled ``title_key`` is shown (or fail at once with Streamlit's exception)."""
    page.locator(f"h1, {EXCEPTION}").first.wait_for(state="visible")
    page.wait_for_function(
        """([title, exception]) => document.querySelector(exception) !== null
            || [...document.querySelectorAll("h1")].some(h => h.innerText.trim() === title)""",
        arg=[t(title_key, lang), EXCEPTION])
    if page.locator(EXCEPTION).count():
        raise AssertionError(f"{page.url} shows an exception:\n"
                             f"{page.locator(EXCEPTION).first.inner_text()}")
    settle(page, charts)


def sign_in(page: Any, url: str, name: str, password: str, lang: str = "vi") -> None:
    """Open ``url`` (the sign-in form), sign in and wait for the Overview with its chart."""
    page.goto(url)
    wait_title(page, "signin_page_title", lang)
    page.get_by_label(t("signin_page_name", lang)).fill(name)
    page.get_by_label(t("signin_page_password", lang)).fill(password)
    page.get_by_role("button", name=t("signin_page_submit", lang)).click()
    wait_title(page, "page_overview", lang, charts=1)


def go_to(page: Any, title_key: str, lang: str = "vi", charts: int = 0) -> None:
    """Click the page's link in the sidebar (a reload would end the signed-in session)."""
    page.locator(NAV).get_by_role("link", name=t(title_key, lang), exact=True).click()
    wait_title(page, title_key, lang, charts)


class Viewer:
    """One signed-in browser context: where it is in the cycle, its language and page."""

    def __init__(self, page, url: str, name: str | None) -> None:
        self.page, self.url, self.name = page, url, name
        self.step, self.lang, self.title = 0, "vi", "page_overview"

    async def act(self, kind: str, arg: str) -> float:
        page, lang, sidebar = self.page, self.lang, self.page.locator('[data-testid="stSidebar"]')
        want: dict[str, str | None] = {}
        if kind == "as_of":
            y, m, d = arg.split("-")
            await sidebar.locator('[data-testid="stDateInput"] [role="spinbutton"]').first.focus()
            await page.keyboard.type(d + m + y if lang == "vi" else y + m + d)
            await page.keyboard.press("Escape")
            start = time.perf_counter()
            await sidebar.get_by_role("button", name=t("filter_as_of_apply", lang)).click()
            want["as_of"] = arg
        elif kind == "unit" and arg == "add":
            await sidebar.locator('[data-testid="stMultiSelect"] input').click()
            start = time.perf_counter()
            await page.locator('[role="option"]').nth(1).click()  # 0 is "Select all"
            await page.keyboard.press("Escape")
            want["units"] = "*"
        elif kind == "unit":
            start = time.perf_counter()
            await sidebar.locator('[data-testid="stMultiSelect"] [aria-label="Clear all"]').click()
            want["units"] = None
        elif kind == "lang":
            start = time.perf_counter()
            await sidebar.locator("button").filter(
                has_text=re.compile(f"^{t(f'lang_{arg}', arg)}$")).click()
            self.lang = lang = arg
            want["lang"] = arg if arg != "vi" else None
        elif kind == "page":
            start = time.perf_counter()
            await page.locator(NAV).get_by_role("link", name=t(arg, lang), exact=True).click()
            self.title = arg
        else:  # the CSV of the Tables page, until the file is saved
            start = time.perf_counter()
            main, label = page.locator('[data-testid="stMain"]'), t("download_csv", lang)
            # thidua's download is a link to its route; the baseline's is Streamlit's button.
            offer = main.get_by_role("link", name=label).or_(main.get_by_role("button", name=label))
            async with page.expect_download(timeout=ACTION_TIMEOUT_MS) as info:
                await offer.first.click()
            await (await info.value).path()
            return time.perf_counter() - start
        await page.wait_for_function(DONE, arg=[want, t(self.title, lang), CHARTS[self.title]],
                                     timeout=ACTION_TIMEOUT_MS, polling=POLL_MS)
        if await page.locator(EXCEPTION).count():
            raise RuntimeError(await page.locator(EXCEPTION).first.inner_text())
        return time.perf_counter() - start

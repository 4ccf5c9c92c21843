"""Driving the dashboard in Chromium: when a Streamlit run is over, signing in, the navigation.

Shared by the proxy test (Playwright's sync API) and ``benchmarks/load_viewers.py`` (async):
the JavaScript conditions are plain strings, the sync helpers are for the tests.
"""

from __future__ import annotations

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


def settle(page: Any, charts: int = 0) -> None:
    """Wait until Streamlit's run is over and ``charts`` charts are drawn."""
    page.wait_for_function(SETTLED)
    if charts:
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

"""Presentation mode in a real browser at the projector sizes of a meeting room.

Each slide is reached with the keyboard (→, ←), renders without an error, keeps the sidebar
hidden and shows the filters strip; a screenshot of every slide at 1920×1080, 1280×720 and
3840×2160 is saved as an artifact, and charts must reach the bottom of the screen at each size.
Auto-advance is watched happen (a bounded wait for the next slide, not a timing assertion).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from thidua.catalogue import t

pytestmark = pytest.mark.browser

SIZES = ({"width": 1920, "height": 1080}, {"width": 1280, "height": 720},
         {"width": 3840, "height": 2160})
SLIDE_TITLES = ["slide_kpis", "slide_participation", "slide_heatmap", "slide_pipeline",
                "slide_commend"]


def _title(key: str, period: str) -> str:
    return t(key, "vi", period=period)


def _wait_for_title(page: Any, text: str) -> None:
    page.locator("h1", has_text=text).first.wait_for(state="visible", timeout=30_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=30_000)


def _chart_bottom(page: Any) -> float:
    """The bottom edge of the slide's chart once it is drawn and steady.

    Streamlit may replace the chart element while the slide settles (a rerun), so the edge is
    read in the page itself, twice 250 ms apart, until both readings agree (at most 30 s).
    """
    script = """() => new Promise(done => {
        const edge = () => {
            const el = document.querySelector('.js-plotly-plot .main-svg');
            return el ? el.closest('.js-plotly-plot').getBoundingClientRect().bottom : null;
        };
        const first = edge();
        setTimeout(() => {
            const second = edge();
            done(first !== null && second !== null && Math.abs(first - second) < 1
                 ? second : null);
        }, 250);
    })"""
    for _ in range(120):
        bottom = page.evaluate(script)
        if bottom is not None:
            return float(bottom)
    raise AssertionError("the slide's chart never settled on the page")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s['width']}x{s['height']}")
def test_slides_by_keyboard(browser: Any, server: Any, summary: dict, screenshots: Path,
                            size: dict) -> None:
    period = f"{summary['period'][5:]}/{summary['period'][:4]}"
    context = browser.new_context(viewport=size, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/?mode=trinh-chieu&play=0", timeout=90_000)
        for index, key in enumerate(SLIDE_TITLES):
            title = _title(key, period)
            _wait_for_title(page, title)
            if key in ("slide_participation", "slide_heatmap", "slide_pipeline"):
                # The chart fills the slide: it ends within the last 8% of the screen.
                assert _chart_bottom(page) >= size["height"] * 0.92
                assert _chart_bottom(page) <= size["height"]
            page.wait_for_timeout(600)  # let the chart finish its first paint
            assert page.locator('[data-testid="stException"]').count() == 0
            assert not page.locator('[data-testid="stSidebar"]').is_visible()
            strip = page.locator(".strip").inner_text()
            assert f"{index + 1}/5" in strip and "Số liệu đến ngày" in strip
            assert summary["campaign_code"] in strip
            h1_px = page.locator("h1").first.evaluate(
                "e => parseFloat(getComputedStyle(e).fontSize)")
            assert h1_px >= 34  # readable from the back of the room
            page.screenshot(path=str(screenshots / (
                f"trinh-chieu_{size['width']}x{size['height']}_{index + 1}.png")))
            page.keyboard.press("ArrowRight")
        _wait_for_title(page, _title(SLIDE_TITLES[0], period))  # wrapped round
        page.keyboard.press("ArrowLeft")
        _wait_for_title(page, _title(SLIDE_TITLES[4], period))
        assert page.url.endswith("slide=5") or "slide=5" in page.url
    finally:
        context.close()


def test_kpi_slide_shows_the_summary(browser: Any, server: Any, summary: dict) -> None:
    context = browser.new_context(viewport=SIZES[0], locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/?mode=trinh-chieu&play=0", timeout=90_000)
        _wait_for_title(page, t("slide_kpis", "vi"))
        values = page.locator(".kpi .value").all_inner_texts()
        staff = f"{summary['staff_participation_pct']:.1f}".replace(".", ",") + "%"
        assert values[0] == staff
        assert values[-1] == str(summary["nominations_total"])
        value_px = page.locator(".kpi .value").first.evaluate(
            "e => parseFloat(getComputedStyle(e).fontSize)")
        assert value_px >= 60
    finally:
        context.close()


@pytest.mark.parametrize("path", ["/", "/tieu-chi"])
def test_auto_advance_moves_on_by_itself(browser: Any, server: Any, summary: dict,
                                         path: str) -> None:
    """At "/" and at a page's own address (a link copied from the Criteria page): the slides,
    with no "Page not found" over them, moving on by themselves."""
    context = browser.new_context(viewport=SIZES[1], locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(f"{server.url}{path}?mode=trinh-chieu&play=1&every=10", timeout=90_000)
        _wait_for_title(page, t("slide_kpis", "vi"))
        assert page.get_by_text("Page not found").count() == 0
        assert page.locator('[data-testid="stDialog"]').count() == 0
        # The fragment looks every 5 s and moves after 10 s: wait (bounded) for slide 2.
        page.locator("h1", has_text=t("slide_participation", "vi")).first.wait_for(
            state="visible", timeout=40_000)
        assert "slide=2" in page.url
    finally:
        context.close()

"""How many elements each page puts in the browser, against a budget.

Every element (a heading, a card, a container, a chart) is one WebSocket message, and in
Streamlit 1.67 every message is one update of the whole page in every viewer's browser. With 20
viewers on two cores those updates no longer fall inside one frame, and a page's browser work
grows with its element count (``benchmarks/RESULTS.md``, seventh and eighth sessions: thidua's
re-render p95 went from 2.6-3.1 to 1.9-2.0 times the one-chart page's as the elements came
down). The budgets are the counts of today's pages on the tiny fixture, in local mode (its
banner counted): a change that adds an element fails here and has to raise the budget, saying
in its commit why the element is worth a render in every browser.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).parent.parent / "dashboard" / "streamlit_app.py")
# page -> (main, sidebar): elements and containers, each one message a run
BUDGET = {
    "app_pages/overview.py": (18, 8),
    "app_pages/criteria.py": (13, 8),  # the missing list and the wording: when opened
    "app_pages/tables.py": (8, 8),
    "app_pages/participation.py": (16, 8),
    "app_pages/nominations.py": (14, 8),
}


def elements(block) -> int:
    """The elements and containers under ``block`` (not counting ``block`` itself)."""
    return sum(1 + (elements(child) if hasattr(child, "children") else 0)
               for child in block.children.values())


@pytest.fixture
def app(tiny_db: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("THIDUA_DB", str(tiny_db))
    return AppTest.from_file(APP, default_timeout=60)


@pytest.mark.parametrize("page", BUDGET)
def test_each_page_keeps_to_its_element_budget(app: AppTest, page: str):
    app.run()
    app.switch_page(page).run()
    assert not app.exception, [e.message for e in app.exception]
    counted = (elements(app.main), elements(app.sidebar))
    assert counted[0] <= BUDGET[page][0] and counted[1] <= BUDGET[page][1], (
        f"{page}: {counted[0]} elements in the page and {counted[1]} in the sidebar, over the "
        f"budget of {BUDGET[page][0]} and {BUDGET[page][1]}")


def test_the_sidebar_line_is_drawn_by_a_style_not_an_element(app: AppTest):
    """The line above "Trình chiếu" was an ``st.divider``: one message on every run of every
    page. It is the button's own border now (``dashboard.ui.page_css.SIDEBAR_CSS``)."""
    from dashboard.ui.page_css import PRESENT_KEY, page_styles

    app.run()
    assert not app.exception
    assert app.sidebar.button(key=PRESENT_KEY)
    assert not app.sidebar.divider
    assert f".st-key-{PRESENT_KEY}" in page_styles()

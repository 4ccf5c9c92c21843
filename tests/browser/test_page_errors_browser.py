"""An error on a page, served as ``thidua serve`` serves the dashboard: the viewer sees a sentence
in the page's language with a reference (a dashboard page: ``dashboard/ui/failure.py``) or the
error's kind (anywhere else), never its message (a staff name, a file path), and no link that
would send it off the machine."""

from __future__ import annotations

import re
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.browser.conftest import _free_port, _healthy, _stop
from thidua.catalogue import t
from thidua.cli.serve import streamlit_command

REPO = Path(__file__).resolve().parents[2]
SECRET = "Nguyễn Văn A /srv/thidua/data/thidua.duckdb"
FAILING_PAGE = f'''
import sys
sys.path.insert(0, {str(REPO)!r})
import streamlit as st
from dashboard.ui.page_css import page_styles
st.html(page_styles())
st.title("thidua")
raise ValueError({SECRET!r})
'''
# A dashboard page that fails, run as streamlit_app.py runs its pages.
FAILING_DASHBOARD_PAGE = f'''
import sys
sys.path.insert(0, {str(REPO)!r})
import streamlit as st
from dashboard.ui import failure
from dashboard.ui.page_css import page_styles
st.html(page_styles())
st.title("thidua")

class Page:
    def run(self):
        raise ValueError({SECRET!r})

failure.run(Page(), st.query_params.get("lang", "vi"))
'''


@contextmanager
def served(script_text: str, tmp_path: Path):
    """(url, log) of ``script_text`` served with ``thidua serve``'s Streamlit command."""
    script = tmp_path / "failing_page.py"
    script.write_text(script_text, encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(streamlit_command(script, "127.0.0.1", port), cwd=REPO,
                                   stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not _healthy(url):
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.25)
        yield url, log
    finally:
        _stop(process)


def test_a_failing_dashboard_page_says_so_in_its_language_with_a_reference(
        browser: Any, tmp_path: Path):
    with served(FAILING_DASHBOARD_PAGE, tmp_path) as (url, log):
        page = browser.new_page()
        for lang in ("vi", "en"):
            page.goto(f"{url}/?lang={lang}")
            alert = page.locator('[data-testid="stAlert"]')
            alert.wait_for(state="visible")
            shown = alert.locator('[data-testid="stMarkdownContainer"]').inner_text().strip()
            pattern = re.escape(t("page_failed", lang, ref="@@")).replace("@@", "([0-9A-F]{6})")
            found = re.fullmatch(pattern, shown)
            assert found, shown
            assert page.locator('[data-testid="stException"]').count() == 0  # no English box
            assert "Nguyễn" not in page.content() and "/srv/" not in page.content()
            deadline = time.monotonic() + 10  # the log line is written as the page fails
            while found.group(1) not in log.read_text(encoding="utf-8", errors="replace"):
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        page.close()
    logged = log.read_text(encoding="utf-8", errors="replace")
    assert SECRET in logged and "Traceback" in logged  # IT finds it there by its reference


def test_a_failing_page_shows_the_kind_of_error_and_nothing_of_it(browser: Any, tmp_path: Path):
    with served(FAILING_PAGE, tmp_path) as (url, log):
        page = browser.new_page()
        page.goto(url)
        error = page.locator('[data-testid="stException"]')
        error.wait_for(state="visible")
        shown = error.inner_text()
        assert "ValueError" in shown
        assert "Nguyễn" not in shown and "/srv/" not in shown  # message and traceback: the log's
        links = error.locator('a[href^="http"]')
        assert links.count() >= 1  # Streamlit still writes them (else this test checks nothing)
        assert all(not links.nth(i).is_visible() for i in range(links.count()))
        page.close()
    assert SECRET in log.read_text(encoding="utf-8", errors="replace")  # IT can read it there

"""An error on a page, served as ``thidua serve`` serves the dashboard: the viewer sees its kind,
not its message (a staff name, a file path), and no link that would send it off the machine."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path
from typing import Any

from tests.browser.conftest import _free_port, _healthy, _stop
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


def test_a_failing_page_shows_the_kind_of_error_and_nothing_of_it(browser: Any, tmp_path: Path):
    script = tmp_path / "failing_page.py"
    script.write_text(FAILING_PAGE, encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(streamlit_command(script, "127.0.0.1", port), cwd=REPO,
                                   stdout=out,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not _healthy(url):
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.25)
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
    finally:
        _stop(process)
    assert SECRET in log.read_text(encoding="utf-8", errors="replace")  # IT can read it there

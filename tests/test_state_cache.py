"""The page layer's cached results: shared, never shared by reference."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.ui import state


@pytest.fixture
def tiny_state(tiny_db: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("THIDUA_DB", str(tiny_db))
    state.refresh()
    yield
    state.refresh()


def test_rows_are_the_query_as_records_and_each_call_its_own(tiny_state):
    rows = state.rows("metrics/campaigns")
    assert rows == state.query("metrics/campaigns").to_dict("records")
    rows[0]["campaign_code"] = "changed"
    rows.append({})
    assert state.rows("metrics/campaigns")[0]["campaign_code"] == "TD25"
    assert len(state.rows("metrics/campaigns")) == len(rows) - 1


def test_a_query_result_changed_by_a_page_stays_unchanged_in_the_cache(tiny_state):
    first = state.query("metrics/campaigns")
    first.loc[0, "campaign_code"] = "changed"
    assert state.query("metrics/campaigns").loc[0, "campaign_code"] == "TD25"

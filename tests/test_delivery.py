"""A run's elements sent in one piece (dashboard/ui/delivery.py)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.ui import delivery


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_messages_are_held_until_released_and_keep_their_order() -> None:
    sent: list[str] = []
    held = delivery.Held(sent.append, hold_s=1.0, clock=Clock())
    for message in ("title", "card", "chart"):
        held(message)
    assert sent == []
    held.release()
    assert sent == ["title", "card", "chart"]
    held("table")  # after the release, straight through
    assert sent == ["title", "card", "chart", "table"]


def test_a_slow_run_streams_once_it_has_held_for_hold_s() -> None:
    sent: list[str] = []
    clock = Clock()
    held = delivery.Held(sent.append, hold_s=1.0, clock=clock)
    held("title")
    clock.now = 0.9
    held("card")
    assert sent == []
    clock.now = 1.1  # past the hold: what is held, then this one, then each as it comes
    held("chart")
    assert sent == ["title", "card", "chart"]
    held("table")
    assert sent[-1] == "table"


def _page_with_progress() -> None:
    import streamlit as st
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

    from dashboard.ui import delivery as d

    with d.whole_pages():
        held = get_script_run_ctx()._enqueue
        st.session_state["holding"] = isinstance(held, d.Held) and held.holding
        st.title("a")
        st.session_state["held"] = len(held.messages)
        d.release()
        st.session_state["after_release"] = (held.holding, len(held.messages))
        st.markdown("b")


def test_whole_pages_send_every_element_and_release_passes_through() -> None:
    at = AppTest.from_function(_page_with_progress).run()
    assert not at.exception
    assert at.session_state["holding"] and at.session_state["held"] == 1  # the title, held
    assert at.session_state["after_release"] == (False, 0)
    assert [h.value for h in at.title] == ["a"] and [m.value for m in at.markdown] == ["b"]


def _failing_page() -> None:
    import streamlit as st

    from dashboard.ui import delivery as d

    with d.whole_pages():
        st.title("before the error")
        raise ValueError("boom")


def test_a_failing_run_still_sends_what_it_wrote_and_its_error() -> None:
    at = AppTest.from_function(_failing_page).run()
    assert [h.value for h in at.title] == ["before the error"]
    assert "boom" in at.exception[0].message


def _stopped_page() -> None:
    import streamlit as st

    from dashboard.ui import delivery as d

    with d.whole_pages():
        st.title("kept")
        st.stop()
        st.title("never")


def test_a_stopped_run_sends_what_it_wrote() -> None:
    at = AppTest.from_function(_stopped_page).run()
    assert not at.exception
    assert [h.value for h in at.title] == ["kept"]  # not "never"


def _refused_page() -> None:
    import streamlit as st

    from dashboard.ui import delivery as d

    with d.whole_pages():
        st.warning("refused")
        st.stop()  # a page's deny: nothing after it may run, held or not
        st.session_state["ran_past_stop"] = True
        st.dataframe({"name": ["someone"]})  # pragma: no cover


def test_st_stop_ends_a_held_run_where_it_stands() -> None:
    at = AppTest.from_function(_refused_page).run()
    assert [w.value for w in at.warning] == ["refused"]
    assert "ran_past_stop" not in at.session_state
    assert not at.dataframe


def test_every_element_passes_the_yield_point() -> None:
    calls: list[str] = []
    held = delivery.Held(calls.append, hold_s=1.0, clock=Clock(),
                         yield_point=lambda: calls.append("check"))
    held("title")
    held("card")
    assert calls == ["check", "check"]


def test_nested_holding_is_one_hold() -> None:
    def page() -> None:
        import streamlit as st

        from dashboard.ui import delivery as d

        with d.whole_pages(), d.whole_pages():
            st.title("once")

    at = AppTest.from_function(page).run()
    assert [h.value for h in at.title] == ["once"]


def test_no_hold_sends_at_once() -> None:
    sent: list[str] = []
    held = delivery.Held(sent.append, hold_s=0.0, clock=Clock())
    held("title")
    assert sent == ["title"]


@pytest.mark.parametrize(("value", "seconds"), [
    (None, delivery.HOLD_S), ("250", 0.25), ("0", 0.0), ("ten", delivery.HOLD_S),
    ("-5", delivery.HOLD_S), ("1e9", delivery.HOLD_S)])
def test_the_hold_is_a_setting(monkeypatch: pytest.MonkeyPatch, value: str | None,
                               seconds: float) -> None:
    if value is None:
        monkeypatch.delenv("THIDUA_HOLD_MS", raising=False)
    else:
        monkeypatch.setenv("THIDUA_HOLD_MS", value)
    assert delivery.hold_s() == seconds


def test_a_hold_of_zero_streams_as_streamlit_does(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THIDUA_HOLD_MS", "0")

    def page() -> None:
        import streamlit as st
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

        from dashboard.ui import delivery as d

        with d.whole_pages():
            st.session_state["held"] = isinstance(get_script_run_ctx()._enqueue, d.Held)
            st.title("streamed")

    at = AppTest.from_function(page).run()
    assert at.session_state["held"] is False
    assert [h.value for h in at.title] == ["streamed"]

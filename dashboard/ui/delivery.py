"""A run's page reaches the browser in one piece, not element by element.

Streamlit sends each element to the browser as the script writes it, one WebSocket message
each, and the browser lays the page out again for each. While the server answers in a few
milliseconds the messages arrive together and cost one layout; when it is slow (20 viewers on
2 cores, a province's first query) they arrive spread over the run, and every viewer's browser
redraws the page once per element. Measured (``benchmarks/browser_cost.py --slow-server 30``,
the server on one core with 30 busy processes): thidua's browser work grew from 1,638 to 3,301
ms a round of the load cycle, and its CPU from 257 to 366 ms an action; holding the messages to
the end of the run brought it to 2,058 ms and 238 ms, and the change was shown sooner (0.85 s
against 1.37 s, the median action; ``benchmarks/RESULTS.md``, sixth session).

``whole_pages`` holds what the run writes and sends it when the run ends (finished, stopped,
rerun or failed: Streamlit's own messages follow). Each element written still passes Streamlit's
check for a stop or a rerun, so ``st.stop()`` (a refused page) ends the run where it did. A run
that takes longer than ``HOLD_S`` (``$THIDUA_HOLD_MS``; 0 turns holding off) sends what it has
at its next element and streams from there, as does a page that calls ``release`` before long
work whose progress people watch (an import, a document).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

HOLD_S = 1.0  # a run slower than this shows its page as it goes, as Streamlit does


def hold_s() -> float:
    """``$THIDUA_HOLD_MS`` in seconds (0: every element sent as it is written, as Streamlit
    does; anything that is not a number from 0 to 60,000: ``HOLD_S``)."""
    try:
        ms = float(os.environ.get("THIDUA_HOLD_MS", HOLD_S * 1000))
    except ValueError:
        return HOLD_S
    return ms / 1000 if 0 <= ms <= 60_000 else HOLD_S


class Held:
    """Stands in for a run context's ``_enqueue``: keeps messages until released."""

    def __init__(self, send: Callable[[Any], None], hold_s: float = HOLD_S,
                 clock: Callable[[], float] = time.perf_counter,
                 yield_point: Callable[[], None] = lambda: None) -> None:
        self.send, self.hold_s, self.clock, self.yield_point = send, hold_s, clock, yield_point
        self.until = clock() + hold_s
        self.messages: list[Any] = []
        self.holding = True
        self._lock = threading.Lock()  # a spinner's timer thread writes too

    def __call__(self, message: Any) -> None:
        # Where Streamlit stops or restarts a run (st.stop, st.rerun, a newer click) is here,
        # at the next element written: a held element must not skip it.
        self.yield_point()
        with self._lock:
            if self.holding and self.clock() < self.until:
                self.messages.append(message)
                return
        self.release()
        self.send(message)

    def release(self) -> None:
        """Send what is held, in order; everything after goes straight through."""
        with self._lock:
            self.holding = False
            messages, self.messages = self.messages, []
        for message in messages:
            self.send(message)


@contextlib.contextmanager
def whole_pages() -> Iterator[None]:
    """Within the block, this run's elements reach the browser together at its end."""
    ctx = get_script_run_ctx()
    send = getattr(ctx, "_enqueue", None)
    parts = _runner_parts(send)
    limit = hold_s()
    if parts is None or not limit:  # bare mode, another Streamlit, holding already, or off
        yield
        return
    deliver, yield_point = parts
    held = Held(deliver, hold_s=limit, yield_point=yield_point)
    ctx._enqueue = held
    try:
        yield
    finally:
        ctx._enqueue = send
        held.release()


def _runner_parts(send: Any) -> tuple[Callable[[Any], None], Callable[[], None]] | None:
    """(deliver a message, check for a stop or rerun): the two halves of Streamlit 1.67's
    ``ScriptRunner._enqueue_forward_msg``, which checks, then hands the message on. Held
    messages are checked as they are written and delivered later without a second check (after
    a stop every check raises again, and what was written before it would be lost)."""
    runner = getattr(send, "__self__", None)
    check = getattr(runner, "_maybe_handle_execution_control_request", None)
    on_event = getattr(runner, "on_event", None)
    if check is None or on_event is None or isinstance(send, Held):
        return None
    try:
        from streamlit.runtime.scriptrunner.script_runner import ScriptRunnerEvent
    except ImportError:
        return None

    def deliver(message: Any) -> None:
        on_event.send(runner, event=ScriptRunnerEvent.ENQUEUE_FORWARD_MSG,
                      forward_msg=message)

    return deliver, check


def release() -> None:
    """Send the page so far now and every element after as it is written (long work)."""
    held = getattr(get_script_run_ctx(), "_enqueue", None)
    if isinstance(held, Held):
        held.release()

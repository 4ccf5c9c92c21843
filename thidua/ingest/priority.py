"""An import gives way to the people reading the dashboard on the same server.

An import is minutes of CPU at a province or the country, all cores of DuckDB's; the
dashboard's script runs are milliseconds each, and people wait on them. ``give_way`` raises
the importing process's niceness by ``$THIDUA_IMPORT_NICE`` (default 10; 0 leaves it as it is)
before it starts, so that the kernel runs the servers' page runs first whenever both want a
core; an import on an idle machine takes as long as before. DuckDB's threads, started later,
inherit it. ``thidua load`` and the import page's child process call it.
"""

from __future__ import annotations

import contextlib
import os

IMPORT_NICE = 10


def import_nice() -> int:
    """``$THIDUA_IMPORT_NICE`` as a number from 0 to 19 (anything else: the default)."""
    try:
        step = int(os.environ.get("THIDUA_IMPORT_NICE", IMPORT_NICE))
    except ValueError:
        return IMPORT_NICE
    return step if 0 <= step <= 19 else IMPORT_NICE


def give_way() -> int:
    """Lower this process's CPU priority by :func:`import_nice`; its niceness after."""
    step = import_nice()
    with contextlib.suppress(OSError):  # a niceness already at its maximum stays there
        return os.nice(step)
    return os.nice(0)

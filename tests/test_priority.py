"""An import gives way to the dashboard: it runs at a lower CPU priority (``priority.give_way``)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import TINY
from thidua.ingest import priority

PROBE = ("import os; from thidua.ingest.priority import give_way; "
         "before = os.nice(0); after = give_way(); print(before, after)")


def _niceness(env_value: str | None) -> tuple[int, int]:
    env = {k: v for k, v in os.environ.items() if k != "THIDUA_IMPORT_NICE"}
    if env_value is not None:
        env["THIDUA_IMPORT_NICE"] = env_value
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                         check=True).stdout.split()
    return int(out[0]), int(out[1])


@pytest.mark.parametrize(("value", "step"), [(None, 10), ("3", 3), ("0", 0), ("abc", 10),
                                             ("-5", 10), ("40", 10)])
def test_an_import_lowers_its_own_priority(value, step):
    before, after = _niceness(value)
    assert after == min(19, before + step)


def test_the_cli_load_gives_way_before_it_reads(monkeypatch, tmp_path):
    from typer.testing import CliRunner

    from thidua.cli.commands import app

    called = []
    monkeypatch.setattr(priority, "give_way", lambda: called.append(os.nice(0)) or 0)
    result = CliRunner().invoke(app, ["load", str(TINY), "--db", str(tmp_path / "t.duckdb")])
    assert result.exit_code == 0, result.output
    assert len(called) == 1


def test_the_import_pages_child_gives_way(tmp_path):
    """The child of ``sandbox.load_isolated`` (run here in a process of its own) imports at the
    lowered priority."""
    code = ("import os, sys; from thidua.ingest import sandbox\n"
            "class Pipe:\n"
            "    def send(self, message): print(message[0])\n"
            "    def close(self): pass\n"
            "before = os.nice(0)\n"
            "sandbox._child(Pipe(), sys.argv[1], sys.argv[2], 'vi', 2048, 120, False)\n"
            "print('nice', before, os.nice(0))\n")
    env = {**os.environ, "THIDUA_IMPORT_NICE": "7"}
    out = subprocess.run([sys.executable, "-c", code, str(TINY), str(tmp_path / "t.duckdb")],
                         env=env, capture_output=True, text=True, check=True).stdout.split("\n")
    assert "done" in out
    _, before, after = next(line for line in out if line.startswith("nice")).split()
    assert int(after) == min(19, int(before) + 7)

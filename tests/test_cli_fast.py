"""The fast ``thidua summary`` (``thidua.cli.fast``) answers as the typer command does.

Each command line runs as the real ``python -m thidua`` in a subprocess (the fast path) and
through typer's ``CliRunner`` on the app (the typer command): the same JSON, the same table,
and for everything the fast path hands over (a bad date, no database, an unknown campaign,
``--help``, an unknown option) the same sentence and exit code.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thidua.catalogue import t
from thidua.cli import app, fast

runner = CliRunner()


def real(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "THIDUA_DB"}
    return subprocess.run([sys.executable, "-m", "thidua", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def test_parse_reads_the_typer_options() -> None:
    opts = fast.parse(["--json", "--unit", "KT", "--unit=TH", "--as-of", "2025-12-31",
                       "--db=x.duckdb", "--lang", "en", "--campaign", "a", "--campaign", "td25",
                       "--rollup"])
    assert opts == {"campaign": "td25", "as_of": "2025-12-31", "unit": ["KT", "TH"],
                    "db": "x.duckdb", "lang": "en", "as_json": True, "rollup": True}
    assert fast.parse([]) == {"campaign": None, "as_of": None, "unit": [], "db": None,
                              "lang": "vi", "as_json": False, "rollup": False}


@pytest.mark.parametrize("args", [["--help"], ["--bogus"], ["--db"], ["--db", "--json"],
                                  ["--campaign="], ["--json=1"], ["extra"], ["--", "--json"]])
def test_parse_hands_over_what_it_does_not_know(args: list[str]) -> None:
    assert fast.parse(args) is None


@pytest.mark.parametrize("args", [
    ["--json"],
    ["--json", "--as-of", "2025-11-30", "--unit", "th", "--unit", "BTCD"],
    ["--json", "--campaign", "td25", "--as-of", "31/03/2026", "--rollup"],
])
def test_fast_json_is_the_typer_json(tiny_db: Path, args: list[str]) -> None:
    fast_run = real("summary", "--db", str(tiny_db), *args)
    typer_run = runner.invoke(app, ["summary", "--db", str(tiny_db), *args])
    assert fast_run.returncode == typer_run.exit_code == 0, fast_run.stderr
    assert json.loads(fast_run.stdout) == json.loads(typer_run.stdout)
    assert json.loads(fast_run.stdout)["campaign_code"] == "TD25"


def test_fast_table_is_the_typer_table(tiny_db: Path) -> None:
    args = ["summary", "--db", str(tiny_db), "--as-of", "2026-03-31", "--lang", "en"]
    fast_run, typer_run = real(*args), runner.invoke(app, args)
    assert fast_run.returncode == typer_run.exit_code == 0, fast_run.stderr
    assert fast_run.stdout.splitlines()[:2] == typer_run.stdout.splitlines()[:2]
    assert fast_run.stdout.startswith("TD25 · as of 31 Mar 2026")


def test_refusals_are_handed_over_with_their_sentence(tiny_db: Path, tmp_path: Path) -> None:
    day = real("summary", "--db", str(tiny_db), "--as-of", "31.12.2025", "--lang", "en")
    assert day.returncode == 2 and t("cli_bad_day", "en", value="31.12.2025") in day.stderr
    missing = tmp_path / "none.duckdb"
    absent = real("summary", "--json", "--db", str(missing))
    assert absent.returncode == 2 and absent.stdout == ""
    assert t("cli_no_database", "vi", path=missing) in absent.stderr
    unknown = real("summary", "--db", str(tiny_db), "--campaign", "xx", "--lang", "en")
    assert unknown.returncode == 2
    assert t("cli_unknown_campaign", "en", code="XX", path=tiny_db) in unknown.stderr


def test_help_and_unknown_options_are_typer_s(tiny_db: Path) -> None:
    helped = real("summary", "--help")
    assert helped.returncode == 0
    for option in ("--campaign", "--as-of", "--unit", "--db", "--json", "--lang", "--rollup"):
        assert option in helped.stdout
    bogus = real("summary", "--db", str(tiny_db), "--bogus")
    assert bogus.returncode == 2 and "--bogus" in bogus.stderr and bogus.stdout == ""


def test_in_process_the_fast_summary_returns_and_collects_again(tiny_db: Path, capsys) -> None:
    """Only the program (``exit_when_done``) ends with ``os._exit``; called as a function the
    fast path returns, its connection closed and the garbage collector back on."""
    import gc

    fast.main(["summary", "--db", str(tiny_db), "--json"])
    assert json.loads(capsys.readouterr().out)["campaign_code"] == "TD25"
    assert gc.isenabled()
    left_open: list = []
    data = fast.summary_data(fast.parse(["--db", str(tiny_db)]), left_open)
    assert data["campaign_code"] == "TD25" and len(left_open) == 1
    left_open[0].close()


def test_the_program_prints_its_whole_summary_before_it_ends(tiny_db: Path) -> None:
    """``os._exit`` skips the interpreter's own flush of stdout (a pipe here, so buffered):
    the program flushes first, and the output is whole and the exit status 0."""
    run = real("summary", "--db", str(tiny_db), "--json", "--rollup")
    assert run.returncode == 0, run.stderr
    assert run.stdout.endswith("}\n") and json.loads(run.stdout)["campaign_code"] == "TD25"

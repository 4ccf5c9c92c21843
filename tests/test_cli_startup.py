"""``thidua summary --json`` imports only what it needs: no pandas, Streamlit, Plotly, pyarrow,
xlsxwriter, calamine, argon2 or Babel, and not typer, click, rich or pydantic either (issue 10,
fast commands), nor the duckdb package's Python front (only its engine, ``_duckdb``). The
import set is read from ``python -X importtime`` of the real command in a subprocess; the time
itself is measured in ``benchmarks/``, never here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = {"pandas", "numpy", "streamlit", "plotly", "xlsxwriter", "pyarrow", "python_calamine",
         "argon2", "babel", "kaleido", "openpyxl"}


def imported_modules(*args: str) -> tuple[set[str], subprocess.CompletedProcess]:
    """The top-level packages ``python -X importtime -m thidua ARGS`` imported, and the run."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPROFILEIMPORTTIME"}
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "thidua", *args],
                         capture_output=True, text=True, env=env, timeout=120)
    names = {line.rsplit("|", 1)[-1].strip().split(".")[0]
             for line in run.stderr.splitlines() if line.startswith("import time:")}
    return names - {"package"}, run


def test_summary_json_imports_no_heavy_package(tiny_db: Path) -> None:
    names, run = imported_modules("summary", "--json", "--db", str(tiny_db))
    assert run.returncode == 0, run.stderr[-2000:]
    assert json.loads(run.stdout)["campaign_code"] == "TD25"
    assert {"_duckdb", "thidua"} <= names  # the measurement itself works
    assert names & HEAVY == set()
    # The engine alone (thidua.store.engine): not the duckdb package's Python front.
    assert "duckdb" not in names
    # The fast path (thidua.cli.fast) answers it without building the typer app.
    assert names & {"typer", "click", "rich", "pydantic"} == set()


def test_the_human_summary_still_formats(tiny_db: Path) -> None:
    """Babel and rich load lazily for the table a person reads, and it still prints."""
    names, run = imported_modules("summary", "--db", str(tiny_db), "--lang", "en")
    assert run.returncode == 0, run.stderr[-2000:]
    assert "TD25" in run.stdout and "babel" in names


def test_help_lists_every_command_without_the_loader() -> None:
    names, run = imported_modules("--help")
    assert run.returncode == 0, run.stderr[-2000:]
    for command in ("sample", "template", "load", "summary", "report", "serve", "users"):
        assert command in run.stdout
    assert names & HEAVY == set()

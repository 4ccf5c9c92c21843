"""The wheel works on its own: built from the checkout, installed in a fresh virtual
environment outside it, ``thidua load`` and ``thidua summary`` run from a folder that is not the
checkout on the sample the wheel carries, with the queries the wheel carries
(``thidua/_bundled/``, see ``thidua.paths``).

Marked ``packaging``: it builds with ``uv`` (``uv build``, ``uv venv``, ``uv pip install``
from uv's cache) and takes some seconds; ``-m "not packaging"`` leaves it out.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.packaging


def _uv() -> str:
    found = shutil.which("uv") or shutil.which("uv", path=str(Path.home() / ".local" / "bin"))
    if found is None:
        pytest.fail("uv is not on PATH nor in ~/.local/bin")
    return found


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path, dict[str, str]]:
    """(the venv's bin folder, a work folder outside the checkout, the environment to use)."""
    base = tmp_path_factory.mktemp("packaging")
    assert ROOT not in base.parents
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "VIRTUAL_ENV", "THIDUA_DB")}
    uv = _uv()
    built = _run([uv, "build", "--wheel", "--out-dir", str(base / "dist"), str(ROOT)], base, env)
    assert built.returncode == 0, built.stderr
    wheels = sorted((base / "dist").glob("thidua-*.whl"))
    assert len(wheels) == 1, wheels
    venv = base / "venv"
    made = _run([uv, "venv", "--python", sys.executable, str(venv)], base, env)
    assert made.returncode == 0, made.stderr
    added = _run([uv, "pip", "install", "--python", str(venv / "bin" / "python"),
                  str(wheels[0])], base, env)
    assert added.returncode == 0, added.stderr
    work = base / "work"
    work.mkdir()
    return venv / "bin", work, env


def test_the_installed_package_uses_its_bundled_files(installed):
    bin_dir, work, env = installed
    probe = _run([str(bin_dir / "python"), "-c",
                  "import thidua, thidua.paths as p; "
                  "print(thidua.__file__); print(p.QUERIES_DIR); print(p.SAMPLE_WORKBOOK)"],
                 work, env)
    assert probe.returncode == 0, probe.stderr
    package, queries, sample = (Path(line) for line in probe.stdout.splitlines())
    site = package.parent
    assert ROOT not in package.parents
    assert queries == site / "_bundled" / "queries"
    assert sample == site / "_bundled" / "data" / "sample" / "thidua_mau.xlsx"
    assert (queries / "checks" / "unknown_subject.sql").is_file()
    assert sample.is_file()


def test_load_and_summary_from_the_wheel(installed):
    bin_dir, work, env = installed
    probe = _run([str(bin_dir / "python"), "-c",
                  "import thidua.paths as p; print(p.SAMPLE_WORKBOOK)"], work, env)
    sample = Path(probe.stdout.strip())
    db = work / "x.duckdb"
    loaded = _run([str(bin_dir / "thidua"), "load", str(sample), "--db", str(db)], work, env)
    assert loaded.returncode == 0, loaded.stderr
    assert "Đã nhập đợt «DH14» từ «thidua_mau.xlsx» (lần nhập #1)." in loaded.stdout
    summary = _run([str(bin_dir / "thidua"), "summary", "--db", str(db), "--json"], work, env)
    assert summary.returncode == 0, summary.stderr
    data = json.loads(summary.stdout)
    assert (data["campaign_code"], data["staff_total"], data["nominations_total"]) == (
        "DH14", 148, 27)
    english = _run([str(bin_dir / "thidua"), "summary", "--db", str(db), "--lang", "en"],
                   work, env)
    assert english.returncode == 0, english.stderr
    assert "Nominations: 27 (Proposed by unit: 1; " in english.stdout

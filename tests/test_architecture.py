"""The house rules of docs/architecture.md, checked on the code itself.

Each test here keeps one sentence of that page honest: the engine never imports the app or
Streamlit, colours live in one module, every named query exists and is used, every word the code
asks the catalogue for is there in both languages, every page and every chart has its test.
They read the source as text and AST; nothing is run.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from thidua.catalogue import MESSAGES
from thidua.paths import QUERIES_DIR

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "thidua"
APP = ROOT / "dashboard"
MAX_MODULE_LINES = 300
# Word lists are data, not logic: the catalogue's area modules may be longer than a module.
LONG_MODULES_ALLOWED = {"thidua/catalogue"}


def _python_files(*folders: Path) -> list[Path]:
    return sorted(p for folder in folders for p in folder.rglob("*.py")
                  if "_bundled" not in p.parts)


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", _python_files(ENGINE), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_engine_never_imports_streamlit_or_the_app(path: Path):
    imported = _imported_modules(path)
    wrong = sorted(m for m in imported
                   if m.split(".")[0] in ("streamlit", "dashboard"))
    assert wrong == [], f"{path.relative_to(ROOT)} imports {wrong}"


def test_modules_stay_small():
    too_long = {}
    for path in _python_files(ENGINE, APP):
        rel = path.relative_to(ROOT).as_posix()
        if any(rel.startswith(prefix) for prefix in LONG_MODULES_ALLOWED):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            too_long[rel] = lines
    assert too_long == {}


HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}\b")


def test_colours_live_in_the_theme_only():
    found = {}
    for path in _python_files(ENGINE, APP):
        if path == ENGINE / "theme.py":
            continue
        hits = HEX_COLOUR.findall(path.read_text(encoding="utf-8"))
        if hits:
            found[path.relative_to(ROOT).as_posix()] = hits
    assert found == {}


def test_dates_and_percents_are_formatted_in_one_place():
    """No strftime and no hand-made '%' or decimal-comma formatting outside thidua/formats.py."""
    pattern = re.compile(r"\.strftime\(|replace\(\"\.\", \",\"\)|:\.1f}%")
    found = {}
    for path in _python_files(ENGINE, APP):
        if path == ENGINE / "formats.py":
            continue
        hits = pattern.findall(path.read_text(encoding="utf-8"))
        if hits:
            found[path.relative_to(ROOT).as_posix()] = hits
    assert found == {}


QUERY_NAME = re.compile(
    r"[\"'](staging|checks|publish|import_log|metrics|marts|macros|schema|aggregates|sample)/([a-z0-9_]+)[\"']")
DYNAMIC_QUERY = re.compile(
    r"f[\"'](staging|checks|publish|import_log|metrics|marts|macros|schema|aggregates|sample)/([a-z0-9_]*)\{")


def _query_files() -> dict[str, Path]:
    return {p.relative_to(QUERIES_DIR).with_suffix("").as_posix(): p
            for p in QUERIES_DIR.rglob("*.sql")}


def test_every_named_query_exists():
    files = _query_files()
    missing = {}
    for path in _python_files(ENGINE, APP, ROOT / "tests"):
        for folder, name in QUERY_NAME.findall(path.read_text(encoding="utf-8")):
            if f"{folder}/{name}" not in files:
                missing.setdefault(path.relative_to(ROOT).as_posix(), []).append(
                    f"{folder}/{name}")
    assert missing == {}


def test_every_query_file_is_used_and_says_what_it_returns():
    """A query nobody asks for is dead; one without its header comment is unreadable."""
    sources = "\n".join(p.read_text(encoding="utf-8")
                         for p in _python_files(ENGINE, APP, ROOT / "tests"))
    used = {f"{a}/{b}" for a, b in QUERY_NAME.findall(sources)}
    prefixes = {f"{a}/{b}" for a, b in DYNAMIC_QUERY.findall(sources)}
    unused, headerless = [], []
    for name, path in sorted(_query_files().items()):
        folder = name.split("/")[0]
        if folder in ("checks", "macros", "schema"):  # discovered or installed by folder
            pass
        elif name not in used and not any(name.startswith(p) for p in prefixes):
            unused.append(name)
        first = path.read_text(encoding="utf-8").lstrip().splitlines()[:2]
        if not first or not all(line.startswith("--") for line in first):
            headerless.append(name)
    assert unused == []
    assert headerless == []


# The template's "final status" column is left blank for statuses that are not final.
BLANK_ON_PURPOSE = {"template_final_no"}
CATALOGUE_CALL = re.compile(r"\bt\(\s*[\"']([a-z0-9_]+)[\"']")


def test_every_word_the_code_asks_for_is_in_the_catalogue():
    missing = {}
    for path in _python_files(ENGINE, APP):
        for key in CATALOGUE_CALL.findall(path.read_text(encoding="utf-8")):
            if key not in MESSAGES:
                missing.setdefault(path.relative_to(ROOT).as_posix(), []).append(key)
    assert missing == {}
    empty = [key for key, (vi, en) in MESSAGES.items()
             if (not vi.strip() or not en.strip()) and key not in BLANK_ON_PURPOSE]
    assert empty == []


def test_every_page_is_routed_and_tested():
    from tests.test_app import PAGES as TESTED

    pages = {p.relative_to(APP).as_posix() for p in (APP / "app_pages").glob("*.py")
             if p.name != "__init__.py"}
    routed = set(re.findall(r"\"(app_pages/[a-z_]+\.py)\"",
                            (APP / "streamlit_app.py").read_text(encoding="utf-8")))
    assert pages == routed
    assert pages - {"app_pages/presentation.py"} == set(TESTED)


def test_every_chart_has_its_test():
    import plotly.graph_objects as go

    from tests.test_charts import BUILDERS
    from thidua import charts

    public = {name for name in getattr(charts, "__all__", dir(charts))
              if not name.startswith("_") and callable(getattr(charts, name))
              and getattr(getattr(charts, name), "__annotations__", {}).get("return")
              in ("go.Figure", go.Figure)}
    tested = {build.__name__ for build, _frame in BUILDERS}
    builders_only = public - {"apply_theme", "for_projector", "no_data_figure"}
    assert builders_only - tested == set()


def test_no_database_or_accounts_store_is_committed():
    """A database or an accounts store (names, password hashes, sessions, the audit log) run up
    by hand beside ``data/`` must never be committed: ``.gitignore`` keeps them out."""
    import subprocess

    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True,
                            check=True).stdout.splitlines()
    stores = [f for f in listed if re.search(r"\.(duckdb|sqlite)(-\w+)?$|\.duckdb\.", f)]
    assert stores == [], stores

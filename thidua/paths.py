"""Where thidua finds the files it ships: the named queries, the sample workbook, the app.

In a checkout they sit at the repository's top level (``queries/``, ``data/``) next to the
``thidua`` package; an installed wheel carries the same files inside the package, under
``thidua/_bundled/`` (see ``[tool.hatch.build.targets.wheel.force-include]``). Every module asks
here instead of walking ``__file__`` itself, so the two layouts cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_BUNDLED = PACKAGE_DIR / "_bundled"
_CHECKOUT = PACKAGE_DIR.parent


def shipped(relative: str) -> Path:
    """``relative`` (e.g. ``"queries"``) inside the installed package, else in the checkout."""
    inside = _BUNDLED / relative
    return inside if inside.exists() else _CHECKOUT / relative


QUERIES_DIR = shipped("queries")
SAMPLE_WORKBOOK = shipped("data/sample") / "thidua_mau.xlsx"
TEMPLATE_WORKBOOK = shipped("data/template") / "mau_nhap_lieu_thidua.xlsx"


def streamlit_entry() -> Path:
    """The dashboard's entry file (the ``dashboard`` package is installed beside ``thidua``)."""
    import importlib.util

    spec = importlib.util.find_spec("dashboard")
    if spec is None or spec.origin is None:
        raise FileNotFoundError("the dashboard package is not installed")
    return Path(spec.origin).resolve().parent / "streamlit_app.py"

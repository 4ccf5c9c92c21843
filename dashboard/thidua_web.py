"""The web entry ``thidua serve`` runs: the dashboard as a Streamlit ``st.App``.

Beside Streamlit's own routes it mounts thidua's session-cookie route and sign-out hook
(``dashboard/session_routes.py``), so a signed-in browser stays signed in across a reload, and
thidua's download route (``dashboard/download_route.py``), which serves the pages' downloads,
and the Plotly.js the pages' charts draw with (``dashboard/ui/chart_element.py``).
When the Office's OpenID Connect provider is set up (``THIDUA_OIDC_*``, checked by ``thidua
serve``), it becomes Streamlit's ``[auth]`` section as programmatic secrets: no secrets file is
written anywhere. The two secret values are then removed from this process's environment, so
the processes it starts (the upload checker) never inherit them.

``streamlit run dashboard/streamlit_app.py`` still runs the pages alone (without the cookie
route or the Office sign-in); AppTest tests use that.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

HERE = Path(__file__).resolve().parent
if str(HERE.parent) not in sys.path:  # `streamlit run dashboard/thidua_web.py` in a checkout
    sys.path.insert(0, str(HERE.parent))

from dashboard import download_route  # noqa: E402
from dashboard.session_routes import SignOutCookie, routes  # noqa: E402
from dashboard.ui import chart_element  # noqa: E402
from thidua.accounts.account import AccountError  # noqa: E402
from thidua.accounts.oidc import streamlit_secrets  # noqa: E402
from thidua.accounts.store import accounts_path  # noqa: E402
from thidua.catalogue import t  # noqa: E402
from thidua.store.database import resolve_db  # noqa: E402


def _auth() -> dict[str, dict[str, str]] | None:
    """Streamlit's secrets for the Office sign-in, or None when it is not set up."""
    try:
        return streamlit_secrets(os.environ, accounts_path(resolve_db()))
    except AccountError as exc:  # started by hand with wrong settings: the sentence, no trace
        raise SystemExit(t(exc.key, "vi", **exc.params)) from None


app = st.App(HERE / "streamlit_app.py",
             routes=routes() + download_route.routes() + chart_element.routes(),
             middleware=[Middleware(SignOutCookie)],
             secrets=_auth())

"""Who uses this session and what they may see: the dashboard's side of ``thidua.accounts``.

The rules themselves (roles, pages, actions, a unit head's row scope) live in the engine; this
module applies them to a Streamlit session. The session's token is kept in
``st.session_state`` (never in the URL) and re-validated with ``AccountStore.session`` on every
run, so an expired or ended session falls back to the sign-in page at the next click.

A reload starts a new Streamlit session: it finds the sign-in again through the HttpOnly
``thidua_session`` cookie (read from ``st.context.cookies``), which the page fetched with a
one-time code right after signing in (``emit_cookie``; ``dashboard/session_routes.py``).
Sign-out ends the session in the store and sends the browser through ``st.logout``, whose
address clears that cookie (and Streamlit's identity cookie of an Office sign-in).

Caching and scope: ``state.query`` caches a named query's rows by (query, parameters, database
snapshot), shared by every session. Those rows never depend on who asks; a unit head's named
rows are cut to their unit by :func:`scoped` *after* the cache, per account, before anything is
shown or downloaded. Documents (official list, progress report) are cached the same way and
are offered only to roles whose row scope is every unit.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from dashboard.session_routes import COOKIE, SESSION_PATH, url_path
from dashboard.ui import state
from dashboard.ui.widgets import md_escape
from thidua.accounts import roles
from thidua.accounts.audit import AuditLog
from thidua.accounts.store import Account, AccountStore, accounts_path
from thidua.catalogue import t
from thidua.store.database import resolve_db

ACCOUNT_KEY = "account"  # the Account of this run (set by the entry script)
TOKEN_KEY = "auth_token"  # the session token, in session_state only
LOCAL_KEY = "single_user"  # True when no account exists: the local user, with a banner
HANDOFF_KEY = "cookie_handoff"  # the one-time code the page exchanges for its cookie
SIGNED_OUT_KEY = "signed_out"  # this session signed out: the cookie it was opened with is over
EXPIRED_KEY = "session_expired"
MAX_PAUSE_S = 10.0
log = logging.getLogger(__name__)


def store_path() -> Path:
    return accounts_path(resolve_db())


def account_store() -> AccountStore:
    return AccountStore(store_path())


def required(store: AccountStore) -> bool:
    """Whether sign-in is required: any account in the store, even a disabled one.

    With every account disabled nobody gets in, rather than everybody as the local user.
    """
    return store.path.exists() and (store.has_accounts() or bool(store.accounts()))


def _live(store: AccountStore, token: str) -> Account | None:
    account = store.session(token)
    return account if account is not None and not account.disabled else None


def signed_in(store: AccountStore) -> Account | None:
    """The account behind this session's token, else behind the browser's cookie, or None
    (none, unknown, expired: then ``EXPIRED_KEY`` says so to the sign-in page)."""
    if st.session_state.get(SIGNED_OUT_KEY):
        return None
    token = st.session_state.get(TOKEN_KEY)
    cookie = None if token else st.context.cookies.get(COOKIE)
    if not token and not cookie:
        return None
    account = _live(store, token or cookie)
    if account is None:
        st.session_state.pop(TOKEN_KEY, None)
        st.session_state[EXPIRED_KEY] = True
        return None
    st.session_state[TOKEN_KEY] = token or cookie
    return account


def begin_session(store: AccountStore, name: str) -> None:
    """A new session for ``name`` in this Streamlit session, and its cookie asked for."""
    token = store.create_session(name)
    st.session_state[TOKEN_KEY] = token
    for key in (EXPIRED_KEY, SIGNED_OUT_KEY):
        st.session_state.pop(key, None)
    code = store.start_handoff(token)
    if code:
        st.session_state[HANDOFF_KEY] = code


def emit_cookie() -> None:
    """Once after a sign-in: the page posts its one-time code and gets the HttpOnly cookie.

    The script holds only that code (a minute, single use), never the session's token, and
    it names no address beyond this app's own route.
    """
    code = st.session_state.pop(HANDOFF_KEY, None)
    if not code:
        return
    request = json.dumps({"method": "POST", "credentials": "same-origin",
                          "headers": {"Content-Type": "application/json"},
                          "body": json.dumps({"code": code})})
    # "<" as \u003c: no value can close the script element, whatever it holds.
    script = f"fetch({json.dumps(url_path(SESSION_PATH))}, {request});".replace("<", "\\u003c")
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)


def pause(seconds: float) -> None:
    """The wait before a failed sign-in is answered (the store says how long)."""
    time.sleep(max(0.0, min(seconds, MAX_PAUSE_S)))


def current() -> Account:
    """This run's account (the local user when no account exists)."""
    return st.session_state.get(ACCOUNT_KEY) or roles.LOCAL_USER


def may(action: str) -> bool:
    return roles.can(current().role, action)


def record(event: str, user: str | None = None, path: Path | None = None,
           **details: Any) -> bool:
    """One audit entry; False (and a line in the server log) if the log cannot be written."""
    try:
        AuditLog(path or store_path()).record(event, user, **details)
    except Exception:  # the audit store unreachable must not take the page down
        log.exception("audit entry %s for %s not written", event, user)
        return False
    return True


def filter_details(filters) -> dict[str, Any]:
    """The filters of a view as the audit log keeps them (JSON-safe)."""
    return {"filters": json.loads(json.dumps(
        {"campaign": filters.campaign, "units": list(filters.units),
         "as_of": filters.as_of.isoformat() if filters.as_of else None}))}


def unit_scope() -> str | None:
    """The unit whose named rows this account may see (None: every unit)."""
    return roles.row_scope(current())


def scoped(df: pd.DataFrame, campaign: str, column: str = "unit_code") -> pd.DataFrame:
    """A named table cut to this account's units (a don_vi's unit and the units below it, as
    the hierarchy of ``campaign`` has them); others see it whole."""
    unit = unit_scope()
    if unit is None:
        return df
    if column not in df:  # deny by default: a table without its unit shows nothing
        return df.iloc[0:0]
    units = set(state.query("marts/units_in_scope", campaign_code=campaign,
                            unit_codes=[unit])["unit_code"])
    return df[df[column].isin(units | {unit})].reset_index(drop=True)


def scope_units(campaign: str) -> list[str] | None:
    """The units whose named rows this account may see (a don_vi's unit and those below it),
    for a query to cut its rows to; None: every unit."""
    unit = unit_scope()
    if unit is None:
        return None
    units = set(state.query("marts/units_in_scope", campaign_code=campaign,
                            unit_codes=[unit])["unit_code"])
    return sorted(units | {unit})


def scope_caption(lang: str) -> None:
    """Says, above a named table, that it holds one unit's rows only (for a unit head)."""
    unit = unit_scope()
    if unit is not None:
        st.caption(t("access_unit_scope", lang, unit=unit))


def refuse(lang: str, key: str = "access_refused") -> None:
    """The refusal sentence, and nothing else of the page."""
    st.error(t(key, lang), icon=":material/block:")
    st.stop()


def role_label(role: str, lang: str) -> str:
    return t(f"access_role_{role}", lang)


def sign_out() -> None:
    """The sidebar's sign-out: the session ends in the store and here; recorded; then the
    browser goes through ``st.logout``, which clears the session cookie (and an Office
    sign-in's identity, with the provider's own sign-out when it offers one)."""
    token = st.session_state.pop(TOKEN_KEY, None)
    account = st.session_state.pop(ACCOUNT_KEY, None)
    st.session_state[SIGNED_OUT_KEY] = True
    if token:
        try:
            account_store().end_session(token)
        except Exception:
            log.exception("session end not written")
    record("sign_out", account.name if account else None)
    st.logout()


def sidebar_account(lang: str) -> None:
    """Who is signed in and the sign-out button (nothing in single-user mode)."""
    if st.session_state.get(LOCAL_KEY):
        return
    account = current()
    st.sidebar.markdown(t("signin_page_signed_in_as", lang, name=md_escape(account.name),
                          role=role_label(account.role, lang)))
    st.sidebar.button(t("signin_page_sign_out", lang), icon=":material/logout:",
                      on_click=sign_out, key="sign_out")


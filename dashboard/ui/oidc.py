"""The Office's OpenID Connect sign-in, the dashboard's side: Streamlit's ``st.login`` and
``st.user`` under thidua's rules (``thidua.accounts.oidc``).

``st.user`` holds the provider's identity (the ID token's claims), read by Streamlit from its
own signed cookie. Here it signs a thidua session in only while fresh (issued minutes ago)
and at most once (``claim_identity``, shared by every process); from then on thidua's own
session and its cookie say who is signed in, for 8 hours idle and 24 hours at most, exactly as
after a password. The e-mail maps to an account (``AccountStore.by_email``): its role and, for
a unit head, its unit. An e-mail with no account, a disabled account, an unverified or
missing e-mail: refused with a sentence on the sign-in page, recorded once in the audit log.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from dashboard.ui import access
from thidua.accounts import oidc
from thidua.accounts.store import Account, AccountStore

REFUSAL_KEY = "oidc_refusal"  # (catalogue key, e-mail) of a refused Office sign-in
REQUIRED = ("redirect_uri", "cookie_secret", "client_id", "client_secret",
            "server_metadata_url")
REFUSALS = {"unknown_email": "signin_oidc_unknown", "disabled": "signin_oidc_disabled",
            "no_email": "signin_oidc_no_email",
            "unverified_email": "signin_oidc_unverified_email"}
MAX_NAME = 64  # what is kept of an unknown e-mail as the audit entry's user


def as_code(text: str) -> str:
    """Text as a Markdown code span (its own backticks dropped): literal, never a link."""
    return f"`{text.replace('`', '')}`" if text else "—"


def configured() -> bool:
    """Whether Streamlit has an Office provider to send people to (``[auth]`` secrets)."""
    try:
        auth = st.secrets.get("auth")
    except FileNotFoundError:  # no secrets at all
        return False
    return isinstance(auth, Mapping) and all(auth.get(key) for key in REQUIRED)


def identity() -> dict[str, Any] | None:
    """The provider's claims about this browser's user, if Streamlit has any."""
    if not configured():
        return None
    claims = st.user.to_dict()
    return claims if claims.get("is_logged_in") is True else None


def _refuse(reason: str, email: str | None, account: Account | None, raw: Any) -> None:
    shown = email or (raw if isinstance(raw, str) else "")
    st.session_state[REFUSAL_KEY] = (REFUSALS[reason], shown[:254])
    access.record("sign_in_failed", account.name if account else (shown[:MAX_NAME] or None),
                  reason=reason, method="oidc", email=shown[:254] or None)


def sign_in(store: AccountStore) -> Account | None:
    """The account this browser's fresh Office identity maps to, now signed in; else None."""
    if st.session_state.get(access.SIGNED_OUT_KEY):
        return None
    claims = identity()
    if claims is None:
        return None
    outcome = oidc.check_identity(claims)
    if outcome == "stale":  # signed in long ago: thidua's session, not the identity, decides
        st.session_state[access.EXPIRED_KEY] = True
        return None
    if not oidc.claim_identity(store.path, claims):  # used already (a reload, another tab)
        return None
    email = oidc.email_of(claims)
    account = store.by_email(email) if email else None
    if outcome != "ok":
        _refuse(outcome, email, account, claims.get("email"))
    elif account is None:
        _refuse("unknown_email", email, None, email)
    elif account.disabled:
        _refuse("disabled", email, account, email)
    else:
        access.begin_session(store, account.name)
        st.session_state.pop(REFUSAL_KEY, None)
        access.record("sign_in", account.name, method="oidc", email=email)
        return account
    return None

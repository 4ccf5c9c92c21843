"""Đăng nhập: the sign-in page, the only page a session without a valid account reaches.

Shown only when the accounts store holds an account (with none, the app runs for the single
local user and this page only says so). A wrong password and an unknown name get the same
sentence; every failure waits the store's ``delay_s`` before answering, and every attempt is in
the audit log (the name typed, never the password). The session token goes to
``st.session_state`` only, never into the address; the browser's cookie gets its own key
(``access.emit_cookie``).

With the Office's OpenID Connect provider set up, its button comes first ("Đăng nhập bằng tài
khoản của Văn phòng", ``st.login``) and the password form waits folded below it: IT keeps a
password account for when the provider is down or misconfigured (break-glass), and an
OIDC-only account has no password to type there. A refused Office sign-in (an e-mail with no
account, a disabled one) is said here in one sentence.
"""

from __future__ import annotations

import os

import streamlit as st

from dashboard.ui import access, oidc
from thidua.catalogue import LANGS, t
from thidua.metrics.filters import Filters

REFUSALS = {"locked": "signin_page_locked", "disabled": "signin_page_disabled"}
MAX_NAME = 64  # what is kept of a typed name in the audit log


def _office(lang: str) -> None:
    """The Office's name: the app's name and, when set, the agency of ``$THIDUA_AGENCY``."""
    agency = " · ".join(" ".join(part.split()) for part in
                        (os.environ.get("THIDUA_AGENCY") or "").split("|") if part.strip())
    st.caption(" · ".join(part for part in (agency, t("app_name", lang)) if part))


def _attempt(name: str, password: str, lang: str) -> None:
    """Check the form's name and password; sign in, or say why not in one sentence."""
    name = name.strip()
    if not name or not password:
        st.warning(t("signin_page_empty", lang))
        return
    store = access.account_store()
    result = store.sign_in(name, password)
    if result.ok and result.account is not None:
        access.begin_session(store, result.account.name)
        access.record("sign_in", result.account.name)
        st.rerun()
    access.record("sign_in_failed", name[:MAX_NAME], reason=result.reason)
    access.pause(result.delay_s)
    st.error(t(REFUSALS.get(result.reason, "signin_page_bad"), lang), icon=":material/lock:")


filters: Filters = st.session_state.get("filters") or Filters()
lang = st.segmented_control(t("filter_lang", filters.lang), LANGS, default=filters.lang,
                            format_func=lambda code: t(f"lang_{code}", code), required=True,
                            key="signin_lang") or filters.lang
if lang != filters.lang:  # the choice is kept in the address, as on every other page
    st.query_params["lang"] = lang
    st.rerun()
_office(lang)
st.title(t("signin_page_title", lang))
if st.session_state.get(access.LOCAL_KEY, True):  # no account: nothing to sign in to
    st.info(t("signin_page_no_accounts", lang), icon=":material/person:")
    st.stop()
if st.session_state.get(access.ACCOUNT_KEY):  # already signed in (the address /dang-nhap)
    account = access.current()
    st.markdown(t("signin_page_signed_in_as", lang, name=access.md_escape(account.name),
                  role=access.role_label(account.role, lang)))
    st.stop()
if st.session_state.get(access.EXPIRED_KEY):
    st.info(t("signin_page_expired", lang), icon=":material/timer_off:")
refusal = st.session_state.get(oidc.REFUSAL_KEY)
if refusal:  # the address as code: shown as it is, never turned into a mailto link
    st.error(t(refusal[0], lang, email=oidc.as_code(refusal[1])), icon=":material/block:")
if oidc.configured():
    st.button(t("signin_oidc_button", lang), type="primary", icon=":material/badge:",
              on_click=st.login, key="signin_oidc")
    password_box = st.expander(t("signin_oidc_password", lang), icon=":material/key:")
else:
    password_box = st.container()
with password_box, st.form("sign_in_form", enter_to_submit=True):
    typed_name = st.text_input(t("signin_page_name", lang), key="signin_name", max_chars=200,
                               autocomplete="username")
    typed_password = st.text_input(t("signin_page_password", lang), type="password",
                                   key="signin_password", autocomplete="current-password")
    submitted = st.form_submit_button(t("signin_page_submit", lang), type="primary",
                                      icon=":material/login:")
if submitted:
    _attempt(typed_name, typed_password, lang)

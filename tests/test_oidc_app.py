"""The dashboard's side of the Office sign-in and of the session cookie.

The route and the sign-out hook run in a small Starlette app (``TestClient``): what the browser
gets back, cookie flags included. The sign-in itself runs in AppTest with Streamlit's ``[auth]``
secrets (``at.secrets``) and the provider's identity (``at.user``, what ``st.user`` reads from
Streamlit's own cookie): a mapped e-mail gets its role's pages, an unknown one a sentence and
one audit entry, a used or stale identity nothing.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient
from streamlit.testing.v1 import AppTest

from dashboard import session_routes
from dashboard.ui import access
from thidua.accounts.audit import AuditLog
from thidua.accounts.store import AccountStore
from thidua.catalogue import t

APP = str(Path(__file__).parent.parent / "dashboard" / "streamlit_app.py")
PASSWORD = "mat-khau-rat-dai"
AUTH = {"redirect_uri": "http://127.0.0.1:9/oauth2callback", "cookie_secret": "c" * 64,
        "client_id": "thidua", "client_secret": "client-secret-value",
        "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
ORIGIN = "http://testserver"


@pytest.fixture
def store(tiny_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AccountStore:
    monkeypatch.setenv("THIDUA_DB", str(tiny_db))
    monkeypatch.setenv("THIDUA_ACCOUNTS", str(tmp_path / "accounts.sqlite"))
    accounts = AccountStore(tmp_path / "accounts.sqlite")
    accounts.add("it", "hcqt", PASSWORD)
    accounts.add("ld", "lanh_dao", None, email="lanh.dao@vanphong.test")
    accounts.add("dv", "don_vi", None, unit="TH", email="don.vi@vanphong.test")
    accounts.add("old", "lanh_dao", None, email="old@vanphong.test")
    accounts.disable("old")
    return accounts


def events(store: AccountStore) -> list[tuple[str, str | None, dict]]:
    return [(e["event"], e["user"], e["details"]) for e in reversed(AuditLog(store.path).entries())]


# -- the route and the sign-out hook ----------------------------------------------------------

@pytest.fixture
def client(store: AccountStore) -> TestClient:
    async def logout(request):  # stands in for Streamlit's /auth/logout
        return PlainTextResponse("bye", headers={"set-cookie": "_streamlit_user=; Max-Age=0"})

    web = Starlette(routes=[*session_routes.routes(), Route("/auth/logout", logout)],
                    middleware=[Middleware(session_routes.SignOutCookie)])
    return TestClient(web)


def _code(store: AccountStore, name: str = "it") -> tuple[str, str]:
    token = store.create_session(name)
    return token, store.start_handoff(token)


def test_the_route_sets_an_httponly_strict_cookie_once(store, client):
    token, code = _code(store)
    answer = client.post("/api/thidua/session", json={"code": code}, headers={"Origin": ORIGIN})
    assert answer.status_code == 204 and answer.content == b""
    header = answer.headers["set-cookie"]
    cookie = answer.cookies["thidua_session"]
    assert cookie not in (token, code) and store.session(cookie).name == "it"
    flags = {part.strip().split("=")[0].lower() for part in header.split(";")[1:]}
    assert flags == {"httponly", "max-age", "path", "samesite"}  # no Secure over plain http
    assert "samesite=strict" in header.lower() and "path=/" in header.lower()
    assert 86_000 < int(header.lower().split("max-age=")[1].split(";")[0]) <= 86_400
    assert answer.headers["cache-control"] == "no-store"
    again = client.post("/api/thidua/session", json={"code": code}, headers={"Origin": ORIGIN})
    assert again.status_code == 410 and "set-cookie" not in again.headers


def test_the_route_marks_the_cookie_secure_behind_https(store, client):
    _token, code = _code(store)
    answer = client.post("/api/thidua/session", json={"code": code},
                         headers={"Origin": ORIGIN, "X-Forwarded-Proto": "https"})
    assert "secure" in answer.headers["set-cookie"].lower()


@pytest.mark.parametrize(("headers", "body", "status"), [
    ({}, None, 403),  # no Origin: not the app's own page
    ({"Origin": "http://evil.example"}, None, 403),
    ({"Origin": ORIGIN}, b"not json", 400),
    ({"Origin": ORIGIN}, b'{"code": 5}', 400),
    ({"Origin": ORIGIN}, b'{"code": "' + b"x" * 2000 + b'"}', 400),  # too big to read on
    ({"Origin": ORIGIN}, b'{"code": "no-such-code"}', 410),
])
def test_the_route_refuses_what_is_not_a_fresh_code(store, client, headers, body, status):
    _token, code = _code(store)
    content = body if body is not None else f'{{"code": "{code}"}}'.encode()
    answer = client.post("/api/thidua/session", content=content,
                         headers={**headers, "Content-Type": "application/json"})
    assert answer.status_code == status and "set-cookie" not in answer.headers


def test_signing_out_ends_the_cookies_session_and_clears_it(store, client):
    token, code = _code(store)
    cookie = client.post("/api/thidua/session", json={"code": code},
                         headers={"Origin": ORIGIN}).cookies["thidua_session"]
    client.cookies.set("thidua_session", cookie)
    answer = client.get("/auth/logout")
    assert answer.text == "bye"  # Streamlit's own answer, with the cookie cleared on top
    cleared = [h for h in answer.headers.get_list("set-cookie") if "thidua_session" in h]
    assert len(cleared) == 1 and 'thidua_session=""' in cleared[0]
    assert "max-age=0" in cleared[0].lower() and "httponly" in cleared[0].lower()
    assert "_streamlit_user=" in answer.headers["set-cookie"]
    assert store.session(token) is None and store.session(cookie) is None


# -- the sign-in in AppTest -------------------------------------------------------------------

def identity(email: str, *, age_s: float = 0, nonce: str = "n1", **more) -> dict:
    return {"is_logged_in": True, "iss": "http://127.0.0.1:9", "sub": email, "aud": "thidua",
            "iat": int(time.time() - age_s), "nonce": nonce, "email": email,
            "email_verified": True, **more}


def start(user: dict | None = None, secrets: bool = True, url: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if secrets:
        at.secrets["auth"] = AUTH
    if user is not None:
        at.user = user
    if url is not None:
        at.context["url"] = f"http://localhost:8501/{url}"
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def scripts(at: AppTest) -> list[str]:
    return [h.proto.body for h in at.get("html") if "<script>" in h.proto.body]


def test_the_sign_in_page_offers_the_office_first_and_the_password_folded(store):
    at = start()
    assert at.button(key="signin_oidc").label == t("signin_oidc_button", "vi")
    assert [e.label for e in at.expander] == [t("signin_oidc_password", "vi")]
    assert at.text_input(key="signin_name") is not None  # IT's break-glass form is still there
    at.segmented_control(key="signin_lang").set_value("en").run()
    assert at.button(key="signin_oidc").label == "Sign in with your Office account"
    assert not start(secrets=False).expander  # no provider: the password form alone


def test_a_mapped_email_signs_in_with_its_role(store):
    at = start(identity("Lanh.Dao@VanPhong.test"))
    assert [x.value for x in at.title] == ["Tổng quan"]
    assert at.sidebar.markdown[0].value == "Đăng nhập: **ld** · Lãnh đạo"
    token = at.session_state["auth_token"]
    assert store.session(token).name == "ld"
    assert events(store) == [("sign_in", "ld", {"method": "oidc",
                                                "email": "lanh.dao@vanphong.test"})]
    script, = scripts(at)  # the page asks for its cookie, with a one-time code only
    assert "/api/thidua/session" in script and token not in script
    at.run()  # a rerun: no second sign-in, no second request for the cookie
    assert len(events(store)) == 1 and scripts(at) == []
    refused = start(identity("lanh.dao@vanphong.test", nonce="n2"), url="nhap-du-lieu")
    assert [e.value for e in refused.error] == [t("access_refused", "vi")]


def test_a_unit_heads_email_brings_its_unit(store):
    at = start(identity("don.vi@vanphong.test"))
    assert at.sidebar.markdown[0].value == "Đăng nhập: **dv** · Đơn vị"
    at.switch_page("app_pages/tables.py").run()
    at.segmented_control(key="table_choice").set_value("table_staff").run()
    assert sorted(at.dataframe[0].value["Họ và tên"]) == ["Hoàng Văn Em", "Phạm Thị Dung"]


def test_an_unknown_email_is_refused_once_with_a_sentence(store):
    nobody = identity("nobody@vanphong.test")
    at = start(nobody)
    assert [x.value for x in at.title] == ["Đăng nhập"]
    assert [e.value for e in at.error] == [t("signin_oidc_unknown", "vi",
                                             email="`nobody@vanphong.test`")]
    assert not at.metric and "auth_token" not in at.session_state
    at.run()
    again = start(nobody)  # a reload with the same identity (the same ID token)
    assert [x.value for x in again.title] == ["Đăng nhập"] and not again.error
    assert events(store) == [("sign_in_failed", "nobody@vanphong.test",
                              {"reason": "unknown_email", "method": "oidc",
                               "email": "nobody@vanphong.test"})]


@pytest.mark.parametrize(("email", "more", "key", "reason", "who"), [
    ("old@vanphong.test", {}, "signin_oidc_disabled", "disabled", "old"),
    ("lanh.dao@vanphong.test", {"email_verified": False}, "signin_oidc_unverified_email",
     "unverified_email", "ld"),
    (None, {}, "signin_oidc_no_email", "no_email", None),
])
def test_what_else_is_refused(store, email, more, key, reason, who):
    user = {**identity(email or "x", **more), "email": email}  # made now: fresh
    at = start(user)
    assert [x.value for x in at.title] == ["Đăng nhập"]
    assert [e.value for e in at.error] == [t(key, "vi", email=f"`{email}`" if email else "—")]
    (event, user_name, details), = events(store)
    assert (event, user_name, details["reason"]) == ("sign_in_failed", who, reason)


def test_a_used_or_stale_identity_signs_nobody_in(store):
    used = identity("lanh.dao@vanphong.test")
    assert start(used).session_state["auth_token"]
    again = start(used)  # the same ID token once more: a reload without the cookie, a replay
    assert [x.value for x in again.title] == ["Đăng nhập"] and not again.error
    stale = start(identity("lanh.dao@vanphong.test", age_s=3600, nonce="old"))
    assert [x.value for x in stale.title] == ["Đăng nhập"]
    assert [i.value for i in stale.info] == [t("signin_page_expired", "vi")]
    assert [e[0] for e in events(store)] == ["sign_in"]


def test_signing_out_of_an_office_session(store, monkeypatch):
    logouts: list[bool] = []
    monkeypatch.setattr(access.st, "logout", lambda: logouts.append(True))
    at = start(identity("lanh.dao@vanphong.test"))
    token = at.session_state["auth_token"]
    at.sidebar.button(key="sign_out").click().run()
    assert [x.value for x in at.title] == ["Đăng nhập"]
    assert logouts == [True] and store.session(token) is None
    assert [e[:2] for e in events(store)] == [("sign_in", "ld"), ("sign_out", "ld")]


def test_a_password_sign_in_also_asks_for_its_cookie(store):
    at = start(secrets=False)
    at.text_input(key="signin_name").input("it")
    at.text_input(key="signin_password").input(PASSWORD)
    at.button(key="FormSubmitter:sign_in_form-Đăng nhập").click().run()
    assert [x.value for x in at.title] == ["Tổng quan"]
    script, = scripts(at)
    assert at.session_state["auth_token"] not in script
    code = script.split('\\"code\\": \\"')[1].split('\\"')[0]
    cookie, _ = store.claim_handoff(code)
    assert store.session(cookie).name == "it"
    store.end_session(at.session_state["auth_token"])  # one session: the tab's and the cookie's
    assert store.session(cookie) is None
    assert [e[0] for e in events(store)] == ["sign_in"]

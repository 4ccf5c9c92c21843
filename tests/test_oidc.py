"""OpenID Connect, the engine and command-line side: the settings IT gives ``thidua serve``, the
e-mail → account mapping in the store and in ``thidua users``, a session's cookie key and its
one-time code, and the rules of an identity (fresh, used once, with a verified e-mail).

The dashboard's side (the route, the sign-in in AppTest) is ``tests/test_oidc_app.py``; the
real browser against a fake provider is ``tests/browser/test_oidc_browser.py``.
"""

from __future__ import annotations

import datetime as dt
import getpass
import sqlite3
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thidua.accounts import AccountError, AccountStore, AuditLog, accounts_path, oidc
from thidua.accounts.sessions import HANDOFF_FOR, LIVE_FOR
from thidua.catalogue import t
from thidua.cli import app
from thidua.cli import serve as serve_module

runner = CliRunner()
T0 = dt.datetime(2026, 3, 5, 8, 0, tzinfo=dt.UTC)
PASSWORD = "mật-khẩu-đủ-dài"
ENV = {"THIDUA_OIDC_METADATA_URL": "https://sso.vanphong.gov.vn/.well-known/openid-configuration",
       "THIDUA_OIDC_CLIENT_ID": "thidua", "THIDUA_OIDC_CLIENT_SECRET": "client-secret-value",
       "THIDUA_OIDC_REDIRECT_URI": "https://thidua.vanphong.gov.vn/oauth2callback"}


@pytest.fixture
def store(tmp_path: Path) -> AccountStore:
    return AccountStore(tmp_path / "t.accounts.sqlite")


def _flat(text: str) -> str:
    return " ".join(text.split())


# -- settings ---------------------------------------------------------------------------------

def test_no_setting_means_no_office_sign_in():
    assert oidc.settings({}) is None
    assert oidc.settings({"THIDUA_OIDC_COOKIE_SECRET": "x" * 40}) is None


def test_the_settings_become_streamlits_auth_section():
    found = oidc.settings({**ENV, "THIDUA_OIDC_COOKIE_SECRET": "c" * 40})
    assert found.provider == "sso.vanphong.gov.vn"
    assert found.secrets() == {
        "redirect_uri": "https://thidua.vanphong.gov.vn/oauth2callback",
        "cookie_secret": "c" * 40, "client_id": "thidua", "client_secret": "client-secret-value",
        "server_metadata_url": ENV["THIDUA_OIDC_METADATA_URL"]}


@pytest.mark.parametrize(("change", "key", "params"), [
    ({"THIDUA_OIDC_CLIENT_SECRET": ""}, "oidc_missing",
     {"names": "THIDUA_OIDC_CLIENT_SECRET"}),
    ({"THIDUA_OIDC_CLIENT_ID": " ", "THIDUA_OIDC_REDIRECT_URI": ""}, "oidc_missing",
     {"names": "THIDUA_OIDC_CLIENT_ID, THIDUA_OIDC_REDIRECT_URI"}),
    ({"THIDUA_OIDC_METADATA_URL": "http://sso.vanphong.gov.vn/.well-known/x"}, "oidc_bad_url",
     {"name": "THIDUA_OIDC_METADATA_URL", "value": "http://sso.vanphong.gov.vn/.well-known/x"}),
    ({"THIDUA_OIDC_REDIRECT_URI": "sso.vanphong.gov.vn"}, "oidc_bad_url",
     {"name": "THIDUA_OIDC_REDIRECT_URI", "value": "sso.vanphong.gov.vn"}),
    ({"THIDUA_OIDC_REDIRECT_URI": "https://thidua.vanphong.gov.vn/"}, "oidc_bad_callback",
     {"name": "THIDUA_OIDC_REDIRECT_URI", "value": "https://thidua.vanphong.gov.vn/",
      "path": "/oauth2callback"}),
    ({"THIDUA_OIDC_COOKIE_SECRET": "short"}, "oidc_weak_cookie_secret",
     {"name": "THIDUA_OIDC_COOKIE_SECRET", "min": 32}),
])
def test_wrong_settings_are_refused_with_a_catalogue_key(change, key, params):
    with pytest.raises(AccountError) as refused:
        oidc.settings({**ENV, **change})
    assert (refused.value.key, refused.value.params) == (key, params)
    assert t(key, "vi", **params) and t(key, "en", **params)


def test_plain_http_is_allowed_on_this_computer_only():
    local = {**ENV, "THIDUA_OIDC_METADATA_URL": "http://127.0.0.1:9000/.well-known/x",
             "THIDUA_OIDC_REDIRECT_URI": "http://localhost:8501/oauth2callback"}
    assert oidc.settings(local).redirect_uri == "http://localhost:8501/oauth2callback"


def test_an_env_file_must_be_private(tmp_path: Path):
    path = tmp_path / "oidc.env"
    path.write_text("# the Office sign-in\nexport THIDUA_OIDC_CLIENT_ID=thidua\n"
                    "THIDUA_OIDC_CLIENT_SECRET='s3cret value'\nTHIDUA_DB=/elsewhere\n\n")
    path.chmod(0o644)
    with pytest.raises(AccountError) as refused:
        oidc.read_env_file(path)
    assert refused.value.key == "oidc_file_open" and refused.value.params["mode"] == "0o644"
    path.chmod(0o600)
    assert oidc.read_env_file(path) == {"THIDUA_OIDC_CLIENT_ID": "thidua",
                                        "THIDUA_OIDC_CLIENT_SECRET": "s3cret value"}
    with pytest.raises(AccountError) as missing:
        oidc.read_env_file(tmp_path / "none.env")
    assert missing.value.key == "oidc_file_unreadable"


def test_the_shared_cookie_secret_is_made_once_and_private(tmp_path: Path):
    path = oidc.cookie_secret_path(tmp_path / "thidua.accounts.sqlite")
    assert path == tmp_path / "thidua.accounts.cookie-secret"
    first = oidc.shared_cookie_secret(path)
    assert len(first) == 64 and int(first, 16) >= 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert oidc.shared_cookie_secret(path) == first  # a second process reads the same one
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left
    path.chmod(0o640)
    with pytest.raises(AccountError):
        oidc.shared_cookie_secret(path)


def test_streamlit_secrets_take_the_secrets_out_of_the_environment(tmp_path: Path):
    env = {**ENV, "OTHER": "kept"}
    secrets = oidc.streamlit_secrets(env, tmp_path / "thidua.accounts.sqlite")
    assert secrets["auth"]["client_secret"] == "client-secret-value"
    assert len(secrets["auth"]["cookie_secret"]) == 64
    assert "THIDUA_OIDC_CLIENT_SECRET" not in env and "THIDUA_OIDC_COOKIE_SECRET" not in env
    assert env["OTHER"] == "kept" and env["THIDUA_OIDC_CLIENT_ID"] == "thidua"
    assert oidc.streamlit_secrets({}, tmp_path / "x.sqlite") is None


# -- the store --------------------------------------------------------------------------------

def test_an_office_only_account_has_no_password(store: AccountStore):
    added = store.add("mai", "lanh_dao", None, now=T0, email=" Mai.LT@VanPhong.gov.vn ")
    assert (added.email, added.password) == ("mai.lt@vanphong.gov.vn", False)
    assert store.by_email("MAI.lt@vanphong.gov.vn") == added
    assert store.by_email("nobody@vanphong.gov.vn") is None
    assert store.by_email("not an e-mail") is None
    answer = store.sign_in("mai", "")  # no password to match, no failure counted
    assert (answer.ok, answer.reason) == (False, "no_password")
    for _ in range(6):
        store.sign_in("mai", "anything-at-all")
    with sqlite3.connect(store.path) as con:
        kept = con.execute("SELECT failures, locked_until, password_hash FROM accounts").fetchone()
    assert kept == (0, None, "")
    store.set_password("mai", PASSWORD)  # a password later: both ways
    assert store.get("mai").password and store.sign_in("mai", PASSWORD).ok


@pytest.mark.parametrize(("email", "key"), [
    ("mai", "account_bad_email"), ("mai@vanphong", "account_bad_email"),
    ("mai lt@vanphong.gov.vn", "account_bad_email"), ("a@b.c\u202e", "account_bad_email"),
    ("x" * 250 + "@b.vn", "account_bad_email")])
def test_a_bad_email_is_refused(store: AccountStore, email: str, key: str):
    with pytest.raises(AccountError) as refused:
        store.add("mai", "lanh_dao", None, email=email)
    assert refused.value.key == key
    assert store.accounts() == []


def test_one_email_one_account_and_some_way_in(store: AccountStore):
    store.add("lan", "hcqt", PASSWORD, email="lan@vanphong.gov.vn")
    with pytest.raises(AccountError) as taken:
        store.add("mai", "lanh_dao", None, email="LAN@vanphong.gov.vn")
    assert (taken.value.key, taken.value.params) == (
        "account_email_taken", {"email": "lan@vanphong.gov.vn", "other": "lan"})
    with pytest.raises(AccountError) as nothing:
        store.add("mai", "lanh_dao", None)
    assert nothing.value.key == "account_no_sign_in"
    store.add("mai", "lanh_dao", None, email="mai@vanphong.gov.vn")
    with pytest.raises(AccountError) as last_way:
        store.set_email("mai", None)  # it has no password: that would lock it out
    assert last_way.value.key == "account_no_sign_in"
    assert store.set_email("lan", None).email is None  # lan keeps its password
    with pytest.raises(AccountError):
        store.set_email("lan", "mai@vanphong.gov.vn")
    with pytest.raises(AccountError) as unknown:
        store.set_email("nobody", "x@vanphong.gov.vn")
    assert unknown.value.key == "account_unknown"
    assert store.get("lan").email is None and store.get("mai").email == "mai@vanphong.gov.vn"


OLD_SCHEMA = (  # the accounts file as the first release made it
    "CREATE TABLE accounts (name TEXT PRIMARY KEY, role TEXT NOT NULL, unit TEXT, "
    "password_hash TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, "
    "failures INTEGER NOT NULL DEFAULT 0, locked_until TEXT)",
    "CREATE TABLE sessions (token_hash TEXT PRIMARY KEY, name TEXT NOT NULL REFERENCES "
    "accounts(name), created_at TEXT NOT NULL, last_seen TEXT NOT NULL)",
)


def test_an_older_accounts_file_is_brought_up_to_date(store: AccountStore, tmp_path: Path):
    fresh = AccountStore(tmp_path / "fresh.sqlite")
    fresh.add("lan", "hcqt", PASSWORD, now=T0)
    with sqlite3.connect(store.path) as con:
        for statement in OLD_SCHEMA:
            con.execute(statement)
        row = sqlite3.connect(fresh.path).execute(
            "SELECT name, role, unit, password_hash, disabled, created_at FROM accounts").fetchone()
        con.execute("INSERT INTO accounts (name, role, unit, password_hash, disabled, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)", row)
    assert store.get("lan").email is None and store.sign_in("lan", PASSWORD).ok
    store.set_email("lan", "lan@vanphong.gov.vn")
    token = store.create_session("lan")
    assert store.claim_handoff(store.start_handoff(token)) is not None
    with sqlite3.connect(store.path) as con:
        columns = {r[1] for r in con.execute("PRAGMA table_info(sessions)")}
    assert {"cookie_hash", "handoff_hash", "handoff_until"} <= columns


# -- a session's cookie -------------------------------------------------------------------------

def test_a_one_time_code_gives_the_browser_its_own_key(store: AccountStore):
    store.add("lan", "hcqt", PASSWORD, now=T0)
    token = store.create_session("lan", now=T0)
    code = store.start_handoff(token, now=T0 + dt.timedelta(hours=2))
    assert code and code != token
    cookie, max_age = store.claim_handoff(code, now=T0 + dt.timedelta(hours=2, seconds=5))
    assert cookie not in (token, code)
    assert max_age == int((LIVE_FOR - dt.timedelta(hours=2, seconds=5)).total_seconds())
    assert store.claim_handoff(code, now=T0 + dt.timedelta(hours=2, seconds=6)) is None  # once
    at = T0 + dt.timedelta(hours=3)
    assert store.session(cookie, now=at).name == "lan" == store.session(token, now=at).name
    with sqlite3.connect(store.path) as con:
        kept = con.execute("SELECT token_hash, cookie_hash, handoff_hash FROM sessions").fetchall()
    assert all(token not in str(r) and cookie not in str(r) for r in kept)
    assert kept[0][2] is None  # the code is gone once used
    store.end_session(cookie)  # signing out by either key ends both
    assert store.session(token, now=at) is None


def test_a_code_is_good_for_a_minute_and_for_a_live_session_only(store: AccountStore):
    store.add("lan", "hcqt", PASSWORD, now=T0)
    late = store.start_handoff(store.create_session("lan", now=T0), now=T0)
    assert store.claim_handoff(late, now=T0 + HANDOFF_FOR + dt.timedelta(seconds=1)) is None
    assert store.claim_handoff(late, now=T0) is None  # a refused claim used it up too
    ended = store.create_session("lan", now=T0)
    code = store.start_handoff(ended, now=T0)
    store.end_session(ended)
    assert store.claim_handoff(code, now=T0) is None
    disabled = store.start_handoff(store.create_session("lan", now=T0), now=T0)
    store.disable("lan")
    assert store.claim_handoff(disabled, now=T0) is None
    assert store.start_handoff("no-such-token") is None
    assert store.claim_handoff("x" * 5000) is None and store.session("x" * 5000) is None


def test_the_cookie_keeps_the_sessions_limits(store: AccountStore):
    store.add("lan", "hcqt", PASSWORD, now=T0)
    token = store.create_session("lan", now=T0)
    cookie, _ = store.claim_handoff(store.start_handoff(token, now=T0), now=T0)
    assert store.session(cookie, now=T0 + dt.timedelta(hours=7)) is not None
    assert store.session(cookie, now=T0 + dt.timedelta(hours=15, minutes=1)) is None  # 8 h idle
    assert store.session(token, now=T0 + dt.timedelta(hours=7)) is None  # one row, both ended


# -- an identity ------------------------------------------------------------------------------

def _claims(**change) -> dict:
    return {"iss": "https://sso", "sub": "u1", "aud": "thidua", "nonce": "n1",
            "iat": int(T0.timestamp()), "email": "Mai@VanPhong.gov.vn", "email_verified": True,
            **change}


@pytest.mark.parametrize(("claims", "outcome"), [
    (_claims(), "ok"),
    (_claims(email_verified=None), "ok"),  # a provider that does not say (Azure AD)
    (_claims(iat=int(T0.timestamp()) - 601), "stale"),
    (_claims(iat=int(T0.timestamp()) + 600), "stale"),
    (_claims(iat="yesterday"), "stale"),
    ({k: v for k, v in _claims().items() if k != "iat"}, "stale"),
    (_claims(email=None), "no_email"),
    (_claims(email="not-an-address"), "no_email"),
    (_claims(email_verified=False), "unverified_email"),
    (_claims(email_verified="false"), "unverified_email"),
])
def test_an_identity_is_fresh_and_has_an_email(claims: dict, outcome: str):
    assert oidc.check_identity(claims, now=T0) == outcome


def test_an_identity_signs_in_once(store: AccountStore):
    assert oidc.email_of(_claims()) == "mai@vanphong.gov.vn"
    assert oidc.claim_identity(store.path, _claims(), now=T0) is True
    assert oidc.claim_identity(store.path, _claims(), now=T0) is False  # a reload, a replay
    assert oidc.claim_identity(store.path, _claims(nonce="n2"), now=T0) is True  # a new sign-in
    later = T0 + oidc.SEEN_FOR + dt.timedelta(minutes=1)
    assert oidc.claim_identity(store.path, _claims(nonce="n3"), now=later) is True
    with sqlite3.connect(store.path) as con:  # the old marks are pruned
        assert con.execute("SELECT count(*) FROM oidc_seen").fetchone() == (1,)


# -- thidua users -----------------------------------------------------------------------------

@pytest.fixture
def db(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.delenv("THIDUA_ACCOUNTS", raising=False)
    for name in (*oidc.ENV.values(), oidc.COOKIE_SECRET_ENV):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(getpass, "getuser", lambda: "admin-os")
    return tmp_path / "t.duckdb"


def _invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def _log(db: Path) -> list[tuple[str, str | None, dict]]:
    return [(e["event"], e["user"], e["details"])
            for e in reversed(AuditLog(accounts_path(db)).entries())]


def test_add_with_an_email_asks_no_password(db: Path):
    result = _invoke("users", "add", "mai", "--role", "don_vi", "--unit", "KT", "--email",
                     "Mai@VanPhong.gov.vn", "--db", str(db), input="")
    assert result.exit_code == 0, result.output
    assert _flat(result.stdout) == ("Đã tạo tài khoản «mai» (Đơn vị). Tài khoản «mai» đăng nhập "
                                    "bằng tài khoản Văn phòng «mai@vanphong.gov.vn».")
    account = AccountStore(accounts_path(db)).by_email("mai@vanphong.gov.vn")
    assert (account.name, account.role, account.unit, account.password) == \
        ("mai", "don_vi", "KT", False)
    assert _log(db) == [("account_add", "admin-os", {"name": "mai", "role": "don_vi",
                                                     "unit": "KT",
                                                     "email": "mai@vanphong.gov.vn"})]


def test_add_with_an_email_and_a_password_from_stdin(db: Path):
    result = _invoke("users", "add", "it", "--role", "hcqt", "--email", "it@vanphong.gov.vn",
                     "--password-stdin", "--db", str(db), input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    store = AccountStore(accounts_path(db))
    assert store.sign_in("it", PASSWORD).ok and store.get("it").email == "it@vanphong.gov.vn"


@pytest.mark.parametrize(("args", "message"), [
    (["--email", "mai"], "The e-mail address 'mai' cannot be used: expected name@domain.vn, at "
                         "most 254 characters, no spaces."),
    (["--email", "LAN@vanphong.gov.vn"], "The e-mail address 'lan@vanphong.gov.vn' already "
                                         "belongs to the account 'lan'."),
])
def test_add_refuses_a_bad_or_taken_email_before_anything(db: Path, args, message):
    AccountStore(accounts_path(db)).add("lan", "hcqt", PASSWORD, email="lan@vanphong.gov.vn")
    result = _invoke("users", "add", "mai", "--role", "lanh_dao", *args, "--db", str(db),
                     "--lang", "en", input="")
    assert result.exit_code == 2
    assert _flat(result.stderr) == message
    assert AccountStore(accounts_path(db)).get("mai") is None


def test_map_sets_and_removes_an_email(db: Path):
    store = AccountStore(accounts_path(db))
    store.add("lan", "hcqt", PASSWORD)
    result = _invoke("users", "map", "lan", "--email", "Lan@VanPhong.gov.vn", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert _flat(result.stdout) == ("Tài khoản «lan» đăng nhập bằng tài khoản Văn phòng "
                                    "«lan@vanphong.gov.vn».")
    assert store.by_email("lan@vanphong.gov.vn").name == "lan"
    result = _invoke("users", "map", "lan", "--remove", "--db", str(db), "--lang", "en")
    assert _flat(result.stdout) == "The e-mail address of the account 'lan' has been removed."
    assert store.get("lan").email is None
    assert [e[:2] for e in _log(db)] == [("account_email", "admin-os")] * 2
    assert [e[2] for e in _log(db)] == [{"name": "lan", "email": "lan@vanphong.gov.vn"},
                                        {"name": "lan", "email": None}]


@pytest.mark.parametrize(("args", "message"), [
    (["lan"], "Give exactly one of --email ADDRESS or --remove."),
    (["lan", "--email", "a@b.vn", "--remove"], "Give exactly one of --email ADDRESS or --remove."),
    (["nobody", "--email", "a@b.vn"], "There is no account 'nobody'."),
    (["mai", "--remove"], "The account 'mai' needs a password or an Office e-mail address "
                          "(--email), or it could never sign in."),
])
def test_map_refusals_exit_2(db: Path, args, message):
    store = AccountStore(accounts_path(db))
    store.add("lan", "hcqt", PASSWORD)
    store.add("mai", "lanh_dao", None, email="mai@vanphong.gov.vn")
    result = _invoke("users", "map", *args, "--db", str(db), "--lang", "en")
    assert result.exit_code == 2
    assert _flat(result.stderr) == message
    assert store.get("mai").email == "mai@vanphong.gov.vn" and store.get("lan").email is None


# -- thidua serve -----------------------------------------------------------------------------

def _captured_call(monkeypatch) -> list[tuple[list[str], dict[str, str]]]:
    calls: list[tuple[list[str], dict[str, str]]] = []
    monkeypatch.setattr(serve_module.subprocess, "call",
                        lambda command, env: calls.append((command, env)) or 0)
    return calls


def test_serve_hands_the_checked_settings_to_the_dashboard(tiny_db: Path, db, monkeypatch):
    accounts = accounts_path(tiny_db.resolve())
    AccountStore(accounts).add("mai", "lanh_dao", None, email="mai@vanphong.gov.vn")
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    calls = _captured_call(monkeypatch)
    result = _invoke("serve", "--host", "0.0.0.0", "--db", str(tiny_db), "--lang", "en")
    assert result.exit_code == 0, result.output
    (command, env), = calls
    assert command[4].endswith("dashboard/thidua_web.py")
    secret = oidc.cookie_secret_path(accounts)
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert env["THIDUA_OIDC_COOKIE_SECRET"] == secret.read_text() and len(secret.read_text()) == 64
    assert {k: env[k] for k in ENV} == ENV
    assert _flat(result.stdout).endswith(
        "Office sign-in through sso.vanphong.gov.vn (accounts with an e-mail address: 1).")


def test_serve_refuses_incomplete_settings(tiny_db: Path, db, monkeypatch):
    monkeypatch.setenv("THIDUA_OIDC_CLIENT_ID", "thidua")
    calls = _captured_call(monkeypatch)
    result = _invoke("serve", "--db", str(tiny_db), "--lang", "en")
    assert result.exit_code == 2 and calls == []
    assert _flat(result.stderr) == (
        "The Office sign-in (OpenID Connect) settings are incomplete: THIDUA_OIDC_METADATA_URL, "
        "THIDUA_OIDC_CLIENT_SECRET, THIDUA_OIDC_REDIRECT_URI missing.")


def test_serve_reads_a_private_env_file_only(tiny_db: Path, db, tmp_path: Path, monkeypatch):
    path = tmp_path / "oidc.env"
    path.write_text("".join(f"{k}={v}\n" for k, v in ENV.items()))
    path.chmod(0o644)
    calls = _captured_call(monkeypatch)
    result = _invoke("serve", "--db", str(tiny_db), "--oidc-env", str(path), "--lang", "en")
    assert result.exit_code == 2 and calls == []
    assert _flat(result.stderr) == (f"The file '{path}' holds a secret but others may read it "
                                    f"(mode 0o644); run `chmod 600 {path}`.")
    path.chmod(0o600)
    result = _invoke("serve", "--db", str(tiny_db), "--oidc-env", str(path), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert calls[0][1]["THIDUA_OIDC_CLIENT_SECRET"] == "client-secret-value"


def test_serve_without_accounts_still_refuses_a_public_host_with_oidc_set(db: Path, monkeypatch):
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    result = _invoke("serve", "--host", "0.0.0.0", "--db", str(db), "--lang", "en")
    assert result.exit_code == 2
    assert _flat(result.stderr).startswith("No account exists yet, so thidua serves this "
                                           "computer only")


def test_serve_says_when_office_accounts_cannot_sign_in(tiny_db: Path, db, monkeypatch):
    accounts = accounts_path(tiny_db.resolve())
    AccountStore(accounts).add("mai", "lanh_dao", None, email="mai@vanphong.gov.vn")
    monkeypatch.setenv("THIDUA_OIDC_CLIENT_SECRET", "")  # inherited, empty: not set up
    calls = _captured_call(monkeypatch)
    result = _invoke("serve", "--db", str(tiny_db), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert _flat(result.stdout).endswith(
        "Note: 1 account(s) sign in only with the Office account, but OpenID Connect is not set "
        "up (THIDUA_OIDC_*), so they cannot sign in yet.")
    assert not any(k.startswith("THIDUA_OIDC_") for k in calls[0][1])
    assert not oidc.cookie_secret_path(accounts).exists()


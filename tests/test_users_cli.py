"""``thidua users`` and ``thidua serve``'s guard: exact sentences, exit codes, the audit trail."""

from __future__ import annotations

import datetime as dt
import getpass
import re
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from thidua.accounts import AccountStore, AuditLog, accounts_path
from thidua.cli import app
from thidua.cli import serve as serve_module

runner = CliRunner()
T0 = dt.datetime(2026, 3, 5, 12, 0, tzinfo=dt.UTC)
PASSWORD = "mật-khẩu-đủ-dài"


@pytest.fixture
def db(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.delenv("THIDUA_ACCOUNTS", raising=False)
    monkeypatch.setattr(getpass, "getuser", lambda: "admin-os")
    return tmp_path / "t.duckdb"


def _store(db: Path) -> AccountStore:
    return AccountStore(accounts_path(db))


def _rows(text: str) -> list[list[str]]:
    return [[c.strip() for c in re.split("[│┃]", line)[1:-1]]
            for line in text.splitlines() if line[:1] in ("│", "┃")]


def _flat(text: str) -> str:
    """Text as read, whatever the console's width wrapped."""
    return " ".join(text.split())


def _invoke(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_add_with_password_stdin_then_sign_in(db: Path):
    result = _invoke("users", "add", "lan", "--role", "hcqt", "--password-stdin", "--db",
                     str(db), input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Đã tạo tài khoản «lan» (Hành chính – Quản trị).\n"
    assert db.with_name("t.accounts.sqlite").exists()
    assert not db.exists()  # the analytics file is not touched
    assert _store(db).sign_in("lan", PASSWORD).reason == "ok"
    entry = AuditLog(accounts_path(db)).entries()[0]
    assert (entry["event"], entry["user"], entry["details"]) == (
        "account_add", "admin-os", {"name": "lan", "role": "hcqt", "unit": None})


def test_add_reads_the_password_twice_from_the_terminal(db: Path, monkeypatch):
    prompts: list[str] = []
    monkeypatch.setattr(getpass, "getpass", lambda p: prompts.append(p) or "unit-password-1")
    result = _invoke("users", "add", "binh", "--role", "don_vi", "--unit", "KT", "--db",
                     str(db), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Account 'binh' added (Unit).\n"
    assert prompts == ["Password for 'binh': ", "The password again: "]
    assert _store(db).get("binh").unit == "KT"


def test_two_different_passwords_change_nothing(db: Path, monkeypatch):
    answers = iter(["first-password-1", "second-password-2"])
    monkeypatch.setattr(getpass, "getpass", lambda p: next(answers))
    result = _invoke("users", "add", "lan", "--role", "hcqt", "--db", str(db))
    assert result.exit_code == 2
    assert result.stderr == "Hai lần nhập mật khẩu không khớp; chưa thay đổi gì.\n"
    assert _store(db).accounts() == []


@pytest.mark.parametrize(("args", "stdin", "message"), [
    (["--role", "admin"], PASSWORD,
     "There is no role 'admin': choose one of hcqt, lanh_dao, don_vi, trinh_chieu.\n"),
    (["--role", "don_vi"], "",  # refused before the password is read
     "The account 'lan' has the role don_vi, so it needs a unit code (--unit CODE).\n"),
    (["--role", "lanh_dao", "--unit", "KT"], "",
     "Only a don_vi account belongs to a unit; the role lanh_dao takes no unit ('KT').\n"),
    (["--role", "hcqt"], "short",
     "The password is too short: at least 10 characters are needed, it has 5.\n"),
    (["--role", "hcqt"], "",
     "No password was read: with --password-stdin, give the password on one line of stdin.\n"),
])
def test_add_refusals_exit_2_with_a_sentence(db: Path, args, stdin, message):
    result = _invoke("users", "add", "lan", *args, "--password-stdin", "--db", str(db),
                     "--lang", "en", input=stdin + "\n")
    assert result.exit_code == 2
    assert result.stderr == message
    assert _store(db).accounts() == []
    assert AuditLog(accounts_path(db)).entries() == []


def test_a_duplicate_is_refused_before_the_password_is_asked(db: Path):
    _store(db).add("lan", "hcqt", PASSWORD)
    result = _invoke("users", "add", "lan", "--role", "lanh_dao", "--password-stdin",
                     "--db", str(db), input="")
    assert result.exit_code == 2
    assert result.stderr == "Đã có tài khoản «lan».\n"
    assert _store(db).get("lan").role == "hcqt"


def test_list_in_both_languages(db: Path, monkeypatch):
    from thidua.cli.common import out

    monkeypatch.setattr(out, "width", 160)  # IT's terminal, wide enough for one line a row
    store = _store(db)
    assert _flat(_invoke("users", "list", "--db", str(db), "--lang", "en").stdout) == \
        f"No accounts yet in '{accounts_path(db)}'."
    store.add("lan", "hcqt", PASSWORD, now=T0)
    store.add("binh", "don_vi", PASSWORD, unit="KT", now=T0)
    store.add("man", "trinh_chieu", PASSWORD, now=T0)
    store.add("mai", "lanh_dao", None, now=T0, email="Mai.LT@VanPhong.gov.vn")
    store.set_email("lan", "lan@vanphong.gov.vn")
    store.disable("man")
    vi = _invoke("users", "list", "--db", str(db))
    assert vi.exit_code == 0, vi.output
    assert _rows(vi.stdout) == [
        ["Tên", "Vai trò", "Đơn vị", "Thư điện tử", "Đăng nhập bằng", "Trạng thái", "Ngày tạo"],
        ["binh", "Đơn vị", "KT", "", "mật khẩu", "Đang dùng", "05/03/2026"],
        ["lan", "Hành chính – Quản trị", "", "lan@vanphong.gov.vn",
         "mật khẩu, tài khoản Văn phòng", "Đang dùng", "05/03/2026"],
        ["mai", "Lãnh đạo", "", "mai.lt@vanphong.gov.vn", "tài khoản Văn phòng", "Đang dùng",
         "05/03/2026"],
        ["man", "Trình chiếu", "", "", "mật khẩu", "Đã khoá", "05/03/2026"]]
    en = _invoke("users", "list", "--db", str(db), "--lang", "en")
    assert _rows(en.stdout)[0] == ["Name", "Role", "Unit", "E-mail", "Signs in with", "State",
                                   "Created"]
    assert _rows(en.stdout)[4] == ["man", "Presentation screen", "", "", "password", "Disabled",
                                   "5 Mar 2026"]


def test_disable_ends_sessions_and_is_audited(db: Path):
    store = _store(db)
    store.add("lan", "hcqt", PASSWORD)
    token = store.create_session("lan")
    result = _invoke("users", "disable", "lan", "--db", str(db), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Account 'lan' disabled; its sessions have ended.\n"
    assert store.session(token) is None
    assert store.sign_in("lan", PASSWORD).reason == "disabled"
    entry = AuditLog(accounts_path(db)).entries()[0]
    assert (entry["event"], entry["user"], entry["details"]) == (
        "account_disable", "admin-os", {"name": "lan"})


def test_passwd_changes_the_password_and_is_audited(db: Path):
    store = _store(db)
    store.add("lan", "hcqt", PASSWORD)
    result = _invoke("users", "passwd", "lan", "--password-stdin", "--db", str(db),
                     input="a-new-password-9\r\n")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Đã đổi mật khẩu của «lan».\n"
    assert store.sign_in("lan", "a-new-password-9").reason == "ok"
    assert store.sign_in("lan", PASSWORD).reason == "bad_password"
    assert [e["event"] for e in AuditLog(accounts_path(db)).entries()] == ["account_passwd"]


@pytest.mark.parametrize("command", [["disable", "nobody"], ["passwd", "nobody"]])
def test_unknown_account_exits_2(db: Path, command):
    result = _invoke("users", *command, "--password-stdin", "--db", str(db), "--lang", "en",
                     input=PASSWORD + "\n") if command[0] == "passwd" else \
        _invoke("users", *command, "--db", str(db), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == "There is no account 'nobody'.\n"
    assert AuditLog(accounts_path(db)).entries() == []


def test_thidua_accounts_names_the_file(db: Path, tmp_path: Path, monkeypatch):
    elsewhere = tmp_path / "shared" / "accounts.sqlite"
    monkeypatch.setenv("THIDUA_ACCOUNTS", str(elsewhere))
    result = _invoke("users", "add", "lan", "--role", "lanh_dao", "--password-stdin",
                     "--db", str(db), input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert [a.role for a in AccountStore(elsewhere).accounts()] == ["lanh_dao"]


def test_every_users_command_takes_lang():
    import typer.main

    group = typer.main.get_command(app).commands["users"]
    assert sorted(group.commands) == ["add", "disable", "list", "map", "passwd"]
    for name, command in group.commands.items():
        assert "--lang" in {o for p in command.params for o in p.opts}, name
        assert "--db" in {o for p in command.params for o in p.opts}, name


# -- thidua serve -----------------------------------------------------------------------------

@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.10.0.3", True), ("localhost", True), ("LOCALHOST", True),
    ("::1", True), ("[::1]", True), ("0.0.0.0", False), ("192.168.1.5", False),
    ("::", False), ("thidua.office.vn", False), ("", False)])
def test_is_loopback(host: str, loopback: bool):
    assert serve_module.is_loopback(host) is loopback


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5"])
def test_serve_refuses_a_public_host_while_no_account_exists(db: Path, host: str):
    result = _invoke("serve", "--host", host, "--db", str(db), "--lang", "en")
    assert result.exit_code == 2
    assert _flat(result.stderr) == (
        f"No account exists yet, so thidua serves this computer only (127.0.0.1), not "
        f"'{host}': names and evaluations are personal data. Add an account first: "
        "`thidua users add NAME --role hcqt`.")
    assert not db.exists()  # refused before anything, not even the sample, is loaded


def test_serve_refuses_when_every_account_is_disabled(db: Path):
    _store(db).add("lan", "hcqt", PASSWORD)
    _store(db).disable("lan")
    result = _invoke("serve", "--host", "0.0.0.0", "--db", str(db))
    assert result.exit_code == 2
    assert result.stderr.startswith("Chưa có tài khoản nào nên thidua chỉ chạy trên máy này")


def _captured_call(monkeypatch) -> list[tuple[list[str], dict[str, str]]]:
    calls: list[tuple[list[str], dict[str, str]]] = []
    monkeypatch.setattr(serve_module.subprocess, "call",
                        lambda command, env: calls.append((command, env)) or 0)
    return calls


def test_serve_with_an_account_binds_where_asked(tiny_db: Path, monkeypatch):
    monkeypatch.delenv("THIDUA_ACCOUNTS", raising=False)
    _store(tiny_db).add("lan", "hcqt", PASSWORD)
    calls = _captured_call(monkeypatch)
    result = _invoke("serve", "--host", "0.0.0.0", "--port", "8600", "--db", str(tiny_db),
                     "--lang", "en")
    assert result.exit_code == 0, result.output
    (command, env), = calls
    assert command[command.index("--server.address") + 1] == "0.0.0.0"
    assert command[command.index("--server.port") + 1] == "8600"
    assert env["THIDUA_DB"] == str(tiny_db.resolve())
    assert env["THIDUA_ACCOUNTS"] == str(accounts_path(tiny_db.resolve()))
    assert _flat(result.stdout).endswith(
        f"Sign-in is required (accounts: 1; file '{accounts_path(tiny_db.resolve())}').")


def test_serve_on_loopback_without_accounts_runs_as_before(tiny_db: Path, monkeypatch):
    monkeypatch.delenv("THIDUA_ACCOUNTS", raising=False)
    calls = _captured_call(monkeypatch)
    result = _invoke("serve", "--db", str(tiny_db), "--lang", "en")
    assert result.exit_code == 0, result.output
    (command, _), = calls
    assert command[command.index("--server.address") + 1] == "127.0.0.1"
    assert _flat(result.stdout) == f"thidua: http://127.0.0.1:8501 (database '{tiny_db.resolve()}')"
    assert not accounts_path(tiny_db).exists()  # asking made no accounts file


def test_streamlit_run_from_the_checkout_has_no_grid_export_either():
    """``streamlit run dashboard/streamlit_app.py`` in the checkout reads .streamlit/config.toml:
    the grid's own CSV and copy are off there too, as ``thidua serve`` turns them off."""
    config = tomllib.loads((Path(__file__).parents[1] / ".streamlit" / "config.toml").read_text())
    assert config["client"]["disableDataExport"] is True
    assert config["client"]["toolbarMode"] == "minimal"


def test_the_streamlit_command_keeps_xsrf_protection_on():
    command = serve_module.streamlit_command(Path("app.py"), "0.0.0.0", 8501)
    options = dict(zip(command[5::2], command[6::2], strict=True))
    assert options == {
        "--server.address": "0.0.0.0", "--server.port": "8501", "--server.headless": "true",
        "--server.enableXsrfProtection": "true", "--browser.gatherUsageStats": "false",
        "--client.toolbarMode": "minimal", "--theme.primaryColor": "#3B6E9E",
        "--client.showErrorDetails": "type",  # no traceback or data on a viewer's screen
        "--client.disableDataExport": "true",  # no grid CSV or copy outside the audit log
        # a server: no source watching, no full collection after every run (issue 9's load)
        "--server.fileWatcherType": "none", "--runner.postScriptGC": "false",
        "--server.maxUploadSize": "50"}
    assert command[1:5] == ["-m", "streamlit", "run", "app.py"]
    assert "--server.enableCORS" not in command  # CORS off would switch XSRF off too



def test_a_missing_role_is_a_catalogue_sentence(db: Path):
    result = _invoke("users", "add", "lan", "--password-stdin", "--db", str(db), "--lang", "en",
                     input=PASSWORD + "\n")
    assert result.exit_code == 2
    assert result.stderr == "A role is needed: --role hcqt, lanh_dao, don_vi or trinh_chieu.\n"


@pytest.mark.parametrize("command", [["users", "list"], ["users", "disable", "lan"],
                                     ["serve", "--host", "0.0.0.0"]])
def test_an_unreadable_accounts_file_exits_2_untouched(db: Path, command):
    path = accounts_path(db)
    path.write_bytes(b"not a database at all, " * 100)
    result = _invoke(*command, "--db", str(db), "--lang", "en")
    assert result.exit_code == 2
    assert _flat(result.stderr) == (f"The accounts file '{path}' cannot be read (file is not a "
                                    "database); nothing was changed.")
    assert path.read_bytes() == b"not a database at all, " * 100


def test_the_server_refuses_uploads_over_the_setting(monkeypatch):
    command = serve_module.streamlit_command(Path("app.py"), "127.0.0.1", 8501)
    assert command[command.index("--server.maxUploadSize") + 1] == "50"
    monkeypatch.setenv("THIDUA_MAX_UPLOAD_MB", "20")
    command = serve_module.streamlit_command(Path("app.py"), "127.0.0.1", 8501)
    assert command[command.index("--server.maxUploadSize") + 1] == "20"

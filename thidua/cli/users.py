"""``thidua users``: add, list, disable accounts, set passwords and Office e-mails.

The accounts live beside the database (``accounts_path``), so ``--db`` picks them. A password
is typed twice at the terminal (never echoed) or read as one line from stdin with
``--password-stdin`` for scripts; it never appears on the command line. ``--email`` makes an
account that signs in with the Office's OpenID Connect provider and has no password
(``users passwd`` can give it one later); ``users map`` sets or removes the e-mail of any
account. Every change is written to the audit log under the operating-system user who made
it. Refusals exit 2.
"""

from __future__ import annotations

import contextlib
import getpass
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from thidua.catalogue import t
from thidua.cli.common import DbOption, LangOption, fail, out
from thidua.store.database import resolve_db

if TYPE_CHECKING:  # argon2 and Babel are imported by the commands that use them
    from thidua.accounts import AccountStore, AuditLog

app = typer.Typer(help="Accounts of the dashboard: add, list, disable, passwd, map.",
                  no_args_is_help=True, rich_markup_mode="markdown")

NameArg = Annotated[str, typer.Argument(help="Account name (no spaces).")]
PasswordStdin = Annotated[bool, typer.Option(
    "--password-stdin", help="Read the password as one line of stdin (for scripts).")]
EmailOption = Annotated[str | None, typer.Option(
    "--email", help="The Office e-mail an OpenID Connect sign-in maps to.")]


def _store(db) -> tuple[AccountStore, AuditLog]:
    from thidua.accounts import AccountStore, AuditLog, accounts_path

    path = accounts_path(resolve_db(db))
    return AccountStore(path), AuditLog(path)


def _operator() -> str | None:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return None


def _password(name: str, from_stdin: bool, lang: str) -> str:
    if from_stdin:
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise fail(t("users_password_no_input", lang))
        return line
    first = getpass.getpass(t("users_password_prompt", lang, name=name))
    if getpass.getpass(t("users_password_again", lang)) != first:
        raise fail(t("users_password_mismatch", lang))
    return first


@contextlib.contextmanager
def guarded(path: Path, lang: str) -> Iterator[None]:
    """A refused change or an unreadable accounts file: a sentence and exit 2, no traceback."""
    from thidua.accounts import AccountError

    try:
        yield
    except AccountError as exc:
        raise fail(t(exc.key, lang, **exc.params)) from None
    except sqlite3.Error as exc:
        raise fail(t("accounts_unreadable", lang, path=path, error=exc)) from None


def _say(text: str) -> None:
    out.print(text, markup=False, highlight=False, soft_wrap=True)


def add(
    name: NameArg,
    role: Annotated[str | None, typer.Option(
        "--role", help="hcqt, lanh_dao, don_vi or trinh_chieu.")] = None,
    unit: Annotated[str | None, typer.Option(
        "--unit", help="Unit code (required for don_vi).")] = None,
    email: EmailOption = None,
    password_stdin: PasswordStdin = False,
    db: DbOption = None,
    lang: LangOption = "vi",
) -> None:
    """Add an account. Examples: `thidua users add lan --role hcqt` (a password) or
    `thidua users add binh --role lanh_dao --email binh@vanphong.gov.vn` (Office sign-in)."""
    from thidua.accounts.store import AccountError, check_email, check_new

    if role is None:
        raise fail(t("users_role_required", lang))
    store, log = _store(db)
    with guarded(store.path, lang):
        check_new(name, role, unit)  # refused before a password is asked for
        kept = check_email(email) if email is not None else None
        if store.get(name.strip()) is not None:
            raise AccountError("account_duplicate", name=name.strip())
        other = store.by_email(kept) if kept else None
        if other is not None:
            raise AccountError("account_email_taken", email=kept, other=other.name)
        password = _password(name, password_stdin, lang) if kept is None or password_stdin \
            else None
        account = store.add(name, role, password, unit=unit, email=kept)
        log.record("account_add", _operator(), name=account.name, role=account.role,
                   unit=account.unit, **({"email": account.email} if account.email else {}))
    _say(t("users_added", lang, name=account.name, role=t(f"role_{account.role}", lang)))
    if account.email:
        _say(t("users_email_set", lang, name=account.name, email=account.email))


def list_(db: DbOption = None, lang: LangOption = "vi") -> None:
    """List the accounts: name, role, unit, e-mail, how it signs in, state, created."""
    from rich.table import Table

    from thidua import formats

    store, _ = _store(db)
    with guarded(store.path, lang):
        accounts = store.accounts()
    if not accounts:
        _say(t("users_none", lang, path=store.path))
        return
    table = Table()
    widest = {"name": max(len(a.name) for a in accounts), "created": 10}
    for column in ("name", "role", "unit", "email", "sign_in", "state", "created"):
        # Names and dates whole (the rest folded), never cut to "…" on a narrow or piped terminal.
        table.add_column(t(f"users_col_{column}", lang), overflow="fold",
                         min_width=widest.get(column))
    for a in accounts:
        state = t("users_state_disabled" if a.disabled else "users_state_active", lang)
        ways = "both" if a.email and a.password else "email" if a.email else "password"
        table.add_row(a.name, t(f"role_{a.role}", lang), a.unit or "", a.email or "",
                      t(f"users_sign_in_{ways}", lang), state,
                      formats.date(a.created_at.astimezone(), lang))
    out.print(table)


def disable(name: NameArg, db: DbOption = None, lang: LangOption = "vi") -> None:
    """Disable an account (its sessions end at once)."""
    store, log = _store(db)
    with guarded(store.path, lang):
        store.disable(name)
        log.record("account_disable", _operator(), name=name)
    _say(t("users_disabled", lang, name=name))


def passwd(name: NameArg, password_stdin: PasswordStdin = False, db: DbOption = None,
           lang: LangOption = "vi") -> None:
    """Set a new password (its sessions end, a lock lifts)."""
    from thidua.accounts.store import AccountError

    store, log = _store(db)
    with guarded(store.path, lang):
        if store.get(name) is None:
            raise AccountError("account_unknown", name=name)
        password = _password(name, password_stdin, lang)
        store.set_password(name, password)
        log.record("account_passwd", _operator(), name=name)
    _say(t("users_password_changed", lang, name=name))


def map_(
    name: NameArg,
    email: EmailOption = None,
    remove: Annotated[bool, typer.Option(
        "--remove", help="Remove the account's e-mail (it keeps its password).")] = False,
    db: DbOption = None,
    lang: LangOption = "vi",
) -> None:
    """Set the Office e-mail of an account (`--email E`) or remove it (`--remove`)."""
    if (email is None) == (not remove):
        raise fail(t("users_map_usage", lang))
    store, log = _store(db)
    with guarded(store.path, lang):
        account = store.set_email(name, None if remove else email)
        log.record("account_email", _operator(), name=account.name, email=account.email)
    if account.email:
        _say(t("users_email_set", lang, name=account.name, email=account.email))
    else:
        _say(t("users_email_removed", lang, name=account.name))


app.command("add")(add)
app.command("list")(list_)
app.command("disable")(disable)
app.command("passwd")(passwd)
app.command("map")(map_)

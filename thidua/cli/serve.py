"""``thidua serve``: start the Streamlit dashboard on a database (the sample if it is empty).

The dashboard runs as its own process (``streamlit run`` on the installed ``dashboard``
package's web entry, ``thidua_web.py``: the app plus the session-cookie route) with
``THIDUA_DB`` naming the database and ``THIDUA_ACCOUNTS`` its accounts file; this command only
prepares the file and prints where to open the app. While no account exists the dashboard has
no sign-in, so it listens on this computer only: a non-loopback ``--host`` is refused.
Streamlit's XSRF protection stays on (``streamlit_command`` asks for it explicitly).

OpenID Connect: the ``THIDUA_OIDC_*`` settings (from the environment, or from the 0600 file
``--oidc-env``) are checked here, the shared cookie secret made if needed, and the whole set
handed to the dashboard's process only (``thidua.accounts.oidc``).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from thidua.catalogue import t
from thidua.cli.common import DbOption, LangOption, err, fail, out
from thidua.paths import SAMPLE_WORKBOOK, streamlit_entry
from thidua.store.database import resolve_db
from thidua.theme import THEME

if TYPE_CHECKING:  # the accounts (argon2) are imported when serve runs, not by every command
    from thidua.accounts.oidc import OidcSettings


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this computer only (see ``thidua.accounts.oidc.is_loopback``)."""
    from thidua.accounts.oidc import is_loopback as loopback

    return loopback(host)


def _has_campaigns(db_path: Path) -> bool:
    from thidua.metrics.summary import campaign_codes
    from thidua.store import aggregates
    from thidua.store.database import StoreError, connect_read_only

    if not db_path.exists():
        return False
    with contextlib.suppress(StoreError):  # a file of an older version: its aggregates first
        aggregates.ensure_built(db_path)
    con = connect_read_only(db_path)
    try:
        return bool(campaign_codes(con))
    finally:
        con.close()


def _load_sample(db_path: Path, lang: str) -> None:
    from thidua.cli.load import rejected_sentence
    from thidua.ingest.load import load as run_load
    from thidua.ingest.messages import issue_message

    out.print(t("serve_loading_sample", lang, path=db_path, sample=SAMPLE_WORKBOOK.name),
              markup=False, highlight=False)
    outcome = run_load(SAMPLE_WORKBOOK, db_path, lang)
    if outcome.exit_code != 0:
        for issue in outcome.errors[:3]:
            err.print(issue_message(issue, lang), markup=False, highlight=False)
        raise fail(outcome.message or rejected_sentence(outcome.file_name, outcome.error_count,
                                                        lang), outcome.exit_code)


__all__ = ["app_env", "is_loopback", "serve", "streamlit_command"]


def streamlit_command(app_file: Path, host: str, port: int) -> list[str]:
    """The ``streamlit run`` command line of the dashboard (XSRF protection on)."""
    return [sys.executable, "-m", "streamlit", "run", str(app_file),
            "--server.address", host, "--server.port", str(port),
            "--server.headless", "true", "--server.enableXsrfProtection", "true",
            "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal",
            # An error on a page names its kind only; its message and traceback (file paths,
            # values from the data) go to the server's log, not to every viewer's screen.
            "--client.showErrorDetails", "type",
            # Every download is thidua's own (its role's rights, the audit log): the data
            # grid's own "Download as CSV" and its copy to the clipboard would hand a named
            # table to a role that may only see it, and record nothing.
            "--client.disableDataExport", "true",
            # A server, not a notebook: no watching of the source files for changes (a poll of
            # every module file, 9% of a server's interpreter time under load), and no full
            # garbage collection after every run (Streamlit's default: half of a loaded
            # server's interpreter time, with the lock held, so every other session waits;
            # Python's own generational collection still runs).
            "--server.fileWatcherType", "none", "--runner.postScriptGC", "false",
            # Streamlit's own primary buttons in the colour of thidua's download links.
            "--theme.primaryColor", THEME.primary,
            # Uploads above this are refused by the server itself (MB; THIDUA_MAX_UPLOAD_MB).
            "--server.maxUploadSize", os.environ.get("THIDUA_MAX_UPLOAD_MB", "50")]


def app_env(db_path: Path, accounts: Path, oidc: OidcSettings | None = None
            ) -> dict[str, str]:
    """The dashboard's environment: this one plus the database, its accounts file and the
    OIDC settings as checked (none inherited unchecked)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("THIDUA_OIDC_")}
    return {**env, "THIDUA_DB": str(db_path), "THIDUA_ACCOUNTS": str(accounts),
            **(oidc.env() if oidc else {})}


def _oidc(accounts: Path, env_file: Path | None) -> OidcSettings | None:
    from thidua.accounts.oidc import read_env_file, settings, with_cookie_secret

    env = {**os.environ, **(read_env_file(env_file) if env_file else {})}
    found = settings(env)
    return with_cookie_secret(found, accounts) if found else None


def _say_sign_in(enabled: list, oidc: OidcSettings | None, accounts: Path, lang: str) -> None:
    def say(text: str) -> None:
        out.print(text, markup=False, highlight=False, soft_wrap=True)

    if enabled:
        say(t("serve_sign_in_required", lang, count=len(enabled), path=accounts))
    mapped = [a for a in enabled if a.email]
    if oidc is not None and enabled:
        say(t("serve_oidc_on", lang, provider=oidc.provider, count=len(mapped)))
        if not mapped:
            say(t("serve_oidc_no_emails", lang))
    only_oidc = [a for a in mapped if not a.password]
    if oidc is None and only_oidc:
        say(t("serve_oidc_off", lang, count=len(only_oidc)))


def serve(
    db: DbOption = None,
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8501,
    host: Annotated[str, typer.Option(
        help="Address to listen on. Names and evaluations are personal data: while no account "
             "exists (`thidua users add`) only this computer (127.0.0.1) is allowed.")
    ] = "127.0.0.1",
    oidc_env: Annotated[Path | None, typer.Option(
        "--oidc-env", help="A KEY=VALUE file (mode 0600) with the THIDUA_OIDC_* settings of "
                           "the Office sign-in; they may also come from the environment.")
    ] = None,
    lang: LangOption = "vi",
) -> None:
    """Start the dashboard (on an empty database, the bundled sample is loaded first).

    Examples:

    * `thidua serve` then open http://127.0.0.1:8501
    * `thidua serve --db /srv/thidua.duckdb --port 8600`
    * `thidua serve --host 0.0.0.0` (only once `thidua users add` has made an account)
    """
    from thidua.accounts import AccountStore, accounts_path
    from thidua.cli.users import guarded

    db_path = resolve_db(db).resolve()
    accounts = accounts_path(db_path)

    with guarded(accounts, lang):
        enabled = [a for a in AccountStore(accounts).accounts() if not a.disabled]
        oidc = _oidc(accounts, oidc_env)
    if not enabled and not is_loopback(host):
        raise fail(t("serve_host_refused", lang, host=host))
    if not _has_campaigns(db_path):
        _load_sample(db_path, lang)
    app_file = streamlit_entry().with_name("thidua_web.py")
    out.print(t("serve_address", lang, url=f"http://{host}:{port}", path=db_path),
              markup=False, highlight=False)
    _say_sign_in(enabled, oidc, accounts, lang)
    try:
        raise typer.Exit(subprocess.call(streamlit_command(app_file, host, port),
                                         env=app_env(db_path, accounts, oidc)))
    except KeyboardInterrupt:
        raise typer.Exit(0) from None

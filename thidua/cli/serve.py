"""``thidua serve``: start the Streamlit dashboard on a database (the sample if it is empty).

The dashboard runs as its own process (``streamlit run`` on the installed ``dashboard``
package) with ``THIDUA_DB`` naming the database and ``THIDUA_ACCOUNTS`` its accounts file; this
command only prepares the file and prints where to open the app. While no account exists the
dashboard has no sign-in, so it listens on this computer only: a non-loopback ``--host`` is
refused. Streamlit's XSRF protection stays on (``streamlit_command`` asks for it explicitly).
"""

from __future__ import annotations

import ipaddress
import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from thidua.catalogue import t
from thidua.cli.common import DbOption, LangOption, err, fail, out
from thidua.paths import SAMPLE_WORKBOOK, streamlit_entry
from thidua.store.database import resolve_db


def _has_campaigns(db_path: Path) -> bool:
    from thidua.metrics.summary import campaign_codes
    from thidua.store.database import connect_read_only

    if not db_path.exists():
        return False
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


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this computer only: 127.0.0.0/8, ::1 or localhost."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def streamlit_command(app_file: Path, host: str, port: int) -> list[str]:
    """The ``streamlit run`` command line of the dashboard (XSRF protection on)."""
    return [sys.executable, "-m", "streamlit", "run", str(app_file),
            "--server.address", host, "--server.port", str(port),
            "--server.headless", "true", "--server.enableXsrfProtection", "true",
            "--browser.gatherUsageStats", "false", "--client.toolbarMode", "minimal",
            # Uploads above this are refused by the server itself (MB; THIDUA_MAX_UPLOAD_MB).
            "--server.maxUploadSize", os.environ.get("THIDUA_MAX_UPLOAD_MB", "50")]


def app_env(db_path: Path, accounts: Path) -> dict[str, str]:
    """The dashboard's environment: this one plus the database and its accounts file."""
    return {**os.environ, "THIDUA_DB": str(db_path), "THIDUA_ACCOUNTS": str(accounts)}


def serve(
    db: DbOption = None,
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8501,
    host: Annotated[str, typer.Option(
        help="Address to listen on. Names and evaluations are personal data: while no account "
             "exists (`thidua users add`) only this computer (127.0.0.1) is allowed.")
    ] = "127.0.0.1",
    lang: LangOption = "vi",
) -> None:
    """Start the dashboard (on an empty database, the bundled sample is loaded first).

    Examples:

    * `thidua serve` then open http://127.0.0.1:8501
    * `thidua serve --db /srv/thidua.duckdb --port 8600`
    * `thidua serve --host 0.0.0.0` (only once `thidua users add` has made an account)
    """
    from thidua.accounts import AccountStore, accounts_path  # argon2: only when serving

    db_path = resolve_db(db).resolve()
    accounts = accounts_path(db_path)
    from thidua.cli.users import guarded

    with guarded(accounts, lang):
        enabled = [a for a in AccountStore(accounts).accounts() if not a.disabled]
    if not enabled and not is_loopback(host):
        raise fail(t("serve_host_refused", lang, host=host))
    if not _has_campaigns(db_path):
        _load_sample(db_path, lang)
    app_file = streamlit_entry()
    out.print(t("serve_address", lang, url=f"http://{host}:{port}", path=db_path),
              markup=False, highlight=False)
    if enabled:
        out.print(t("serve_sign_in_required", lang, count=len(enabled), path=accounts),
                  markup=False, highlight=False, soft_wrap=True)
    try:
        raise typer.Exit(subprocess.call(streamlit_command(app_file, host, port),
                                         env=app_env(db_path, accounts)))
    except KeyboardInterrupt:
        raise typer.Exit(0) from None

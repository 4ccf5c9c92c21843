"""``thidua serve``: start the Streamlit dashboard on a database (the sample if it is empty).

The dashboard runs as its own process (``streamlit run`` on the installed ``dashboard``
package) with ``THIDUA_DB`` naming the database; this command only prepares the file and
prints where to open the app.
"""

from __future__ import annotations

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


def serve(
    db: DbOption = None,
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8501,
    host: Annotated[str, typer.Option(
        help="Address to listen on. Names and evaluations are personal data: keep the default "
             "(this computer only) until sign-in exists.")] = "127.0.0.1",
    lang: LangOption = "vi",
) -> None:
    """Start the dashboard (on an empty database, the bundled sample is loaded first).

    Examples:

    * `thidua serve` then open http://127.0.0.1:8501
    * `thidua serve --db /srv/thidua.duckdb --port 8600`
    """
    db_path = resolve_db(db).resolve()
    if not _has_campaigns(db_path):
        _load_sample(db_path, lang)
    app_file = streamlit_entry()
    out.print(t("serve_address", lang, url=f"http://{host}:{port}", path=db_path),
              markup=False, highlight=False)
    command = [sys.executable, "-m", "streamlit", "run", str(app_file),
               "--server.address", host, "--server.port", str(port),
               "--server.headless", "true", "--browser.gatherUsageStats", "false",
               "--client.toolbarMode", "minimal"]
    env = {**os.environ, "THIDUA_DB": str(db_path)}
    try:
        raise typer.Exit(subprocess.call(command, env=env))
    except KeyboardInterrupt:
        raise typer.Exit(0) from None

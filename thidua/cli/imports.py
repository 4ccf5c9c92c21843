"""``thidua imports`` and ``thidua restore``: the kept versions of the database, and undoing.

Every import that changes the data keeps the file it replaces (``thidua.store.versions``);
these two commands list those versions and put one back, under the same writer lock as an
import and as atomically (one rename), the current data itself kept as a version first.
Exit codes: 0 done · 2 no such version, or the database cannot be written.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from thidua.catalogue import t
from thidua.cli.common import DbOption, LangOption, err, fail, out
from thidua.store.database import resolve_db


def _change(version, lang: str) -> str:
    if version.outcome == "restored":
        return t("version_restored", lang, restored_from=version.restored_from)
    return t("version_imported", lang, import_id=version.import_id)


def imports(db: DbOption = None, lang: LangOption = "vi") -> None:
    """List the kept versions of the database, newest first (id, time, file, campaign, change).

    Each version is the data just before the change listed; `thidua restore ID` puts it back.
    How many are kept: $THIDUA_KEEP_VERSIONS (default 5).
    """
    from thidua.store.versions import list_versions

    db_path = resolve_db(db)
    kept = list_versions(db_path)
    if not kept:
        out.print(t("versions_none", lang, path=db_path), markup=False, highlight=False,
                  soft_wrap=True)
        return
    table = Table(title=t("versions_title", lang, path=db_path))
    for key in ("col_version", "col_saved_at", "col_file", "col_campaign", "col_change"):
        table.add_column(t(key, lang), justify="right" if key == "col_version" else "left")
    for version in kept:
        table.add_row(str(version.version_id), version.saved_at.replace("T", " "),
                      version.file_name or "", version.campaign_code or "",
                      _change(version, lang))
    out.print(table)
    out.print(t("versions_hint", lang), markup=False, highlight=False, soft_wrap=True)


def restore(
    version_id: Annotated[int, typer.Argument(metavar="ID", help="A version of `thidua imports`.")],
    db: DbOption = None,
    lang: LangOption = "vi",
) -> None:
    """Put a kept version back as the database (the current data is kept as a version first).

    Exit codes: 0 restored · 2 no such version, or the database cannot be written.
    """
    from thidua.ingest.load import restore_version
    from thidua.store.versions import list_versions

    db_path = resolve_db(db)

    def waiting(holder: dict) -> None:
        err.print(t("lock_waiting", lang, **({"file": "?", "user": "?", "pid": "?"} | holder)),
                  markup=False, highlight=False, soft_wrap=True)

    result = restore_version(version_id, db_path, lang, on_wait=waiting)
    _audit_restore(db_path, version_id, result.outcome)
    if result.outcome != "restored":
        raise fail(result.message)
    kept = next((v.version_id for v in list_versions(db_path)
                 if v.outcome == "restored" and v.import_id == result.import_id), "—")
    out.print(t("restore_done", lang, version=version_id, path=db_path, kept=kept,
                import_id=result.import_id), markup=False, highlight=False, soft_wrap=True)


def _audit_restore(db_path, version_id: int, outcome: str) -> None:
    """Record the restore in the audit log beside the database (by the OS user)."""
    import getpass

    from thidua.accounts import AuditLog, accounts_path

    AuditLog(accounts_path(db_path)).record("restore", getpass.getuser(), version=version_id,
                                            outcome=outcome)

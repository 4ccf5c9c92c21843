"""The audit log: who signed in, imported, downloaded, made a document or changed an account.

In the accounts file (table ``audit``), so it survives every import swap of the analytics
database. Details are JSON; a detail named like a password, token or secret is refused
outright, so no credential can be written into the log by mistake.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from thidua.accounts.sqlite import connect, stamp, unstamp, utc

EVENTS = ("sign_in", "sign_in_failed", "sign_out", "import", "download", "document",
          "account_add", "account_disable", "account_passwd", "restore", "account_email")
SECRET_WORDS = ("password", "token", "secret")


class AuditLog:
    """The audit entries kept in the SQLite file at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def record(self, event: str, user: str | None, *, at: dt.datetime | None = None,
               **details: Any) -> None:
        """Add one entry (``at``: its time, now by default); ValueError on a secret's key."""
        secret = sorted(k for k in details if any(w in k.lower() for w in SECRET_WORDS))
        if secret:
            raise ValueError(f"the audit log never keeps secrets: refused keys {secret}")
        text = json.dumps(details, ensure_ascii=False, sort_keys=True, default=str)
        with connect(self.path, write=True) as con:
            con.execute("INSERT INTO audit (at, event, user, details) VALUES (?, ?, ?, ?)",
                        (stamp(utc(at)), event, user, text))

    def entries(self, since: dt.datetime | None = None, user: str | None = None,
                event: str | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        """Entries newest first (keys id, at, event, user, details), filtered as asked."""
        if not self.path.exists():
            return []
        where, params = ["1 = 1"], []
        if since is not None:
            where.append("at >= ?")
            params.append(stamp(utc(since)))
        if user is not None:
            where.append("user = ?")
            params.append(user)
        if event is not None:
            where.append("event = ?")
            params.append(event)
        with connect(self.path) as con:
            rows = con.execute(
                f"SELECT id, at, event, user, details FROM audit WHERE {' AND '.join(where)} "
                "ORDER BY id DESC LIMIT ?", (*params, int(limit))).fetchall()
        return [{"id": i, "at": unstamp(at), "event": ev, "user": who,
                 "details": json.loads(details)} for i, at, ev, who, details in rows]

"""What each of the four roles may see and do: the one table the app and the CLI ask.

hcqt (the Office's administration) runs the service: every page, every action. lanh_dao
(leadership) reads everything and takes the official documents, but neither imports nor reads
the audit log. don_vi (a unit) sees the campaign and its own unit's named rows only.
trinh_chieu is the meeting-room screen: the presentation and nothing else. When no account
exists the single local user (``LOCAL_USER``) is hcqt, as before sign-in existed.
"""

from __future__ import annotations

import datetime as dt

from thidua.accounts.account import ROLES, Account

PAGES = ("tong-quan", "tham-gia", "tieu-chi", "khen-thuong", "bao-cao", "du-lieu",
         "nhap-du-lieu", "nhat-ky")
ACTIONS = ("import", "download_named", "download_aggregate", "official_list",
           "progress_report", "audit", "admin", "present")

_PAGES_OF: dict[str, frozenset[str]] = {
    "hcqt": frozenset(PAGES),
    "lanh_dao": frozenset(PAGES) - {"nhap-du-lieu", "nhat-ky"},
    "don_vi": frozenset({"tong-quan", "tham-gia", "tieu-chi", "khen-thuong", "du-lieu"}),
    "trinh_chieu": frozenset(),
}
_ACTIONS_OF: dict[str, frozenset[str]] = {
    "hcqt": frozenset(ACTIONS),
    "lanh_dao": frozenset({"download_aggregate", "official_list", "progress_report",
                           "present"}),
    "don_vi": frozenset({"download_aggregate", "download_named", "present"}),
    "trinh_chieu": frozenset({"present"}),
}

LOCAL_USER = Account(name="local", role="hcqt", unit=None, disabled=False,
                     created_at=dt.datetime(1970, 1, 1, tzinfo=dt.UTC))

assert set(_PAGES_OF) == set(_ACTIONS_OF) == set(ROLES)


def allowed_pages(role: str) -> frozenset[str]:
    """The page slugs ``role`` may open (none for an unknown role)."""
    return _PAGES_OF.get(role, frozenset())


def can(role: str, action: str) -> bool:
    """Whether ``role`` may do ``action``; a misspelt action is a bug, so it raises."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}; expected one of {ACTIONS}")
    return action in _ACTIONS_OF.get(role, frozenset())


def row_scope(account: Account) -> str | None:
    """The unit whose named rows a don_vi account may see; None means every unit."""
    return account.unit if account.role == "don_vi" else None

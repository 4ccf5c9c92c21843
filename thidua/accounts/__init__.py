"""Who may use the Office's dashboard: accounts, roles, sessions and the audit log.

Kept outside the analytics DuckDB file on purpose: an import swaps that file whole, and a
sign-in must never be lost or blocked by one. Everything lives in one small SQLite file in WAL
mode beside it (``store.accounts_path``), safe for the dashboard's threads and several
processes at once. The engine side only: nothing here imports streamlit.
"""

from thidua.accounts.audit import AuditLog
from thidua.accounts.roles import LOCAL_USER, PAGES, ROLES, allowed_pages, can, row_scope
from thidua.accounts.store import Account, AccountError, AccountStore, SignIn, accounts_path

__all__ = ["LOCAL_USER", "PAGES", "ROLES", "Account", "AccountError", "AccountStore", "AuditLog",
           "SignIn", "accounts_path", "allowed_pages", "can", "row_scope"]

"""The account record and the four roles, shared by the store and the role rules.

Its own module so that ``roles`` (which needs ``Account`` for the local user) and ``store``
(which needs ``ROLES`` to refuse an unknown one) do not import each other.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

ROLES = ("hcqt", "lanh_dao", "don_vi", "trinh_chieu")


@dataclass(frozen=True)
class Account:
    """One account; ``email`` is the Office address an OIDC sign-in maps to (if any) and
    ``password`` whether it also has a password (an OIDC-only account has none)."""

    name: str
    role: str
    unit: str | None
    disabled: bool
    created_at: dt.datetime
    email: str | None = None
    password: bool = True


class AccountError(ValueError):
    """A refused change; ``key`` and ``params`` make its sentence in the catalogue."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key, params)
        self.key = key
        self.params = params

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
    name: str
    role: str
    unit: str | None
    disabled: bool
    created_at: dt.datetime

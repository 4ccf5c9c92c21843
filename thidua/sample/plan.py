"""The frame of the sample campaign: its dates, rates and calendar, and the records it is made of.

Everything the other sample modules share and nothing they compute: the campaign of the seed
plan (codes, window, evaluation periods, the rising "Đạt" rates), the civil servants' working
calendar that every generated date falls on, one seeded random stream per concern, and the
small records (unit, person, nomination, tally) passed from one step to the next.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from thidua.contract.reference import GENDERS, STAFF_TYPES, SUBJECT_TYPES

SCALES: tuple[str, ...] = ("office", "province", "national")
DEFAULT_SEED = 2025

COLLECTIVE: str = SUBJECT_TYPES["tap_the"][0]  # "Tập thể"
INDIVIDUAL: str = SUBJECT_TYPES["ca_nhan"][0]  # "Cá nhân"
MET, NOT_MET = "Đạt", "Không đạt"
CC, VC, NLD = STAFF_TYPES
MALE, FEMALE = GENDERS

CAMPAIGN_CODES = {"office": "DH14", "province": "DH14-TINH", "national": "DH14-QG"}
CAMPAIGN_START = dt.date(2025, 10, 1)
CAMPAIGN_END = dt.date(2026, 1, 23)
CAMPAIGN_PLAN_REF = "KH triển khai theo KH 8022/KH-UBND"
PERIODS: tuple[dt.date, ...] = (
    dt.date(2025, 10, 1), dt.date(2025, 11, 1), dt.date(2025, 12, 1), dt.date(2026, 1, 1),
)
# Share of "Đạt" by period (individual, collective); rising over the campaign.
MET_RATE_INDIVIDUAL = (0.82, 0.86, 0.90, 0.93)
MET_RATE_COLLECTIVE = (0.80, 0.85, 0.90, 0.94)
MET_THRESHOLD = 70  # a score of at least this is "Đạt"

# Days off for civil servants in the window: New Year, Tết Bính Ngọ (14–22/02/2026),
# Giỗ Tổ Hùng Vương (observed 27/04), 30/4–1/5, Quốc khánh.
_HOLIDAYS = frozenset(
    [dt.date(2026, 1, 1), dt.date(2026, 4, 27), dt.date(2026, 4, 30), dt.date(2026, 5, 1),
     dt.date(2026, 9, 1), dt.date(2026, 9, 2)]
    + [dt.date(2026, 2, d) for d in range(14, 23)]
)


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    kind: str  # "Phòng", "Sở", "Xã"...: its heads' titles; also written as unit_type
    size: int
    n_vc: int
    n_nld: int
    group: int  # province index: decisions are numbered per province


@dataclass(frozen=True)
class Person:
    code: str
    name: str
    unit: Unit
    position: str
    staff_type: str
    gender: str
    rank: int  # 0 head, 1 deputy, 2 other


@dataclass
class Nomination:
    subject_type: str
    subject_code: str
    award: str
    unit: Unit
    proposed_on: dt.date
    achievement: str
    events: list[tuple[str, dt.date, str | None]]
    decision_ref: str | None = None


@dataclass
class Tally:
    """Per-subject totals over the campaign, used to choose nominees."""

    met: dict[str, int]
    evaluated: dict[str, int]
    full_periods: dict[str, int]  # periods with every criterion "Đạt"


def rng_for(seed: int, part: str) -> random.Random:
    """An independent stream per concern, so changing one part leaves the others unchanged."""
    return random.Random(f"thidua-sample:{seed}:{part}")


def workdays(start: dt.date, end: dt.date) -> list[dt.date]:
    days = (start + dt.timedelta(n) for n in range((end - start).days + 1))
    return [d for d in days if d.weekday() < 5 and d not in _HOLIDAYS]


def add_workdays(day: dt.date, n: int) -> dt.date:
    while n > 0:
        day += dt.timedelta(1)
        if day.weekday() < 5 and day not in _HOLIDAYS:
            n -= 1
    return day


def month_end(first: dt.date) -> dt.date:
    nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return nxt - dt.timedelta(1)

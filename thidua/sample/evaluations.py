"""The monthly evaluations of the sample: one result per registered subject, criterion and month.

Each month (Oct 2025 – Jan 2026) every subject registered by the month's end is evaluated on
each criterion of its type. The share of "Đạt" rises with the period's rate (``MET_RATE_*``),
shifted per subject (a random ability) and per criterion (its difficulty), and is drawn by
systematic sampling so the month's count of "Đạt" is the expected one. Two units (one per ~10
at larger scales) are late with the last round: one entirely blank, one half blank. The totals
per subject (``Tally``) are what the nominations are chosen from.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from thidua.contract.reference import PLAN_CRITERIA
from thidua.sample.plan import (
    COLLECTIVE,
    INDIVIDUAL,
    MET,
    MET_RATE_COLLECTIVE,
    MET_RATE_INDIVIDUAL,
    MET_THRESHOLD,
    NOT_MET,
    PERIODS,
    Person,
    Tally,
    Unit,
    month_end,
)

FAIL_NOTES = {
    "TT1": "Chưa phổ biến kế hoạch thi đua đến toàn bộ cán bộ",
    "TT2": "Còn nhiệm vụ được giao chậm tiến độ",
    "TT3": "Tỷ lệ hồ sơ xử lý trực tuyến chưa đạt chỉ tiêu",
    "TT4": "Còn đơn thư chưa giải quyết đúng hạn",
    "CN1": "Chưa gương mẫu trong học tập, quán triệt nghị quyết",
    "CN2": "Vi phạm quy định về thời giờ làm việc",
    "CN3": "Có văn bản tham mưu chậm so với thời hạn",
    "CN4": "Chưa có sáng kiến, giải pháp trong kỳ",
    "CN5": "Chưa hoàn thành chỉ tiêu công việc trong tháng",
}
# Criterion difficulty: added to the period's "Đạt" rate.
CRITERION_SHIFT = {"CN1": 0.04, "CN2": 0.02, "CN3": 0.0, "CN4": -0.08, "CN5": 0.0,
                    "TT1": 0.04, "TT2": 0.0, "TT3": -0.04, "TT4": 0.0}

# A subject evaluated in a period: (type, code, criteria, chance of "Đạt", left blank, tally).
_Subject = tuple[str, str, list[str], float, bool, Tally]


@dataclass
class _Rows:
    """The evaluations table being built, one list per column."""

    period: list[dt.date] = field(default_factory=list)
    subject_type: list[str] = field(default_factory=list)
    subject_code: list[str] = field(default_factory=list)
    criterion_code: list[str] = field(default_factory=list)
    result: list[str | None] = field(default_factory=list)
    score: list[int | None] = field(default_factory=list)
    note: list[str | None] = field(default_factory=list)


@dataclass(frozen=True)
class _Subjects:
    """Who is late in the last round, and each subject's ability (shift of its "Đạt" chance)."""

    blank_units: set[str]  # every result of the last round blank
    blank_staff: set[str]  # staff of the half-late units whose last results are blank
    ability: dict[str, float]
    unit_ability: dict[str, float]


def _subjects(units: Sequence[Unit], staff: Sequence[Person], rng: random.Random) -> _Subjects:
    # Two units late with the last round (one per ~10 units at larger scales): all blank / part.
    candidates = [u.code for u in units if u.kind != "Lãnh đạo" and u.code != "HCQT"]
    n_late = max(1, round(len(units) / 10))
    late = rng.sample(candidates, 2 * n_late)
    ability = {p.code: rng.gauss(0.0, 0.05) for p in staff}
    unit_ability = {u.code: rng.gauss(0.0, 0.04) for u in units}
    by_unit: dict[str, list[Person]] = {}
    for p in staff:
        by_unit.setdefault(p.unit.code, []).append(p)
    # In the drawn order, not a set's: the same staff on every run.
    partly_late_staff = {p.code for code in late[n_late:] for p in by_unit.get(code, [])
                         if rng.random() < 0.5}
    return _Subjects(set(late[:n_late]), partly_late_staff, ability, unit_ability)


def _period_subjects(
    i: int, units: Sequence[Unit], staff: Sequence[Person], unit_reg: dict[str, dt.date],
    staff_reg: dict[str, dt.date], who: _Subjects, tallies: tuple[Tally, Tally],
) -> list[_Subject]:
    """The subjects evaluated in period ``i``: those registered by the end of its month."""
    coll = [c for c, applies, _ in PLAN_CRITERIA if applies == "tap_the"]
    indiv = [c for c, applies, _ in PLAN_CRITERIA if applies == "ca_nhan"]
    end, last = month_end(PERIODS[i]), i == len(PERIODS) - 1
    subjects: list[_Subject] = [
        (COLLECTIVE, u.code, coll, MET_RATE_COLLECTIVE[i] + who.unit_ability[u.code],
         last and u.code in who.blank_units, tallies[0])
        for u in units if unit_reg[u.code] <= end
    ]
    subjects += [
        (INDIVIDUAL, p.code, indiv, MET_RATE_INDIVIDUAL[i] + who.ability[p.code],
         last and (p.unit.code in who.blank_units or p.code in who.blank_staff), tallies[1])
        for p in staff if p.code in staff_reg and staff_reg[p.code] <= end
    ]
    return subjects


def _lay_out(
    rows: _Rows, i: int, subjects: list[_Subject],
) -> tuple[list[tuple[Tally, str, int, int]], dict[str, list[tuple[int, float]]]]:
    """Append the period's rows (results still empty); their spans and chances of "Đạt"."""
    # Centre abilities on the period's subjects, so each type's rate is the period's rate.
    centre: dict[str, float] = {}
    for kind, rate in ((COLLECTIVE, MET_RATE_COLLECTIVE[i]), (INDIVIDUAL, MET_RATE_INDIVIDUAL[i])):
        bases = [b for t, _, _, b, _, _ in subjects if t == kind]
        centre[kind] = sum(bases) / len(bases) - rate if bases else 0.0
    spans: list[tuple[Tally, str, int, int]] = []
    # (row, probability of "Đạt") of the evaluated rows, per subject type
    chances: dict[str, list[tuple[int, float]]] = {COLLECTIVE: [], INDIVIDUAL: []}
    for subject_type, code, criteria, base, blank, tally in subjects:
        start = len(rows.subject_code)
        for crit in criteria:
            if not blank:
                chance = base - centre[subject_type] + CRITERION_SHIFT[crit]
                chances[subject_type].append((len(rows.subject_code), chance))
            rows.period.append(PERIODS[i])
            rows.subject_type.append(subject_type)
            rows.subject_code.append(code)
            rows.criterion_code.append(crit)
        if not blank:
            spans.append((tally, code, start, len(rows.subject_code)))
    n = len(rows.subject_code) - len(rows.result)
    rows.result += [None] * n
    rows.score += [None] * n
    rows.note += [None] * n
    return spans, chances


def _draw(rows: _Rows, chances: dict[str, list[tuple[int, float]]], rng: random.Random) -> None:
    """Results, scores and notes of the evaluated rows.

    Systematic sampling in random order: each row is "Đạt" with its own probability, and the
    period's count of "Đạt" is the expected one (±1), so rates rise steadily.
    """
    rnd = rng.random
    for of_type in chances.values():
        rng.shuffle(of_type)
        acc = rnd()
        for row, chance in of_type:
            before = int(acc)
            acc += min(max(chance, 0.0), 1.0)
            if int(acc) > before:
                rows.result[row] = MET
                rows.score[row] = MET_THRESHOLD + int(rnd() ** 0.7 * (101 - MET_THRESHOLD))
            else:
                rows.result[row] = NOT_MET
                rows.score[row] = 40 + int(rnd() * (MET_THRESHOLD - 40))
                if rnd() < 0.3:
                    rows.note[row] = FAIL_NOTES[rows.criterion_code[row]]


def _count_up(rows: _Rows, spans: list[tuple[Tally, str, int, int]]) -> None:
    for tally, code, start, stop in spans:
        met = sum(1 for k in range(start, stop) if rows.result[k] == MET)
        tally.met[code] = tally.met.get(code, 0) + met
        tally.evaluated[code] = tally.evaluated.get(code, 0) + stop - start
        if met == stop - start:
            tally.full_periods[code] = tally.full_periods.get(code, 0) + 1


def make_evaluations(
    units: Sequence[Unit], staff: Sequence[Person], unit_reg: dict[str, dt.date],
    staff_reg: dict[str, dt.date], rng: random.Random,
) -> tuple[dict[str, list], Tally, Tally]:
    """The evaluations table's columns, and the (unit, staff) totals the nominees come from."""
    who = _subjects(units, staff, rng)
    tallies = (Tally({}, {}, {}), Tally({}, {}, {}))
    rows = _Rows()
    for i in range(len(PERIODS)):
        subjects = _period_subjects(i, units, staff, unit_reg, staff_reg, who, tallies)
        spans, chances = _lay_out(rows, i, subjects)
        _draw(rows, chances, rng)
        _count_up(rows, spans)
    return dict(vars(rows)), tallies[0], tallies[1]

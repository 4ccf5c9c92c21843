"""A generated campaign with a parent level: agencies, their units and (some) sub-units.

Deterministic (``random.Random(seed)``) and small enough to load in a second, big enough to
have every case the aggregates must get right: agencies with their own staff, blank results,
staff and units that never register, registrations after a period's end, nominations returned
and resubmitted, several history entries on one day, and a second import whose statuses move
on (the history then holds entries of both imports).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from tests.variants import write_csv_folder
from thidua.contract import reference as ref

START, END = dt.date(2025, 10, 1), dt.date(2026, 1, 23)
PERIODS = ("2025-10", "2025-11", "2025-12", "2026-01")
PATHS = (("de_xuat", "hoi_dong", "da_trinh", "da_khen_thuong"),
         ("de_xuat", "hoi_dong", "khong_khen_thuong"),
         ("de_xuat", "tra_lai", "hoi_dong", "da_trinh", "trinh_tw", "da_khen_thuong"),
         ("de_xuat", "hoi_dong"))


def _units(rng: random.Random, agencies: int) -> list[dict[str, str]]:
    units = []
    for a in range(1, agencies + 1):
        code = f"S{a:02d}"
        units.append({"unit_code": code, "unit_name": f"Sở số {a}", "unit_type": "Sở",
                      "parent_unit": ""})
        for u in range(1, rng.randint(2, 5)):
            child = f"{code}P{u}"
            units.append({"unit_code": child, "unit_name": f"Phòng {u} của Sở {a}",
                          "unit_type": "Phòng", "parent_unit": code})
            if rng.random() < 0.3:
                units.append({"unit_code": f"{child}T", "unit_name": f"Tổ thuộc phòng {u}",
                              "unit_type": "Tổ", "parent_unit": child})
    return units


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def _people(rng: random.Random, units: list[dict[str, str]]):
    staff, registrations = [], []
    for unit in units:
        if rng.random() < 0.85:
            registrations.append({"subject_type": "tap_the", "subject_code": unit["unit_code"],
                                  "registered_on": _day(rng, START, END).isoformat(),
                                  "commitment": ""})
        for _ in range(rng.randint(0 if unit["unit_type"] == "Sở" else 1, 4)):
            code = f"CB{len(staff) + 1:04d}"
            staff.append({"staff_code": code, "full_name": f"Nguyễn Văn {code}",
                          "unit_code": unit["unit_code"], "position": "",
                          "staff_type": rng.choice((*ref.STAFF_TYPES, "")),
                          "gender": rng.choice((*ref.GENDERS, ""))})
            if rng.random() < 0.9:
                registrations.append({"subject_type": "ca_nhan", "subject_code": code,
                                      "registered_on": _day(rng, START, END).isoformat(),
                                      "commitment": ""})
    return staff, registrations


def _evaluations(rng: random.Random, units, staff) -> list[dict[str, str]]:
    rows = []
    subjects = [("tap_the", u["unit_code"]) for u in units] + [
        ("ca_nhan", s["staff_code"]) for s in staff]
    criteria = {"tap_the": [c for c, kind, _ in ref.PLAN_CRITERIA if kind == "tap_the"],
                "ca_nhan": [c for c, kind, _ in ref.PLAN_CRITERIA if kind == "ca_nhan"]}
    for period in PERIODS:
        for kind, code in subjects:
            if rng.random() < 0.15:
                continue  # nothing submitted for this period
            for criterion in criteria[kind]:
                result = rng.choices(["Đạt", "Không đạt", ""], [8, 1, 1])[0]
                rows.append({"period": period, "subject_type": kind, "subject_code": code,
                             "criterion_code": criterion, "result": result, "score": "",
                             "note": ""})
    return rows


def _nominations(rng: random.Random, units, staff, count: int, moved: bool):
    nominations, events = [], []
    for i in range(1, count + 1):
        proposing = rng.choice(units)["unit_code"]
        subject = rng.choice([("tap_the", proposing)] + [
            ("ca_nhan", s["staff_code"]) for s in staff if s["unit_code"] == proposing] * 2)
        path = rng.choice(PATHS)
        steps = path[:len(path) if moved else max(1, len(path) - 2)]
        day = dt.date(2026, 1, 20) + dt.timedelta(days=rng.randint(0, 20))
        proposed = day
        dates = []
        for _status in steps:
            dates.append(day)
            day += dt.timedelta(days=rng.choice([0, 0, 3, 9, 21]))
        code = f"HS{i:03d}"
        for status, date in zip(steps[1:], dates[1:], strict=True):
            events.append({"nomination_code": code, "status": status,
                           "event_date": date.isoformat(), "note": ""})
        nominations.append({
            "nomination_code": code, "subject_type": subject[0], "subject_code": subject[1],
            "award_code": rng.choice(ref.AWARD_CODES), "proposing_unit": proposing,
            "proposed_on": proposed.isoformat(), "status": steps[-1],
            "status_date": dates[-1].isoformat(),
            "decision_ref": "QĐ 1/QĐ-UBND" if steps[-1] == "da_khen_thuong" else "",
            "achievement": ""})
    return nominations, events


def hierarchy_tables(seed: int = 7, agencies: int = 6, moved: bool = True) -> dict:
    """The generated campaign as {table: rows}; ``moved=False``: an earlier state of it."""
    rng = random.Random(seed)
    units = _units(rng, agencies)
    staff, registrations = _people(rng, units)
    evaluations = _evaluations(rng, units, staff)
    nominations, events = _nominations(random.Random(seed + 1), units, staff, 40, moved)
    criteria = [{"criterion_code": c, "applies_to": kind, "criterion_name": name, "weight": ""}
                for c, kind, name in ref.PLAN_CRITERIA]
    campaign = {"campaign_code": "TDH", "campaign_name": "Đợt thi đua của tỉnh",
                "start_date": START.isoformat(), "end_date": END.isoformat(), "plan_ref": "",
                "target_participation_pct": "95"}
    return {"campaigns": [campaign], "units": units, "staff": staff, "criteria": criteria,
            "registrations": registrations, "evaluations": evaluations,
            "nominations": nominations, "nomination_events": events}


def write_hierarchy(folder: Path, **kwargs) -> Path:
    """The generated campaign as a CSV folder (the contract's layout)."""
    return write_csv_folder(folder, hierarchy_tables(**kwargs), lambda s: s.encode("utf-8"))

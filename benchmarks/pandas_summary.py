"""What a user would write instead of ``thidua summary``: pandas over the campaign's CSV folder.

``python benchmarks/pandas_summary.py FOLDER [--as-of YYYY-MM-DD]`` reads the CSV files (the
contract's folder layout, Vietnamese or canonical headers), computes the contract's section-5
numbers and prints the same JSON object as ``thidua summary --json`` (all units in scope). It
imports nothing from thidua: the benchmark compares it with thidua in the same run
(``benchmarks/scale.py``), time, peak memory and the numbers themselves.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
from pathlib import Path

import pandas as pd

LABELS = {  # Vietnamese label -> canonical name, per file (contract section 3)
    "campaigns": {"Mã đợt": "campaign_code"},
    "units": {"Mã đơn vị": "unit_code"},
    "staff": {"Mã cán bộ": "staff_code", "Mã đơn vị": "unit_code"},
    "criteria": {"Mã tiêu chí": "criterion_code", "Đối tượng": "applies_to"},
    "registrations": {"Đối tượng": "subject_type", "Mã đối tượng": "subject_code",
                      "Ngày đăng ký": "registered_on"},
    "evaluations": {"Kỳ đánh giá": "period", "Đối tượng": "subject_type",
                    "Mã đối tượng": "subject_code", "Kết quả": "result"},
    "nominations": {"Mã hồ sơ": "nomination_code", "Hình thức khen thưởng": "award_code",
                    "Ngày đề nghị": "proposed_on", "Trạng thái": "status",
                    "Ngày trạng thái": "status_date"},
    "nomination_events": {"Mã hồ sơ": "nomination_code", "Trạng thái": "status",
                          "Ngày": "event_date"},
}
STATUSES = ["de_xuat", "hoi_dong", "da_trinh", "trinh_tw", "tra_lai", "da_khen_thuong",
            "khong_khen_thuong"]


def read(folder: Path, table: str) -> pd.DataFrame:
    labels = LABELS[table]
    df = pd.read_csv(folder / f"{table}.csv", dtype=str, keep_default_na=False,
                     usecols=lambda c: c in labels or c in labels.values())
    return df.rename(columns=labels)


def pct(num: float, den: float) -> float | None:
    return None if not den else math.floor(1000 * num / den + 0.5) / 10


def participation(staff, units, regs, as_of: str) -> tuple[dict, pd.DataFrame]:
    by = regs[regs["registered_on"] <= as_of]
    staff_reg = staff["staff_code"].isin(by.loc[by["subject_type"] == "Cá nhân", "subject_code"])
    unit_reg = units["unit_code"].isin(by.loc[by["subject_type"] == "Tập thể", "subject_code"])
    totals = {"staff_total": len(staff), "staff_registered": int(staff_reg.sum()),
              "staff_participation_pct": pct(staff_reg.sum(), len(staff)),
              "units_total": len(units), "units_registered": int(unit_reg.sum()),
              "unit_participation_pct": pct(unit_reg.sum(), len(units))}
    return totals, staff.assign(registered=staff_reg)


def unit_rows(units, staff, regs, evals, criteria, period: str | None) -> list[dict]:
    end = (pd.Timestamp(period + "-01") + pd.offsets.MonthEnd(0)).date().isoformat() \
        if period else ""
    n_coll = int((criteria["applies_to"] == "Tập thể").sum())
    n_ind = int((criteria["applies_to"] == "Cá nhân").sum())
    ev = evals[evals["period"].str[:7] == period] if period else evals.iloc[0:0]
    ev = ev.assign(met=ev["result"] == "Đạt", evaluated=ev["result"] != "")
    coll = ev[ev["subject_type"] == "Tập thể"].groupby("subject_code")[["met", "evaluated"]].sum()
    ind = ev[ev["subject_type"] == "Cá nhân"].merge(
        staff[["staff_code", "unit_code"]], left_on="subject_code", right_on="staff_code")
    ind = ind.groupby("unit_code")[["met", "evaluated"]].sum()
    reg_end = regs[regs["registered_on"] <= end] if period else regs.iloc[0:0]
    expected_staff = staff[staff["staff_code"].isin(
        reg_end.loc[reg_end["subject_type"] == "Cá nhân", "subject_code"])]
    expected_staff = expected_staff.groupby("unit_code").size()
    unit_expected = set(reg_end.loc[reg_end["subject_type"] == "Tập thể", "subject_code"])
    per_staff = staff.groupby("unit_code").agg(total=("staff_code", "size"),
                                               registered=("registered", "sum"))
    rows = []
    for code in sorted(units["unit_code"]):
        c_met, c_ev = (int(v) for v in coll.loc[code]) if code in coll.index else (0, 0)
        i_met, i_ev = (int(v) for v in ind.loc[code]) if code in ind.index else (0, 0)
        total, reg = (int(v) for v in per_staff.loc[code]) if code in per_staff.index else (0, 0)
        expected = (n_coll if code in unit_expected else 0) + int(
            expected_staff.get(code, 0)) * n_ind
        rows.append({"unit_code": code, "staff_total": total, "staff_registered": reg,
                     "collective_met": c_met, "collective_evaluated": c_ev,
                     "collective_fulfilment_pct": pct(c_met, c_ev),
                     "individual_met": i_met, "individual_evaluated": i_ev,
                     "individual_fulfilment_pct": pct(i_met, i_ev),
                     "completeness_pct": pct(c_ev + i_ev, expected)})
    return rows


def nomination_counts(noms, events, as_of: str) -> tuple[int, dict, dict]:
    noms = noms[noms["proposed_on"] <= as_of]
    history = pd.concat([
        noms[["nomination_code", "proposed_on"]].rename(columns={"proposed_on": "day"})
        .assign(status="de_xuat"),
        events.rename(columns={"event_date": "day"})[["nomination_code", "day", "status"]],
        noms[["nomination_code", "status_date", "status"]].rename(columns={"status_date": "day"}),
    ])
    history = history[(history["day"] <= as_of)
                      & history["nomination_code"].isin(noms["nomination_code"])]
    history = history.assign(order=history["status"].map(STATUSES.index))
    latest = history.sort_values(["nomination_code", "day", "order"]).groupby(
        "nomination_code").tail(1).set_index("nomination_code")["status"]
    now = noms.assign(now=noms["nomination_code"].map(latest))
    by_status = {s: int((now["now"] == s).sum()) for s in STATUSES}
    by_award = {}
    for award, group in sorted(now.groupby("award_code")):
        by_award[award] = {"total": len(group),
                           "da_khen_thuong": int((group["now"] == "da_khen_thuong").sum())}
    return len(now), by_status, by_award


def summary(folder: Path, as_of: str | None) -> dict:
    t = {name: read(folder, name) for name in LABELS}
    regs, evals, events, noms = (t["registrations"], t["evaluations"],
                                 t["nomination_events"], t["nominations"])
    latest = max(regs["registered_on"].max(), evals["period"].str[:7].max() + "-01",
                 events["event_date"].max(), noms["status_date"].max())
    day = as_of or min(dt.date.today().isoformat(), latest)
    months = evals["period"].str[:7]
    period = months[months + "-01" <= day].max() if len(evals) else None
    period = None if not isinstance(period, str) else period
    totals, staff = participation(t["staff"], t["units"], regs, day)
    total, by_status, by_award = nomination_counts(noms, events, day)
    return {"campaign_code": t["campaigns"]["campaign_code"].iloc[0].upper(), "as_of": day,
            "period": period, **totals,
            "units": unit_rows(t["units"], staff, regs, evals, t["criteria"], period),
            "nominations_total": total, "nominations_by_status": by_status,
            "nominations_by_award": by_award}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--as-of")
    args = parser.parse_args()
    print(json.dumps(summary(args.folder, args.as_of), ensure_ascii=False))


if __name__ == "__main__":
    main()

"""Properties of the office sample campaign (thidua.sample) that the product relies on.

They check the data contract's rules (registration before evaluation, nomination history) and the
proportions of DOMAIN.md "Realistic proportions", on the default seed. The generator is seeded
and deterministic, so the proportions are asserted as the exact counts it draws at seed 2025
(computed once from it, within the domain's ranges): a regression lock, not a range that any
change would pass.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from python_calamine import CalamineWorkbook

from thidua.contract.reference import AWARD_CODES, OFFICE_UNITS, STATUS_CODES, TABLES
from thidua.sample import build_sample, write_sample

COLLECTIVE, INDIVIDUAL = "Tập thể", "Cá nhân"
PIPELINE = {code: i for i, code in enumerate(STATUS_CODES)}


@pytest.fixture(scope="module")
def sample() -> dict[str, pd.DataFrame]:
    return build_sample("office")


def _month_end(first: dt.date) -> dt.date:
    nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def test_tables_and_columns_are_canonical(sample: dict[str, pd.DataFrame]) -> None:
    assert list(sample) == [t.name for t in TABLES]
    for table in TABLES:
        assert list(sample[table.name].columns) == [c.name for c in table.columns], table.name
    campaign = sample["campaigns"].iloc[0]
    assert len(sample["campaigns"]) == 1
    assert campaign["start_date"] == dt.date(2025, 10, 1)
    assert campaign["end_date"] == dt.date(2026, 1, 23)
    assert list(sample["criteria"]["criterion_code"]) == [
        "TT1", "TT2", "TT3", "TT4", "CN1", "CN2", "CN3", "CN4", "CN5"]


def test_office_has_ten_units_and_148_staff(sample: dict[str, pd.DataFrame]) -> None:
    units, staff = sample["units"], sample["staff"]
    assert list(units["unit_code"]) == [u[0] for u in OFFICE_UNITS]
    assert len(staff) == 148
    assert staff["staff_code"].is_unique
    sizes = staff.groupby("unit_code").size().to_dict()
    assert sizes == {code: size for code, _, _, size in OFFICE_UNITS}
    assert set(staff["unit_code"]) <= set(units["unit_code"])
    # One head per unit; the leadership is all công chức.
    assert (staff["position"] == "Chánh Văn phòng").sum() == 1
    assert (staff["position"] == "Trưởng phòng").sum() == 6
    assert set(staff.loc[staff["unit_code"] == "BLD", "staff_type"]) == {"Công chức"}


def test_deterministic_and_seed_dependent(sample: dict[str, pd.DataFrame]) -> None:
    again = build_sample("office", seed=2025)
    for name, df in sample.items():
        pd.testing.assert_frame_equal(df, again[name], obj=name)
    other = build_sample("office", seed=7)
    assert list(other["staff"]["full_name"]) != list(sample["staff"]["full_name"])
    assert not other["evaluations"].equals(sample["evaluations"])


def test_every_unit_registers_collectively(sample: dict[str, pd.DataFrame]) -> None:
    regs = sample["registrations"]
    assert not regs.duplicated(["subject_type", "subject_code"]).any()
    collective = regs[regs["subject_type"] == COLLECTIVE]
    assert sorted(collective["subject_code"]) == sorted(sample["units"]["unit_code"])
    assert collective["registered_on"].between(dt.date(2025, 10, 10), dt.date(2025, 10, 31)).all()


def test_individual_participation_and_dates(sample: dict[str, pd.DataFrame]) -> None:
    regs = sample["registrations"]
    individual = regs[regs["subject_type"] == INDIVIDUAL]
    assert set(individual["subject_code"]) <= set(sample["staff"]["staff_code"])
    assert (len(individual), len(sample["staff"])) == (142, 148)  # 95.9%: domain 92–98%
    in_main_window = individual["registered_on"].between(dt.date(2025, 11, 20),
                                                         dt.date(2025, 12, 10))
    assert in_main_window.sum() == 114  # 80%: "mostly between 20/11 and 10/12/2025"
    assert (individual["registered_on"] < dt.date(2025, 11, 20)).sum() == 21  # 15%: early ones
    assert (individual["registered_on"].min(), individual["registered_on"].max()) == (
        dt.date(2025, 10, 8), dt.date(2026, 1, 9))
    assert individual["commitment"].notna().all()


def test_gender_and_staff_type_mix(sample: dict[str, pd.DataFrame]) -> None:
    staff = sample["staff"]
    assert set(staff["gender"]) == {"Nam", "Nữ"}
    assert (staff["gender"] == "Nữ").sum() == 74  # half of 148
    # About 60% công chức, 25% viên chức, 15% người lao động.
    assert staff["staff_type"].value_counts().to_dict() == {
        "Công chức": 89, "Viên chức": 37, "Người lao động": 22}
    # Public-service centres are mostly viên chức: 37 of their 44 staff.
    centres = staff[staff["unit_code"].isin(["TTTHCB", "TTPVHCC"])]
    assert ((centres["staff_type"] == "Viên chức").sum(), len(centres)) == (37, 44)


def test_names_are_vietnamese_and_unique(sample: dict[str, pd.DataFrame]) -> None:
    names = sample["staff"]["full_name"]
    assert names.is_unique
    assert sum(not n.isascii() for n in names) == 148  # every name has a diacritic
    assert names.str.split().str.len().value_counts().to_dict() == {3: 129, 4: 19}


def test_evaluated_only_once_registered(sample: dict[str, pd.DataFrame]) -> None:
    ev, regs = sample["evaluations"], sample["registrations"]
    criteria = sample["criteria"].set_index("criterion_code")["applies_to"]
    registered = {(t, c): d for t, c, d in regs[["subject_type", "subject_code",
                                                 "registered_on"]].itertuples(index=False)}
    assert not ev.duplicated(["period", "subject_type", "subject_code", "criterion_code"]).any()
    assert sorted(set(ev["period"])) == [dt.date(2025, 10, 1), dt.date(2025, 11, 1),
                                         dt.date(2025, 12, 1), dt.date(2026, 1, 1)]
    for period, subject_type, code, criterion in ev[
            ["period", "subject_type", "subject_code", "criterion_code"]].itertuples(index=False):
        assert registered[(subject_type, code)] <= _month_end(period), (period, code)
        assert criteria[criterion] == subject_type
    # ...and every registered subject is evaluated on all its criteria once registered.
    n_crit = criteria.value_counts()
    last = ev[ev["period"] == dt.date(2026, 1, 1)]
    assert len(last) == n_crit[COLLECTIVE] * 10 + n_crit[INDIVIDUAL] * (len(regs) - 10)


def test_results_scores_and_rising_rates(sample: dict[str, pd.DataFrame]) -> None:
    ev = sample["evaluations"]
    assert set(ev["result"].dropna()) == {"Đạt", "Không đạt"}
    blank = ev["result"].isna()
    assert (ev["score"].isna() == blank).all()
    scored = ev[~blank]
    met = scored["result"] == "Đạt"
    assert (scored.loc[met, "score"] >= 70).all()
    assert (scored.loc[~met, "score"] < 70).all()
    assert scored["score"].between(0, 100).all()
    individual = scored[scored["subject_type"] == INDIVIDUAL]
    met_of = individual.groupby("period")["result"].apply(
        lambda s: ((s == "Đạt").sum(), len(s))).to_dict()
    # Rising from 81% to 92% (domain: 80–95%, rising over the campaign).
    assert met_of == {dt.date(2025, 10, 1): (65, 80), dt.date(2025, 11, 1): (330, 385),
                      dt.date(2025, 12, 1): (623, 695), dt.date(2026, 1, 1): (566, 615)}
    rates = [met / n for met, n in met_of.values()]
    assert rates == sorted(rates)
    collective = scored[scored["subject_type"] == COLLECTIVE]
    assert ((collective["result"] == "Đạt").sum(), len(collective)) == (136, 156)  # 87%
    assert (len(ev), blank.sum()) == (2030, 99)


def test_two_units_late_in_the_last_round(sample: dict[str, pd.DataFrame]) -> None:
    ev = sample["evaluations"]
    staff_unit = sample["staff"].set_index("staff_code")["unit_code"].to_dict()
    ev = ev.assign(unit=[c if t == COLLECTIVE else staff_unit[c]
                         for t, c in zip(ev["subject_type"], ev["subject_code"], strict=True)])
    earlier = ev[ev["period"] < dt.date(2026, 1, 1)]
    assert earlier["result"].notna().all()
    blank_of = ev[ev["period"] == dt.date(2026, 1, 1)].groupby("unit")["result"].apply(
        lambda s: (s.isna().sum(), len(s))).to_dict()
    # TTTHCB has sent nothing for the last round, TH part of it; every other unit all of it.
    assert {unit: counts for unit, counts in blank_of.items() if counts[0]} == {
        "TH": (20, 74), "TTTHCB": (79, 79)}
    assert len(blank_of) == 10
    assert ev["note"].notna().sum() == 65  # notes mostly empty (65 of 2,030)


def test_nomination_counts_follow_the_domain(sample: dict[str, pd.DataFrame]) -> None:
    noms = sample["nominations"]
    assert noms["nomination_code"].is_unique
    assert set(noms["award_code"]) <= set(AWARD_CODES)
    assert set(noms["status"]) <= set(STATUS_CODES)
    # Domain: BKCT 6–10 individuals and 2–3 units, BKTTG 1–3, HCLD3 0–1, GKVP 12–18.
    assert noms.groupby(["award_code", "subject_type"]).size().to_dict() == {
        ("BKCT", INDIVIDUAL): 9, ("BKCT", COLLECTIVE): 2, ("BKTTG", INDIVIDUAL): 2,
        ("BKTTG", COLLECTIVE): 1, ("GKVP", INDIVIDUAL): 12, ("GKVP", COLLECTIVE): 1}
    # Domain: 85–95% of BKCT awarded, 50–75% of BKTTG; one refusal; a BKTTG still at the centre.
    assert noms.groupby(["award_code", "status"]).size().to_dict() == {
        ("BKCT", "da_khen_thuong"): 10, ("BKCT", "khong_khen_thuong"): 1,
        ("BKTTG", "da_khen_thuong"): 2, ("BKTTG", "trinh_tw"): 1,
        ("GKVP", "da_khen_thuong"): 12, ("GKVP", "de_xuat"): 1}
    assert noms["proposed_on"].between(dt.date(2026, 1, 26), dt.date(2026, 2, 13)).all()
    assert (noms["proposed_on"].min(), noms["proposed_on"].max()) == (
        dt.date(2026, 1, 26), dt.date(2026, 2, 10))
    awarded = noms[noms["status"] == "da_khen_thuong"]
    assert awarded["decision_ref"].notna().all()
    # One decision per award batch: all Giấy khen share one number.
    gkvp = awarded[awarded["award_code"] == "GKVP"]
    assert list(gkvp["decision_ref"].unique()) == ["93/QĐ-VP"]
    assert gkvp["status_date"].max() == dt.date(2026, 2, 4)
    bkct = awarded[awarded["award_code"] == "BKCT"]
    assert (bkct["status_date"].min(), bkct["status_date"].max()) == (
        dt.date(2026, 3, 13), dt.date(2026, 4, 9))
    central = awarded[awarded["award_code"].isin(["BKTTG", "HCLD3"])]
    assert list(central["status_date"]) == [dt.date(2026, 8, 24)] * 2


def test_nominees_are_registered_high_achievers(sample: dict[str, pd.DataFrame]) -> None:
    noms, regs, staff = sample["nominations"], sample["registrations"], sample["staff"]
    registered = set(zip(regs["subject_type"], regs["subject_code"], strict=True))
    staff_unit = staff.set_index("staff_code")["unit_code"].to_dict()
    for subject_type, code, unit in noms[
            ["subject_type", "subject_code", "proposing_unit"]].itertuples(index=False):
        assert (subject_type, code) in registered
        assert unit == (code if subject_type == COLLECTIVE else staff_unit[code])
    assert not noms.duplicated(["subject_type", "subject_code"]).any()
    ev = sample["evaluations"].dropna(subset=["result"])
    for subject_type in (COLLECTIVE, INDIVIDUAL):
        of_type = ev[ev["subject_type"] == subject_type]
        rate = (of_type["result"] == "Đạt").groupby(of_type["subject_code"]).mean()
        nominated = noms.loc[noms["subject_type"] == subject_type, "subject_code"]
        assert rate[nominated].mean() > rate.drop(nominated).mean(), subject_type
        if subject_type == INDIVIDUAL:  # few of many: every nominee is in the better half
            assert rate[nominated].min() >= rate.median()


def test_nomination_history_rules(sample: dict[str, pd.DataFrame]) -> None:
    noms, events = sample["nominations"], sample["nomination_events"]
    assert set(events["nomination_code"]) <= set(noms["nomination_code"])
    assert "de_xuat" not in set(events["status"])  # the initial status is implicit
    for nom in noms.itertuples(index=False):
        assert nom.status_date >= nom.proposed_on
        history = events[events["nomination_code"] == nom.nomination_code]
        if history.empty:
            assert nom.status == "de_xuat"
            assert nom.status_date == nom.proposed_on
            continue
        assert (history["event_date"] >= nom.proposed_on).all()
        ordered = sorted(zip(history["event_date"], history["status"], strict=True),
                         key=lambda e: (e[0], PIPELINE[e[1]]))
        assert ordered == list(zip(history["event_date"], history["status"], strict=True))
        assert (nom.status_date, nom.status) == ordered[-1]
        steps = [s for _, s in ordered]
        assert steps[0] == "hoi_dong"
        if nom.award_code in ("BKTTG", "HCLD3"):
            assert "trinh_tw" in steps
        if nom.award_code == "GKVP":
            assert steps == ["hoi_dong", "da_khen_thuong"]
    assert (noms["status"] == "de_xuat").sum() == 1
    assert len(events) == 70


def test_returned_then_awarded(sample: dict[str, pd.DataFrame]) -> None:
    noms, events = sample["nominations"], sample["nomination_events"]
    returned = set(events.loc[events["status"] == "tra_lai", "nomination_code"])
    assert returned == {"HS025"}
    for code in returned:
        steps = list(events.loc[events["nomination_code"] == code, "status"])
        i = steps.index("tra_lai")
        assert steps[i - 1] == "da_trinh" and steps[i + 1] == "da_trinh"
        assert events.loc[(events["nomination_code"] == code) & (events["status"] == "tra_lai"),
                          "note"].notna().all()
    final = noms.set_index("nomination_code").loc[sorted(returned), "status"]
    assert (final == "da_khen_thuong").any()


def test_write_sample_office_workbook(tmp_path: Path) -> None:
    path = write_sample(tmp_path)
    assert path == tmp_path / "thidua_mau.xlsx"
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == [t.label_vi for t in TABLES]
    for table in TABLES:
        rows = book.get_sheet_by_name(table.label_vi).to_python()
        assert rows[0] == [c.label_vi for c in table.columns]
    campaign = book.get_sheet_by_name("Đợt thi đua").to_python()
    assert campaign[1][2] == dt.date(2025, 10, 1)
    staff_rows = book.get_sheet_by_name("Cán bộ").to_python()
    assert len(staff_rows) == 1 + 148

    import openpyxl

    ws = openpyxl.load_workbook(path)["Đánh giá"]
    assert ws.freeze_panes == "A2"
    assert ws["A1"].font.bold
    assert ws["A2"].number_format == "mm/yyyy"
    ws = openpyxl.load_workbook(path)["Đăng ký thi đua"]
    assert ws["C2"].number_format == "dd/mm/yyyy"


def test_larger_scales_are_folders_not_the_python_generator(tmp_path: Path) -> None:
    """build_sample is the office; province and national are written by thidua.sample.large."""
    with pytest.raises(ValueError, match="office"):
        build_sample("province")
    folder = write_sample(tmp_path / "tinh", scale="province", fmt="csv", rows_factor=0.005)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t.name}.csv" for t in TABLES)
    units = pd.read_csv(folder / "units.csv", dtype=str, keep_default_na=False)
    assert list(units.columns) == ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên"]


def test_the_workbook_is_byte_stable(tmp_path: Path) -> None:
    """Writing the same sample twice gives the same bytes (make sample leaves git clean)."""
    first = write_sample(tmp_path / "a.xlsx").read_bytes()
    second = write_sample(tmp_path / "b.xlsx").read_bytes()
    assert first == second
    import openpyxl

    created = openpyxl.load_workbook(tmp_path / "a.xlsx").properties.created
    assert created == dt.datetime(2025, 10, 1)  # fixed, not the time of writing
    other_seed = write_sample(tmp_path / "c.xlsx", seed=7).read_bytes()
    assert other_seed != first  # the bytes follow the data


def test_larger_scales_do_not_depend_on_the_string_hash_seed(tmp_path: Path) -> None:
    """Two processes with different PYTHONHASHSEED write the same province sample."""
    script = ("import hashlib, sys; from pathlib import Path; "
              "from thidua.sample import write_sample; "
              "f = write_sample(Path(sys.argv[1]), scale='province', rows_factor=0.005); "
              "print(hashlib.sha256(b''.join(p.read_bytes() for p in sorted(f.iterdir())))"
              ".hexdigest())")
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run([sys.executable, "-c", script, str(tmp_path / hash_seed)], env=env,
                             capture_output=True, text=True, check=True)
        digests.add(run.stdout.strip())
    assert len(digests) == 1 and len(next(iter(digests))) == 64

"""The nominations of the sample and the history of each file, as DOMAIN.md describes them.

Nominees are the best-evaluated registered subjects (``Tally``), in the Office's proportions
(Bằng khen of the province 6–10 staff and 2–3 units, Bằng khen of the Prime Minister 2–3,
Huân chương Lao động 0–1, Giấy khen 12–18), scaled up for the larger scales. Files are proposed
late January – early February 2026; Giấy khen are decided by the Office in February, Bằng khen
of the province in March (some returned once, one refused), central awards April–September
with some still pending. A file's (status, status_date) is its latest event by construction.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Sequence

from thidua.contract.reference import TABLES_BY_NAME
from thidua.sample.plan import (
    COLLECTIVE,
    INDIVIDUAL,
    Nomination,
    Person,
    Tally,
    Unit,
    add_workdays,
    workdays,
)

STAFF_FEATS = (
    "tham mưu kịp thời, chất lượng nhiều văn bản quan trọng của UBND tỉnh",
    "có sáng kiến cải tiến quy trình xử lý văn bản trên môi trường điện tử",
    "hoàn thành 100% nhiệm vụ được giao trước thời hạn",
    "tích cực tham gia tổ chức các sự kiện chào mừng Đại hội XIV của Đảng",
    "gương mẫu, đoàn kết, được đồng nghiệp tín nhiệm",
    "góp phần rút ngắn thời gian giải quyết thủ tục hành chính",
)
UNIT_FEATS = (
    "không có hồ sơ, văn bản trễ hạn",
    "100% hồ sơ được xử lý trên môi trường điện tử",
    "tham mưu hoàn thành khối lượng lớn công việc phục vụ Đại hội XIV của Đảng",
    "đơn vị trong sạch, vững mạnh; không có cán bộ vi phạm kỷ luật",
)
RETURN_REASONS = (
    "Thiếu bản tóm tắt thành tích có xác nhận của thủ trưởng đơn vị",
    "Thiếu biên bản họp Hội đồng TĐKT cơ quan",
    "Báo cáo thành tích chưa đúng mẫu theo Nghị định 152/2025/NĐ-CP",
)
# Award batches and submissions -> (number range, document suffix, date window).
DECISION_SPECS: dict[str, tuple[tuple[int, int], str, tuple[dt.date, dt.date]]] = {
    "GKVP": ((60, 120), "QĐ-VP", (dt.date(2026, 2, 4), dt.date(2026, 2, 4))),
    "BKCT": ((280, 420), "QĐ-UBND", (dt.date(2026, 3, 12), dt.date(2026, 3, 25))),
    "BKCT2": ((480, 640), "QĐ-UBND", (dt.date(2026, 4, 6), dt.date(2026, 4, 17))),
    "BKTTG": ((900, 1450), "QĐ-TTg", (dt.date(2026, 5, 18), dt.date(2026, 8, 28))),
    "HCLD3": ((1100, 1800), "QĐ-CTN", (dt.date(2026, 8, 17), dt.date(2026, 9, 15))),
    "TTR-VP": ((25, 60), "TTr-VP", (dt.date(2026, 2, 11), dt.date(2026, 2, 12))),
    "TTR-TW": ((60, 140), "TTr-UBND", (dt.date(2026, 3, 23), dt.date(2026, 4, 3))),
}
_COUNCIL = dt.date(2026, 2, 9)  # the Office's council on files going to the province
_OFFICE_COUNCIL = dt.date(2026, 2, 2)  # ... and on its own Giấy khen
_AWARD_ORDER = {"HCLD3": 0, "BKTTG": 1, "BKCT": 2, "GKVP": 3}


class _Decisions:
    """One decision number and date per (batch, province group), like real award batches."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._made: dict[tuple[str, int], tuple[str, dt.date]] = {}

    def get(self, batch: str, group: int) -> tuple[str, dt.date]:
        key = (batch, group)
        if key not in self._made:
            (lo, hi), suffix, (start, end) = DECISION_SPECS[batch]
            self._made[key] = (f"{self._rng.randint(lo, hi)}/{suffix}",
                               self._rng.choice(workdays(start, end)))
        return self._made[key]


def _count(rng: random.Random, lo: int, hi: int, factor: float) -> int:
    if factor == 1:
        return rng.randint(lo, hi)
    return round(rng.uniform(lo, hi) * factor)


def _ranked(tally: Tally, codes: Iterable[str], rng: random.Random) -> list[str]:
    """Codes by fulfilment ("Đạt" share, smoothed so more evidence counts), ties at random."""
    keyed = [(-(tally.met.get(c, 0) + 1) / (tally.evaluated[c] + 2),
              -tally.full_periods.get(c, 0),
              rng.random(), c) for c in codes if tally.evaluated.get(c, 0) >= 2]
    return [k[-1] for k in sorted(keyed)]


def _quotas(scale: str, units: Sequence[Unit], staff: Sequence[Person],
            rng: random.Random) -> dict[str, int]:
    """How many files of each kind. Per Office (DOMAIN.md): BKCT 6–10 individuals + 2–3 units;
    BKTTG 2–3 (one a unit, so that 50–75% can be awarded); HCLĐ hạng Ba 0–1; Giấy khen 12–18,
    one or two of them units."""
    factor = 1.0 if scale == "office" else sum(u.size for u in units) / 148
    unit_factor = 1.0 if scale == "office" else len(units) / 10
    n = {"bkct_ind": _count(rng, 6, 10, factor), "bkct_unit": _count(rng, 2, 3, unit_factor),
         "bkttg": _count(rng, 2, 3, factor),
         "bkttg_unit": 1 if scale == "office" else round(unit_factor * 0.4),
         "hcld": _count(rng, 0, 1, factor), "gkvp": _count(rng, 12, 18, factor)}
    n["gkvp_unit"] = (max(1, round(n["gkvp"] * 0.1)) if scale == "office"
                      else round(unit_factor * 1.5))
    return n


class _Proposals:
    """The files proposed, each subject at most once, with its achievement text."""

    def __init__(self, units: Sequence[Unit], staff: Sequence[Person], unit_tally: Tally,
                 staff_tally: Tally, rng: random.Random) -> None:
        self.unit_by_code = {u.code: u for u in units}
        self.person_by_code = {p.code: p for p in staff}
        self.unit_tally, self.staff_tally, self.rng = unit_tally, staff_tally, rng
        self.taken: set[str] = set()
        self.noms: list[Nomination] = []

    def pick(self, ranked: list[str], n: int,
             allow: Callable[[str], bool] | None = None) -> list[str]:
        chosen = [c for c in ranked if c not in self.taken and (allow is None or allow(c))][:n]
        self.taken.update(chosen)
        return chosen

    def _unit_text(self, code: str) -> str:
        met, ev = self.unit_tally.met.get(code, 0), self.unit_tally.evaluated.get(code, 1)
        feats = self.rng.sample(UNIT_FEATS, 2)
        return (f"Tập thể hoàn thành xuất sắc nhiệm vụ; đạt {round(100 * met / ev)}% tiêu chí "
                f"thi đua; {feats[0]}; {feats[1]}.")

    def _staff_text(self, code: str) -> str:
        full = self.staff_tally.full_periods.get(code, 0)
        feats = self.rng.sample(STAFF_FEATS, 2)
        return (f"Hoàn thành xuất sắc nhiệm vụ; {full} kỳ đạt đầy đủ tiêu chí thi đua; "
                f"{feats[0]}; {feats[1]}.")

    def add(self, award: str, subject_type: str, codes: list[str], days: list[dt.date]) -> None:
        for code in codes:
            if subject_type == COLLECTIVE:
                unit, text = self.unit_by_code[code], self._unit_text(code)
            else:
                unit, text = self.person_by_code[code].unit, self._staff_text(code)
            self.noms.append(Nomination(subject_type, code, award, unit, self.rng.choice(days),
                                        text, []))


def _propose(
    scale: str, units: Sequence[Unit], staff: Sequence[Person], unit_tally: Tally,
    staff_tally: Tally, staff_reg: dict[str, dt.date], rng: random.Random,
) -> list[Nomination]:
    n = _quotas(scale, units, staff, rng)
    ranked_units = _ranked(unit_tally, [u.code for u in units if u.kind != "Lãnh đạo"], rng)
    ranked_staff = _ranked(staff_tally, staff_reg, rng)
    files = _Proposals(units, staff, unit_tally, staff_tally, rng)
    leaders = [c for c in ranked_staff if files.person_by_code[c].rank < 2]
    proposal_days = workdays(dt.date(2026, 1, 26), dt.date(2026, 2, 6))
    gkvp_days = workdays(dt.date(2026, 1, 26), dt.date(2026, 1, 30))
    files.add("HCLD3", INDIVIDUAL, files.pick(leaders, n["hcld"]), proposal_days)
    files.add("BKTTG", COLLECTIVE, files.pick(ranked_units, n["bkttg_unit"]), proposal_days)
    files.add("BKTTG", INDIVIDUAL, files.pick(ranked_staff, n["bkttg"] - n["bkttg_unit"]),
              proposal_days)
    files.add("BKCT", COLLECTIVE, files.pick(ranked_units, n["bkct_unit"]), proposal_days)
    files.add("BKCT", INDIVIDUAL, files.pick(ranked_staff, n["bkct_ind"]), proposal_days)
    files.add("GKVP", COLLECTIVE, files.pick(ranked_units, n["gkvp_unit"]), gkvp_days)
    files.add("GKVP", INDIVIDUAL,
              files.pick(ranked_staff, n["gkvp"] - n["gkvp_unit"],
                         lambda c: files.person_by_code[c].unit.kind != "Lãnh đạo"), gkvp_days)
    return files.noms


def _decide_gkvp(gkvp: list[Nomination], decisions: _Decisions) -> None:
    """Giấy khen: the Office's council, then the Chánh Văn phòng's decision; a late file waits."""
    n_waiting = max(1, round(len(gkvp) * 0.07)) if gkvp else 0
    for k, nom in enumerate(gkvp):
        if k >= len(gkvp) - n_waiting:
            nom.proposed_on = dt.date(2026, 2, 10)  # after the batch: still "de_xuat"
            continue
        ref, day = decisions.get("GKVP", nom.unit.group)
        nom.events += [("hoi_dong", _OFFICE_COUNCIL, None),
                       ("da_khen_thuong", day, f"Quyết định {ref}")]
        nom.decision_ref = ref


def _to_province(nom: Nomination, decisions: _Decisions) -> None:
    ttr, day = decisions.get("TTR-VP", nom.unit.group)
    nom.events += [("hoi_dong", _COUNCIL, None), ("da_trinh", day, f"Tờ trình {ttr}")]


def _decide_bkct(bkct: list[Nomination], decisions: _Decisions, rng: random.Random) -> None:
    """Bằng khen of the province: most awarded in March, ~12% returned once, ~1 in 10 refused."""
    order = rng.sample(range(len(bkct)), len(bkct))
    n_returned = max(1, round(len(bkct) * 0.12)) if bkct else 0
    n_refused = max(1, round(len(bkct) * 0.08)) if bkct else 0
    returned, refused = set(order[:n_returned]), set(order[n_returned:n_returned + n_refused])
    for k, nom in enumerate(bkct):
        _to_province(nom, decisions)
        ref, day = decisions.get("BKCT", nom.unit.group)
        if k in returned:
            back = rng.choice(workdays(dt.date(2026, 2, 26), dt.date(2026, 3, 6)))
            again = add_workdays(back, rng.randint(3, 6))
            ref, day = decisions.get("BKCT2", nom.unit.group)
            nom.events += [("tra_lai", back, rng.choice(RETURN_REASONS)),
                           ("da_trinh", again, "Đã bổ sung hồ sơ, trình lại"),
                           ("da_khen_thuong", day, f"Quyết định {ref}")]
            nom.decision_ref = ref
        elif k in refused:
            nom.events.append(("khong_khen_thuong", day,
                               "Hội đồng TĐKT tỉnh không thống nhất đề nghị"))
        else:
            nom.events.append(("da_khen_thuong", day, f"Quyết định {ref}"))
            nom.decision_ref = ref


def _decide_central(by_award: dict[str, list[Nomination]], decisions: _Decisions,
                    rng: random.Random) -> None:
    """Central awards: on to the Ministry of Home Affairs; decided months later, some pending."""
    for award, share in (("BKTTG", 0.62), ("HCLD3", 0.5)):
        group_noms = by_award.get(award, [])
        awarded = set(rng.sample(range(len(group_noms)), round(len(group_noms) * share)))
        for k, nom in enumerate(group_noms):
            _to_province(nom, decisions)
            ttr, day = decisions.get("TTR-TW", nom.unit.group)
            nom.events.append(("trinh_tw", day, f"Tờ trình {ttr} gửi Bộ Nội vụ"))
            if k in awarded:
                ref, day = decisions.get(award, nom.unit.group)
                nom.events.append(("da_khen_thuong", day, f"Quyết định {ref}"))
                nom.decision_ref = ref


def _columns(noms: list[Nomination]) -> tuple[dict[str, list], dict[str, list]]:
    """The nominations and nomination_events tables, files numbered in order of proposal."""
    noms.sort(key=lambda n: (n.proposed_on, _AWARD_ORDER[n.award], n.subject_code))
    width = max(3, len(str(len(noms))))
    nom_cols: dict[str, list] = {c.name: [] for c in TABLES_BY_NAME["nominations"].columns}
    ev_cols: dict[str, list] = {c.name: [] for c in TABLES_BY_NAME["nomination_events"].columns}
    for i, nom in enumerate(noms, 1):
        code = f"HS{i:0{width}d}"
        status, status_date = (nom.events[-1][0], nom.events[-1][1]) if nom.events else (
            "de_xuat", nom.proposed_on)
        for col, value in (("nomination_code", code), ("subject_type", nom.subject_type),
                           ("subject_code", nom.subject_code), ("award_code", nom.award),
                           ("proposing_unit", nom.unit.code), ("proposed_on", nom.proposed_on),
                           ("status", status), ("status_date", status_date),
                           ("decision_ref", nom.decision_ref), ("achievement", nom.achievement)):
            nom_cols[col].append(value)
        for ev_status, ev_date, ev_note in nom.events:
            ev_cols["nomination_code"].append(code)
            ev_cols["status"].append(ev_status)
            ev_cols["event_date"].append(ev_date)
            ev_cols["note"].append(ev_note)
    return nom_cols, ev_cols


def make_nominations(
    scale: str, units: Sequence[Unit], staff: Sequence[Person], unit_tally: Tally,
    staff_tally: Tally, staff_reg: dict[str, dt.date], rng: random.Random,
) -> tuple[dict[str, list], dict[str, list]]:
    """The columns of the nominations and nomination_events tables."""
    noms = _propose(scale, units, staff, unit_tally, staff_tally, staff_reg, rng)
    decisions = _Decisions(rng)
    by_award: dict[str, list[Nomination]] = {}
    for nom in noms:
        by_award.setdefault(nom.award, []).append(nom)
    _decide_gkvp(by_award.get("GKVP", []), decisions)
    _decide_bkct(by_award.get("BKCT", []), decisions, rng)
    _decide_central(by_award, decisions, rng)
    return _columns(noms)

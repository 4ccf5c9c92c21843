"""The units and staff of the office sample: the Office's ten units and their 148 staff.

``make_units`` lays out the Office of ``OFFICE_UNITS`` (the province and national scales are
generated in DuckDB by ``thidua.sample.large``) and
``make_staff`` fills every unit with its posts (head, deputies, sub-unit heads, officers, support
staff) and Vietnamese names, so that staff types (~60% công chức, ~25% viên chức, ~15% người
lao động) and genders (about half women, ~30% of leaders) match DOMAIN.md.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from thidua.contract.reference import OFFICE_UNITS
from thidua.sample.names import FAMILY, GIVEN, MIDDLE
from thidua.sample.plan import CC, FEMALE, MALE, NLD, VC, Person, Unit

# --- unit structure ----------------------------------------------------------------------------

# Unit kind -> (head title, deputy title).
_HEADS: dict[str, tuple[str, str]] = {
    "Lãnh đạo": ("Chánh Văn phòng", "Phó Chánh Văn phòng"),
    "Phòng": ("Trưởng phòng", "Phó Trưởng phòng"),
    "Ban": ("Trưởng ban", "Phó Trưởng ban"),
    "Trung tâm": ("Giám đốc", "Phó Giám đốc"),
    "Sở": ("Giám đốc Sở", "Phó Giám đốc Sở"),
    "Văn phòng": ("Chánh Văn phòng", "Phó Chánh Văn phòng"),
    "Thanh tra": ("Chánh Thanh tra", "Phó Chánh Thanh tra"),
    "Trường": ("Hiệu trưởng", "Phó Hiệu trưởng"),
    "Xã": ("Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"),
    "Phường": ("Chủ tịch UBND phường", "Phó Chủ tịch UBND phường"),
}
_VC_LED = frozenset({"Trung tâm", "Trường"})  # public-service units, led by viên chức
_NLD_POOL = {
    "default": ("Lái xe", "Bảo vệ", "Nhân viên phục vụ", "Lái xe", "Nhân viên kỹ thuật",
                "Lái xe", "Bảo vệ", "Nhân viên"),
    "vc_led": ("Nhân viên kỹ thuật", "Nhân viên", "Bảo vệ", "Nhân viên hỗ trợ"),
}
_MALE_ONLY = frozenset({"Lái xe", "Bảo vệ"})
# Office: (viên chức, người lao động) per unit; the rest are công chức (89 / 37 / 22 of 148).
_OFFICE_MIX = {"HCQT": (0, 15), "TTTHCB": (15, 3), "TTPVHCC": (22, 4)}

# --- units and staff ---------------------------------------------------------------------------

def make_units(scale: str, rng: random.Random) -> list[Unit]:
    if scale == "office":
        return [Unit(code, name, kind, size, *_OFFICE_MIX.get(code, (0, 0)), 0)
                for code, name, kind, size in OFFICE_UNITS]
    raise ValueError(f"the Python generator makes the office only, not {scale!r} "
                     "(larger scales: thidua.sample.large)")


def _roster(unit: Unit) -> list[tuple[str, str, int]]:
    """(position, staff type, rank) for every post of a unit: heads first, then the others."""
    head, deputy = _HEADS[unit.kind]
    n = unit.size
    n_dep = n - 1 if unit.kind == "Lãnh đạo" else (1 if n <= 10 else 2 if n <= 40 else 3)
    lead_type = VC if unit.kind in _VC_LED else CC
    posts = [(head, lead_type, 0)] + [(deputy, lead_type, 1)] * n_dep
    left = {CC: n - unit.n_vc - unit.n_nld, VC: unit.n_vc, NLD: unit.n_nld}
    left[lead_type] -= len(posts)
    if n > 40 and unit.kind not in ("Xã", "Phường"):  # sub-units (phòng) inside a big agency
        n_mid = (n - len(posts)) // 15
        posts += [("Trưởng phòng", lead_type, 1)] * n_mid
        posts += [("Phó Trưởng phòng", lead_type, 1)] * n_mid
        left[lead_type] -= 2 * n_mid
    senior = round(left[CC] * 0.3)
    posts += [("Chuyên viên chính", CC, 2)] * senior
    posts += [("Chuyên viên", CC, 2)] * (left[CC] - senior)
    posts += [("Viên chức", VC, 2)] * left[VC]
    pool = _NLD_POOL["vc_led" if unit.kind in _VC_LED else "default"]
    posts += [(pool[i % len(pool)], NLD, 2) for i in range(left[NLD])]
    return posts


def _gender_decks(
    rosters: Sequence[list[tuple[str, str, int]]], rng: random.Random
) -> tuple[list[str], list[str]]:
    """Shuffled genders for leaders (~30% women) and other posts, so that about half are women."""
    posts = [p for roster in rosters for p in roster]
    n_leaders = sum(1 for pos, _, rank in posts if rank < 2 and pos not in _MALE_ONLY)
    n_others = sum(1 for pos, _, rank in posts if rank == 2 and pos not in _MALE_ONLY)
    women_leaders = round(n_leaders * 0.3)
    women_others = min(n_others, max(0, round(len(posts) * 0.5) - women_leaders))
    decks = ([FEMALE] * women_leaders + [MALE] * (n_leaders - women_leaders),
             [FEMALE] * women_others + [MALE] * (n_others - women_others))
    for deck in decks:
        rng.shuffle(deck)
    return decks


def make_staff(units: Sequence[Unit], rng: random.Random) -> list[Person]:
    total = sum(u.size for u in units)
    width = max(3, len(str(total)))
    families = [f for f, _ in FAMILY]
    cum: list[float] = []
    acc = 0.0
    for _, w in FAMILY:
        acc += w
        cum.append(acc)
    rosters = []
    for unit in units:
        posts = _roster(unit)
        others = [p for p in posts if p[2] == 2]
        rng.shuffle(others)
        rosters.append([p for p in posts if p[2] < 2] + others)
    leader_deck, other_deck = _gender_decks(rosters, rng)
    used: set[str] = set()
    people: list[Person] = []
    for unit, roster in zip(units, rosters, strict=True):
        for position, staff_type, rank in roster:
            if position in _MALE_ONLY:
                gender = MALE
            else:
                gender = (leader_deck if rank < 2 else other_deck).pop()
            middles, givens = MIDDLE[gender], GIVEN[gender]
            attempts = 0
            while True:  # unique while the name space allows it (national: some repeat)
                middle = middles[int(rng.random() * len(middles))]
                given = givens[int(rng.random() * len(givens))]
                if given == middle.split()[-1]:  # no "Thanh Thanh"
                    continue
                family = rng.choices(families, cum_weights=cum)[0]
                name = f"{family} {middle} {given}"
                attempts += 1
                if name not in used or attempts >= 50:
                    break
            used.add(name)
            code = f"CB{len(people) + 1:0{width}d}"
            people.append(Person(code, name, unit, position, staff_type, gender, rank))
    return people


"""The units and staff of the sample: the Office's ten units, or a province's or the nation's.

``make_units`` lays out the organisation of a scale (the Office of ``OFFICE_UNITS``; 20
provincial agencies and 40 wards and communes; 21 agencies in each of the 34 provinces) and
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

# Provincial agencies (name without the locality, kind, staff range).
_AGENCIES: tuple[tuple[str, str, int, int], ...] = (
    ("Văn phòng UBND", "Văn phòng", 70, 110),
    ("Sở Nội vụ", "Sở", 60, 100),
    ("Sở Tài chính", "Sở", 60, 100),
    ("Sở Tư pháp", "Sở", 60, 100),
    ("Sở Công Thương", "Sở", 60, 100),
    ("Sở Nông nghiệp và Môi trường", "Sở", 60, 100),
    ("Sở Xây dựng", "Sở", 60, 100),
    ("Sở Khoa học và Công nghệ", "Sở", 60, 100),
    ("Sở Giáo dục và Đào tạo", "Sở", 60, 100),
    ("Sở Y tế", "Sở", 60, 100),
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở", 60, 100),
    ("Sở Dân tộc và Tôn giáo", "Sở", 60, 100),
    ("Sở Ngoại vụ", "Sở", 60, 100),
    ("Thanh tra", "Thanh tra", 40, 70),
    ("Ban Quản lý các khu công nghiệp", "Ban", 35, 75),
    ("Ban Quản lý dự án đầu tư xây dựng công trình dân dụng", "Ban", 35, 75),
    ("Trung tâm Phục vụ hành chính công", "Trung tâm", 35, 75),
    ("Trung tâm Xúc tiến đầu tư, thương mại và du lịch", "Trung tâm", 35, 75),
    ("Trung tâm Kiểm soát bệnh tật", "Trung tâm", 35, 75),
    ("Trung tâm Lưu trữ lịch sử", "Trung tâm", 35, 75),
    ("Trường Chính trị", "Trường", 35, 75),
)
# The 34 provincial-level units from 12/6/2025: (locality as written after a unit's name).
_PROVINCES: tuple[str, ...] = (
    "thành phố Hà Nội", "thành phố Huế", "tỉnh Lai Châu", "tỉnh Điện Biên", "tỉnh Sơn La",
    "tỉnh Lạng Sơn", "tỉnh Quảng Ninh", "tỉnh Thanh Hóa", "tỉnh Nghệ An", "tỉnh Hà Tĩnh",
    "tỉnh Cao Bằng", "tỉnh Tuyên Quang", "tỉnh Lào Cai", "tỉnh Thái Nguyên", "tỉnh Phú Thọ",
    "tỉnh Bắc Ninh", "tỉnh Hưng Yên", "thành phố Hải Phòng", "tỉnh Ninh Bình",
    "tỉnh Quảng Trị", "thành phố Đà Nẵng", "tỉnh Quảng Ngãi", "tỉnh Gia Lai",
    "tỉnh Khánh Hòa", "tỉnh Lâm Đồng", "tỉnh Đắk Lắk", "Thành phố Hồ Chí Minh",
    "tỉnh Đồng Nai", "tỉnh Tây Ninh", "thành phố Cần Thơ", "tỉnh Vĩnh Long", "tỉnh Đồng Tháp",
    "tỉnh Cà Mau", "tỉnh An Giang",
)
_WARDS = ("Tân Phú", "Bình Minh", "An Phú", "Hòa Bình", "Long Hưng", "Phú Lộc", "Tân Hiệp",
          "Vĩnh Thạnh", "Quảng Phú", "Hưng Đạo", "Đông Hòa", "Tây Sơn", "Phước Long",
          "Mỹ Hòa")
_COMMUNES = ("Thanh Bình", "Hòa Thuận", "Tân Lập", "Đức Thắng", "Xuân Lộc", "Hiệp Hòa",
             "Kim Sơn", "Yên Lạc", "Tam Đảo", "Phú Xuyên", "Cẩm Thủy", "Nghĩa Đàn", "Quỳnh Lưu",
             "Đồng Xuân", "Sơn Hà", "Ba Tơ", "Krông Pa", "Ea Súp", "Lộc Ninh", "Châu Thành",
             "Cái Bè", "Thới Bình", "Năm Căn", "Tịnh Biên", "Bảo Lâm", "Di Linh")


# --- units and staff ---------------------------------------------------------------------------

def _mix(kind: str, size: int, vc_share: float) -> tuple[int, int]:
    """(viên chức, người lao động) of a generated unit."""
    if kind in _VC_LED:
        return size - round(size * 0.03) - round(size * 0.15), round(size * 0.15)
    return round(size * vc_share), round(size * 0.15)


def make_units(scale: str, rng: random.Random) -> list[Unit]:
    if scale == "office":
        return [Unit(code, name, kind, size, *_OFFICE_MIX.get(code, (0, 0)), 0)
                for code, name, kind, size in OFFICE_UNITS]
    specs: list[tuple[str, str, int, int]] = []  # name, kind, size, group
    if scale == "province":
        for base, kind, lo, hi in _AGENCIES[:20]:
            name = base if base.startswith("Sở") else f"{base} tỉnh"
            specs.append((name, kind, rng.randint(lo, hi), 0))
        specs += [(f"UBND phường {w}", "Phường", rng.randint(30, 48), 0) for w in _WARDS]
        specs += [(f"UBND xã {c}", "Xã", rng.randint(30, 48), 0) for c in _COMMUNES]
    else:
        for group, place in enumerate(_PROVINCES):
            for base, kind, lo, hi in _AGENCIES:
                # x1.55: ~78,000 staff, so that evaluations come to ~1 million rows (benchmarks)
                size = round(rng.randint(lo, hi) * 1.55)
                specs.append((f"{base} {place}", kind, size, group))
    # Public-service units are ~82% viên chức; the others get the share that makes ~25% overall
    # (with ~15% người lao động everywhere, công chức come to ~60%).
    total = sum(size for _, _, size, _ in specs)
    in_vc_led = sum(size for _, kind, size, _ in specs if kind in _VC_LED) / total
    vc_share = max(0.0, (0.25 - 0.82 * in_vc_led) / (1 - in_vc_led))
    width = max(3, len(str(len(specs))))
    return [Unit(f"U{i:0{width}d}", name, kind, size, *_mix(kind, size, vc_share), group)
            for i, (name, kind, size, group) in enumerate(specs, 1)]


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


"""The sample campaign: a deterministic, realistic data set in the shape of the data contract.

``build_sample`` generates, from a fixed seed, one campaign of the seed plan (the Office's
"Đợt thi đua chào mừng Đại hội XIV", 2025-10-01 → 2026-01-23) as a dict of DataFrames, one per
canonical table of ``thidua.contract.reference.TABLES`` with exactly its canonical columns in order.
``write_sample`` writes it the way a user would hand it to ``thidua load``:

* scale ``office``: the Office of a provincial People's Committee (the 10 units of
  ``OFFICE_UNITS``, 148 staff) as ONE .xlsx workbook, a sheet per table named by its Vietnamese
  label, Vietnamese column labels, real date cells;
* scales ``province`` (~60 units, ~3,000 staff) and ``national`` (~700 units, ~78,000 staff,
  about 1 million evaluation rows) as a folder with one ``<table>.csv`` (or
  ``.parquet``) per table and canonical column names, for load and speed tests.

Proportions follow DOMAIN.md "Realistic proportions": every unit registers, 92–98% of staff do
(mostly 20/11–10/12/2025); monthly evaluations Oct 2025 – Jan 2026 with "Đạt" rates rising from
~82% to ~93%; two units late in the last round (blank results); nominations proposed late
January – early February 2026 and decided from February (Giấy khen) through March (province) to
April–September 2026 (central), with returned, rejected and still-pending files. The rules of
the contract hold by construction: subjects are evaluated only once registered, every
nomination's (status, status_date) is its latest event, no event precedes the proposal.

Values: dates are ``datetime.date``, periods the first day of their month, results the words
"Đạt" / "Không đạt" or None (not evaluated), subject types "Tập thể" / "Cá nhân", award and
status as codes. Text and date columns have object dtype (None for empty), numbers ``Int64``.
Only ``random.Random`` is used, one stream per concern seeded from ``seed``, so the output is
stable across platforms and library versions.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from thidua.contract.reference import (
    DATE,
    GENDERS,
    MONTH,
    NUMBER,
    OFFICE_UNITS,
    PCT,
    PLAN_CAMPAIGN_NAME,
    PLAN_CRITERIA,
    STAFF_TYPES,
    SUBJECT_TYPES,
    TABLES,
    TABLES_BY_NAME,
)

SCALES: tuple[str, ...] = ("office", "province", "national")
FOLDER_FORMATS: tuple[str, ...] = ("csv", "parquet")
DEFAULT_SEED = 2025
DEFAULT_DIR = Path("data/sample")
OFFICE_FILE = "thidua_mau.xlsx"

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

# --- names -------------------------------------------------------------------------------------

_FAMILY: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 31.0), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.0), ("Hoàng", 5.0),
    ("Huỳnh", 3.0), ("Phan", 4.5), ("Vũ", 3.9), ("Võ", 3.0), ("Đặng", 2.1), ("Bùi", 2.0),
    ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đinh", 1.0),
    ("Trương", 1.0), ("Mai", 0.7), ("Lương", 0.6), ("Cao", 0.5), ("Tạ", 0.3), ("Hà", 0.6),
    ("Lâm", 0.4), ("Đoàn", 0.6), ("Tôn", 0.2),
)
_MIDDLE = {
    MALE: ("Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Thanh", "Anh",
           "Trọng", "Đình", "Mạnh", "Quốc", "Ngọc", "Tuấn", "Thế", "Hoàng", "Duy", "Tiến",
           "Bá"),
    FEMALE: ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Kim", "Thúy", "Phương",
             "Mỹ", "Diệu", "Bích", "Khánh", "Minh", "Hoài", "Bảo", "Thị Thu", "Thị Thanh",
             "Thị Ngọc", "Thị Minh", "Thị Hồng", "Thị Kim"),
}
_GIVEN = {
    MALE: ("Anh", "Bảo", "Bình", "Cường", "Chiến", "Công", "Dũng", "Duy", "Đạt", "Định", "Đông",
           "Giang", "Hải", "Hào", "Hiếu", "Hiển", "Hòa", "Hoàng", "Hùng", "Huy", "Hưng", "Khải",
           "Khang", "Khánh", "Khoa", "Kiên", "Lâm", "Lộc", "Long", "Luân", "Mạnh", "Minh",
           "Nam", "Nghĩa", "Nguyên", "Nhân", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tài",
           "Tâm", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tú", "Tuấn", "Tùng", "Việt",
           "Vinh", "Vũ", "Đức", "Trí"),
    FEMALE: ("An", "Anh", "Ánh", "Bích", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng",
             "Hiền", "Hoa", "Huệ", "Hương", "Hường", "Huyền", "Lan", "Liên", "Linh", "Loan",
             "Ly", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Phượng",
             "Quyên", "Quỳnh", "Tâm", "Thảo", "Thanh", "Thơ", "Thu", "Thủy", "Thư", "Trang",
             "Trâm", "Trinh", "Tuyết", "Uyên", "Vân", "Vy", "Xuân", "Yến", "Nhàn"),
}

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

# --- words -------------------------------------------------------------------------------------

_UNIT_COMMITMENTS = (
    "Tập thể đăng ký hoàn thành xuất sắc nhiệm vụ, 100% cán bộ tham gia đợt thi đua.",
    "Hoàn thành đúng hạn 100% nhiệm vụ được giao, không có hồ sơ, văn bản trễ hạn.",
    "Xây dựng đơn vị trong sạch, vững mạnh; không có cán bộ vi phạm kỷ luật, kỷ cương.",
    "Đẩy mạnh chuyển đổi số, 100% văn bản được xử lý trên môi trường điện tử.",
    "Hoàn thành xuất sắc nhiệm vụ chính trị, lập thành tích chào mừng Đại hội XIV của Đảng.",
)
_STAFF_COMMITMENTS = (
    "Hoàn thành xuất sắc nhiệm vụ được giao, không để văn bản trễ hạn.",
    "Chấp hành nghiêm kỷ luật, kỷ cương hành chính và quy chế làm việc của cơ quan.",
    "Nâng cao chất lượng tham mưu, tổng hợp; hoàn thành đúng hạn nhiệm vụ được giao.",
    "Phấn đấu có ít nhất một sáng kiến, giải pháp cải tiến quy trình làm việc.",
    "Gương mẫu thực hiện chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "Xử lý 100% hồ sơ công việc trên môi trường mạng, đúng quy trình, đúng thời hạn.",
    "Tận tâm phục vụ người dân, doanh nghiệp; không để xảy ra phản ánh, kiến nghị.",
)
_POSITION_COMMITMENTS = {
    "Lái xe": "Bảo đảm an toàn tuyệt đối người và phương tiện, phục vụ kịp thời công tác.",
    "Bảo vệ": "Bảo đảm an ninh, trật tự, an toàn tài sản và trụ sở cơ quan.",
    "Nhân viên phục vụ": "Phục vụ chu đáo các hội nghị, cuộc họp; giữ gìn trụ sở sạch đẹp.",
}
_FAIL_NOTES = {
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
_CRITERION_SHIFT = {"CN1": 0.04, "CN2": 0.02, "CN3": 0.0, "CN4": -0.08, "CN5": 0.0,
                    "TT1": 0.04, "TT2": 0.0, "TT3": -0.04, "TT4": 0.0}
_STAFF_FEATS = (
    "tham mưu kịp thời, chất lượng nhiều văn bản quan trọng của UBND tỉnh",
    "có sáng kiến cải tiến quy trình xử lý văn bản trên môi trường điện tử",
    "hoàn thành 100% nhiệm vụ được giao trước thời hạn",
    "tích cực tham gia tổ chức các sự kiện chào mừng Đại hội XIV của Đảng",
    "gương mẫu, đoàn kết, được đồng nghiệp tín nhiệm",
    "góp phần rút ngắn thời gian giải quyết thủ tục hành chính",
)
_UNIT_FEATS = (
    "không có hồ sơ, văn bản trễ hạn",
    "100% hồ sơ được xử lý trên môi trường điện tử",
    "tham mưu hoàn thành khối lượng lớn công việc phục vụ Đại hội XIV của Đảng",
    "đơn vị trong sạch, vững mạnh; không có cán bộ vi phạm kỷ luật",
)
_RETURN_REASONS = (
    "Thiếu bản tóm tắt thành tích có xác nhận của thủ trưởng đơn vị",
    "Thiếu biên bản họp Hội đồng TĐKT cơ quan",
    "Báo cáo thành tích chưa đúng mẫu theo Nghị định 152/2025/NĐ-CP",
)


# --- internal records --------------------------------------------------------------------------

@dataclass(frozen=True)
class _Unit:
    code: str
    name: str
    kind: str  # key of _HEADS; also written as unit_type
    size: int
    n_vc: int
    n_nld: int
    group: int  # province index: decisions are numbered per province


@dataclass(frozen=True)
class _Person:
    code: str
    name: str
    unit: _Unit
    position: str
    staff_type: str
    gender: str
    rank: int  # 0 head, 1 deputy, 2 other


@dataclass
class _Nomination:
    subject_type: str
    subject_code: str
    award: str
    unit: _Unit
    proposed_on: dt.date
    achievement: str
    events: list[tuple[str, dt.date, str | None]]
    decision_ref: str | None = None


def _rng(seed: int, part: str) -> random.Random:
    """An independent stream per concern, so changing one part leaves the others unchanged."""
    return random.Random(f"thidua-sample:{seed}:{part}")


def _workdays(start: dt.date, end: dt.date) -> list[dt.date]:
    days = (start + dt.timedelta(n) for n in range((end - start).days + 1))
    return [d for d in days if d.weekday() < 5 and d not in _HOLIDAYS]


def _add_workdays(day: dt.date, n: int) -> dt.date:
    while n > 0:
        day += dt.timedelta(1)
        if day.weekday() < 5 and day not in _HOLIDAYS:
            n -= 1
    return day


def _month_end(first: dt.date) -> dt.date:
    nxt = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return nxt - dt.timedelta(1)


# --- units and staff ---------------------------------------------------------------------------

def _mix(kind: str, size: int, vc_share: float) -> tuple[int, int]:
    """(viên chức, người lao động) of a generated unit."""
    if kind in _VC_LED:
        return size - round(size * 0.03) - round(size * 0.15), round(size * 0.15)
    return round(size * vc_share), round(size * 0.15)


def _make_units(scale: str, rng: random.Random) -> list[_Unit]:
    if scale == "office":
        return [_Unit(code, name, kind, size, *_OFFICE_MIX.get(code, (0, 0)), 0)
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
    return [_Unit(f"U{i:0{width}d}", name, kind, size, *_mix(kind, size, vc_share), group)
            for i, (name, kind, size, group) in enumerate(specs, 1)]


def _roster(unit: _Unit) -> list[tuple[str, str, int]]:
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


def _make_staff(units: Sequence[_Unit], rng: random.Random) -> list[_Person]:
    total = sum(u.size for u in units)
    width = max(3, len(str(total)))
    families = [f for f, _ in _FAMILY]
    cum: list[float] = []
    acc = 0.0
    for _, w in _FAMILY:
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
    people: list[_Person] = []
    for unit, roster in zip(units, rosters, strict=True):
        for position, staff_type, rank in roster:
            if position in _MALE_ONLY:
                gender = MALE
            else:
                gender = (leader_deck if rank < 2 else other_deck).pop()
            middles, givens = _MIDDLE[gender], _GIVEN[gender]
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
            people.append(_Person(code, name, unit, position, staff_type, gender, rank))
    return people


# --- registrations and evaluations -------------------------------------------------------------

def _make_registrations(
    units: Sequence[_Unit], staff: Sequence[_Person], rng: random.Random
) -> tuple[dict[str, dt.date], dict[str, dt.date], dict[str, list]]:
    unit_days = _workdays(dt.date(2025, 10, 10), dt.date(2025, 10, 31))
    early = _workdays(dt.date(2025, 10, 5), dt.date(2025, 11, 19))
    main = _workdays(dt.date(2025, 11, 20), dt.date(2025, 12, 10))
    late = _workdays(dt.date(2025, 12, 11), dt.date(2026, 1, 9))
    unit_reg = {u.code: rng.choice(unit_days) for u in units}
    # 92–98% of staff register; the others (long leave, new hires, retiring) are never leaders.
    share = rng.uniform(0.935, 0.965)
    n_out = len(staff) - round(len(staff) * share)
    absent = {p.code for p in rng.sample([p for p in staff if p.rank == 2], n_out)}
    # ~15% early, ~80% in the main window 20/11–10/12, ~5% stragglers (shares exact, who random).
    present = [p.code for p in staff if p.code not in absent]
    order = rng.sample(present, len(present))
    n_early, n_late = round(len(order) * 0.15), round(len(order) * 0.05)
    windows = {code: early if k < n_early else late if k >= len(order) - n_late else main
               for k, code in enumerate(order)}
    staff_reg = {code: rng.choice(windows[code]) for code in present}
    cols: dict[str, list] = {"subject_type": [], "subject_code": [], "registered_on": [],
                             "commitment": []}
    for u in units:
        cols["subject_type"].append(COLLECTIVE)
        cols["subject_code"].append(u.code)
        cols["registered_on"].append(unit_reg[u.code])
        cols["commitment"].append(rng.choice(_UNIT_COMMITMENTS))
    for p in staff:
        if p.code not in staff_reg:
            continue
        cols["subject_type"].append(INDIVIDUAL)
        cols["subject_code"].append(p.code)
        cols["registered_on"].append(staff_reg[p.code])
        cols["commitment"].append(_POSITION_COMMITMENTS.get(p.position)
                                  or rng.choice(_STAFF_COMMITMENTS))
    return unit_reg, staff_reg, cols


@dataclass
class _Tally:
    """Per-subject totals over the campaign, used to choose nominees."""

    met: dict[str, int]
    evaluated: dict[str, int]
    full_periods: dict[str, int]  # periods with every criterion "Đạt"


def _make_evaluations(
    units: Sequence[_Unit], staff: Sequence[_Person], unit_reg: dict[str, dt.date],
    staff_reg: dict[str, dt.date], rng: random.Random,
) -> tuple[dict[str, list], _Tally, _Tally]:
    coll = [c for c, applies, _ in PLAN_CRITERIA if applies == "tap_the"]
    indiv = [c for c, applies, _ in PLAN_CRITERIA if applies == "ca_nhan"]
    # Two units late with the last round (one per ~10 units at larger scales): all blank / part.
    candidates = [u.code for u in units if u.kind != "Lãnh đạo" and u.code != "HCQT"]
    n_late = max(1, round(len(units) / 10))
    late = rng.sample(candidates, 2 * n_late)
    all_blank, part_blank = set(late[:n_late]), set(late[n_late:])
    ability = {p.code: rng.gauss(0.0, 0.05) for p in staff}
    unit_ability = {u.code: rng.gauss(0.0, 0.04) for u in units}
    by_unit: dict[str, list[_Person]] = {}
    for p in staff:
        by_unit.setdefault(p.unit.code, []).append(p)
    partly_late_staff = {p.code for code in part_blank for p in by_unit.get(code, [])
                         if rng.random() < 0.5}

    period_col: list[dt.date] = []
    type_col: list[str] = []
    code_col: list[str] = []
    crit_col: list[str] = []
    result_col: list[str | None] = []
    score_col: list[int | None] = []
    note_col: list[str | None] = []
    unit_tally, staff_tally = _Tally({}, {}, {}), _Tally({}, {}, {})
    last = len(PERIODS) - 1
    rnd = rng.random

    for i, period in enumerate(PERIODS):
        end = _month_end(period)
        subjects: list[tuple[str, str, list[str], float, bool, _Tally]] = [
            (COLLECTIVE, u.code, coll, MET_RATE_COLLECTIVE[i] + unit_ability[u.code],
             i == last and u.code in all_blank, unit_tally)
            for u in units if unit_reg[u.code] <= end
        ]
        subjects += [
            (INDIVIDUAL, p.code, indiv, MET_RATE_INDIVIDUAL[i] + ability[p.code],
             i == last and (p.unit.code in all_blank or p.code in partly_late_staff), staff_tally)
            for p in staff if p.code in staff_reg and staff_reg[p.code] <= end
        ]
        # Centre abilities on the period's subjects, so each type's rate is the period's rate.
        centre: dict[str, float] = {}
        for kind, rate in ((COLLECTIVE, MET_RATE_COLLECTIVE[i]),
                           (INDIVIDUAL, MET_RATE_INDIVIDUAL[i])):
            bases = [b for t, _, _, b, _, _ in subjects if t == kind]
            centre[kind] = sum(bases) / len(bases) - rate if bases else 0.0
        spans: list[tuple[_Tally, str, int, int]] = []
        # (row, probability of "Đạt") of the evaluated rows, per subject type
        chances: dict[str, list[tuple[int, float]]] = {COLLECTIVE: [], INDIVIDUAL: []}
        for subject_type, code, criteria, base, blank, tally in subjects:
            start = len(code_col)
            for crit in criteria:
                if not blank:
                    chance = base - centre[subject_type] + _CRITERION_SHIFT[crit]
                    chances[subject_type].append((len(code_col), chance))
                period_col.append(period)
                type_col.append(subject_type)
                code_col.append(code)
                crit_col.append(crit)
            if not blank:
                spans.append((tally, code, start, len(code_col)))
        n = len(code_col) - len(result_col)
        result_col += [None] * n
        score_col += [None] * n
        note_col += [None] * n
        # Systematic sampling in random order: each row is "Đạt" with its own probability, and
        # the period's count of "Đạt" is the expected one (±1), so rates rise steadily.
        for rows in chances.values():
            rng.shuffle(rows)
            acc = rnd()
            for row, chance in rows:
                before = int(acc)
                acc += min(max(chance, 0.0), 1.0)
                if int(acc) > before:
                    result_col[row] = MET
                    score_col[row] = MET_THRESHOLD + int(rnd() ** 0.7 * (101 - MET_THRESHOLD))
                else:
                    result_col[row] = NOT_MET
                    score_col[row] = 40 + int(rnd() * (MET_THRESHOLD - 40))
                    if rnd() < 0.3:
                        note_col[row] = _FAIL_NOTES[crit_col[row]]
        for tally, code, start, stop in spans:
            met = sum(1 for k in range(start, stop) if result_col[k] == MET)
            tally.met[code] = tally.met.get(code, 0) + met
            tally.evaluated[code] = tally.evaluated.get(code, 0) + stop - start
            if met == stop - start:
                tally.full_periods[code] = tally.full_periods.get(code, 0) + 1
    cols = {"period": period_col, "subject_type": type_col, "subject_code": code_col,
            "criterion_code": crit_col, "result": result_col, "score": score_col,
            "note": note_col}
    return cols, unit_tally, staff_tally


# --- nominations -------------------------------------------------------------------------------

# Award batches and submissions -> (number range, document suffix, date window).
_DECISION_SPECS: dict[str, tuple[tuple[int, int], str, tuple[dt.date, dt.date]]] = {
    "GKVP": ((60, 120), "QĐ-VP", (dt.date(2026, 2, 4), dt.date(2026, 2, 4))),
    "BKCT": ((280, 420), "QĐ-UBND", (dt.date(2026, 3, 12), dt.date(2026, 3, 25))),
    "BKCT2": ((480, 640), "QĐ-UBND", (dt.date(2026, 4, 6), dt.date(2026, 4, 17))),
    "BKTTG": ((900, 1450), "QĐ-TTg", (dt.date(2026, 5, 18), dt.date(2026, 8, 28))),
    "HCLD3": ((1100, 1800), "QĐ-CTN", (dt.date(2026, 8, 17), dt.date(2026, 9, 15))),
    "TTR-VP": ((25, 60), "TTr-VP", (dt.date(2026, 2, 11), dt.date(2026, 2, 12))),
    "TTR-TW": ((60, 140), "TTr-UBND", (dt.date(2026, 3, 23), dt.date(2026, 4, 3))),
}


class _Decisions:
    """One decision number and date per (batch, province group), like real award batches."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._made: dict[tuple[str, int], tuple[str, dt.date]] = {}

    def get(self, batch: str, group: int) -> tuple[str, dt.date]:
        key = (batch, group)
        if key not in self._made:
            (lo, hi), suffix, (start, end) = _DECISION_SPECS[batch]
            self._made[key] = (f"{self._rng.randint(lo, hi)}/{suffix}",
                               self._rng.choice(_workdays(start, end)))
        return self._made[key]


def _count(rng: random.Random, lo: int, hi: int, factor: float) -> int:
    if factor == 1:
        return rng.randint(lo, hi)
    return round(rng.uniform(lo, hi) * factor)


def _ranked(tally: _Tally, codes: Iterable[str], rng: random.Random) -> list[str]:
    """Codes by fulfilment ("Đạt" share, smoothed so more evidence counts), ties at random."""
    keyed = [(-(tally.met.get(c, 0) + 1) / (tally.evaluated[c] + 2),
              -tally.full_periods.get(c, 0),
              rng.random(), c) for c in codes if tally.evaluated.get(c, 0) >= 2]
    return [k[-1] for k in sorted(keyed)]


def _make_nominations(
    scale: str, units: Sequence[_Unit], staff: Sequence[_Person], unit_tally: _Tally,
    staff_tally: _Tally, staff_reg: dict[str, dt.date], rng: random.Random,
) -> tuple[dict[str, list], dict[str, list]]:
    factor = 1.0 if scale == "office" else sum(u.size for u in units) / 148
    unit_factor = 1.0 if scale == "office" else len(units) / 10
    # Per Office (DOMAIN.md): BKCT 6–10 individuals + 2–3 units; BKTTG 2–3 (one a unit, so that
    # 50–75% can be awarded); HCLĐ hạng Ba 0–1; Giấy khen 12–18, one or two of them units.
    n_bkct_ind = _count(rng, 6, 10, factor)
    n_bkct_unit = _count(rng, 2, 3, unit_factor)
    n_bkttg = _count(rng, 2, 3, factor)
    n_bkttg_unit = 1 if scale == "office" else round(unit_factor * 0.4)
    n_hcld = _count(rng, 0, 1, factor)
    n_gkvp = _count(rng, 12, 18, factor)
    n_gkvp_unit = max(1, round(n_gkvp * 0.1)) if scale == "office" else round(unit_factor * 1.5)

    unit_by_code = {u.code: u for u in units}
    person_by_code = {p.code: p for p in staff}
    ranked_units = _ranked(unit_tally, [u.code for u in units if u.kind != "Lãnh đạo"], rng)
    ranked_staff = _ranked(staff_tally, staff_reg, rng)
    leaders = [c for c in ranked_staff if person_by_code[c].rank < 2]
    taken: set[str] = set()

    def pick(ranked: list[str], n: int, allow: Callable[[str], bool] | None = None) -> list[str]:
        chosen = [c for c in ranked if c not in taken and (allow is None or allow(c))][:n]
        taken.update(chosen)
        return chosen

    def unit_text(code: str) -> str:
        met, ev = unit_tally.met.get(code, 0), unit_tally.evaluated.get(code, 1)
        feats = rng.sample(_UNIT_FEATS, 2)
        return (f"Tập thể hoàn thành xuất sắc nhiệm vụ; đạt {round(100 * met / ev)}% tiêu chí "
                f"thi đua; {feats[0]}; {feats[1]}.")

    def staff_text(code: str) -> str:
        full = staff_tally.full_periods.get(code, 0)
        feats = rng.sample(_STAFF_FEATS, 2)
        return (f"Hoàn thành xuất sắc nhiệm vụ; {full} kỳ đạt đầy đủ tiêu chí thi đua; "
                f"{feats[0]}; {feats[1]}.")

    proposal_days = _workdays(dt.date(2026, 1, 26), dt.date(2026, 2, 6))
    gkvp_days = _workdays(dt.date(2026, 1, 26), dt.date(2026, 1, 30))
    noms: list[_Nomination] = []

    def add(award: str, subject_type: str, codes: list[str], days: list[dt.date]) -> None:
        for code in codes:
            if subject_type == COLLECTIVE:
                unit, text = unit_by_code[code], unit_text(code)
            else:
                unit, text = person_by_code[code].unit, staff_text(code)
            noms.append(_Nomination(subject_type, code, award, unit, rng.choice(days), text, []))

    add("HCLD3", INDIVIDUAL, pick(leaders, n_hcld), proposal_days)
    add("BKTTG", COLLECTIVE, pick(ranked_units, n_bkttg_unit), proposal_days)
    add("BKTTG", INDIVIDUAL, pick(ranked_staff, n_bkttg - n_bkttg_unit), proposal_days)
    add("BKCT", COLLECTIVE, pick(ranked_units, n_bkct_unit), proposal_days)
    add("BKCT", INDIVIDUAL, pick(ranked_staff, n_bkct_ind), proposal_days)
    add("GKVP", COLLECTIVE, pick(ranked_units, n_gkvp_unit), gkvp_days)
    add("GKVP", INDIVIDUAL,
        pick(ranked_staff, n_gkvp - n_gkvp_unit,
             lambda c: person_by_code[c].unit.kind != "Lãnh đạo"), gkvp_days)

    decisions = _Decisions(rng)
    council, office_council = dt.date(2026, 2, 9), dt.date(2026, 2, 2)
    by_award: dict[str, list[_Nomination]] = {}
    for nom in noms:
        by_award.setdefault(nom.award, []).append(nom)

    # Giấy khen: the Office's council, then the Chánh Văn phòng's decision; a late file waits.
    gkvp = by_award.get("GKVP", [])
    n_waiting = max(1, round(len(gkvp) * 0.07)) if gkvp else 0
    for k, nom in enumerate(gkvp):
        if k >= len(gkvp) - n_waiting:
            nom.proposed_on = dt.date(2026, 2, 10)  # after the batch: still "de_xuat"
            continue
        ref, day = decisions.get("GKVP", nom.unit.group)
        nom.events += [("hoi_dong", office_council, None),
                       ("da_khen_thuong", day, f"Quyết định {ref}")]
        nom.decision_ref = ref

    def to_province(nom: _Nomination) -> None:
        ttr, day = decisions.get("TTR-VP", nom.unit.group)
        nom.events += [("hoi_dong", council, None), ("da_trinh", day, f"Tờ trình {ttr}")]

    # Bằng khen of the province: most awarded in March, ~12% returned once, ~1 in 10 refused.
    bkct = by_award.get("BKCT", [])
    order = rng.sample(range(len(bkct)), len(bkct))
    n_returned = max(1, round(len(bkct) * 0.12)) if bkct else 0
    n_refused = max(1, round(len(bkct) * 0.08)) if bkct else 0
    returned, refused = set(order[:n_returned]), set(order[n_returned:n_returned + n_refused])
    for k, nom in enumerate(bkct):
        to_province(nom)
        ref, day = decisions.get("BKCT", nom.unit.group)
        if k in returned:
            back = rng.choice(_workdays(dt.date(2026, 2, 26), dt.date(2026, 3, 6)))
            again = _add_workdays(back, rng.randint(3, 6))
            ref, day = decisions.get("BKCT2", nom.unit.group)
            nom.events += [("tra_lai", back, rng.choice(_RETURN_REASONS)),
                           ("da_trinh", again, "Đã bổ sung hồ sơ, trình lại"),
                           ("da_khen_thuong", day, f"Quyết định {ref}")]
            nom.decision_ref = ref
        elif k in refused:
            nom.events.append(("khong_khen_thuong", day,
                               "Hội đồng TĐKT tỉnh không thống nhất đề nghị"))
        else:
            nom.events.append(("da_khen_thuong", day, f"Quyết định {ref}"))
            nom.decision_ref = ref

    # Central awards: on to the Ministry of Home Affairs; decided months later, some pending.
    for award, share in (("BKTTG", 0.62), ("HCLD3", 0.5)):
        group_noms = by_award.get(award, [])
        awarded = set(rng.sample(range(len(group_noms)), round(len(group_noms) * share)))
        for k, nom in enumerate(group_noms):
            to_province(nom)
            ttr, day = decisions.get("TTR-TW", nom.unit.group)
            nom.events.append(("trinh_tw", day, f"Tờ trình {ttr} gửi Bộ Nội vụ"))
            if k in awarded:
                ref, day = decisions.get(award, nom.unit.group)
                nom.events.append(("da_khen_thuong", day, f"Quyết định {ref}"))
                nom.decision_ref = ref

    award_order = {"HCLD3": 0, "BKTTG": 1, "BKCT": 2, "GKVP": 3}
    noms.sort(key=lambda n: (n.proposed_on, award_order[n.award], n.subject_code))
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


# --- assembling --------------------------------------------------------------------------------

def _frame(table: str, cols: dict[str, list]) -> pd.DataFrame:
    """A DataFrame with the table's canonical columns in order: numbers Int64, the rest object."""
    data: dict[str, object] = {}
    for column in TABLES_BY_NAME[table].columns:
        values = cols[column.name]
        if column.type in (NUMBER, PCT):
            data[column.name] = pd.array(values, dtype="Int64")
        else:
            data[column.name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data)


def build_sample(scale: str = "office", seed: int = DEFAULT_SEED) -> dict[str, pd.DataFrame]:
    """The sample campaign as {canonical table name: DataFrame}, identical for the same seed."""
    if scale not in SCALES:
        raise ValueError(f"scale must be one of {', '.join(SCALES)}, not {scale!r}")
    units = _make_units(scale, _rng(seed, "units"))
    staff = _make_staff(units, _rng(seed, "staff"))
    unit_reg, staff_reg, reg_cols = _make_registrations(units, staff, _rng(seed, "registrations"))
    eval_cols, unit_tally, staff_tally = _make_evaluations(
        units, staff, unit_reg, staff_reg, _rng(seed, "evaluations"))
    nom_cols, ev_cols = _make_nominations(
        scale, units, staff, unit_tally, staff_tally, staff_reg, _rng(seed, "nominations"))
    cols: dict[str, dict[str, list]] = {
        "campaigns": {"campaign_code": [CAMPAIGN_CODES[scale]],
                      "campaign_name": [PLAN_CAMPAIGN_NAME],
                      "start_date": [CAMPAIGN_START], "end_date": [CAMPAIGN_END],
                      "plan_ref": [CAMPAIGN_PLAN_REF], "target_participation_pct": [100]},
        "units": {"unit_code": [u.code for u in units], "unit_name": [u.name for u in units],
                  "unit_type": [u.kind for u in units]},
        "staff": {"staff_code": [p.code for p in staff], "full_name": [p.name for p in staff],
                  "unit_code": [p.unit.code for p in staff],
                  "position": [p.position for p in staff],
                  "staff_type": [p.staff_type for p in staff],
                  "gender": [p.gender for p in staff]},
        "criteria": {"criterion_code": [c for c, _, _ in PLAN_CRITERIA],
                     "applies_to": [SUBJECT_TYPES[a][0] for _, a, _ in PLAN_CRITERIA],
                     "criterion_name": [n for _, _, n in PLAN_CRITERIA],
                     "weight": [1] * len(PLAN_CRITERIA)},
        "registrations": reg_cols,
        "evaluations": eval_cols,
        "nominations": nom_cols,
        "nomination_events": ev_cols,
    }
    return {t.name: _frame(t.name, cols[t.name]) for t in TABLES}


# --- writing -----------------------------------------------------------------------------------

def _write_workbook(tables: dict[str, pd.DataFrame], path: Path) -> None:
    import xlsxwriter

    path.parent.mkdir(parents=True, exist_ok=True)
    with xlsxwriter.Workbook(str(path)) as book:
        header = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1,
                                  "text_wrap": True, "valign": "top"})
        date_fmt = book.add_format({"num_format": "dd/mm/yyyy", "align": "left"})
        month_fmt = book.add_format({"num_format": "mm/yyyy", "align": "left"})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        for table in TABLES:
            df = tables[table.name]
            sheet = book.add_worksheet(table.label_vi)
            for j, column in enumerate(table.columns):
                values = df[column.name].tolist()
                sheet.write_string(0, j, column.label_vi, header)
                if column.type == DATE:
                    fmt, width = date_fmt, 12
                elif column.type == MONTH:
                    fmt, width = month_fmt, 10
                else:
                    lengths = [len(str(v)) for v in values if not pd.isna(v)]
                    width = max(lengths, default=0)
                    fmt = wrap if width > 60 else None
                width = min(max(width, len(column.label_vi), 8) + 2, 62)
                sheet.set_column(j, j, width, fmt)
                for i, value in enumerate(values, 1):
                    if pd.isna(value):
                        continue
                    if column.type in (DATE, MONTH):
                        sheet.write_datetime(i, j, value, fmt)
                    elif column.type in (NUMBER, PCT):
                        sheet.write_number(i, j, int(value))
                    else:
                        sheet.write_string(i, j, str(value), fmt)
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, len(df), len(table.columns) - 1)


def _write_folder(tables: dict[str, pd.DataFrame], folder: Path, fmt: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, df in tables.items():
        for other in FOLDER_FORMATS:  # one file per table: drop a stale one of the other format
            stale = folder / f"{name}.{other}"
            if other != fmt and stale.exists():
                stale.unlink()
        if fmt == "csv":
            df.to_csv(folder / f"{name}.csv", index=False, encoding="utf-8")
        else:
            df.to_parquet(folder / f"{name}.parquet", index=False)


def write_sample(
    out: Path | None = None, scale: str = "office", seed: int = DEFAULT_SEED, fmt: str = "csv"
) -> Path:
    """Write the sample and return where it went.

    ``office`` writes one workbook: ``out`` if it ends in .xlsx, ``out/thidua_mau.xlsx`` if it is
    a folder, ``data/sample/thidua_mau.xlsx`` if None (``fmt`` does not apply). The larger scales
    write a folder (``out`` or ``data/sample/<scale>/``) of ``<table>.csv`` or ``.parquet``.
    """
    if fmt not in FOLDER_FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(FOLDER_FORMATS)}, not {fmt!r}")
    tables = build_sample(scale, seed)
    if scale == "office":
        if out is None:
            path = DEFAULT_DIR / OFFICE_FILE
        elif out.suffix.lower() == ".xlsx" and not out.is_dir():
            path = out
        else:
            path = out / OFFICE_FILE
        _write_workbook(tables, path)
        return path
    folder = out if out is not None else DEFAULT_DIR / scale
    _write_folder(tables, folder, fmt)
    return folder

"""The organisation of the province and national samples: data only (names, kinds, sizes).

A tree of templates. Each entry of ``CHILDREN[parent_kind]`` is one kind of child unit:
``(kind, name pattern, unit_type, staff low, staff high, fan-out, repeats)``. The fixed entries
(``repeats`` False) come first, in order; the repeating ones (schools, communes, hospitals…)
then cycle. ``fan-out`` is how many children a unit of that kind gets at the next level,
relative to its siblings (a Sở Giáo dục has a hundred schools, a Phòng none). Patterns take
``{place}`` (a commune or ward name), ``{loc}`` (" tỉnh X" at national scale), ``{cloc}``
(", tỉnh X") and ``{n}`` ("" for the first of a kind, " số 2" for the second…).

Levels: a **province** is the agencies of one provincial People's Committee (the 21 sở, ban,
ngành of ``_PROVINCIAL_AGENCIES`` and its communes and wards: after 1/7/2025 there is no district
level) → their units (phòng, chi cục, trung tâm, schools, hospitals, health stations). The
**nation** adds a level above: the 34 provinces and 19 ministries and central bodies → their
agencies (a province's sở and communes, a ministry's vụ and cục) → units.
"""

from __future__ import annotations

Entry = tuple[str, str, str, int, int, float, bool]

PROVINCES: tuple[str, ...] = (
    "thành phố Hà Nội", "thành phố Huế", "tỉnh Lai Châu", "tỉnh Điện Biên", "tỉnh Sơn La",
    "tỉnh Lạng Sơn", "tỉnh Quảng Ninh", "tỉnh Thanh Hóa", "tỉnh Nghệ An", "tỉnh Hà Tĩnh",
    "tỉnh Cao Bằng", "tỉnh Tuyên Quang", "tỉnh Lào Cai", "tỉnh Thái Nguyên", "tỉnh Phú Thọ",
    "tỉnh Bắc Ninh", "tỉnh Hưng Yên", "thành phố Hải Phòng", "tỉnh Ninh Bình",
    "tỉnh Quảng Trị", "thành phố Đà Nẵng", "tỉnh Quảng Ngãi", "tỉnh Gia Lai",
    "tỉnh Khánh Hòa", "tỉnh Lâm Đồng", "tỉnh Đắk Lắk", "Thành phố Hồ Chí Minh",
    "tỉnh Đồng Nai", "tỉnh Tây Ninh", "thành phố Cần Thơ", "tỉnh Vĩnh Long", "tỉnh Đồng Tháp",
    "tỉnh Cà Mau", "tỉnh An Giang",
)
CENTRAL: tuple[str, ...] = (
    "Bộ Nội vụ", "Bộ Tài chính", "Bộ Tư pháp", "Bộ Công Thương",
    "Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng", "Bộ Khoa học và Công nghệ",
    "Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Ngoại giao",
    "Bộ Dân tộc và Tôn giáo", "Thanh tra Chính phủ", "Ngân hàng Nhà nước Việt Nam",
    "Văn phòng Chính phủ", "Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam",
    "Thông tấn xã Việt Nam", "Viện Hàn lâm Khoa học xã hội Việt Nam",
)
# Communes and wards (names as they are written after "xã" / "phường"; many repeat nationally).
PLACES: tuple[str, ...] = (
    "Tân Phú", "Bình Minh", "An Phú", "Hòa Bình", "Long Hưng", "Phú Lộc", "Tân Hiệp",
    "Vĩnh Thạnh", "Quảng Phú", "Hưng Đạo", "Đông Hòa", "Tây Sơn", "Phước Long", "Mỹ Hòa",
    "Thanh Bình", "Hòa Thuận", "Tân Lập", "Đức Thắng", "Xuân Lộc", "Hiệp Hòa", "Kim Sơn",
    "Yên Lạc", "Tam Đảo", "Phú Xuyên", "Cẩm Thủy", "Nghĩa Đàn", "Quỳnh Lưu", "Đồng Xuân",
    "Sơn Hà", "Ba Tơ", "Krông Pa", "Ea Súp", "Lộc Ninh", "Châu Thành", "Cái Bè", "Thới Bình",
    "Năm Căn", "Tịnh Biên", "Bảo Lâm", "Di Linh", "Hương Sơn", "Đức Thọ", "Can Lộc",
    "Thạch Hà", "Kỳ Anh", "Nghi Xuân", "Diễn Châu", "Yên Thành", "Đô Lương", "Thanh Chương",
    "Anh Sơn", "Con Cuông", "Tương Dương", "Quế Phong", "Hoằng Hóa", "Hậu Lộc", "Nga Sơn",
    "Tĩnh Gia", "Nông Cống", "Triệu Sơn", "Thọ Xuân", "Vĩnh Lộc", "Thạch Thành", "Bá Thước",
    "Lang Chánh", "Ngọc Lặc", "Như Xuân", "Phù Cừ", "Tiên Lữ", "Kim Động", "Ân Thi",
    "Khoái Châu", "Văn Giang", "Mỹ Hào", "Gia Lộc", "Tứ Kỳ", "Thanh Hà", "Nam Sách",
    "Kinh Môn", "Chí Linh", "Lạng Giang", "Yên Dũng", "Việt Yên", "Hiệp Đức", "Tiên Phước",
    "Phước Sơn", "Đại Lộc", "Điện Bàn", "Duy Xuyên", "Thăng Bình", "Núi Thành", "Sơn Tịnh",
    "Bình Sơn", "Mộ Đức", "Đức Phổ", "Tuy Phước", "Phù Cát", "Hoài Nhơn", "An Lão", "Vân Canh",
    "Đồng Hới", "Lệ Thủy", "Quảng Ninh", "Bố Trạch", "Minh Hóa", "Tuyên Hóa", "Cam Lộ",
    "Gio Linh", "Hải Lăng", "Phong Điền", "Quảng Điền", "Phú Vang", "A Lưới", "Nam Đông",
)
_FIELDS: tuple[str, ...] = (
    "Quản lý chất lượng", "Kế hoạch và Đầu tư", "Chuyển đổi số", "Thống kê", "Quản lý thị trường",
    "Hợp tác quốc tế", "Quản lý đấu thầu", "Kiểm tra văn bản", "Phát triển nguồn nhân lực",
    "Bảo trợ xã hội", "Quản lý tài nguyên", "Quản lý dược", "Khảo thí", "Di sản văn hóa",
    "Văn thư và Lưu trữ", "Quản lý công sản", "Thi hành án", "Xúc tiến thương mại",
)

_HEADS: dict[str, tuple[str, str]] = {
    "Tỉnh": ("Chủ tịch UBND", "Phó Chủ tịch UBND"),
    "Bộ": ("Bộ trưởng", "Thứ trưởng"),
    "Sở": ("Giám đốc Sở", "Phó Giám đốc Sở"),
    "Văn phòng": ("Chánh Văn phòng", "Phó Chánh Văn phòng"),
    "Thanh tra": ("Chánh Thanh tra", "Phó Chánh Thanh tra"),
    "Ban": ("Trưởng ban", "Phó Trưởng ban"),
    "Trung tâm": ("Giám đốc", "Phó Giám đốc"),
    "Trường": ("Hiệu trưởng", "Phó Hiệu trưởng"),
    "Bệnh viện": ("Giám đốc", "Phó Giám đốc"),
    "Trạm y tế": ("Trưởng trạm", "Phó Trưởng trạm"),
    "Xã": ("Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"),
    "Phường": ("Chủ tịch UBND phường", "Phó Chủ tịch UBND phường"),
    "Phòng": ("Trưởng phòng", "Phó Trưởng phòng"),
    "Chi cục": ("Chi cục trưởng", "Phó Chi cục trưởng"),
    "Vụ": ("Vụ trưởng", "Phó Vụ trưởng"),
    "Cục": ("Cục trưởng", "Phó Cục trưởng"),
}
HEADS = _HEADS
# Public-service units: most of their staff are viên chức (teachers, doctors, nurses).
SERVICE_TYPES: tuple[str, ...] = ("Trường", "Bệnh viện", "Trạm y tế", "Trung tâm")
# (unit_type, position of its viên chức, share) drawn in order; the last takes the rest.
SERVICE_POSTS: dict[str, tuple[tuple[str, float], ...]] = {
    "Trường": (("Giáo viên", 0.9), ("Nhân viên thư viện", 0.04), ("Kế toán", 1.0)),
    "Bệnh viện": (("Bác sĩ", 0.25), ("Điều dưỡng", 0.45), ("Kỹ thuật viên", 0.15),
                  ("Dược sĩ", 1.0)),
    "Trạm y tế": (("Y sĩ", 0.4), ("Điều dưỡng", 0.4), ("Nữ hộ sinh", 1.0)),
    "Trung tâm": (("Viên chức", 1.0),),
}
NLD_POSTS: tuple[str, ...] = ("Lái xe", "Bảo vệ", "Nhân viên phục vụ", "Nhân viên kỹ thuật",
                              "Nhân viên", "Bảo vệ", "Lái xe", "Nhân viên hỗ trợ")
MALE_ONLY: tuple[str, ...] = ("Lái xe", "Bảo vệ")
# Posts mostly held by women: (position, share of women).
WOMEN_POSTS: dict[str, float] = {"Giáo viên": 0.72, "Điều dưỡng": 0.82, "Nữ hộ sinh": 1.0,
                                 "Nhân viên phục vụ": 0.7}

_PROVINCIAL_AGENCIES: tuple[Entry, ...] = (
    ("vp_ubnd", "Văn phòng UBND{loc}", "Văn phòng", 5, 8, 5.0, False),
    ("so", "Sở Nội vụ{loc}", "Sở", 4, 6, 7.0, False),
    ("so", "Sở Tài chính{loc}", "Sở", 4, 6, 7.0, False),
    ("so", "Sở Tư pháp{loc}", "Sở", 4, 6, 6.0, False),
    ("so", "Sở Công Thương{loc}", "Sở", 4, 6, 7.0, False),
    ("so", "Sở Nông nghiệp và Môi trường{loc}", "Sở", 4, 6, 12.0, False),
    ("so", "Sở Xây dựng{loc}", "Sở", 4, 6, 7.0, False),
    ("so", "Sở Khoa học và Công nghệ{loc}", "Sở", 4, 6, 6.0, False),
    ("so_gd", "Sở Giáo dục và Đào tạo{loc}", "Sở", 4, 6, 95.0, False),
    ("so_yt", "Sở Y tế{loc}", "Sở", 4, 6, 45.0, False),
    ("so", "Sở Văn hóa, Thể thao và Du lịch{loc}", "Sở", 4, 6, 8.0, False),
    ("so", "Sở Dân tộc và Tôn giáo{loc}", "Sở", 3, 5, 5.0, False),
    ("so", "Sở Ngoại vụ{loc}", "Sở", 3, 5, 5.0, False),
    ("so", "Thanh tra{loc}", "Thanh tra", 3, 5, 4.0, False),
    ("ban", "Ban Quản lý các khu công nghiệp{loc}", "Ban", 3, 5, 4.0, False),
    ("ban", "Ban Quản lý dự án đầu tư xây dựng công trình dân dụng{loc}", "Ban", 3, 5, 4.0,
     False),
    ("tt", "Trung tâm Phục vụ hành chính công{loc}", "Trung tâm", 25, 45, 0.0, False),
    ("tt", "Trung tâm Xúc tiến đầu tư, thương mại và du lịch{loc}", "Trung tâm", 25, 45, 0.0,
     False),
    ("tt", "Trung tâm Kiểm soát bệnh tật{loc}", "Trung tâm", 80, 140, 0.0, False),
    ("tt", "Trung tâm Lưu trữ lịch sử{loc}", "Trung tâm", 20, 35, 0.0, False),
    ("truong", "Trường Chính trị{loc}", "Trường", 45, 75, 0.0, False),
    ("xa", "UBND xã {place}{cloc}", "Xã", 4, 6, 12.0, True),
    ("xa", "UBND xã {place}{cloc}", "Xã", 4, 6, 12.0, True),
    ("xa", "UBND phường {place}{cloc}", "Phường", 4, 6, 11.0, True),
)
_SO_UNITS: tuple[Entry, ...] = (
    ("", "Văn phòng Sở", "Văn phòng", 12, 22, 0, False),
    ("", "Phòng Tổ chức cán bộ", "Phòng", 7, 12, 0, False),
    ("", "Phòng Kế hoạch – Tài chính", "Phòng", 7, 12, 0, False),
    ("", "Phòng Quản lý chuyên ngành", "Phòng", 8, 16, 0, False),
    ("", "Phòng Pháp chế – Thanh tra", "Phòng", 6, 10, 0, False),
    ("", "Chi cục {field}", "Chi cục", 25, 45, 0, True),
    ("", "Trung tâm {field}", "Trung tâm", 30, 60, 0, True),
)
CHILDREN: dict[str, tuple[Entry, ...]] = {
    "nation": tuple(("tinh", f"UBND {p}", "Tỉnh", 5, 8, 1.0, False) for p in PROVINCES)
    + tuple(("bo", name, "Bộ", 5, 8, 0.4, False) for name in CENTRAL),
    "tinh": _PROVINCIAL_AGENCIES,
    "bo": (
        ("vp_ubnd", "Văn phòng Bộ", "Văn phòng", 8, 12, 4.0, False),
        ("so", "Vụ Tổ chức cán bộ", "Vụ", 25, 40, 0.0, False),
        ("so", "Vụ Kế hoạch – Tài chính", "Vụ", 25, 40, 0.0, False),
        ("so", "Vụ Pháp chế", "Vụ", 20, 30, 0.0, False),
        ("so", "Thanh tra Bộ", "Thanh tra", 25, 45, 0.0, False),
        ("cuc", "Cục {field}", "Cục", 6, 10, 8.0, True),
        ("truong", "Trường Đại học {place}", "Trường", 180, 320, 0.0, True),
    ),
    "vp_ubnd": (
        ("", "Phòng Tổng hợp", "Phòng", 12, 16, 0, False),
        ("", "Phòng Kinh tế", "Phòng", 14, 20, 0, False),
        ("", "Phòng Khoa giáo – Văn xã", "Phòng", 8, 12, 0, False),
        ("", "Phòng Nội chính", "Phòng", 8, 12, 0, False),
        ("", "Phòng Hành chính – Quản trị", "Phòng", 25, 35, 0, False),
        ("", "Trung tâm Tin học và Công báo", "Trung tâm", 15, 22, 0, False),
        ("", "Ban Tiếp công dân", "Ban", 6, 10, 0, False),
    ),
    "so": _SO_UNITS,
    "cuc": (
        ("", "Văn phòng Cục", "Văn phòng", 12, 22, 0, False),
        ("", "Phòng Tổ chức cán bộ", "Phòng", 7, 12, 0, False),
        ("", "Phòng Kế hoạch – Tài chính", "Phòng", 7, 12, 0, False),
        ("", "Chi cục {field} khu vực {place}", "Chi cục", 25, 45, 0, True),
    ),
    "ban": (*_SO_UNITS[:3], ("", "Ban Quản lý dự án khu vực {place}", "Ban", 15, 30, 0, True)),
    "so_gd": (
        *_SO_UNITS[:4],
        ("", "Trường THPT {place}", "Trường", 65, 110, 0, True),
        ("", "Trường THPT {place}", "Trường", 55, 95, 0, True),
        ("", "Trường Phổ thông dân tộc nội trú {place}", "Trường", 45, 70, 0, True),
    ),
    "so_yt": (
        *_SO_UNITS[:4],
        ("", "Trung tâm Y tế khu vực {place}", "Trung tâm", 120, 260, 0, True),
        ("", "Bệnh viện Đa khoa khu vực {place}", "Bệnh viện", 250, 480, 0, True),
    ),
    "xa": (
        ("", "Văn phòng HĐND và UBND", "Văn phòng", 8, 14, 0, False),
        ("", "Phòng Kinh tế", "Phòng", 6, 10, 0, False),
        ("", "Phòng Văn hóa – Xã hội", "Phòng", 6, 10, 0, False),
        ("", "Trung tâm Phục vụ hành chính công", "Trung tâm", 8, 14, 0, False),
        ("", "Trạm Y tế", "Trạm y tế", 8, 14, 0, False),
        ("", "Trường Mầm non {place}{n}", "Trường", 30, 50, 0, True),
        ("", "Trường Tiểu học {place}{n}", "Trường", 45, 75, 0, True),
        ("", "Trường THCS {place}{n}", "Trường", 45, 70, 0, True),
    ),
    "tt": (), "truong": (),
}
# Units per level (at rows factor 1), the root level first. A province has no root: its first
# level are the agencies of one "tinh".
LEVELS: dict[str, tuple[tuple[str, int], ...]] = {
    "province": (("tinh", 100), ("", 1400)),
    "national": (("nation", 53), ("", 3050), ("", 21900)),
}
STAFF: dict[str, int] = {"province": 120_000, "national": 2_000_000}
NOMINATIONS: dict[str, int] = {"province": 30_000, "national": 500_000}
FIELDS = _FIELDS

"""Vietnamese personal names for the sample staff, with realistic family-name frequencies.

Data only: family names weighted by their share of the population (Nguyễn about a third),
middle and given names by gender; ``units.make_staff`` draws from them.
"""

from __future__ import annotations

from thidua.sample.plan import FEMALE, MALE

FAMILY: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 31.0), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.0), ("Hoàng", 5.0),
    ("Huỳnh", 3.0), ("Phan", 4.5), ("Vũ", 3.9), ("Võ", 3.0), ("Đặng", 2.1), ("Bùi", 2.0),
    ("Đỗ", 1.4), ("Hồ", 1.3), ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Đinh", 1.0),
    ("Trương", 1.0), ("Mai", 0.7), ("Lương", 0.6), ("Cao", 0.5), ("Tạ", 0.3), ("Hà", 0.6),
    ("Lâm", 0.4), ("Đoàn", 0.6), ("Tôn", 0.2),
)
MIDDLE = {
    MALE: ("Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Thanh", "Anh",
           "Trọng", "Đình", "Mạnh", "Quốc", "Ngọc", "Tuấn", "Thế", "Hoàng", "Duy", "Tiến",
           "Bá"),
    FEMALE: ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Kim", "Thúy", "Phương",
             "Mỹ", "Diệu", "Bích", "Khánh", "Minh", "Hoài", "Bảo", "Thị Thu", "Thị Thanh",
             "Thị Ngọc", "Thị Minh", "Thị Hồng", "Thị Kim"),
}
GIVEN = {
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

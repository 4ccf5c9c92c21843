"""The fixed vocabulary of the data contract: tables, columns, award forms, statuses, criteria.

Everything the loader, the template, the sample generator and the dashboard know about the shape
of a campaign workbook comes from here, so that a column label or a status code is written once.
The column specs are also the allow-list of identifiers that may appear in generated SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Column types of DATA_CONTRACT.md section 3.
CODE, TEXT, DATE, MONTH, NUMBER, PCT, RESULT, SUBJECT, AWARD, STATUS, GENDER, STAFF_TYPE = (
    "code", "text", "date", "month", "number", "pct", "result", "subject", "award", "status",
    "gender", "staff_type",
)


@dataclass(frozen=True)
class Column:
    name: str
    label_vi: str
    label_en: str
    type: str
    required: bool = False
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Table:
    name: str
    label_vi: str
    label_en: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    optional: bool = False
    aliases: tuple[str, ...] = field(default=())

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


TABLES: tuple[Table, ...] = (
    Table("campaigns", "Đợt thi đua", "Campaign", (
        Column("campaign_code", "Mã đợt", "Campaign code", CODE, True),
        Column("campaign_name", "Tên đợt thi đua", "Campaign name", TEXT, True),
        Column("start_date", "Ngày bắt đầu", "Start date", DATE, True),
        Column("end_date", "Ngày kết thúc", "End date", DATE, True),
        Column("plan_ref", "Số kế hoạch", "Plan reference", TEXT),
        Column("target_participation_pct", "Chỉ tiêu tham gia (%)", "Participation target (%)",
               PCT),
    ), key=("campaign_code",)),
    Table("units", "Đơn vị", "Units", (
        Column("unit_code", "Mã đơn vị", "Unit code", CODE, True),
        Column("unit_name", "Tên đơn vị", "Unit name", TEXT, True),
        Column("unit_type", "Loại đơn vị", "Unit type", TEXT),
        Column("parent_unit", "Đơn vị cấp trên", "Parent unit", CODE),
    ), key=("unit_code",)),
    Table("staff", "Cán bộ", "Staff", (
        Column("staff_code", "Mã cán bộ", "Staff code", CODE, True),
        Column("full_name", "Họ và tên", "Full name", TEXT, True),
        Column("unit_code", "Mã đơn vị", "Unit code", CODE, True),
        Column("position", "Chức vụ", "Position", TEXT),
        Column("staff_type", "Loại cán bộ", "Staff type", STAFF_TYPE),
        Column("gender", "Giới tính", "Gender", GENDER),
    ), key=("staff_code",)),
    Table("criteria", "Tiêu chí", "Criteria", (
        Column("criterion_code", "Mã tiêu chí", "Criterion code", CODE, True),
        Column("applies_to", "Đối tượng", "Applies to", SUBJECT, True),
        Column("criterion_name", "Nội dung tiêu chí", "Criterion", TEXT, True),
        Column("weight", "Trọng số", "Weight", NUMBER),
    ), key=("criterion_code",)),
    Table("registrations", "Đăng ký thi đua", "Registrations", (
        Column("subject_type", "Đối tượng", "Subject type", SUBJECT, True),
        Column("subject_code", "Mã đối tượng", "Subject code", CODE, True),
        Column("registered_on", "Ngày đăng ký", "Registered on", DATE, True),
        Column("commitment", "Nội dung đăng ký", "Commitment", TEXT),
    ), key=("subject_type", "subject_code")),
    Table("evaluations", "Đánh giá", "Evaluations", (
        Column("period", "Kỳ đánh giá", "Period", MONTH, True),
        Column("subject_type", "Đối tượng", "Subject type", SUBJECT, True),
        Column("subject_code", "Mã đối tượng", "Subject code", CODE, True),
        Column("criterion_code", "Mã tiêu chí", "Criterion code", CODE, True),
        Column("result", "Kết quả", "Result", RESULT),
        Column("score", "Điểm", "Score", PCT),
        Column("note", "Ghi chú", "Note", TEXT),
    ), key=("period", "subject_type", "subject_code", "criterion_code")),
    Table("nominations", "Đề nghị khen thưởng", "Nominations", (
        Column("nomination_code", "Mã hồ sơ", "Nomination code", CODE, True),
        Column("subject_type", "Đối tượng", "Subject type", SUBJECT, True),
        Column("subject_code", "Mã đối tượng", "Subject code", CODE, True),
        Column("award_code", "Hình thức khen thưởng", "Award form", AWARD, True),
        Column("proposing_unit", "Đơn vị đề nghị", "Proposing unit", CODE, True),
        Column("proposed_on", "Ngày đề nghị", "Proposed on", DATE, True),
        Column("status", "Trạng thái", "Status", STATUS, True),
        Column("status_date", "Ngày trạng thái", "Status date", DATE, True),
        Column("decision_ref", "Số quyết định", "Decision number", TEXT),
        Column("achievement", "Tóm tắt thành tích", "Summary of achievements", TEXT),
    ), key=("nomination_code",)),
    Table("nomination_events", "Tiến trình hồ sơ", "Nomination events", (
        Column("nomination_code", "Mã hồ sơ", "Nomination code", CODE, True),
        Column("status", "Trạng thái", "Status", STATUS, True),
        Column("event_date", "Ngày", "Date", DATE, True),
        Column("note", "Ghi chú", "Note", TEXT),
    ), optional=True),
)

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

# Codes that must name a row of another table (queries/checks/unknown_reference.sql):
# (table, column, referenced table, referenced column).
REFERENCES: tuple[tuple[str, str, str, str], ...] = (
    ("staff", "unit_code", "units", "unit_code"),
    ("evaluations", "criterion_code", "criteria", "criterion_code"),
    ("nominations", "proposing_unit", "units", "unit_code"),
    ("nomination_events", "nomination_code", "nominations", "nomination_code"),
)
# The aggregate tables built at import (thidua.store.aggregates), in build order.
AGGREGATE_TABLES: tuple[str, ...] = (
    "agg_unit_tree", "agg_units", "agg_unit_staff", "agg_unit_results", "agg_nomination_rows",
    "agg_nomination_steps", "agg_nomination_counts", "agg_registered_subjects",
    "agg_missing_results", "agg_staff_registration", "agg_campaigns",
)
# Tables whose (subject_type, subject_code) must name a unit or a staff member.
SUBJECT_TABLES: tuple[str, ...] = ("registrations", "evaluations", "nominations")


@dataclass(frozen=True)
class AwardForm:
    code: str
    label_vi: str
    label_en: str
    decided_by_vi: str
    level: str  # office | province | central


AWARD_FORMS: tuple[AwardForm, ...] = (
    AwardForm("HCLD1", "Huân chương Lao động hạng Nhất", "Labour Order, First Class",
              "Chủ tịch nước", "central"),
    AwardForm("HCLD2", "Huân chương Lao động hạng Nhì", "Labour Order, Second Class",
              "Chủ tịch nước", "central"),
    AwardForm("HCLD3", "Huân chương Lao động hạng Ba", "Labour Order, Third Class",
              "Chủ tịch nước", "central"),
    AwardForm("BKTTG", "Bằng khen của Thủ tướng Chính phủ", "Prime Minister's Certificate of Merit",
              "Thủ tướng Chính phủ", "central"),
    AwardForm("BKCT", "Bằng khen của Chủ tịch UBND tỉnh",
              "Provincial Chairman's Certificate of Merit", "Chủ tịch UBND tỉnh", "province"),
    AwardForm("GKVP", "Giấy khen của Chánh Văn phòng", "Chief of Office's Certificate of Merit",
              "Chánh Văn phòng", "office"),
)


@dataclass(frozen=True)
class Status:
    code: str
    label_vi: str
    label_en: str
    meaning_vi: str
    is_final: bool


# Pipeline order: the position in this tuple is the status's sort order.
STATUSES: tuple[Status, ...] = (
    Status("de_xuat", "Đơn vị đề xuất", "Proposed by unit",
           "Đơn vị đề xuất; Phòng HCQT đang tổng hợp", False),
    Status("hoi_dong", "Hội đồng TĐKT cơ quan xét", "Before the Office's council",
           "Trình Hội đồng Thi đua – Khen thưởng cơ quan xét", False),
    Status("da_trinh", "Đã trình UBND tỉnh", "Submitted to the province",
           "Đã trình tỉnh; Sở Nội vụ đang thẩm định", False),
    Status("trinh_tw", "Đã trình Trung ương", "Submitted to the central level",
           "Đã trình Trung ương (Bằng khen Thủ tướng, Huân chương)", False),
    Status("tra_lai", "Bị trả lại, bổ sung hồ sơ", "Returned for completion",
           "Bị trả lại để bổ sung hồ sơ; chưa phải kết quả cuối cùng", False),
    Status("da_khen_thuong", "Đã có quyết định khen thưởng", "Awarded",
           "Đã có quyết định khen thưởng (kết quả cuối cùng)", True),
    Status("khong_khen_thuong", "Không khen thưởng", "Not awarded",
           "Không khen thưởng (kết quả cuối cùng)", True),
)

STATUS_CODES: tuple[str, ...] = tuple(s.code for s in STATUSES)
AWARD_CODES: tuple[str, ...] = tuple(a.code for a in AWARD_FORMS)
STATUSES_BY_CODE: dict[str, Status] = {s.code: s for s in STATUSES}
AWARDS_BY_CODE: dict[str, AwardForm] = {a.code: a for a in AWARD_FORMS}

# Subject types: stored codes and the words that mean them (matched after folding).
SUBJECT_TYPES = {"tap_the": ("Tập thể", "Collective", ("unit",)),
                 "ca_nhan": ("Cá nhân", "Individual", ("staff",))}

# Result words (section 2); blank means not yet evaluated.
RESULT_MET = ("Đạt", "Có", "x", "✓", "1", "true", "yes")
RESULT_NOT_MET = ("Không đạt", "Chưa đạt", "Không", "0", "false", "no")

GENDERS = ("Nam", "Nữ")
STAFF_TYPES = ("Công chức", "Viên chức", "Người lao động")
UNIT_TYPES = ("Lãnh đạo", "Phòng", "Ban", "Trung tâm")

# The seed plan's campaign (Kế hoạch of the Office implementing 8022/KH-UBND), section III.1,
# in the plan's own wording (two typing slips of the source corrected: ",;" and "theo quy đúng").
PLAN_CAMPAIGN_NAME = (
    "Đợt thi đua lập thành tích chào mừng Đại hội lần thứ XIV của Đảng; tăng tốc, bứt phá, "
    "hoàn thành thắng lợi các mục tiêu, nhiệm vụ Nghị quyết Đại hội lần thứ XIII của Đảng"
)
PLAN_REF = "Thực hiện Kế hoạch số 8022/KH-UBND ngày 12/12/2025 của UBND tỉnh"

PLAN_CRITERIA: tuple[tuple[str, str, str], ...] = (
    ("TT1", "tap_the", "Triển khai đầy đủ, hiệu quả các nội dung của đợt thi đua đến công chức, "
     "viên chức, người lao động trong đơn vị."),
    ("TT2", "tap_the", "Hoàn thành xuất sắc các nhiệm vụ chính trị theo chức năng, nhiệm vụ được "
     "giao."),
    ("TT3", "tap_the", "Đẩy mạnh cải cách hành chính, nâng cao hiệu quả quản trị, thi đua xây dựng "
     "chính quyền điện tử, chính quyền số, tăng cường phục vụ người dân và doanh nghiệp."),
    ("TT4", "tap_the", "Xây dựng cơ quan, đơn vị trong sạch, vững mạnh; thực hiện nghiêm kỷ luật, "
     "kỷ cương hành chính; đề cao trách nhiệm người đứng đầu đơn vị trong công tác quản lý, điều "
     "hành, tổ chức thực hiện nhiệm vụ; tham mưu, phối hợp giải quyết kịp thời, hiệu quả các kiến "
     "nghị, phản ánh, đơn thư, khiếu nại, tố cáo theo đúng quy định."),
    ("CN1", "ca_nhan", "Gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà "
     "nước."),
    ("CN2", "ca_nhan", "Thực hiện tốt kỷ luật, kỷ cương hành chính và quy chế làm việc của cơ "
     "quan."),
    ("CN3", "ca_nhan", "Nâng cao tinh thần trách nhiệm, chất lượng công tác tham mưu, tổng hợp."),
    ("CN4", "ca_nhan", "Chủ động nghiên cứu, đề xuất sáng kiến, giải pháp sáng tạo cải tiến quy "
     "trình làm việc."),
    ("CN5", "ca_nhan", "Góp phần thực hiện thắng lợi các nhiệm vụ đã đề ra tại Nghị quyết Đại hội "
     "đại biểu toàn quốc lần thứ XIII của Đảng với phương châm “đổi mới tư duy, quyết tâm hành "
     "động, gương mẫu đi đầu, tận tâm cống hiến, kiến tạo phát triển, vì dân phục vụ”."),
)

# The Office's units (DOMAIN.md): code, name, type, estimated staff.
OFFICE_UNITS: tuple[tuple[str, str, str, int], ...] = (
    ("BLD", "Lãnh đạo Văn phòng", "Lãnh đạo", 4),
    ("TH", "Phòng Tổng hợp", "Phòng", 14),
    ("KT", "Phòng Kinh tế", "Phòng", 18),
    ("KGVX", "Phòng Khoa giáo – Văn xã", "Phòng", 10),
    ("NC", "Phòng Nội chính", "Phòng", 10),
    ("KSTTHC", "Phòng Kiểm soát thủ tục hành chính", "Phòng", 8),
    ("HCQT", "Phòng Hành chính – Quản trị", "Phòng", 32),
    ("TTTHCB", "Trung tâm Tin học và Công báo", "Trung tâm", 18),
    ("TTPVHCC", "Trung tâm Phục vụ hành chính công", "Trung tâm", 26),
    ("BTCD", "Ban Tiếp công dân", "Ban", 8),
)

"""Words of the template's instruction sheet, part 3: every table and its columns.

The table headings and notes, the column listing's headers, the column types
(DATA_CONTRACT.md section 3) and one rule per column (``template_rule_<table>_<column>``), which
are also the header cells' comments on the data sheets. The rest of the template's words are in
:mod:`thidua.catalogue.template`.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # Part 3: table headings, notes and the column listing.
    "template_table_heading": (
        "3.{number}. Trang “{label}” (bảng {name})",
        "3.{number}. Sheet “{label}” ({english}, table {name})",
    ),
    "template_table_note_campaigns": (
        "Thông tin chung của đợt thi đua; có đúng một dòng.",
        "The campaign itself; exactly one row.",
    ),
    "template_table_note_units": (
        "Các đơn vị thuộc cơ quan, mỗi dòng một đơn vị.",
        "The units of the agency, one row each.",
    ),
    "template_table_note_staff": (
        "Công chức, viên chức, người lao động, mỗi dòng một người.",
        "Civil servants, public employees and workers, one row per person.",
    ),
    "template_table_note_criteria": (
        "Tiêu chí thi đua của đợt. Mẫu đã điền sẵn 9 tiêu chí của kế hoạch (TT1–TT4 cho tập thể, "
        "CN1–CN5 cho cá nhân); có thể sửa hoặc bổ sung.",
        "The campaign's criteria. The template comes with the plan's 9 criteria (TT1–TT4 for "
        "units, CN1–CN5 for individuals); they may be edited or extended.",
    ),
    "template_table_note_registrations": (
        "Đăng ký tham gia thi đua. Mỗi đối tượng (cặp Đối tượng + Mã đối tượng) chỉ đăng ký một "
        "lần; dòng trùng là lỗi.",
        "Participation. Each subject (subject type + subject code) registers once; a duplicate "
        "is an error.",
    ),
    "template_table_note_evaluations": (
        "Kết quả thực hiện tiêu chí theo từng kỳ (tháng). Không được trùng bộ (Kỳ đánh giá, Đối "
        "tượng, Mã đối tượng, Mã tiêu chí); dòng trùng là lỗi và báo cáo nêu cả hai dòng.",
        "Criteria fulfilment per period (month). The set (period, subject type, subject code, "
        "criterion code) is unique; a duplicate is an error that names both rows.",
    ),
    "template_table_note_nominations": (
        "Hồ sơ đề nghị khen thưởng, mỗi dòng một hồ sơ với trạng thái hiện tại.",
        "Award nominations, one row per file with its current status.",
    ),
    "template_table_note_nomination_events": (
        "Không bắt buộc có trang này. Các bước xử lý hồ sơ theo thời gian; nếu có, bước mới nhất "
        "của mỗi hồ sơ phải trùng với Trạng thái và Ngày trạng thái ở trang “Đề nghị khen "
        "thưởng”.",
        "This sheet is optional. The steps of each nomination over time; if given, a "
        "nomination's latest step must equal its status and status date on the “Đề nghị khen "
        "thưởng” (nominations) sheet.",
    ),
    "template_h_no": ("STT", "No."),
    "template_h_label": ("Tiêu đề cột", "Column header"),
    "template_h_name": ("Tên chuẩn", "Canonical name"),
    "template_h_type": ("Kiểu dữ liệu", "Type"),
    "template_h_required": ("Bắt buộc", "Required"),
    "template_h_rule": ("Quy tắc", "Rule"),
    "template_required_yes": ("Bắt buộc", "Required"),
    "template_required_no": ("Không bắt buộc", "Optional"),
    "template_rule_with_meaning": ("{rule}", "{meaning}. {rule}"),
    # Column types (DATA_CONTRACT.md section 3).
    "template_type_code": ("Mã (viết liền, lưu chữ in hoa)", "Code (stored upper-case)"),
    "template_type_text": ("Văn bản", "Text"),
    "template_type_date": ("Ngày (dd/mm/yyyy)", "Date (dd/mm/yyyy)"),
    "template_type_month": ("Tháng (mm/yyyy)", "Month (mm/yyyy)"),
    "template_type_number": ("Số", "Number"),
    "template_type_pct": ("Số từ 0 đến 100", "Number 0–100"),
    "template_type_result": ("Kết quả (Đạt / Không đạt)", "Result (Đạt / Không đạt)"),
    "template_type_subject": ("Đối tượng (Tập thể / Cá nhân)", "Subject type (Tập thể / Cá nhân)"),
    "template_type_award": ("Hình thức khen thưởng (tên hoặc mã)", "Award form (label or code)"),
    "template_type_status": ("Trạng thái (tên hoặc mã)", "Status (label or code)"),
    "template_type_gender": ("Giới tính (Nam / Nữ)", "Gender (Nam / Nữ)"),
    "template_type_staff_type": ("Loại cán bộ (Công chức / Viên chức / Người lao động)",
                                 "Staff type (Công chức / Viên chức / Người lao động)"),
    # Per-column rules.
    "template_rule_campaigns_campaign_code": (
        "Mã ngắn của đợt, dùng để nhận ra đợt khi nhập lại.",
        "Short code of the campaign, used to recognise it when it is imported again.",
    ),
    "template_rule_campaigns_campaign_name": (
        "Tên đầy đủ của đợt thi đua.", "Full name of the campaign.",
    ),
    "template_rule_campaigns_start_date": (
        "Ngày bắt đầu đợt thi đua.", "First day of the campaign.",
    ),
    "template_rule_campaigns_end_date": (
        "Không được trước Ngày bắt đầu (≥ Ngày bắt đầu).",
        "Not before the start date (≥ start date).",
    ),
    "template_rule_campaigns_plan_ref": (
        "Số, ngày của kế hoạch phát động đợt thi đua.",
        "Number and date of the plan that launched the campaign.",
    ),
    "template_rule_campaigns_target_participation_pct": (
        "Tỷ lệ tham gia đề ra, số từ 0 đến 100; để trống thì lấy 100.",
        "A number from 0 to 100; blank means 100.",
    ),
    "template_rule_units_unit_code": ("Không được trùng.", "Unique."),
    "template_rule_units_unit_name": ("Tên đầy đủ của đơn vị.", "Full name of the unit."),
    "template_rule_units_unit_type": ("Ví dụ: {types}.", "For example: {types}."),
    "template_rule_units_parent_unit": (
        "Không bắt buộc. Mã của đơn vị cấp trên, phải có trong trang này (ví dụ: một sở và các "
        "phòng của sở); để trống nếu là đơn vị cấp cao nhất. Một đơn vị không được là cấp trên "
        "của chính nó, trực tiếp hay gián tiếp.",
        "Optional. The code of the unit above it, which must be on this sheet (e.g. a department "
        "and its offices); blank for a top-level unit. A unit may not be above itself, directly "
        "or through others.",
    ),
    "template_rule_staff_staff_code": ("Không được trùng.", "Unique."),
    "template_rule_staff_full_name": ("Họ và tên đầy đủ.", "Full name."),
    "template_rule_staff_unit_code": (
        "Đơn vị công tác; phải có trong trang “Đơn vị”.",
        "The person's unit; must be on the “Đơn vị” (units) sheet.",
    ),
    "template_rule_staff_position": (
        "Ví dụ: Trưởng phòng, Chuyên viên.", "For example: Trưởng phòng, Chuyên viên.",
    ),
    "template_rule_staff_staff_type": ("Một trong: {types}.", "One of: {types}."),
    "template_rule_staff_gender": ("{genders}.", "{genders}."),
    "template_rule_criteria_criterion_code": ("Không được trùng.", "Unique."),
    "template_rule_criteria_applies_to": (
        "Tập thể hoặc Cá nhân: tiêu chí áp dụng cho đơn vị hay cho cán bộ.",
        "Tập thể or Cá nhân: whether the criterion applies to units or to staff.",
    ),
    "template_rule_criteria_criterion_name": (
        "Nội dung tiêu chí theo kế hoạch.", "Wording of the criterion in the plan.",
    ),
    "template_rule_criteria_weight": (
        "Trọng số của tiêu chí; mẫu điền sẵn 1.", "Weight of the criterion; pre-filled with 1.",
    ),
    "template_rule_registrations_subject_type": ("Tập thể hoặc Cá nhân.", "Tập thể or Cá nhân."),
    "template_rule_registrations_subject_code": (
        "Mã đơn vị (nếu Tập thể) hoặc Mã cán bộ (nếu Cá nhân), phải có trong trang “Đơn vị” "
        "hoặc “Cán bộ”.",
        "A unit code (Tập thể) or a staff code (Cá nhân) present on the “Đơn vị” (units) or "
        "“Cán bộ” (staff) sheet.",
    ),
    "template_rule_registrations_registered_on": (
        "Ngày nằm ngoài thời gian của đợt (trước Ngày bắt đầu hoặc sau Ngày kết thúc) được cảnh "
        "báo, không phải lỗi.",
        "A date outside the campaign (before its start or after its end) gives a warning, not "
        "an error.",
    ),
    "template_rule_registrations_commitment": (
        "Nội dung đăng ký, cam kết thi đua.", "What the subject commits to.",
    ),
    "template_rule_evaluations_period": (
        "Tháng đánh giá, ví dụ 10/2025.", "Month evaluated, e.g. 10/2025.",
    ),
    "template_rule_evaluations_subject_type": ("Tập thể hoặc Cá nhân.", "Tập thể or Cá nhân."),
    "template_rule_evaluations_subject_code": (
        "Phải có trong trang “Đơn vị” (nếu Tập thể) hoặc “Cán bộ” (nếu Cá nhân).",
        "Must be on the “Đơn vị” (units) sheet for Tập thể or the “Cán bộ” (staff) sheet for Cá "
        "nhân.",
    ),
    "template_rule_evaluations_criterion_code": (
        "Phải có trong trang “Tiêu chí”, và tiêu chí đó phải áp dụng cho đúng Đối tượng của dòng.",
        "Must be on the “Tiêu chí” (criteria) sheet, and that criterion must apply to the row's "
        "subject type.",
    ),
    "template_rule_evaluations_result": (
        "Đạt hoặc Không đạt; để trống là chưa đánh giá.",
        "Đạt (met) or Không đạt (not met); blank means not yet evaluated.",
    ),
    "template_rule_evaluations_score": ("Số từ 0 đến 100.", "A number from 0 to 100."),
    "template_rule_evaluations_note": ("Ghi chú thêm nếu cần.", "Any remark."),
    "template_rule_nominations_nomination_code": ("Không được trùng.", "Unique."),
    "template_rule_nominations_subject_type": ("Tập thể hoặc Cá nhân.", "Tập thể or Cá nhân."),
    "template_rule_nominations_subject_code": (
        "Phải có trong trang “Đơn vị” (nếu Tập thể) hoặc “Cán bộ” (nếu Cá nhân).",
        "Must be on the “Đơn vị” (units) sheet for Tập thể or the “Cán bộ” (staff) sheet for Cá "
        "nhân.",
    ),
    "template_rule_nominations_award_code": (
        "Tên hoặc mã hình thức khen thưởng, xem danh mục 4.1.",
        "Label or code of the award form, see list 4.1.",
    ),
    "template_rule_nominations_proposing_unit": (
        "Mã đơn vị đề nghị; phải có trong trang “Đơn vị”.",
        "Code of the proposing unit; must be on the “Đơn vị” (units) sheet.",
    ),
    "template_rule_nominations_proposed_on": (
        "Ngày đơn vị lập đề nghị.", "Date the unit made the proposal.",
    ),
    "template_rule_nominations_status": (
        "Trạng thái hiện tại, tên hoặc mã, xem danh mục 4.2.",
        "Current status, label or code, see list 4.2.",
    ),
    "template_rule_nominations_status_date": (
        "Ngày hồ sơ chuyển sang trạng thái hiện tại; không được trước Ngày đề nghị.",
        "Date the nomination reached its current status; not before the proposal date.",
    ),
    "template_rule_nominations_decision_ref": (
        "Số quyết định khen thưởng; trạng thái là “{awarded}” mà để trống thì được cảnh báo.",
        "Number of the award decision; a warning if the status is “{awarded}” and this is empty.",
    ),
    "template_rule_nominations_achievement": (
        "Tóm tắt thành tích của đối tượng.", "Short summary of the achievements.",
    ),
    "template_rule_nomination_events_nomination_code": (
        "Phải có trong trang “Đề nghị khen thưởng”.",
        "Must be on the “Đề nghị khen thưởng” (nominations) sheet.",
    ),
    "template_rule_nomination_events_status": (
        "Trạng thái của bước, tên hoặc mã, xem danh mục 4.2.",
        "Status reached at this step, label or code, see list 4.2.",
    ),
    "template_rule_nomination_events_event_date": (
        "Ngày của bước; không được trước Ngày đề nghị của hồ sơ.",
        "Date of the step; not before the nomination's proposal date.",
    ),
    "template_rule_nomination_events_note": ("Ghi chú thêm nếu cần.", "Any remark."),
}

"""Words of the blank import workbook (``thidua template``).

The instruction sheet's prose follows ``lang``; sheet names, column headers and list values of the
data sheets stay Vietnamese (they are data, and the loader matches both languages). The rules are
written out of DATA_CONTRACT.md sections 1–3. Part 3 (every table and its columns) is in
:mod:`thidua.catalogue.template_columns`; this module holds the sheets' names, the title, parts
1, 2 and 4 and the data sheets' validation messages.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # Sheets.
    "template_sheet_instructions": ("Hướng dẫn", "Instructions"),
    # The list sheet is referred to by the drop-down formulas: its name is Vietnamese in both.
    "template_sheet_lists": ("Danh mục", "Danh mục"),
    # Title and introduction.
    "template_title": (
        "MẪU NHẬP LIỆU ĐỢT THI ĐUA – HƯỚNG DẪN ĐIỀN",
        "CAMPAIGN IMPORT WORKBOOK – HOW TO FILL IT IN",
    ),
    "template_intro": (
        "Tệp này dùng để nhập dữ liệu của một đợt thi đua vào hệ thống theo dõi thi đua, khen "
        "thưởng. Mỗi bảng dữ liệu nằm trên một trang tính riêng, đặt tên theo bảng (xem phần 3). "
        "Điền dữ liệu từ dòng 2, ngay dưới dòng tiêu đề. Ô tiêu đề nền cam là cột bắt buộc, nền "
        "xanh là cột không bắt buộc; rê chuột vào ô tiêu đề để xem kiểu dữ liệu và quy tắc của "
        "cột. Các cột có danh sách thả xuống lấy giá trị từ trang “Danh mục” (đang ẩn).",
        "This workbook imports the data of one emulation campaign into the campaign tracker. Each "
        "table is on its own sheet, named after the table (see part 3). Sheet names, column "
        "headers and list values stay in Vietnamese: the importer matches them. Fill in data from "
        "row 2, right below the header row. Orange headers are required columns, blue headers are "
        "optional; hover over a header cell to see the column's type and rule. Drop-down lists "
        "take their values from the hidden “Danh mục” (lists) sheet.",
    ),
    # Part headings.
    "template_section_general": ("1. Nguyên tắc chung", "1. General principles"),
    "template_section_rules": ("2. Quy tắc đọc dữ liệu", "2. How the data is read"),
    "template_section_tables": ("3. Các bảng dữ liệu", "3. The data tables"),
    "template_section_lists": ("4. Danh mục dùng chung", "4. Reference lists"),
    # Part 1: one import = one campaign.
    "template_rule_one_campaign": (
        "Mỗi lần nhập là một đợt thi đua: một tệp Excel (.xlsx) có mỗi bảng trên một trang tính, "
        "hoặc một thư mục có mỗi bảng một tệp (.csv hoặc .parquet, đặt tên theo bảng). Trang "
        "“Đợt thi đua” phải có đúng một dòng.",
        "One import is one campaign: one Excel workbook (.xlsx) with a sheet per table, or one "
        "folder with a file per table (.csv or .parquet, named after the table). The “Đợt thi "
        "đua” (campaign) sheet must hold exactly one row.",
    ),
    "template_rule_reimport": (
        "Nhập lại cùng một đợt (cùng Mã đợt) sẽ thay thế toàn bộ dữ liệu cũ của đợt đó trong một "
        "bước duy nhất; dữ liệu của các đợt khác không bị ảnh hưởng.",
        "Importing the same campaign again (same campaign code) replaces all of its previous data "
        "in one single step; the data of other campaigns is left untouched.",
    ),
    "template_rule_history": (
        "Riêng lịch sử xử lý hồ sơ đề nghị khen thưởng được cộng dồn qua các lần nhập: mọi thay "
        "đổi trạng thái đã ghi nhận ở các lần nhập trước của cùng đợt vẫn được giữ lại.",
        "Nomination history is the one thing that accumulates across imports: every status change "
        "recorded by earlier imports of the same campaign is kept.",
    ),
    "template_rule_errors": (
        "Mọi lỗi được kiểm tra trong một lần và liệt kê đầy đủ, mỗi lỗi ghi rõ trang tính (hoặc "
        "tệp), số dòng như trong Excel, tiêu đề cột, giá trị sai và giá trị mong đợi. Chỉ cần có "
        "một lỗi thì không dữ liệu nào được ghi; sửa hết lỗi rồi nhập lại.",
        "All errors are collected in one pass, each with the sheet (or file), the row number as "
        "seen in Excel, the column label, the offending value and what is expected. If there is "
        "any error, nothing is written; fix them all and import again.",
    ),
    # Part 2: reading rules.
    "template_rule_names": (
        "Tên trang tính, tên tệp và tiêu đề cột được nhận theo tên chuẩn (ví dụ unit_code) hoặc "
        "tiêu đề tiếng Việt, không phân biệt chữ hoa, chữ thường, dấu (đ được coi là d), khoảng "
        "trắng, dấu gạch dưới và dấu câu: “Mã đơn vị”, “MA DON VI”, “ma_don_vi” và “unit_code” "
        "là cùng một cột; tệp “Dang ky thi dua.csv” là bảng Đăng ký thi đua.",
        "Sheets, files and columns are found by their canonical name (e.g. unit_code) or their "
        "Vietnamese label, ignoring case, diacritics (đ counts as d), spaces, underscores and "
        "punctuation: “Mã đơn vị”, “MA DON VI”, “ma_don_vi” and “unit_code” are the same column, "
        "and the file “Dang ky thi dua.csv” is the registrations table.",
    ),
    "template_rule_columns": (
        "Thứ tự các cột tùy ý. Cột “STT” và các cột không có trong mẫu được bỏ qua và được nêu "
        "trong phần cảnh báo.",
        "Column order is free. An “STT” (row number) column and unknown columns are ignored and "
        "listed as warnings.",
    ),
    "template_rule_header_row": (
        "Dòng tiêu đề không nhất thiết là dòng 1: phía trên có thể có Quốc hiệu, Tiêu ngữ, tên cơ "
        "quan và tên biểu mẫu (kể cả ô gộp). Dòng tiêu đề là dòng đầu tiên chứa đủ mọi cột bắt "
        "buộc của bảng.",
        "The header need not be row 1: the national motto, the agency name and a merged title may "
        "stand above it. The header row is the first row that holds every required column of the "
        "table.",
    ),
    "template_rule_two_row_header": (
        "Chấp nhận tiêu đề hai dòng (một tiêu đề nhóm gộp ngang qua nhiều cột, bên dưới là tiêu "
        "đề từng cột): mỗi cột lấy tiêu đề ở dòng dưới; nếu ô ở dòng dưới trống hoặc thuộc một ô "
        "gộp dọc thì lấy tiêu đề ở dòng trên.",
        "A two-row header (a group title merged across several columns above their labels) is "
        "read too: each column takes the lower row's label, or the upper row's where the lower "
        "cell is empty or part of a vertical merge.",
    ),
    "template_rule_blank_rows": (
        "Dòng trống hoàn toàn được bỏ qua. Dòng có mọi cột khóa đều trống (khối chữ ký, “Người "
        "lập biểu”, dòng cộng) được bỏ qua và được ghi vào báo cáo nhập liệu: không dòng nào bị "
        "bỏ qua mà không có thông báo.",
        "Fully blank rows are skipped. A row whose key columns are all empty (a signature block, "
        "“Người lập biểu”, a subtotal) is skipped and listed in the import report: no row "
        "disappears without a line in the report.",
    ),
    "template_rule_column_numbers": (
        "Dòng đánh số cột ngay dưới dòng tiêu đề (“(1) (2) (3) …” hoặc “1 2 3 …”) được bỏ qua "
        "và ghi vào báo cáo. Ô tỷ lệ, điểm có thể ghi “90%” hoặc “85,5%”.",
        "A row of column numbers right under the header (“(1) (2) (3) …” or “1 2 3 …”) is "
        "skipped and listed in the report. Percentage and score cells may hold “90%” or “85,5%”.",
    ),
    "template_rule_formulas": (
        "Ô công thức phải có giá trị đã lưu: tệp do phần mềm khác tạo ra mà chưa mở bằng Excel "
        "cần được mở và lưu lại bằng Excel hoặc LibreOffice. Ô báo lỗi (#N/A, #REF!, #DIV/0! …) "
        "được báo kèm vị trí, không bị coi là ô trống.",
        "Formula cells must hold a saved value: a file written by another program and never "
        "opened in Excel must be opened and saved in Excel or LibreOffice. Error cells (#N/A, "
        "#REF!, #DIV/0! …) are reported with their place, never read as blank.",
    ),
    "template_rule_text": (
        "Văn bản được chuẩn hóa về Unicode dựng sẵn (NFC); khoảng trắng ở đầu và cuối ô (kể cả "
        "khoảng trắng không ngắt và ký tự vô hình) bị xóa, nhiều khoảng trắng liền nhau bên "
        "trong được gộp thành một. Các mã được so sánh và lưu dưới dạng chữ in hoa.",
        "Text is normalised to Unicode NFC; leading and trailing whitespace (including "
        "non-breaking spaces and zero-width characters) is removed and inner runs of spaces are "
        "folded into one. Codes are compared and stored upper-case.",
    ),
    "template_rule_csv_encoding": (
        "Tệp CSV được nhận với bảng mã UTF-8 (có hoặc không có BOM), UTF-16 có BOM hoặc "
        "Windows-1258 (bảng mã tiếng Việt của Windows).",
        "CSV files are read in UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1258 "
        "(the Vietnamese Windows code page).",
    ),
    "template_rule_legacy_fonts": (
        "Văn bản gõ bằng bảng mã cũ TCVN3 (ABC, phông chữ .Vn…) hoặc VNI (phông chữ VNI-…) bị "
        "phát hiện và từ chối, hệ thống không đoán. Cách chuyển sang Unicode: mở Unikey, chọn "
        "“Công cụ… [CS+F6]”, đặt Nguồn là TCVN3 (ABC) hoặc VNI Windows, Đích là Unicode; sao "
        "chép (Ctrl+C) vùng dữ liệu, bấm “Chuyển mã”, dán lại (Ctrl+V), rồi đổi phông chữ sang "
        "Times New Roman hoặc Arial.",
        "Text typed in a legacy font encoding, TCVN3 (ABC, “.Vn…” fonts) or VNI (“VNI-…” "
        "fonts), is detected and rejected, never guessed. To convert it to Unicode: open Unikey, "
        "choose “Công cụ… [CS+F6]” (toolkit), set Source to TCVN3 (ABC) or VNI Windows and "
        "Destination to Unicode; copy (Ctrl+C) the data, click “Chuyển mã” (convert), paste it "
        "back (Ctrl+V), then change the font to Times New Roman or Arial.",
    ),
    "template_rule_dates": (
        "Ngày: ghi theo dạng ngày/tháng/năm, ví dụ 01/10/2025, 1/10/2025, 01-10-2025 hoặc “ngày "
        "01 tháng 10 năm 2025”, hoặc dạng ISO 2025-10-01; ô kiểu ngày của Excel và số sê-ri ngày "
        "của Excel (hệ 1900) cũng được nhận. Các cột ngày trong mẫu đã định dạng sẵn dd/mm/yyyy.",
        "Dates: day/month/year, e.g. 01/10/2025, 1/10/2025, 01-10-2025 or “ngày 01 tháng 10 năm "
        "2025”, or ISO 2025-10-01; real Excel date cells and Excel serial numbers (1900 system) "
        "are read too. The template's date columns are pre-formatted dd/mm/yyyy.",
    ),
    "template_rule_day_first": (
        "Luôn đọc ngày trước, tháng sau: 03/04/2025 là ngày 3 tháng 4 năm 2025, không phải ngày "
        "4 tháng 3.",
        "Always day first: 03/04/2025 is 3 April 2025, not 4 March.",
    ),
    "template_rule_impossible_dates": (
        "Ngày không có thật (ví dụ 31/02/2025) là lỗi, không được tự sửa.",
        "An impossible date (e.g. 31/02/2025) is an error; it is never corrected silently.",
    ),
    "template_rule_months": (
        "Kỳ đánh giá (tháng): ghi 2025-10, 10/2025, “Tháng 10/2025”, “T10/2025” hoặc một ngày bất "
        "kỳ (lấy tháng của ngày đó); kỳ được lưu là ngày đầu tháng. Cột Kỳ đánh giá đã định dạng "
        "sẵn mm/yyyy.",
        "Evaluation period (month): 2025-10, 10/2025, “Tháng 10/2025”, “T10/2025” or any date "
        "(its month is taken); it is stored as the first day of the month. The period column is "
        "pre-formatted mm/yyyy.",
    ),
    "template_rule_results": (
        "Kết quả: là “Đạt” khi ghi {met}; là “Không đạt” khi ghi {not_met}. Để trống nghĩa là "
        "chưa đánh giá: được tính là còn thiếu, không bao giờ tính là không đạt.",
        "Results: met (“Đạt”) when written {met}; not met (“Không đạt”) when written {not_met}. "
        "Blank means not yet evaluated: it counts as missing, never as not met.",
    ),
    "template_rule_subjects": (
        "Đối tượng: “Tập thể” (hoặc tap_the, unit) là một đơn vị, Mã đối tượng khi đó là Mã đơn "
        "vị; “Cá nhân” (hoặc ca_nhan, staff) là một cán bộ, Mã đối tượng khi đó là Mã cán bộ.",
        "Subject type: “Tập thể” (or tap_the, unit) is a unit, and the subject code is then a "
        "unit code; “Cá nhân” (or ca_nhan, staff) is a staff member, and the subject code is then "
        "a staff code.",
    ),
    "template_rule_fixed_values": (
        "Giá trị trong danh mục cố định (đối tượng, kết quả, hình thức khen thưởng, trạng thái, "
        "giới tính, loại cán bộ) được so khớp như tên cột, không phân biệt chữ hoa, chữ thường, "
        "dấu, khoảng trắng, dấu gạch dưới và dấu câu, với mã hoặc tên ở phần 4: “TAP THE”, “tập "
        "thể” và “Tập thể” là một; “ĐẠT” và “đạt” đều là “Đạt”. Danh sách thả xuống chỉ để chọn "
        "cho nhanh; vẫn có thể gõ mã (ví dụ BKCT, da_trinh).",
        "Values from a fixed list (subject type, result, award form, status, gender, staff type) "
        "are matched like names, ignoring case, diacritics, spaces, underscores and punctuation, "
        "against the codes and labels of part 4: “TAP THE”, “tập thể” and “Tập thể” are one "
        "value; “ĐẠT” and “đạt” are “Đạt”. The drop-down lists are a convenience; codes (e.g. "
        "BKCT, da_trinh) may be typed as well.",
    ),
    # Part 4: reference lists.
    "template_list_awards": (
        "4.1. Hình thức khen thưởng (cột Hình thức khen thưởng ghi tên hoặc mã)",
        "4.1. Award forms (the award column takes the label or the code)",
    ),
    "template_list_statuses": (
        "4.2. Trạng thái hồ sơ, theo thứ tự xử lý (cột Trạng thái ghi tên hoặc mã)",
        "4.2. Nomination statuses, in pipeline order (the status column takes the label or the "
        "code)",
    ),
    "template_list_subjects": ("4.3. Đối tượng", "4.3. Subject types"),
    "template_list_results": ("4.4. Kết quả đánh giá", "4.4. Evaluation results"),
    "template_list_genders": ("4.5. Giới tính", "4.5. Genders"),
    "template_list_staff_types": ("4.6. Loại cán bộ", "4.6. Staff types"),
    "template_list_unit_types": ("4.7. Loại đơn vị (gợi ý)", "4.7. Unit types (suggested)"),
    "template_h_code": ("Mã", "Code"),
    "template_h_order": ("Thứ tự", "Order"),
    "template_h_award_label": ("Tên hình thức (ghi đúng như sau)", "Label (exact text)"),
    "template_h_status_label": ("Tên trạng thái (ghi đúng như sau)", "Label (exact text)"),
    "template_h_decided_by": ("Thẩm quyền quyết định", "Decided by"),
    "template_h_level": ("Cấp", "Level"),
    "template_h_english": ("Tên tiếng Anh", "English name"),
    "template_h_final": ("Kết thúc", "Final"),
    "template_h_meaning": ("Ý nghĩa", "Meaning"),
    "template_h_value": ("Giá trị", "Value"),
    "template_h_accepted": ("Cách ghi được nhận", "Accepted forms"),
    "template_level_central": ("Trung ương", "Central"),
    "template_level_province": ("Tỉnh", "Province"),
    "template_level_office": ("Cơ quan", "Office"),
    "template_final_yes": ("Kết quả cuối cùng", "Final outcome"),
    "template_final_no": ("", ""),
    "template_decided_by_HCLD1": ("Chủ tịch nước", "President of the State"),
    "template_decided_by_HCLD2": ("Chủ tịch nước", "President of the State"),
    "template_decided_by_HCLD3": ("Chủ tịch nước", "President of the State"),
    "template_decided_by_BKTTG": ("Thủ tướng Chính phủ", "Prime Minister"),
    "template_decided_by_BKCT": (
        "Chủ tịch UBND tỉnh", "Chairman of the Provincial People's Committee",
    ),
    "template_decided_by_GKVP": ("Chánh Văn phòng", "Chief of the Office"),
    "template_status_meaning_de_xuat": (
        "Đơn vị đề xuất; Phòng HCQT đang tổng hợp",
        "The unit proposed it; the HCQT office is consolidating",
    ),
    "template_status_meaning_hoi_dong": (
        "Trình Hội đồng Thi đua – Khen thưởng cơ quan xét",
        "Before the Office's emulation and awards council",
    ),
    "template_status_meaning_da_trinh": (
        "Đã trình tỉnh; Sở Nội vụ đang thẩm định",
        "Sent to the province; the Department of Home Affairs is appraising",
    ),
    "template_status_meaning_trinh_tw": (
        "Đã trình Trung ương (Bằng khen Thủ tướng, Huân chương)",
        "Sent on to the central level (Prime Minister's certificate, Labour Orders)",
    ),
    "template_status_meaning_tra_lai": (
        "Bị trả lại để bổ sung hồ sơ; chưa phải kết quả cuối cùng",
        "Returned for completion; not final",
    ),
    "template_status_meaning_da_khen_thuong": (
        "Đã có quyết định khen thưởng (kết quả cuối cùng)", "Awarded (final)",
    ),
    "template_status_meaning_khong_khen_thuong": (
        "Không khen thưởng (kết quả cuối cùng)", "Not awarded (final)",
    ),
    "template_subject_meaning_tap_the": (
        "Một đơn vị; Mã đối tượng là Mã đơn vị", "A unit; the subject code is a unit code",
    ),
    "template_subject_meaning_ca_nhan": (
        "Một cán bộ; Mã đối tượng là Mã cán bộ",
        "A staff member; the subject code is a staff code",
    ),
    "template_result_blank": ("(để trống)", "(blank)"),
    "template_result_blank_accepted": ("Ô trống", "An empty cell"),
    "template_result_meaning_met": ("Đạt tiêu chí", "Criterion met"),
    "template_result_meaning_not_met": ("Không đạt tiêu chí", "Criterion not met"),
    "template_result_meaning_blank": (
        "Chưa đánh giá: tính là còn thiếu, không tính là không đạt",
        "Not yet evaluated: counted as missing, never as not met",
    ),
    "template_case_note": (
        "không phân biệt chữ hoa, chữ thường", "case is ignored",
    ),
    # Header cell comments and data validation messages on the data sheets.
    "template_comment": ("{required}\nKiểu: {type}\n{rule}", "{required}\nType: {type}\n{rule}"),
    "template_dv_list_title": ("Giá trị ngoài danh sách", "Value not in the list"),
    "template_dv_list_message": (
        "Giá trị này không có trong danh sách thả xuống. Hệ thống vẫn nhận mã và các cách ghi "
        "tương đương (xem trang Hướng dẫn). Vẫn giữ giá trị này?",
        "This value is not in the drop-down list. Codes and equivalent spellings are still "
        "accepted (see the instructions sheet). Keep this value?",
    ),
    "template_dv_pct_title": ("Số từ 0 đến 100", "Number from 0 to 100"),
    "template_dv_pct_message": (
        "Nhập một số từ 0 đến 100.", "Enter a number from 0 to 100.",
    ),
    "template_dv_date_input_title": ("Ngày (dd/mm/yyyy)", "Date (dd/mm/yyyy)"),
    "template_dv_date_input_message": (
        "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 01/10/2025.",
        "Enter the date day first, e.g. 01/10/2025.",
    ),
    "template_dv_date_title": ("Không phải ngày", "Not a date"),
    "template_dv_date_message": (
        "Excel không nhận ra đây là ngày. Hãy ghi dạng dd/mm/yyyy, ví dụ 01/10/2025. Vẫn giữ "
        "giá trị này?",
        "Excel does not see a date here. Write it as dd/mm/yyyy, e.g. 01/10/2025. Keep this "
        "value?",
    ),
    "template_dv_month_input_title": ("Tháng (mm/yyyy)", "Month (mm/yyyy)"),
    "template_dv_month_input_message": (
        "Nhập tháng đánh giá, ví dụ 10/2025.", "Enter the month evaluated, e.g. 10/2025.",
    ),
    "template_dv_month_message": (
        "Excel không nhận ra đây là tháng. Hãy ghi dạng mm/yyyy, ví dụ 10/2025. Vẫn giữ giá trị "
        "này?",
        "Excel does not see a month here. Write it as mm/yyyy, e.g. 10/2025. Keep this value?",
    ),
}

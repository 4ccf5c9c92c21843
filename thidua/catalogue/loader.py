"""Words of the import: the error report, warnings and the command line of ``thidua load``."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Where a problem is.
    "loc_sheet": ("Trang «{origin}»", "Sheet '{origin}'"),
    "loc_file": ("Tệp «{origin}»", "File '{origin}'"),
    "loc_row": ("dòng {row}", "row {row}"),
    "loc_column": ("cột «{column}»", "column '{column}'"),
    "value_was": ("giá trị «{value}»", "value '{value}'"),
    "in_sheet": ("trang «{origin}»", "the sheet '{origin}'"),
    "in_file": ("tệp «{origin}»", "the file '{origin}'"),
    # What is expected, per column type.
    "expect_code": ("cần một mã", "expected a code"),
    "expect_text": ("cần nội dung chữ", "expected text"),
    "expect_date": (
        "cần một ngày có thật, ví dụ 01/10/2025, 2025-10-01 hoặc «ngày 01 tháng 10 năm 2025»",
        "expected a real date, e.g. 01/10/2025, 2025-10-01 or 'ngày 01 tháng 10 năm 2025'"),
    "expect_month": ("cần một tháng, ví dụ 10/2025, 2025-10 hoặc «Tháng 10/2025»",
                     "expected a month, e.g. 10/2025, 2025-10 or 'Tháng 10/2025'"),
    "expect_number": ("cần một số", "expected a number"),
    "expect_pct": ("cần một số từ 0 đến 100", "expected a number from 0 to 100"),
    "expect_result": (
        "cần «Đạt» (hoặc Có, x, ✓, 1) hoặc «Không đạt» (hoặc Chưa đạt, Không, 0); để trống nếu "
        "chưa đánh giá",
        "expected 'Đạt' (or Có, x, ✓, 1, yes) or 'Không đạt' (or Chưa đạt, Không, 0, no); leave "
        "blank if not yet evaluated"),
    "expect_subject": ("cần «Tập thể» hoặc «Cá nhân»", "expected 'Tập thể' or 'Cá nhân'"),
    "expect_award": ("cần một hình thức khen thưởng trong danh mục: {choices}",
                     "expected an award form of the list: {choices}"),
    "expect_status": ("cần một trạng thái trong danh mục: {choices}",
                      "expected a status of the list: {choices}"),
    "expect_gender": ("cần «Nam» hoặc «Nữ»", "expected 'Nam' or 'Nữ'"),
    "expect_staff_type": ("cần «Công chức», «Viên chức» hoặc «Người lao động»",
                          "expected 'Công chức', 'Viên chức' or 'Người lao động'"),
    # Problems.
    "issue_required": ("ô này bắt buộc nhưng đang để trống", "this cell is required but empty"),
    "issue_bad_value": ("không đọc được giá trị «{value}»: {expected}",
                        "cannot read the value '{value}': {expected}"),
    "issue_duplicate_key": ("trùng khoá «{value}» với dòng {detail}",
                            "the key '{value}' repeats row {detail}"),
    "issue_unknown_reference": ("mã «{value}» không có trong {detail}",
                                "the code '{value}' is not in {detail}"),
    "issue_parent_unit_unknown": (
        "đơn vị cấp trên «{value}» không có trong danh sách đơn vị của tệp này",
        "the parent unit '{value}' is not a unit of this file"),
    "issue_parent_unit_self": ("đơn vị «{value}» không thể là cấp trên của chính nó",
                               "the unit '{value}' cannot be its own parent unit"),
    "issue_parent_unit_cycle": (
        "đơn vị cấp trên «{value}» tạo thành vòng lặp: {detail}; cần sửa để mỗi đơn vị có một "
        "đường lên cấp cao nhất",
        "the parent unit '{value}' makes a loop: {detail}; every unit needs a way up to a "
        "top-level unit"),
    "issue_unknown_subject_tap_the": ("mã «{value}» không phải là mã đơn vị (đối tượng Tập thể)",
                                      "'{value}' is no unit code (subject type Tập thể)"),
    "issue_unknown_subject_ca_nhan": ("mã «{value}» không phải là mã cán bộ (đối tượng Cá nhân)",
                                      "'{value}' is no staff code (subject type Cá nhân)"),
    "issue_legacy_font": (
        "văn bản gõ bằng phông chữ cũ TCVN3 (ABC) hoặc VNI, ví dụ «{value}» ({detail} ô). Hãy "
        "chuyển sang Unicode (ví dụ Unikey → Công cụ chuyển mã, nguồn TCVN3 hoặc VNI, đích "
        "Unicode) rồi nhập lại",
        "text typed in a legacy Vietnamese font, TCVN3 (ABC) or VNI, e.g. '{value}' ({detail} "
        "cells). Convert it to Unicode (e.g. Unikey's converter, source TCVN3 or VNI, target "
        "Unicode) and import again"),
    "issue_legacy_font_sheet": (
        "tiêu đề cột gõ bằng phông chữ cũ TCVN3 (ABC) hoặc VNI nên không nhận ra được. Hãy "
        "chuyển sang Unicode (ví dụ Unikey → Công cụ chuyển mã) rồi nhập lại",
        "the column headers are typed in a legacy font, TCVN3 (ABC) or VNI, and cannot be "
        "recognised. Convert to Unicode (e.g. Unikey's converter) and import again"),
    "issue_campaign_rows": ("trang đợt thi đua phải có đúng 1 dòng, đang có {detail}",
                            "the campaign sheet must hold exactly 1 row, it has {detail}"),
    "issue_end_before_start": ("ngày kết thúc {value} trước ngày bắt đầu {detail}",
                               "the end date {value} is before the start date {detail}"),
    "issue_criterion_wrong_subject": (
        "tiêu chí «{value}» dành cho {applies_to}, không dùng để đánh giá {subject}",
        "criterion '{value}' applies to {applies_to}, not to {subject}"),
    "issue_status_before_proposal": ("ngày trạng thái {value} trước ngày đề nghị {detail}",
                                     "the status date {value} is before the proposal date "
                                     "{detail}"),
    "issue_event_before_proposal": ("ngày {value} trước ngày đề nghị {detail} của hồ sơ",
                                    "the date {value} is before the nomination's proposal date "
                                    "{detail}"),
    "issue_events_disagree": (
        "trạng thái «{value}» khác với bước cuối cùng trong trang tiến trình hồ sơ «{detail}»",
        "the status '{value}' differs from the latest step in the events sheet '{detail}'"),
    "issue_registration_outside_window": (
        "ngày đăng ký {value} nằm ngoài thời gian của đợt thi đua ({detail})",
        "the registration date {value} is outside the campaign window ({detail})"),
    "issue_awarded_without_decision": (
        "hồ sơ «{value}» đã có quyết định khen thưởng nhưng chưa ghi số quyết định",
        "nomination '{value}' is awarded but has no decision number"),
    "issue_missing_column": (
        "thiếu cột bắt buộc «{column}» (không tìm thấy dòng tiêu đề có đủ các cột bắt buộc)",
        "the required column '{column}' is missing (no header row holds every required column)"),
    "issue_duplicate_column": ("cột «{column}» trùng nghĩa với cột «{detail}»",
                               "the column '{column}' means the same as the column '{detail}'"),
    "issue_unknown_column": ("cột «{column}» không thuộc mẫu, đã bỏ qua",
                             "the column '{column}' is not part of the template, ignored"),
    "issue_stt_column": ("cột số thứ tự «{column}» đã bỏ qua",
                         "the row-number column '{column}' is ignored"),
    "issue_skipped_row": ("dòng không có mã (ví dụ dòng ký tên, cộng), đã bỏ qua: «{value}»",
                          "a row without its key (e.g. a signature or total), skipped: '{value}'"),
    "issue_column_numbers_row": (
        "dòng đánh số cột (1), (2), (3)… dưới tiêu đề, không phải dữ liệu, đã bỏ qua: «{value}»",
        "the row of column numbers (1), (2), (3)… under the header is no data, skipped: "
        "'{value}'"),
    "issue_formula_no_value": (
        "ô có công thức nhưng chưa có giá trị đã tính (tệp do một chương trình tạo ra và chưa "
        "từng được mở bằng Excel). Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi nhập lại",
        "the cell holds a formula without a saved value (the file was written by a program and "
        "never opened in Excel). Open the file in Excel or LibreOffice, save it and import "
        "again"),
    "issue_error_value": (
        "ô có giá trị lỗi «{value}» của công thức, không phải dữ liệu. Hãy sửa công thức (hoặc "
        "nhập giá trị) trong Excel rồi nhập lại",
        "the cell holds the formula error '{value}', not data. Fix the formula (or type the "
        "value) in Excel and import again"),
    "issue_undecodable": (
        "tệp CSV có byte không đọc được theo bảng mã Windows-1258 (hiện thành «�»): «{value}». "
        "Hãy lưu tệp dưới dạng CSV UTF-8 (Excel: Lưu thành → CSV UTF-8) rồi nhập lại",
        "the CSV file holds bytes that Windows-1258 cannot decode (shown as '�'): '{value}'. "
        "Save the file as CSV UTF-8 (Excel: Save As → CSV UTF-8) and import again"),
    "issue_unknown_sheet": ("trang không thuộc mẫu nhập liệu, đã bỏ qua",
                            "not a sheet of the import template, ignored"),
    "issue_unknown_file": ("tệp không thuộc mẫu nhập liệu, đã bỏ qua",
                           "not a file of the import template, ignored"),
    "issue_duplicate_sheet": ("bảng này đã có ở «{detail}»",
                              "this table is already given by '{detail}'"),
    "issue_missing_table": ("thiếu trang (hoặc tệp) «{value}»",
                            "the sheet (or file) '{value}' is missing"),
    # Input that cannot be read at all (exit code 2).
    "unreadable_missing": ("Không tìm thấy «{path}».", "'{path}' does not exist."),
    "unreadable_empty": ("Tệp «{path}» rỗng, không có dữ liệu.", "The file '{path}' is empty."),
    "unreadable_empty_folder": (
        "Thư mục «{path}» không có tệp .csv hoặc .parquet nào.",
        "The folder '{path}' holds no .csv or .parquet file."),
    "unreadable_kind": (
        "«{path}» không phải sổ tính Excel (.xlsx) hay thư mục tệp CSV/Parquet.",
        "'{path}' is not an Excel workbook (.xlsx) nor a folder of CSV/Parquet files."),
    "unreadable_workbook": (
        "Không mở được «{path}» như một sổ tính Excel: tệp hỏng hoặc không phải bảng tính "
        "({reason}).",
        "Cannot open '{path}' as a workbook: the file is damaged or not a spreadsheet "
        "({reason})."),
    "unreadable_file": ("Không đọc được «{path}»: {reason}.", "Cannot read '{path}': {reason}."),
    # Hostile and broken files (ingest/limits.py, ingest/sandbox.py), codes that are not plain.
    "issue_unplain_code": (
        "mã «{value}» có ký tự điều khiển, ký tự đảo chiều văn bản hoặc biểu tượng cảm xúc "
        "(hiện ở đây dạng U+…); mã chỉ gồm chữ, số và dấu. Hãy gõ lại mã",
        "the code '{value}' holds a control, bidi or emoji character (shown here as U+…); a code "
        "holds only letters, digits and punctuation. Type the code again"),
    "issue_too_long": (
        "ô dài hơn 32.767 ký tự, giới hạn của một ô Excel: «{value}»",
        "the cell is longer than 32,767 characters, the limit of an Excel cell: '{value}'"),
    "issue_hidden_sheet": (
        "trang này đang bị ẩn trong Excel; dữ liệu của trang vẫn được đọc và nhập",
        "this sheet is hidden in Excel; its data is still read and imported"),
    "issue_very_hidden_sheet": (
        "trang này bị ẩn sâu (very hidden, chỉ hiện lại được bằng VBA); dữ liệu của trang vẫn "
        "được đọc và nhập",
        "this sheet is very hidden (only VBA can show it again); its data is still read and "
        "imported"),
    "issue_more_issues": ("… và {value} vấn đề nữa cùng loại với dòng trên",
                          "… and {value} more of the same kind as above"),
    "unreadable_too_large": (
        "Tệp «{path}» quá lớn: giải nén ra {mb} MB, vượt giới hạn {limit} MB (thiết lập "
        "THIDUA_MAX_UNZIPPED_MB).",
        "The file '{path}' is too large: it expands to {mb} MB, over the limit of {limit} MB "
        "(setting THIDUA_MAX_UNZIPPED_MB)."),
    "unreadable_zip_bomb": (
        "Tệp «{path}» quá lớn hoặc hỏng: một phần của tệp giải nén ra {mb} MB, nén tới {ratio} "
        "lần (quá {limit} lần là dấu hiệu của tệp độc hại). Không đọc tệp này.",
        "The file '{path}' is too large or damaged: one part expands to {mb} MB, compressed "
        "{ratio} times (over {limit} times is the mark of a hostile file). It is not read."),
    "unreadable_too_many_cells": (
        "Tệp «{path}» quá lớn hoặc hỏng: trang «{sheet}» dùng tới dòng {rows}, cột thứ {cols}, "
        "vượt giới hạn {max_rows} dòng và {max_cols} cột. Hãy xoá các ô thừa nằm xa bảng, lưu "
        "lại rồi nhập lại.",
        "The file '{path}' is too large or damaged: the sheet '{sheet}' reaches row {rows} and "
        "column {cols}, beyond the limits of {max_rows} rows and {max_cols} columns. Delete the "
        "stray cells far from the table, save and import again."),
    "unreadable_encrypted": (
        "Tệp «{path}» được đặt mật khẩu (mã hoá) nên không đọc được. Hãy mở bằng Excel, bỏ mật "
        "khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hoá bằng mật khẩu), lưu lại rồi nhập "
        "lại.",
        "The file '{path}' is protected by a password (encrypted) and cannot be read. Open it in "
        "Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password), "
        "save and import again."),
    "unreadable_html": (
        "Tệp «{path}» thực chất là một trang web (HTML), không phải sổ tính Excel, dù có đuôi "
        "«{suffix}». Hãy mở bằng Excel rồi Lưu thành → Sổ làm việc Excel (.xlsx) và nhập lại.",
        "The file '{path}' is really a web page (HTML), not an Excel workbook, although it is "
        "named '{suffix}'. Open it in Excel, Save As → Excel Workbook (.xlsx) and import again."),
    "unreadable_rtf": (
        "Tệp «{path}» thực chất là văn bản RTF (Word), không phải sổ tính Excel, dù có đuôi "
        "«{suffix}». Hãy chép bảng sang Excel, lưu thành .xlsx rồi nhập lại.",
        "The file '{path}' is really an RTF (Word) document, not an Excel workbook, although "
        "it is named '{suffix}'. Copy the table into Excel, save as .xlsx and import again."),
    "unreadable_pdf": (
        "Tệp «{path}» thực chất là tệp PDF, không phải sổ tính Excel, dù có đuôi «{suffix}». "
        "Hãy nhập bằng tệp Excel gốc (.xlsx).",
        "The file '{path}' is really a PDF, not an Excel workbook, although it is named "
        "'{suffix}'. Import the original Excel file (.xlsx)."),
    "reason_text": (
        "đây là một tệp văn bản, có thể là CSV; các tệp CSV cần để trong một thư mục, mỗi bảng "
        "một tệp",
        "it is a text file, perhaps CSV; CSV files go in a folder, one file per table"),
    "reason_unknown": ("không nhận ra định dạng của tệp", "the file's format is not recognised"),
    "reason_damaged_zip": (
        "tệp .xlsx bị cắt cụt hoặc hỏng, ví dụ tải về chưa hết",
        "the .xlsx package is truncated or damaged, e.g. an unfinished download"),
    "reason_damaged_ole": (
        "tệp Office cũ nhưng không phải sổ tính Excel 97–2003 (.xls) đọc được",
        "an old Office file, but no readable Excel 97–2003 (.xls) workbook"),
    "reason_csv_field": (
        "một ô dài quá 16 triệu ký tự hoặc dấu ngoặc kép không đóng",
        "a field longer than 16 million characters or an unclosed quote"),
    "reason_damaged_parquet": ("tệp Parquet hỏng", "the Parquet file is damaged"),
    "unreadable_isolated": (
        "Tệp «{path}» quá lớn hoặc hỏng: {limit}. Chưa ghi gì vào cơ sở dữ liệu.",
        "The file '{path}' is too large or damaged: {limit}. Nothing was written."),
    "unreadable_memory": (
        "Tệp «{path}» cần nhiều bộ nhớ hơn mức một lần nhập được dùng ({mb} MB). Chưa ghi gì "
        "vào cơ sở dữ liệu. Hãy gửi các bảng dưới dạng thư mục tệp CSV (mỗi trang tính một "
        "tệp), hoặc đề nghị quản trị viên nâng thiết lập THIDUA_IMPORT_MEMORY_MB.",
        "The file '{path}' needs more memory than an import may use ({mb} MB). Nothing was "
        "written. Send its tables as a folder of CSV files (one file per sheet), or ask the "
        "administrator to raise the setting THIDUA_IMPORT_MEMORY_MB."),
    "limit_memory": ("việc đọc cần quá {mb} MB bộ nhớ", "reading it needs more than {mb} MB of "
                     "memory"),
    "limit_time": ("việc đọc kéo dài quá {seconds} giây", "reading it takes more than "
                   "{seconds} seconds"),
    "limit_crash": ("trình đọc dừng đột ngột (mã {code})", "the reader stopped abruptly "
                    "(code {code})"),
    # The command line.
    "progress_reading": ("Đang đọc tệp", "Reading the file"),
    "progress_rows_read": ("Đang đọc tệp: đã đọc {rows} dòng", "Reading the file: {rows} rows "
                           "read"),
    "progress_checking": ("Đang kiểm tra", "Checking"),
    "progress_writing": ("Đang ghi", "Writing"),
    "progress_done": ("Xong", "Done"),
    "load_imported": ("Đã nhập đợt «{campaign}» từ «{file}» (lần nhập #{import_id}).",
                      "Imported campaign '{campaign}' from '{file}' (import #{import_id})."),
    "load_unchanged": (
        "«{file}» giống hệt lần nhập trước của đợt «{campaign}»: không có gì thay đổi.",
        "'{file}' is identical to the last import of campaign '{campaign}': nothing changed."),
    "load_rejected": (
        "Không nhập «{file}»: có {errors} lỗi. Chưa ghi gì vào cơ sở dữ liệu; sửa các lỗi dưới "
        "đây rồi nhập lại.",
        "'{file}' was not imported: {errors} errors. Nothing was written; fix the errors below "
        "and import again."),
    "load_unreadable": ("Không nhập được: {message}", "Cannot import: {message}"),
    "load_more_issues": ("… và {n} dòng nữa (xem đủ trong bảng imports).",
                         "… and {n} more (see the imports table for all)."),
    # A database that cannot be written (exit code 2): the data stays as it was.
    "load_failed": ("Chưa nhập được, dữ liệu cũ vẫn nguyên vẹn: {message}",
                    "Not imported, the data is as it was: {message}"),
    "store_db_read_only": (
        "tệp cơ sở dữ liệu «{path}» chỉ cho phép đọc nên không được thay. Hãy cấp quyền ghi "
        "cho tệp (hoặc chọn tệp khác bằng --db) rồi nhập lại.",
        "the database file '{path}' is read-only, so it was not replaced. Make it writable (or "
        "choose another file with --db) and import again."),
    "store_folder_read_only": (
        "không ghi được vào thư mục «{path}» (chỉ cho phép đọc). Hãy cấp quyền ghi cho thư mục "
        "rồi nhập lại.",
        "the folder '{path}' cannot be written (read-only). Make it writable and import again."),
    "store_disk_full": (
        "ổ đĩa chứa «{path}» đã đầy; bản sao dở dang đã được xoá. Hãy giải phóng dung lượng "
        "rồi nhập lại.",
        "the disk holding '{path}' is full; the partial copy was removed. Free some space and "
        "import again."),
    "store_write_failed": ("không ghi được «{path}»: {reason}.",
                           "cannot write '{path}': {reason}."),
    "lock_waiting": (
        "Đang chờ lần nhập «{file}» của người dùng {user} (pid {pid}) xong…",
        "Waiting for the import of '{file}' by user {user} (pid {pid})…"),
    "lock_timeout": (
        "lần nhập «{file}» của người dùng {user} (pid {pid}) vẫn chưa xong sau {seconds} giây. "
        "Hãy thử lại khi lần nhập đó kết thúc.",
        "the import of '{file}' by user {user} (pid {pid}) was still running after {seconds} "
        "seconds. Try again when it has finished."),
    "unreadable_csv_field": (
        "tệp «{path}» có một ô dài hơn {limit} ký tự (Excel cho phép tối đa 32.767), không đọc "
        "được.",
        "the file '{path}' holds a cell longer than {limit} characters (Excel allows 32,767), "
        "it cannot be read."),
    # An import that would remove most of a table's rows (exit code 3).
    "load_needs_confirmation": (
        "Chưa nhập «{file}»: lần nhập này sẽ xoá phần lớn dữ liệu của đợt «{campaign}» — "
        "{tables}. Dữ liệu cũ vẫn nguyên vẹn.",
        "'{file}' was not imported: it would remove most of campaign '{campaign}''s rows — "
        "{tables}. The data is as it was."),
    "load_mass_removal_table": ("bảng «{table}» từ {before} dòng còn {after} dòng",
                                "table '{table}' from {before} rows to {after}"),
    "load_replace_all_hint": (
        "Nếu đúng là muốn thay toàn bộ, nhập lại với --replace-all.",
        "If replacing them all is intended, load again with --replace-all."),
    # Kept versions: thidua imports, thidua restore.
    "versions_title": ("Các phiên bản đã lưu của «{path}»", "Kept versions of '{path}'"),
    "versions_none": ("Chưa có phiên bản nào được lưu của «{path}».",
                      "No version of '{path}' is kept yet."),
    "versions_hint": (
        "Mỗi phiên bản là dữ liệu ngay trước thay đổi được ghi; «thidua restore SỐ» đưa nó trở "
        "lại.",
        "Each version is the data just before the change listed; 'thidua restore ID' puts it "
        "back."),
    "col_version": ("Số", "ID"),
    "col_saved_at": ("Lưu lúc", "Saved at"),
    "col_file": ("Tệp", "File"),
    "col_campaign": ("Đợt", "Campaign"),
    "col_change": ("Thay đổi", "Change"),
    "version_imported": ("lần nhập #{import_id}", "import #{import_id}"),
    "version_restored": ("khôi phục phiên bản {restored_from}",
                         "restore of version {restored_from}"),
    "restore_unknown": ("Không có phiên bản {version} của «{path}» (xem «thidua imports»).",
                        "There is no version {version} of '{path}' (see 'thidua imports')."),
    "restore_done": (
        "Đã khôi phục phiên bản {version} vào «{path}» (ghi nhận là lần nhập #{import_id}); dữ "
        "liệu vừa bị thay được lưu thành phiên bản {kept}.",
        "Restored version {version} into '{path}' (recorded as import #{import_id}); the data it "
        "replaced is kept as version {kept}."),
    "col_table": ("Bảng", "Table"),
    "col_rows": ("Số dòng", "Rows"),
    "col_where": ("Vị trí", "Where"),
    "col_problem": ("Vấn đề", "Problem"),
    "title_errors": ("Lỗi", "Errors"),
    "title_warnings": ("Cảnh báo", "Warnings"),
    "title_rows": ("Số dòng đã nhập", "Rows imported"),
}

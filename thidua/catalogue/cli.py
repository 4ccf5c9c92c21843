"""Words of the ``thidua`` command line beyond the import report (those are ``loader``'s)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # Options and inputs the command refuses (exit code 2).
    "cli_bad_choice": ("{option} phải là {choices}, không phải «{value}».",
                       "{option} must be {choices}, not '{value}'."),
    "cli_bad_day": ("«{value}»: cần một ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY.",
                    "'{value}': expected a date as YYYY-MM-DD or DD/MM/YYYY."),
    "cli_or": ("hoặc", "or"),
    "cli_no_database": ("Chưa có cơ sở dữ liệu «{path}»: hãy chạy `thidua load` trước.",
                        "No database at '{path}': run `thidua load` first."),
    "cli_unknown_campaign": ("Không có đợt thi đua «{code}» trong «{path}».",
                             "Unknown campaign '{code}' in '{path}'."),
    "cli_no_campaign": ("Cơ sở dữ liệu «{path}» chưa có đợt thi đua nào: hãy chạy `thidua load`.",
                        "The database '{path}' holds no campaign yet: run `thidua load`."),
    # thidua summary (without --json).
    "summary_heading": ("{campaign} · số liệu đến ngày {as_of} · kỳ đánh giá {period}",
                        "{campaign} · as of {as_of} · period {period}"),
    "summary_participation": (
        "Cán bộ tham gia {staff_registered}/{staff_total} ({staff_pct}) · Đơn vị tham gia "
        "{units_registered}/{units_total} ({units_pct})",
        "Staff taking part {staff_registered}/{staff_total} ({staff_pct}) · Units taking part "
        "{units_registered}/{units_total} ({units_pct})"),
    "summary_col_unit": ("Đơn vị", "Unit"),
    "summary_col_staff": ("Cán bộ", "Staff"),
    "summary_col_registered": ("Đã đăng ký", "Registered"),
    "summary_col_collective": ("Tập thể đạt", "Collective met"),
    "summary_col_individual": ("Cá nhân đạt", "Individual met"),
    "summary_col_complete": ("Đầy đủ đánh giá", "Completeness"),
    "summary_nominations": ("Hồ sơ khen thưởng: {total} ({by_status})",
                            "Nominations: {total} ({by_status})"),
    "summary_status_count": ("{status}: {n}", "{status}: {n}"),
    "summary_no_nominations": ("Chưa có hồ sơ khen thưởng nào.", "No nominations yet."),
    # thidua load, when the file is rejected (English counts one error and several errors).
    "cli_load_rejected_one": (
        "Không nhập «{file}»: có 1 lỗi. Chưa ghi gì vào cơ sở dữ liệu; sửa lỗi dưới đây rồi "
        "nhập lại.",
        "'{file}' was not imported: 1 error. Nothing was written; fix the error below and "
        "import again."),
    "cli_load_rejected_many": (
        "Không nhập «{file}»: có {errors} lỗi. Chưa ghi gì vào cơ sở dữ liệu; sửa các lỗi dưới "
        "đây rồi nhập lại.",
        "'{file}' was not imported: {errors} errors. Nothing was written; fix the errors below "
        "and import again."),
    # thidua serve.
    "serve_loading_sample": ("Cơ sở dữ liệu «{path}» còn trống: đang nạp dữ liệu mẫu «{sample}».",
                             "Empty database '{path}': loading the sample '{sample}'."),
    "serve_address": ("thidua: {url}  (cơ sở dữ liệu «{path}»)",
                      "thidua: {url}  (database '{path}')"),
}

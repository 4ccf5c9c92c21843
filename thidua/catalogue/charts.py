"""Words of the charts: series names, axis titles, hover lines and notes drawn on the figures.

Numbers arrive formatted by thidua.formats ({pct} already carries its "%" sign).
"""

MESSAGES: dict[str, tuple[str, str]] = {
    "chart_no_data": ("Chưa có dữ liệu", "No data yet"),
    "chart_unknown": ("Không rõ", "Unknown"),
    "chart_target": ("Chỉ tiêu {pct}", "Target {pct}"),
    # Participation.
    "chart_registered": ("Đã đăng ký", "Registered"),
    "chart_not_registered": ("Chưa đăng ký", "Not registered"),
    "chart_axis_participation_pct": ("Tỷ lệ tham gia (%)", "Participation (%)"),
    "chart_axis_cumulative_pct": ("Tỷ lệ đã đăng ký, lũy kế (%)",
                                  "Registered, cumulative (%)"),
    "chart_axis_staff_type": ("Loại cán bộ", "Staff type"),
    "chart_series_staff": ("Cá nhân (cán bộ)", "Individuals (staff)"),
    "chart_series_units": ("Tập thể (đơn vị)", "Collectives (units)"),
    "chart_hover_registered": ("Đã đăng ký: {registered}/{total} người ({pct})",
                               "Registered: {registered} of {total} staff ({pct})"),
    "chart_hover_no_staff": ("Chưa có cán bộ", "No staff"),
    "chart_hover_cumulative": ("{series}: {registered}/{total} ({pct})",
                               "{series}: {registered} of {total} ({pct})"),
    "chart_hover_that_day": ("Trong ngày: {count}", "That day: {count}"),
    "chart_gender_male": ("Nam", "Men"),
    "chart_gender_female": ("Nữ", "Women"),
    "chart_staff_type_cong_chuc": ("Công chức", "Civil servants"),
    "chart_staff_type_vien_chuc": ("Viên chức", "Public employees"),
    "chart_staff_type_nguoi_lao_dong": ("Người lao động", "Contract workers"),
    # Criteria and evaluations.
    "chart_axis_criterion": ("Tiêu chí", "Criterion"),
    "chart_axis_fulfilment_pct": ("Tỷ lệ đạt (%)", "Met (%)"),
    "chart_axis_month": ("Tháng", "Month"),
    "chart_hover_met": ("Đạt: {met}/{evaluated} lượt đánh giá ({pct})",
                        "Met: {met} of {evaluated} results ({pct})"),
    "chart_not_evaluated": ("Chưa đánh giá", "Not evaluated yet"),
    "chart_series_collective": ("Tập thể", "Collectives"),
    "chart_series_individual": ("Cá nhân", "Individuals"),
    "chart_hover_month": ("Tháng {month}", "Month {month}"),
    "chart_axis_completeness_pct": ("Mức độ đầy đủ của kết quả đánh giá (%)",
                                    "Evaluation results entered (%)"),
    "chart_hover_completeness": ("Đã nhập {evaluated}/{expected} kết quả ({pct})",
                                 "{evaluated} of {expected} results entered ({pct})"),
    "chart_hover_nothing_expected": ("Không có kết quả phải nhập", "No results expected"),
    # Nominations.
    "chart_axis_status": ("Trạng thái hồ sơ", "Nomination status"),
    "chart_axis_nominations": ("Số hồ sơ", "Nominations"),
    "chart_axis_week_end": ("Tuần (đến ngày)", "Week ending"),
    "chart_axis_award": ("Hình thức khen thưởng", "Award form"),
    "chart_hover_nominations": ("{count} hồ sơ", "{count} nominations"),
    "chart_hover_week": ("Tuần đến ngày {date}", "Week ending {date}"),
    "chart_campaign_window": ("Thời gian đợt thi đua", "Campaign period"),
    "chart_axis_median_days": ("Số ngày ở mỗi bước (trung vị)", "Days per stage (median)"),
    "chart_hover_stage": (
        "Trung vị: {median} ngày<br>Trung bình: {mean} ngày<br>Lâu nhất: {max} ngày<br>"
        "Số lượt: {stays} (đang ở bước này: {ongoing})",
        "Median: {median} days<br>Mean: {mean} days<br>Longest: {max} days<br>"
        "Stays: {stays} (still in this stage: {ongoing})",
    ),
    # Plotly's own words (its mode bar's buttons and notices), which it looks up by their
    # English text in the figure's ``locales`` (``thidua.charts.base.PLOTLY_WORDS``).
    "chart_tool_png": ("Tải biểu đồ dạng ảnh PNG", "Download plot as a PNG"),
    # The full screen button on a chart's mode bar (thidua's chart element draws it; on a
    # slide's chart it is Streamlit's, and thidua's CSS draws these words over its English).
    "chart_tool_fullscreen": ("Toàn màn hình", "Full screen"),
    "chart_tool_close_fullscreen": ("Thoát toàn màn hình", "Exit full screen"),
    # The chart element's name for screen readers, and what it says if Plotly could not load.
    "chart_label": ("Biểu đồ", "Chart"),
    "chart_not_drawn": ("Không vẽ được biểu đồ: hãy tải lại trang.",
                        "The chart could not be drawn: reload the page."),
    # The data grid's toolbar, whose tooltips Streamlit writes in English (thidua's CSS too).
    "table_tool_columns": ("Ẩn/hiện cột", "Show or hide columns"),
    "table_tool_search": ("Tìm trong bảng", "Search the table"),
    "chart_tool_download": ("Tải biểu đồ", "Download plot"),
    "chart_tool_zoom": ("Phóng to vùng chọn", "Zoom"),
    "chart_tool_pan": ("Kéo biểu đồ", "Pan"),
    "chart_tool_zoom_in": ("Phóng to", "Zoom in"),
    "chart_tool_zoom_out": ("Thu nhỏ", "Zoom out"),
    "chart_tool_reset_axes": ("Đặt lại trục", "Reset axes"),
    "chart_tool_autoscale": ("Tự co giãn trục", "Autoscale"),
    "chart_tool_reset": ("Đặt lại", "Reset"),
    "chart_tool_snapshot_failed": ("Không tạo được ảnh biểu đồ.",
                                   "Sorry, there was a problem downloading your image!"),
    "chart_tool_zoom_back": ("Nhấp đúp để thu nhỏ lại", "Double-click to zoom back out"),
    "chart_tool_isolate": ("Nhấp đúp vào chú giải để chỉ xem một dãy số liệu",
                           "Double-click on legend to isolate one trace"),
}

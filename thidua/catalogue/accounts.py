"""Words of accounts and sign-in: refusals of the accounts store, ``thidua users``, roles,
and ``thidua serve``'s refusal to listen beyond this computer while no account exists."""

MESSAGES: dict[str, tuple[str, str]] = {
    # AccountError keys (thidua/accounts/store.py).
    "account_bad_name": (
        "Tên tài khoản «{name}» không dùng được: cần từ 1 đến {max} ký tự, không có khoảng "
        "trắng.",
        "The account name '{name}' cannot be used: expected 1 to {max} characters, no spaces."),
    "account_bad_role": ("Vai trò «{role}» không có: chọn một trong {roles}.",
                         "There is no role '{role}': choose one of {roles}."),
    "account_unit_required": (
        "Tài khoản «{name}» có vai trò don_vi nên cần mã đơn vị (--unit MÃ).",
        "The account '{name}' has the role don_vi, so it needs a unit code (--unit CODE)."),
    "account_unit_not_for_role": (
        "Chỉ tài khoản vai trò don_vi mới gắn với một đơn vị; vai trò {role} không nhận "
        "đơn vị «{unit}».",
        "Only a don_vi account belongs to a unit; the role {role} takes no unit ('{unit}')."),
    "account_duplicate": ("Đã có tài khoản «{name}».", "The account '{name}' already exists."),
    "account_weak_password": (
        "Mật khẩu quá ngắn: cần ít nhất {min} ký tự, mới có {length}.",
        "The password is too short: at least {min} characters are needed, it has {length}."),
    "account_unknown": ("Không có tài khoản «{name}».", "There is no account '{name}'."),
    "account_disabled": ("Tài khoản «{name}» đã bị khoá.", "The account '{name}' is disabled."),
    "accounts_unreadable": (
        "Không đọc được tệp tài khoản «{path}» ({error}); chưa thay đổi gì.",
        "The accounts file '{path}' cannot be read ({error}); nothing was changed."),
    # The four roles.
    "role_hcqt": ("Hành chính – Quản trị", "Administration (HCQT)"),
    "role_lanh_dao": ("Lãnh đạo", "Leadership"),
    "role_don_vi": ("Đơn vị", "Unit"),
    "role_trinh_chieu": ("Trình chiếu", "Presentation screen"),
    # thidua users.
    "users_col_name": ("Tên", "Name"),
    "users_col_role": ("Vai trò", "Role"),
    "users_col_unit": ("Đơn vị", "Unit"),
    "users_col_state": ("Trạng thái", "State"),
    "users_col_created": ("Ngày tạo", "Created"),
    "users_state_active": ("Đang dùng", "Active"),
    "users_state_disabled": ("Đã khoá", "Disabled"),
    "users_role_required": ("Cần chọn vai trò: --role hcqt, lanh_dao, don_vi hoặc trinh_chieu.",
                            "A role is needed: --role hcqt, lanh_dao, don_vi or trinh_chieu."),
    "users_none": ("Chưa có tài khoản nào trong «{path}».", "No accounts yet in '{path}'."),
    "users_added": ("Đã tạo tài khoản «{name}» ({role}).", "Account '{name}' added ({role})."),
    "users_disabled": ("Đã khoá tài khoản «{name}»; các phiên đăng nhập của tài khoản đã kết "
                       "thúc.",
                       "Account '{name}' disabled; its sessions have ended."),
    "users_password_changed": ("Đã đổi mật khẩu của «{name}».",
                               "The password of '{name}' has been changed."),
    "users_password_prompt": ("Mật khẩu cho «{name}»: ", "Password for '{name}': "),
    "users_password_again": ("Nhập lại mật khẩu: ", "The password again: "),
    "users_password_mismatch": ("Hai lần nhập mật khẩu không khớp; chưa thay đổi gì.",
                                "The two passwords differ; nothing was changed."),
    "users_password_no_input": (
        "Không đọc được mật khẩu: với --password-stdin, đưa mật khẩu vào một dòng của stdin.",
        "No password was read: with --password-stdin, give the password on one line of "
        "stdin."),
    # thidua serve.
    "serve_host_refused": (
        "Chưa có tài khoản nào nên thidua chỉ chạy trên máy này (127.0.0.1), không mở trên "
        "«{host}»: tên và kết quả đánh giá là dữ liệu cá nhân. Hãy tạo tài khoản trước: "
        "`thidua users add TÊN --role hcqt`.",
        "No account exists yet, so thidua serves this computer only (127.0.0.1), not "
        "'{host}': names and evaluations are personal data. Add an account first: "
        "`thidua users add NAME --role hcqt`."),
    "serve_sign_in_required": ("Bắt buộc đăng nhập (số tài khoản: {count}; tệp «{path}»).",
                               "Sign-in is required (accounts: {count}; file '{path}')."),
}

"""Words of accounts and sign-in: refusals of the accounts store, ``thidua users``, roles,
``thidua serve``'s refusal to listen beyond this computer while no account exists, the
OpenID Connect settings and the Office sign-in on the sign-in page."""

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
    "account_bad_email": (
        "Địa chỉ thư «{email}» không dùng được: cần dạng ten@mien.vn, tối đa {max} ký tự, "
        "không có khoảng trắng.",
        "The e-mail address '{email}' cannot be used: expected name@domain.vn, at most {max} "
        "characters, no spaces."),
    "account_email_taken": ("Địa chỉ thư «{email}» đã gắn với tài khoản «{other}».",
                            "The e-mail address '{email}' already belongs to the account "
                            "'{other}'."),
    "account_no_sign_in": (
        "Tài khoản «{name}» cần mật khẩu hoặc địa chỉ thư của Văn phòng (--email), nếu không "
        "sẽ không đăng nhập được.",
        "The account '{name}' needs a password or an Office e-mail address (--email), or it "
        "could never sign in."),
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
    "users_col_email": ("Thư điện tử", "E-mail"),
    "users_col_sign_in": ("Đăng nhập bằng", "Signs in with"),
    "users_sign_in_password": ("mật khẩu", "password"),
    "users_sign_in_email": ("tài khoản Văn phòng", "Office account"),
    "users_sign_in_both": ("mật khẩu, tài khoản Văn phòng", "password, Office account"),
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
    "users_email_set": (
        "Tài khoản «{name}» đăng nhập bằng tài khoản Văn phòng «{email}».",
        "The account '{name}' signs in with the Office account '{email}'."),
    "users_email_removed": ("Đã bỏ địa chỉ thư của tài khoản «{name}».",
                            "The e-mail address of the account '{name}' has been removed."),
    "users_map_usage": ("Cần đúng một trong hai: --email ĐỊA-CHỈ hoặc --remove.",
                        "Give exactly one of --email ADDRESS or --remove."),
    "auditpage_event_account_email": ("Gắn địa chỉ thư", "E-mail mapped"),
    # OpenID Connect settings (thidua/accounts/oidc.py).
    "oidc_missing": (
        "Thiết lập đăng nhập bằng tài khoản Văn phòng (OpenID Connect) chưa đủ: thiếu {names}.",
        "The Office sign-in (OpenID Connect) settings are incomplete: {names} missing."),
    "oidc_bad_url": (
        "{name} = «{value}» không dùng được: cần một địa chỉ https:// đầy đủ (http:// chỉ cho "
        "máy này, 127.0.0.1).",
        "{name} = '{value}' cannot be used: expected a full https:// address (http:// only "
        "for this computer, 127.0.0.1)."),
    "oidc_bad_callback": (
        "{name} = «{value}» phải kết thúc bằng {path} (địa chỉ mà nhà cung cấp đăng nhập trả "
        "người dùng về).",
        "{name} = '{value}' must end with {path} (where the sign-in provider sends people "
        "back)."),
    "oidc_weak_cookie_secret": ("{name} quá ngắn: cần ít nhất {min} ký tự ngẫu nhiên.",
                                "{name} is too short: at least {min} random characters are "
                                "needed."),
    "oidc_file_open": (
        "Tệp «{path}» chứa khoá bí mật nhưng người khác đọc được (quyền {mode}); hãy chạy "
        "`chmod 600 {path}`.",
        "The file '{path}' holds a secret but others may read it (mode {mode}); run "
        "`chmod 600 {path}`."),
    "oidc_file_unreadable": ("Không đọc được tệp «{path}» ({error}).",
                             "The file '{path}' cannot be read ({error})."),
    # The sign-in page with the Office's provider.
    "signin_oidc_button": ("Đăng nhập bằng tài khoản của Văn phòng",
                           "Sign in with your Office account"),
    "signin_oidc_password": ("Đăng nhập bằng mật khẩu (tài khoản dự phòng của bộ phận Tin học)",
                             "Sign in with a password (IT's fallback account)"),
    "signin_oidc_unknown": (
        "Địa chỉ thư «{email}» chưa được cấp quyền dùng thidua. Hãy đề nghị bộ phận Hành chính "
        "– Quản trị gắn địa chỉ này với một tài khoản.",
        "The e-mail address '{email}' has no access to thidua. Ask the Administration (HCQT) "
        "to map it to an account."),
    "signin_oidc_disabled": ("Tài khoản gắn với địa chỉ thư «{email}» đã bị khoá.",
                             "The account of the e-mail address '{email}' is disabled."),
    "signin_oidc_no_email": (
        "Nhà cung cấp đăng nhập không cho biết địa chỉ thư của bạn nên không xác định được "
        "quyền; hãy liên hệ bộ phận Tin học.",
        "The sign-in provider did not give your e-mail address, so your rights cannot be "
        "found; please contact IT."),
    "signin_oidc_unverified_email": (
        "Địa chỉ thư «{email}» chưa được nhà cung cấp đăng nhập xác minh.",
        "The e-mail address '{email}' has not been verified by the sign-in provider."),
    # thidua serve.
    "serve_host_refused": (
        "Chưa có tài khoản nào nên thidua chỉ chạy trên máy này (127.0.0.1), không mở trên "
        "«{host}»: tên và kết quả đánh giá là dữ liệu cá nhân. Hãy tạo tài khoản trước: "
        "`thidua users add TÊN --role hcqt`.",
        "No account exists yet, so thidua serves this computer only (127.0.0.1), not "
        "'{host}': names and evaluations are personal data. Add an account first: "
        "`thidua users add NAME --role hcqt`."),
    "serve_oidc_on": (
        "Đăng nhập bằng tài khoản Văn phòng qua {provider} (số tài khoản có địa chỉ thư: "
        "{count}).",
        "Office sign-in through {provider} (accounts with an e-mail address: {count})."),
    "serve_oidc_no_emails": (
        "Chú ý: chưa tài khoản nào có địa chỉ thư, nên chưa ai đăng nhập được bằng tài khoản "
        "Văn phòng (`thidua users map TÊN --email ĐỊA-CHỈ`).",
        "Note: no account has an e-mail address yet, so nobody can use the Office sign-in "
        "(`thidua users map NAME --email ADDRESS`)."),
    "serve_oidc_off": (
        "Chú ý: {count} tài khoản chỉ đăng nhập bằng tài khoản Văn phòng nhưng chưa thiết lập "
        "OpenID Connect (THIDUA_OIDC_*), nên chưa đăng nhập được.",
        "Note: {count} account(s) sign in only with the Office account, but OpenID Connect is "
        "not set up (THIDUA_OIDC_*), so they cannot sign in yet."),
    "serve_sign_in_required": ("Bắt buộc đăng nhập (số tài khoản: {count}; tệp «{path}»).",
                               "Sign-in is required (accounts: {count}; file '{path}')."),
    # The download route (dashboard/download_route.py): what a link that no longer works says.
    "download_gone_title": ("Liên kết tải đã hết hạn", "The download link has expired"),
    "download_gone": (
        "Liên kết tải này không còn dùng được (hết hạn sau {minutes} phút, hoặc trang đã vẽ "
        "lại). Hãy tải lại trang bảng điều khiển rồi bấm nút tải lần nữa.",
        "This download link no longer works (it lasts {minutes} minutes, or the page has been "
        "drawn again). Reload the dashboard page and click the download button again."),
    "download_refused_title": ("Không tải được tệp", "The file cannot be downloaded"),
    "download_refused": (
        "Phiên đăng nhập đã kết thúc hoặc tài khoản không còn được tải tệp này. Hãy tải lại "
        "trang bảng điều khiển và đăng nhập lại.",
        "The sign-in has ended or the account may no longer download this file. Reload the "
        "dashboard page and sign in again."),
    "download_failed_title": ("Chưa tạo được tệp", "The file could not be made"),
    "download_failed": (
        "Máy chủ chưa tạo được tệp này. Hãy thử lại sau ít phút; nếu vẫn lỗi, báo bộ phận "
        "CNTT.",
        "The server could not make this file. Try again in a few minutes; if it still fails, "
        "tell IT."),
}

-- parse_result(x): TRUE for met (Đạt, Có, x, ✓, 1, true, yes), FALSE for not met (Không đạt,
-- Chưa đạt, Không, 0, false, no), NULL otherwise; the caller tells blank from unreadable.
create or replace temp macro parse_result(x) as
    case
        when fold_key(x) in ('dat', 'co', 'x', '1', 'true', 'yes') then true
        when fold_key(x) in ('khongdat', 'chuadat', 'khong', '0', 'false', 'no') then false
    end

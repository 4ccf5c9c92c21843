-- The history of each nomination of the large sample (its path of noms_gen), one row per
-- step; a file's last step is its status by construction. Rows by file, then in order.
create or replace temp table events_gen as
select nomination_code, status, event_date, note, seq from (
    select nomination_code, 'hoi_dong' as status,
           case when award = 'GKVP' then date '2026-02-02' else date '2026-02-09' end
               as event_date, null as note, 1 as seq
    from noms_gen where path <> 'waiting'
    union all
    select nomination_code, 'da_trinh', province_submission_day,
           'Tờ trình ' || province_submission, 2
    from noms_gen where award <> 'GKVP'
    union all
    select nomination_code, 'trinh_tw', submission_day,
           'Tờ trình ' || submission_ref || ' gửi Bộ Nội vụ', 3
    from noms_gen where award in ('BKTTG', 'HCLD3')
    union all
    select nomination_code, 'tra_lai', returned_on, return_reason, 4
    from noms_gen where path = 'returned'
    union all
    select nomination_code, 'da_trinh', returned_on + 7, 'Đã bổ sung hồ sơ, trình lại', 5
    from noms_gen where path = 'returned'
    union all
    select nomination_code, 'da_khen_thuong', decision_day, 'Quyết định ' || decision_ref_any, 6
    from noms_gen where path in ('awarded', 'returned')
    union all
    select nomination_code, 'khong_khen_thuong', decision_day,
           'Hội đồng TĐKT tỉnh không thống nhất đề nghị', 6
    from noms_gen where path = 'refused'
)
order by nomination_code, seq

-- parse_month(x): the evaluation period as the first day of its month, from 2025-10, 10/2025,
-- 10-2025, "Tháng 10/2025", "T10/2025", "tháng 10 năm 2025", or any date parse_date reads.
create or replace temp macro parse_month(x) as (
    with s as (select regexp_replace(lower(x), '^(tháng|thang|t)\s*', '') as v)
    select cast(coalesce(
        try_strptime(v, '%Y-%m'),
        try_strptime(v, '%m/%Y'),
        try_strptime(v, '%m-%Y'),
        try_strptime(v, '%m.%Y'),
        try_strptime(regexp_replace(v, '^(\d{1,2})\s*năm\s*(\d{4})$', '\1/\2'), '%m/%Y'),
        date_trunc('month', parse_date(x))
    ) as date)
    from s
)

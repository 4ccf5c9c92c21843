-- parse_date(x): a DATE from ISO, day-first d/m/yyyy, d-m-yyyy, d.m.yyyy, "ngày d tháng m năm
-- yyyy", an Excel datetime rendered as text, or an Excel serial (1900 system, 1950..2100; a
-- fraction is the time of day and is dropped).
-- NULL when the text is no possible date (31/02/2025 included): the caller reports it.
create or replace temp macro parse_date(x) as (
    with s as (select lower(x) as v)
    select cast(coalesce(
        try_strptime(v, '%Y-%m-%d'),
        try_strptime(v, '%Y-%m-%d %H:%M:%S'),
        try_strptime(v, '%Y-%m-%dT%H:%M:%S'),
        try_strptime(v, '%d/%m/%Y'),
        try_strptime(v, '%d-%m-%Y'),
        try_strptime(v, '%d.%m.%Y'),
        try_strptime(regexp_replace(v,
            '^ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})$', '\1/\2/\3'), '%d/%m/%Y'),
        case when regexp_full_match(v, '\d{5}(\.\d+)?')
                  and try_cast(v as double) between 18264 and 73050
             then date '1899-12-30' + cast(floor(try_cast(v as double)) as integer) end
    ) as date)
    from s
)

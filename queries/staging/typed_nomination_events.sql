-- The staged Tiến trình hồ sơ rows with typed values; one row per sheet row.
-- The status is matched by code or label through ref_values.
create or replace temp table typ_nomination_events as
select
    e._row,
    parse_code(e.nomination_code) as nomination_code,
    s.value as status,
    parse_date(e.event_date) as event_date,
    e.note
from stg_nomination_events as e
left join ref_values as s on s.kind = 'status' and s.key = fold_key(e.status)

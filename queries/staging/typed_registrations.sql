-- The staged Đăng ký thi đua rows with typed values; one row per sheet row.
-- NULL where the text cannot be read (cell_values reports it).
create or replace temp table typ_registrations as
select
    _row,
    parse_subject(subject_type) as subject_type,
    parse_code(subject_code) as subject_code,
    parse_date(registered_on) as registered_on,
    commitment
from stg_registrations

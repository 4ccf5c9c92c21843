-- The staged Đơn vị rows with typed values; one row per sheet row.
-- Only the code is typed; names and unit types stay text.
create or replace temp table typ_units as
select _row, parse_code(unit_code) as unit_code, unit_name, unit_type
from stg_units

-- The staged Đơn vị rows with typed values; one row per sheet row.
-- The codes are typed (unit_code, parent_unit); names and unit types stay text.
create or replace temp table typ_units as
select _row, parse_code(unit_code) as unit_code, unit_name, unit_type,
       parse_code(parent_unit) as parent_unit
from stg_units

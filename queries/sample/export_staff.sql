-- The staff file of the large sample, in staff order (unit by unit, heads first).
-- Columns: staff_code, full_name, unit_code, position, staff_type, gender.
select staff_code, full_name, unit_code, position, staff_type, gender
from staff_gen order by staff_idx

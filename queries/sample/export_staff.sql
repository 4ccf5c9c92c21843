-- The staff file of the large sample, in staff order (unit by unit, heads first).
-- Returns: one row per staff row of the file, columns in the contract's order.
select staff_code, full_name, unit_code, position, staff_type, gender
from staff_gen order by staff_idx

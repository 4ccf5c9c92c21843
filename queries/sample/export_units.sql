-- The units file of the large sample, parents before their units.
-- Returns: one row per unit row of the file, columns in the contract's order.
select code as unit_code, name as unit_name, unit_type, parent_code as parent_unit
from units_gen order by unit_idx

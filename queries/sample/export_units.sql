-- The units file of the large sample, parents before their units.
-- Columns: unit_code, unit_name, unit_type, parent_unit (the Vietnamese labels are put on by the writer).
select code as unit_code, name as unit_name, unit_type, parent_code as parent_unit
from units_gen order by unit_idx

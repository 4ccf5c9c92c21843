-- The units of the campaign in scope with their parent unit, level (0: top) and staff count:
-- one row per unit. Reads agg_units. $campaign_code $unit_codes
select a.unit_code, a.unit_name, a.unit_type, a.parent_unit, a.level, a.staff_count
from agg_units as a
semi join scope_units($campaign_code, $unit_codes) as s using (unit_code)
where a.campaign_code = $campaign_code
order by a.unit_code

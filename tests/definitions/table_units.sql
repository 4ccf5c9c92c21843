-- The units of the campaign in scope with their staff count: one row per unit.
-- $campaign_code $unit_codes
select u.unit_code, u.unit_name, u.unit_type,
       (select count(*) from staff as s
        where s.campaign_code = u.campaign_code and s.unit_code = u.unit_code) as staff_count
from units as u
where u.campaign_code = $campaign_code
  and ($unit_codes is null or len($unit_codes) = 0 or list_contains($unit_codes, u.unit_code))
order by u.unit_code

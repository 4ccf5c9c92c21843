-- The staff of the units in scope with their registration date if registered by $as_of: one row
-- per staff member. $campaign_code $as_of $unit_codes
select s.staff_code, s.full_name, s.unit_code, u.unit_name, s.position, s.staff_type, s.gender,
       r.registered_on
from staff as s
join units as u on u.campaign_code = s.campaign_code and u.unit_code = s.unit_code
left join registrations as r
    on r.campaign_code = s.campaign_code and r.subject_type = 'ca_nhan'
   and r.subject_code = s.staff_code and r.registered_on <= cast($as_of as date)
where s.campaign_code = $campaign_code
  and s.unit_code in (select unit_code from scope_units($campaign_code, $unit_codes))
order by s.unit_code, s.full_name

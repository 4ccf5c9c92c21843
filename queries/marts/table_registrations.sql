-- Registrations on or before $as_of of the units in scope and their staff: one row per
-- registration. $campaign_code $as_of $unit_codes
select r.subject_type, r.subject_code, coalesce(s.full_name, u.unit_name) as subject_name,
       coalesce(s.unit_code, u.unit_code) as unit_code, r.registered_on, r.commitment
from registrations as r
left join staff as s
    on r.subject_type = 'ca_nhan' and s.campaign_code = r.campaign_code
   and s.staff_code = r.subject_code
left join units as u
    on r.subject_type = 'tap_the' and u.campaign_code = r.campaign_code
   and u.unit_code = r.subject_code
where r.campaign_code = $campaign_code and r.registered_on <= cast($as_of as date)
  and coalesce(s.unit_code, u.unit_code) in (
      select unit_code from scope_units($campaign_code, $unit_codes))
order by r.registered_on, r.subject_type, r.subject_code

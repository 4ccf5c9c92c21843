-- HCQT's follow-up list: staff of the units in scope with no individual registration on or
-- before $as_of. One row per staff member, by unit then name. $campaign_code $as_of $unit_codes
-- The units in scope first (the staff joined to them), the registrations of the day one anti
-- join: no per-staff subquery.
with units_in_scope as (
    select u.unit_code, u.unit_name from units as u
    semi join scope_units($campaign_code, $unit_codes) as s using (unit_code)
    where u.campaign_code = $campaign_code
),
registered as (
    select subject_code from registrations
    where campaign_code = $campaign_code and subject_type = 'ca_nhan'
      and registered_on <= cast($as_of as date)
),
final as (
    select s.unit_code, u.unit_name, s.staff_code, s.full_name, s.position, s.staff_type,
           s.gender
    from staff as s
    join units_in_scope as u on u.unit_code = s.unit_code
    anti join registered as r on r.subject_code = s.staff_code
    where s.campaign_code = $campaign_code
)
select * from final order by unit_code, full_name, staff_code

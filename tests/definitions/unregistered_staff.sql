-- Frozen definition (raw tables, the scope spelled out in $unit_codes).
-- HCQT's follow-up list: staff of the units in scope with no individual registration on or
-- before $as_of. One row per staff member, by unit then name. $campaign_code $as_of $unit_codes
with final as (
    select s.unit_code, u.unit_name, s.staff_code, s.full_name, s.position, s.staff_type,
           s.gender
    from staff as s
    join units as u on u.campaign_code = s.campaign_code and u.unit_code = s.unit_code
    where s.campaign_code = $campaign_code
      and ($unit_codes is null or len($unit_codes) = 0 or list_contains($unit_codes, s.unit_code))
      and not exists (
          select 1 from registrations as r
          where r.campaign_code = s.campaign_code and r.subject_type = 'ca_nhan'
            and r.subject_code = s.staff_code and r.registered_on <= cast($as_of as date))
)
select * from final order by unit_code, full_name, staff_code

-- Staff participation of the units in scope as of $as_of by gender and staff type: one row per
-- (gender, staff_type) present. $campaign_code $as_of $unit_codes
with staff_in_scope as (
    select s.* from staff as s
    where s.campaign_code = $campaign_code
      and ($unit_codes is null or len($unit_codes) = 0 or list_contains($unit_codes, s.unit_code))
),
registered as (
    select subject_code from registrations
    where campaign_code = $campaign_code and subject_type = 'ca_nhan'
      and registered_on <= cast($as_of as date)
),
final as (
    select s.gender, s.staff_type, count(*) as staff_total,
           count(r.subject_code) as staff_registered,
           pct(count(r.subject_code), count(*)) as staff_participation_pct
    from staff_in_scope as s
    left join registered as r on r.subject_code = s.staff_code
    group by s.gender, s.staff_type
)
select * from final order by gender nulls last, staff_type nulls last

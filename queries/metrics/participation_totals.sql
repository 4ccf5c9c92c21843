-- Staff and unit participation of the units in scope as of $as_of (contract section 5): one row.
-- $campaign_code $as_of $unit_codes (NULL or empty = all units)
with units_in_scope as (
    select unit_code from units
    where campaign_code = $campaign_code
      and ($unit_codes is null or len($unit_codes) = 0 or list_contains($unit_codes, unit_code))
),
staff_in_scope as (
    select s.staff_code from staff as s join units_in_scope using (unit_code)
    where s.campaign_code = $campaign_code
),
registered as (
    select subject_type, subject_code from registrations
    where campaign_code = $campaign_code and registered_on <= cast($as_of as date)
),
staff_counts as (
    select count(*) as staff_total, count(r.subject_code) as staff_registered
    from staff_in_scope as s
    left join registered as r on r.subject_type = 'ca_nhan' and r.subject_code = s.staff_code
),
unit_counts as (
    select count(*) as units_total, count(r.subject_code) as units_registered
    from units_in_scope as u
    left join registered as r on r.subject_type = 'tap_the' and r.subject_code = u.unit_code
),
final as (
    select staff_total, staff_registered,
           round(100.0 * staff_registered / nullif(staff_total, 0), 1) as staff_participation_pct,
           units_total, units_registered,
           round(100.0 * units_registered / nullif(units_total, 0), 1) as unit_participation_pct
    from staff_counts cross join unit_counts
)
select * from final

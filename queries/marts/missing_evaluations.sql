-- Who has not submitted: subjects of the units in scope registered by the end of $period whose
-- results for that period are missing or blank; one row per subject, with how many of its
-- expected results are there. $campaign_code $period $unit_codes
with units_in_scope as (
    select u.unit_code, u.unit_name from units as u
    semi join scope_units($campaign_code, $unit_codes) as s using (unit_code)
    where u.campaign_code = $campaign_code
),
criteria_counts as (
    select applies_to as subject_type, count(*) as expected from criteria
    where campaign_code = $campaign_code group by applies_to
),
expected_subjects as (
    select 'tap_the' as subject_type, u.unit_code as subject_code, u.unit_code, u.unit_name,
           u.unit_name as subject_name
    from units_in_scope as u
    union all
    select 'ca_nhan', s.staff_code, u.unit_code, u.unit_name, s.full_name
    from staff as s join units_in_scope as u using (unit_code)
    where s.campaign_code = $campaign_code
),
registered as (
    select e.* from expected_subjects as e
    join registrations as r
        on r.campaign_code = $campaign_code and r.subject_type = e.subject_type
       and r.subject_code = e.subject_code
       and r.registered_on <= last_day(cast($period as date))
),
submitted as (
    select subject_type, subject_code, count(result) as evaluated
    from evaluations
    where campaign_code = $campaign_code and period = cast($period as date)
    group by subject_type, subject_code
),
final as (
    select r.unit_code, r.unit_name, r.subject_type, r.subject_code, r.subject_name,
           c.expected as results_expected, coalesce(s.evaluated, 0) as results_evaluated
    from registered as r
    join criteria_counts as c using (subject_type)
    left join submitted as s using (subject_type, subject_code)
    where coalesce(s.evaluated, 0) < c.expected
)
select * from final order by unit_code, subject_type desc, subject_name, subject_code

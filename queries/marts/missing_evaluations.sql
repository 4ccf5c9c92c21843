-- Who has not submitted: subjects of the units in scope registered by the end of $period whose
-- results for that period are missing or blank; one row per subject, with how many of its
-- expected results are there. Reads agg_registered_subjects (names, order) and
-- agg_subject_results (results per subject and period). $campaign_code $period $unit_codes
with registered as (
    select r.* from agg_registered_subjects as r
    semi join scope_units($campaign_code, $unit_codes) as s using (unit_code)
    where r.campaign_code = $campaign_code
      and r.registered_on <= last_day(cast($period as date))
),
criteria_counts as (
    select applies_to as subject_type, count(*) as expected from criteria
    where campaign_code = $campaign_code group by applies_to
),
submitted as (
    select subject_type, subject_code, evaluated from agg_subject_results
    where campaign_code = $campaign_code and period = cast($period as date)
),
final as (
    select r.unit_code, r.unit_name, r.subject_type, r.subject_code, r.subject_name,
           c.expected as results_expected, coalesce(s.evaluated, 0) as results_evaluated,
           r.list_rank
    from registered as r
    join criteria_counts as c using (subject_type)
    left join submitted as s using (subject_type, subject_code)
    where coalesce(s.evaluated, 0) < c.expected
)
select * exclude (list_rank) from final order by list_rank

-- Who has not submitted: subjects of the units in scope registered by the end of $period whose
-- results for that period are missing or blank; one row per subject, with how many of its
-- expected results are there. A period with evaluation rows is read from agg_missing_results;
-- for any other day nobody has a result, so every registered subject of
-- agg_registered_subjects is listed. $campaign_code $period $unit_codes
with scope as (
    select unit_code from scope_units($campaign_code, $unit_codes)
),
known as (
    select m.unit_code, m.unit_name, m.subject_type, m.subject_code, m.subject_name,
           m.results_expected, m.results_evaluated, m.list_rank
    from agg_missing_results as m
    semi join scope using (unit_code)
    where m.campaign_code = $campaign_code and m.period = cast($period as date)
      and m.registered_on <= last_day(cast($period as date))
),
criteria_counts as (
    select applies_to as subject_type, count(*) as expected from criteria
    where campaign_code = $campaign_code group by applies_to
),
unknown as (
    select r.unit_code, r.unit_name, r.subject_type, r.subject_code, r.subject_name,
           c.expected as results_expected, 0 as results_evaluated, r.list_rank
    from agg_registered_subjects as r
    semi join scope using (unit_code)
    join criteria_counts as c using (subject_type)
    where r.campaign_code = $campaign_code
      and r.registered_on <= last_day(cast($period as date))
      and not exists (from evaluations as e
                      where e.campaign_code = $campaign_code
                        and e.period = cast($period as date))
),
final as (
    select * from known
    union all
    select * from unknown
)
select * exclude (list_rank) from final order by list_rank

-- Builds agg_missing_results for one campaign: per period of its evaluations, the registered
-- subjects whose non-blank results are fewer than their criteria, in period and list order.
-- $campaign_code
insert into agg_missing_results by name
with periods as (
    select distinct period from evaluations where campaign_code = $campaign_code
),
criteria_counts as (
    select applies_to as subject_type, count(*) as expected from criteria
    where campaign_code = $campaign_code group by applies_to
),
submitted as (
    select period, subject_type, subject_code, count(result) as evaluated
    from evaluations
    where campaign_code = $campaign_code
    group by period, subject_type, subject_code
),
final as (
    select $campaign_code as campaign_code, p.period, r.subject_type, r.subject_code,
           r.unit_code, r.unit_name, r.subject_name, r.registered_on, r.list_rank,
           c.expected as results_expected, coalesce(s.evaluated, 0) as results_evaluated
    from agg_registered_subjects as r
    cross join periods as p
    join criteria_counts as c using (subject_type)
    left join submitted as s
        on s.period = p.period and s.subject_type = r.subject_type
       and s.subject_code = r.subject_code
    where r.campaign_code = $campaign_code and coalesce(s.evaluated, 0) < c.expected
)
select * from final order by period, list_rank

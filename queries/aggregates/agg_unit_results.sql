-- Builds agg_unit_results for one campaign: met and evaluated results per period, unit (the
-- unit's own for tap_the, its staff's for ca_nhan), subject type and criterion. $campaign_code
insert into agg_unit_results by name
with results as (
    select e.period, e.subject_type, e.criterion_code, e.result,
           case when e.subject_type = 'tap_the' then e.subject_code else s.unit_code end
               as unit_code
    from evaluations as e
    left join staff as s
        on e.subject_type = 'ca_nhan' and s.campaign_code = e.campaign_code
       and s.staff_code = e.subject_code
    where e.campaign_code = $campaign_code
),
final as (
    select $campaign_code as campaign_code, period, unit_code, subject_type, criterion_code,
           count(*) filter (where result) as met, count(result) as evaluated
    from results
    where unit_code is not null
    group by period, unit_code, subject_type, criterion_code
)
select * from final

-- Fulfilment per unit and criterion in period $period for subject type $subject_type
-- ('tap_the': the unit's own results; 'ca_nhan': its staff's): one row per unit in scope and
-- criterion of that type, NULL pct where nothing is evaluated. $campaign_code $period
-- $subject_type $unit_codes
with units_in_scope as (
    select unit_code, unit_name from units
    where campaign_code = $campaign_code
      and ($unit_codes is null or len($unit_codes) = 0 or list_contains($unit_codes, unit_code))
),
criteria_of_type as (
    select criterion_code, criterion_name from criteria
    where campaign_code = $campaign_code and applies_to = $subject_type
),
results as (
    select case when e.subject_type = 'tap_the' then e.subject_code else s.unit_code end
               as unit_code,
           e.criterion_code, e.result
    from evaluations as e
    left join staff as s
        on e.subject_type = 'ca_nhan' and s.campaign_code = e.campaign_code
       and s.staff_code = e.subject_code
    where e.campaign_code = $campaign_code and e.period = cast($period as date)
      and e.subject_type = $subject_type
),
counted as (
    select unit_code, criterion_code, count(*) filter (where result) as met,
           count(result) as evaluated
    from results
    group by unit_code, criterion_code
),
final as (
    select u.unit_code, u.unit_name, c.criterion_code, c.criterion_name,
           coalesce(n.met, 0) as met, coalesce(n.evaluated, 0) as evaluated,
           pct(n.met, n.evaluated) as fulfilment_pct
    from units_in_scope as u
    cross join criteria_of_type as c
    left join counted as n using (unit_code, criterion_code)
)
select * from final order by unit_code, criterion_code

-- Fulfilment per unit and criterion in period $period for subject type $subject_type
-- ('tap_the': the unit's own results; 'ca_nhan': its staff's): one row per unit in scope and
-- criterion of that type, NULL pct where nothing is evaluated. Reads agg_unit_results.
-- $campaign_code $period $subject_type $unit_codes
with units_in_scope as (
    select a.unit_code, a.unit_name from agg_units as a
    semi join scope_units($campaign_code, $unit_codes) as s using (unit_code)
    where a.campaign_code = $campaign_code
),
criteria_of_type as (
    select criterion_code, criterion_name from criteria
    where campaign_code = $campaign_code and applies_to = $subject_type
),
counted as (
    select unit_code, criterion_code, sum(met)::bigint as met,
           sum(evaluated)::bigint as evaluated
    from agg_unit_results
    where campaign_code = $campaign_code and period = cast($period as date)
      and subject_type = $subject_type
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

-- One level of the hierarchy for the heatmap: fulfilment per unit of $view_units and criterion
-- in $period for $subject_type, each unit's subtree added up ($own_unit: itself only). One row
-- per unit of $view_units and criterion of that type. $campaign_code $period $subject_type
-- $view_units $own_unit
with rows_of_level as (
    select unit_code, unit_name from agg_units
    where campaign_code = $campaign_code and list_contains($view_units, unit_code)
),
criteria_of_type as (
    select criterion_code, criterion_name from criteria
    where campaign_code = $campaign_code and applies_to = $subject_type
),
counted as (
    select t.ancestor_code as unit_code, r.criterion_code, sum(r.met)::bigint as met,
           sum(r.evaluated)::bigint as evaluated
    from agg_unit_tree as t
    join agg_unit_results as r on r.campaign_code = t.campaign_code and r.unit_code = t.unit_code
    where t.campaign_code = $campaign_code and list_contains($view_units, t.ancestor_code)
      and (t.ancestor_code is distinct from $own_unit or t.depth = 0)
      and r.period = cast($period as date) and r.subject_type = $subject_type
    group by t.ancestor_code, r.criterion_code
),
final as (
    select u.unit_code, u.unit_name, c.criterion_code, c.criterion_name,
           coalesce(n.met, 0) as met, coalesce(n.evaluated, 0) as evaluated,
           pct(n.met, n.evaluated) as fulfilment_pct
    from rows_of_level as u
    cross join criteria_of_type as c
    left join counted as n using (unit_code, criterion_code)
)
select * from final order by unit_code, criterion_code

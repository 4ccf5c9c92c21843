-- One level of the hierarchy: each unit of $view_units with the numbers of its whole subtree
-- (itself and every unit below it) added up, except $own_unit (the unit whose level is shown),
-- which counts only itself. One row per unit of $view_units; for units with nothing below
-- them, their own unit_metrics row. $campaign_code $as_of $period $unit_codes $view_units
-- $own_unit
with metrics as (
    select * from unit_metrics($campaign_code, $as_of, $period, $unit_codes)
),
rows_of_level as (
    select a.unit_code, a.unit_name, a.level, a.descendant_count,
           a.unit_code = $own_unit as is_own
    from agg_units as a
    where a.campaign_code = $campaign_code and list_contains($view_units, a.unit_code)
),
rolled as (
    select t.ancestor_code as unit_code, count(*) as units_total,
           count(*) filter (where m.is_registered) as units_registered,
           sum(m.staff_total)::bigint as staff_total,
           sum(m.staff_registered)::bigint as staff_registered,
           sum(m.collective_met)::bigint as collective_met,
           sum(m.collective_evaluated)::bigint as collective_evaluated,
           sum(m.individual_met)::bigint as individual_met,
           sum(m.individual_evaluated)::bigint as individual_evaluated,
           sum(m.results_expected)::bigint as results_expected
    from agg_unit_tree as t
    join metrics as m on m.unit_code = t.unit_code
    where t.campaign_code = $campaign_code and list_contains($view_units, t.ancestor_code)
      and (t.ancestor_code is distinct from $own_unit or t.depth = 0)
    group by t.ancestor_code
),
final as (
    select l.unit_code, l.unit_name, l.level, l.descendant_count, l.is_own,
           r.units_total, r.units_registered,
           pct(r.units_registered, r.units_total)
               as unit_participation_pct,
           r.staff_total, r.staff_registered,
           pct(r.staff_registered, r.staff_total)
               as staff_participation_pct,
           r.collective_met, r.collective_evaluated,
           pct(r.collective_met, r.collective_evaluated)
               as collective_fulfilment_pct,
           r.individual_met, r.individual_evaluated,
           pct(r.individual_met, r.individual_evaluated)
               as individual_fulfilment_pct,
           r.collective_evaluated + r.individual_evaluated as results_evaluated,
           r.results_expected,
           pct(r.collective_evaluated + r.individual_evaluated, r.results_expected) as completeness_pct
    from rows_of_level as l
    join rolled as r using (unit_code)
)
select * from final order by is_own desc, unit_code

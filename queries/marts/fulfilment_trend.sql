-- Collective and individual fulfilment of the units in scope per evaluation period up to
-- $as_of: one row per period. Reads agg_unit_results. $campaign_code $as_of $unit_codes
with results as (
    select r.period, r.subject_type, r.met, r.evaluated
    from agg_unit_results as r
    semi join scope_units($campaign_code, $unit_codes) as s using (unit_code)
    where r.campaign_code = $campaign_code and r.period <= cast($as_of as date)
),
counted as (
    select period,
           coalesce(sum(met) filter (where subject_type = 'tap_the'), 0)::bigint
               as collective_met,
           coalesce(sum(evaluated) filter (where subject_type = 'tap_the'), 0)::bigint
               as collective_evaluated,
           coalesce(sum(met) filter (where subject_type = 'ca_nhan'), 0)::bigint
               as individual_met,
           coalesce(sum(evaluated) filter (where subject_type = 'ca_nhan'), 0)::bigint
               as individual_evaluated
    from results
    group by period
),
final as (
    select period, collective_met, collective_evaluated,
           pct(collective_met, collective_evaluated)
               as collective_fulfilment_pct,
           individual_met, individual_evaluated,
           pct(individual_met, individual_evaluated)
               as individual_fulfilment_pct
    from counted
)
select * from final order by period

-- unit_metrics(campaign_code, as_of, period, unit_codes): participation, fulfilment and
-- completeness per unit in scope (contract section 5), each unit for its own staff and
-- results; one row per unit. The one definition of these numbers: metrics/unit_metrics lists
-- it, metrics/campaign_kpis adds it up. Reads the aggregates built at import (agg_*).
create or replace temp macro unit_metrics(p_campaign_code, p_as_of, p_period, p_unit_codes)
as table
    with units_in_scope as (
        select a.unit_code, a.unit_name, a.unit_type, a.registered_on
        from agg_units as a
        semi join scope_units(p_campaign_code, p_unit_codes) as s using (unit_code)
        where a.campaign_code = p_campaign_code
    ),
    period_bounds as (
        select cast(p_period as date) as period, last_day(cast(p_period as date)) as period_end
    ),
    criteria_counts as (
        select count(*) filter (where applies_to = 'tap_the') as n_collective,
               count(*) filter (where applies_to = 'ca_nhan') as n_individual
        from criteria where campaign_code = p_campaign_code
    ),
    staff_counts as (
        select g.unit_code, sum(g.staff_count)::bigint as staff_total,
               coalesce(sum(g.staff_count) filter (
                   where g.registered_on <= cast(p_as_of as date)), 0)::bigint
                   as staff_registered,
               coalesce(sum(g.staff_count) filter (
                   where g.registered_on <= p.period_end), 0)::bigint as staff_expected
        from agg_unit_staff as g
        semi join units_in_scope as u using (unit_code)
        cross join period_bounds as p
        where g.campaign_code = p_campaign_code
        group by g.unit_code
    ),
    results as (
        select r.unit_code,
               sum(r.met) filter (where r.subject_type = 'tap_the')::bigint as collective_met,
               sum(r.evaluated) filter (where r.subject_type = 'tap_the')::bigint
                   as collective_evaluated,
               sum(r.met) filter (where r.subject_type = 'ca_nhan')::bigint as individual_met,
               sum(r.evaluated) filter (where r.subject_type = 'ca_nhan')::bigint
                   as individual_evaluated
        from agg_unit_results as r
        semi join units_in_scope as u using (unit_code)
        join period_bounds as p on r.period = p.period
        where r.campaign_code = p_campaign_code
        group by r.unit_code
    ),
    combined as (
        select
            u.unit_code, u.unit_name, u.unit_type,
            coalesce(sc.staff_total, 0) as staff_total,
            coalesce(sc.staff_registered, 0) as staff_registered,
            coalesce(u.registered_on <= cast(p_as_of as date), false) as is_registered,
            coalesce(r.collective_met, 0) as collective_met,
            coalesce(r.collective_evaluated, 0) as collective_evaluated,
            coalesce(r.individual_met, 0) as individual_met,
            coalesce(r.individual_evaluated, 0) as individual_evaluated,
            (case when coalesce(u.registered_on <= p.period_end, false)
                  then cc.n_collective else 0 end)
                + coalesce(sc.staff_expected, 0) * cc.n_individual as results_expected
        from units_in_scope as u
        cross join criteria_counts as cc
        cross join period_bounds as p
        left join staff_counts as sc using (unit_code)
        left join results as r using (unit_code)
    ),
    final as (
        select
            unit_code, unit_name, unit_type, staff_total, staff_registered,
            pct(staff_registered, staff_total) as staff_participation_pct,
            is_registered,
            collective_met, collective_evaluated,
            pct(collective_met, collective_evaluated)
                as collective_fulfilment_pct,
            individual_met, individual_evaluated,
            pct(individual_met, individual_evaluated)
                as individual_fulfilment_pct,
            collective_evaluated + individual_evaluated as results_evaluated,
            results_expected,
            pct(collective_evaluated + individual_evaluated, results_expected) as completeness_pct
        from combined
    )
    select * from final

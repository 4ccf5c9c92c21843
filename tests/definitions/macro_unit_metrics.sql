-- unit_metrics(campaign_code, as_of, period, unit_codes): participation, fulfilment and
-- completeness per unit in scope (contract section 5); one row per unit. The one definition of
-- these numbers: metrics/unit_metrics lists it, metrics/campaign_kpis adds it up.
create or replace temp macro raw_unit_metrics(p_campaign_code, p_as_of, p_period, p_unit_codes)
as table
    with units_in_scope as (
        select unit_code, unit_name, unit_type from units
        where campaign_code = p_campaign_code
          and (p_unit_codes is null or len(p_unit_codes) = 0 or list_contains(p_unit_codes, unit_code))
    ),
    period_bounds as (
        select cast(p_period as date) as period, last_day(cast(p_period as date)) as period_end
    ),
    staff_in_scope as (
        select s.staff_code, s.unit_code from staff as s join units_in_scope using (unit_code)
        where s.campaign_code = p_campaign_code
    ),
    registrations_of_campaign as (
        select subject_type, subject_code, registered_on from registrations
        where campaign_code = p_campaign_code
    ),
    criteria_counts as (
        select count(*) filter (where applies_to = 'tap_the') as n_collective,
               count(*) filter (where applies_to = 'ca_nhan') as n_individual
        from criteria where campaign_code = p_campaign_code
    ),
    staff_counts as (
        select s.unit_code, count(*) as staff_total,
               count(*) filter (where r.registered_on <= cast(p_as_of as date)) as staff_registered,
               count(*) filter (where r.registered_on <= p.period_end) as staff_expected
        from staff_in_scope as s
        cross join period_bounds as p
        left join registrations_of_campaign as r
            on r.subject_type = 'ca_nhan' and r.subject_code = s.staff_code
        group by s.unit_code
    ),
    unit_registration as (
        select u.unit_code,
               coalesce(r.registered_on <= cast(p_as_of as date), false) as is_registered,
               coalesce(r.registered_on <= p.period_end, false) as is_expected
        from units_in_scope as u
        cross join period_bounds as p
        left join registrations_of_campaign as r
            on r.subject_type = 'tap_the' and r.subject_code = u.unit_code
    ),
    evaluations_in_period as (
        select e.subject_type, e.subject_code, e.result
        from evaluations as e
        join period_bounds as p on e.period = p.period
        where e.campaign_code = p_campaign_code
    ),
    collective as (
        select subject_code as unit_code, count(*) filter (where result) as met,
               count(result) as evaluated
        from evaluations_in_period
        where subject_type = 'tap_the'
        group by subject_code
    ),
    individual as (
        select s.unit_code, count(*) filter (where e.result) as met, count(e.result) as evaluated
        from evaluations_in_period as e
        join staff_in_scope as s on e.subject_type = 'ca_nhan' and e.subject_code = s.staff_code
        group by s.unit_code
    ),
    combined as (
        select
            u.unit_code, u.unit_name, u.unit_type,
            coalesce(sc.staff_total, 0) as staff_total,
            coalesce(sc.staff_registered, 0) as staff_registered,
            ur.is_registered,
            coalesce(c.met, 0) as collective_met,
            coalesce(c.evaluated, 0) as collective_evaluated,
            coalesce(i.met, 0) as individual_met,
            coalesce(i.evaluated, 0) as individual_evaluated,
            (case when ur.is_expected then cc.n_collective else 0 end)
                + coalesce(sc.staff_expected, 0) * cc.n_individual as results_expected
        from units_in_scope as u
        cross join criteria_counts as cc
        left join staff_counts as sc using (unit_code)
        left join unit_registration as ur using (unit_code)
        left join collective as c using (unit_code)
        left join individual as i using (unit_code)
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

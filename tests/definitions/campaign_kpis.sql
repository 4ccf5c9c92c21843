-- The campaign's headline figures for the units in scope (overview, slides, report, summary):
-- one row. Sums of macros/unit_metrics and nomination outcomes as of $as_of.
-- $campaign_code $as_of $period (NULL: no evaluation yet) $unit_codes
with units as (
    select * from raw_unit_metrics($campaign_code, $as_of, $period, $unit_codes)
),
unit_totals as (
    select count(*) as units_total,
           count(*) filter (where is_registered) as units_registered,
           coalesce(sum(staff_total), 0)::bigint as staff_total,
           coalesce(sum(staff_registered), 0)::bigint as staff_registered,
           coalesce(sum(collective_met), 0)::bigint as collective_met,
           coalesce(sum(collective_evaluated), 0)::bigint as collective_evaluated,
           coalesce(sum(individual_met), 0)::bigint as individual_met,
           coalesce(sum(individual_evaluated), 0)::bigint as individual_evaluated,
           coalesce(sum(results_evaluated), 0)::bigint as results_evaluated,
           coalesce(sum(results_expected), 0)::bigint as results_expected
    from units
),
nominations as (
    select count(*) as nominations_total,
           count(*) filter (where status_as_of = 'da_khen_thuong') as nominations_awarded,
           count(*) filter (where status_as_of = 'khong_khen_thuong') as nominations_not_awarded
    from nomination_status_as_of($campaign_code, $as_of, $unit_codes)
),
campaign as (
    select coalesce(target_participation_pct, 100) as target_participation_pct
    from campaigns where campaign_code = $campaign_code
),
final as (
    select
        t.staff_total, t.staff_registered,
        pct(t.staff_registered, t.staff_total)
            as staff_participation_pct,
        t.units_total, t.units_registered,
        pct(t.units_registered, t.units_total)
            as unit_participation_pct,
        c.target_participation_pct,
        t.collective_met, t.collective_evaluated,
        pct(t.collective_met, t.collective_evaluated)
            as collective_fulfilment_pct,
        t.individual_met, t.individual_evaluated,
        pct(t.individual_met, t.individual_evaluated)
            as individual_fulfilment_pct,
        t.results_evaluated, t.results_expected,
        pct(t.results_evaluated, t.results_expected)
            as completeness_pct,
        n.nominations_total, n.nominations_awarded, n.nominations_not_awarded,
        n.nominations_total - n.nominations_awarded - n.nominations_not_awarded
            as nominations_pending
    from unit_totals as t
    cross join nominations as n
    left join campaign as c on true
)
select * from final

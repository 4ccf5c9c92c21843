-- Cumulative registrations of the units in scope, day by day from the campaign start (or the
-- first registration) to $as_of: one row per day and subject type, with the subject total.
-- Reads agg_units and agg_unit_staff. $campaign_code $as_of $unit_codes
with units_in_scope as (
    select a.unit_code, a.registered_on from agg_units as a
    semi join scope_units($campaign_code, $unit_codes) as s using (unit_code)
    where a.campaign_code = $campaign_code
),
staff_in_scope as (
    select g.registered_on, g.staff_count from agg_unit_staff as g
    semi join units_in_scope as u using (unit_code)
    where g.campaign_code = $campaign_code
),
subject_totals as (
    select 'tap_the' as subject_type, count(*)::bigint as subjects_total from units_in_scope
    union all
    select 'ca_nhan', coalesce(sum(staff_count), 0)::bigint from staff_in_scope
),
registered as (
    select 'tap_the' as subject_type, registered_on, 1 as n from units_in_scope
    where registered_on <= cast($as_of as date)
    union all
    select 'ca_nhan', registered_on, staff_count from staff_in_scope
    where registered_on <= cast($as_of as date)
),
bounds as (
    select least(c.start_date, (select min(registered_on) from registered)) as first_day
    from campaigns as c where c.campaign_code = $campaign_code
),
days as (
    select cast(unnest(generate_series(b.first_day, cast($as_of as date), interval 1 day))
                as date) as day
    from bounds as b
),
daily as (
    select d.day, t.subject_type,
           coalesce(sum(r.n), 0)::bigint as registered_that_day
    from days as d
    cross join (values ('tap_the'), ('ca_nhan')) as t(subject_type)
    left join registered as r on r.registered_on = d.day and r.subject_type = t.subject_type
    group by d.day, t.subject_type
),
final as (
    select d.day, d.subject_type, d.registered_that_day,
           cast(sum(d.registered_that_day) over (
               partition by d.subject_type order by d.day) as bigint) as registered_total,
           s.subjects_total
    from daily as d
    join subject_totals as s using (subject_type)
)
select * from final order by subject_type, day

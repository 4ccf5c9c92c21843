-- Cumulative registrations of the units in scope, day by day from the campaign start (or the
-- first registration) to $as_of: one row per day and subject type, with the subject total.
-- $campaign_code $as_of $unit_codes
with units_in_scope as (
    select unit_code from units
    where campaign_code = $campaign_code
      and ($unit_codes is null or len($unit_codes) = 0 or list_contains($unit_codes, unit_code))
),
subjects as (
    select 'tap_the' as subject_type, unit_code as subject_code from units_in_scope
    union all
    select 'ca_nhan', s.staff_code from staff as s join units_in_scope using (unit_code)
    where s.campaign_code = $campaign_code
),
registered as (
    select r.subject_type, r.registered_on
    from registrations as r
    join subjects as s using (subject_type, subject_code)
    where r.campaign_code = $campaign_code and r.registered_on <= cast($as_of as date)
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
           count(r.registered_on) as registered_that_day
    from days as d
    cross join (values ('tap_the'), ('ca_nhan')) as t(subject_type)
    left join registered as r on r.registered_on = d.day and r.subject_type = t.subject_type
    group by d.day, t.subject_type
),
final as (
    select d.day, d.subject_type, d.registered_that_day,
           cast(sum(d.registered_that_day) over (
               partition by d.subject_type order by d.day) as bigint) as registered_total,
           (select count(*) from subjects as s where s.subject_type = d.subject_type)
               as subjects_total
    from daily as d
)
select * from final order by subject_type, day

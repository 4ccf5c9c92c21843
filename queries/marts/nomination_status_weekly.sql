-- Nominations by status at the end of each week, from the week of the first proposal to the
-- week of $as_of (so after the campaign window too): one row per week end and status that has
-- nominations. Reads agg_nomination_counts. $campaign_code $as_of $unit_codes
with bounds as (
    select min(proposed_on) as first_day from nominations where campaign_code = $campaign_code
),
week_ends as (
    select cast(d as date) as day
    from bounds,
         generate_series(date_trunc('week', first_day) + interval 6 day,
                         cast($as_of as date) + interval 6 day, interval 7 day) as g(d)
    where cast(d as date) - 6 <= cast($as_of as date)
),
counts_in_scope as (
    select c.status, c.counted_from, c.counted_until, c.nominations
    from agg_nomination_counts as c
    semi join scope_units($campaign_code, $unit_codes) as u on u.unit_code = c.proposing_unit
    where c.campaign_code = $campaign_code
),
on_week_end as (
    select w.day, c.status, sum(c.nominations)::bigint as nominations
    from week_ends as w
    join counts_in_scope as c
        on c.counted_from <= w.day and (c.counted_until is null or c.counted_until > w.day)
    group by w.day, c.status
),
final as (
    select least(o.day, cast($as_of as date)) as week_end, o.status, s.sort_order,
           o.nominations
    from on_week_end as o
    join statuses as s using (status)
)
select * from final order by week_end, sort_order

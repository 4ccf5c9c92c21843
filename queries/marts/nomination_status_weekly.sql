-- Nominations by status at the end of each week, from the week of the first proposal to the
-- week of $as_of (so after the campaign window too): one row per week end and status that has
-- nominations. Each group of agg_nomination_counts is spread over the week ends it covers
-- (week k ends on the first week's Sunday + 7 k). $campaign_code $as_of $unit_codes
with bounds as (
    select cast(date_trunc('week', min(proposed_on)) + interval 6 day as date) as first_end,
           cast(date_trunc('week', cast($as_of as date)) + interval 6 day as date) as last_end
    from nominations where campaign_code = $campaign_code
),
weeks as (
    select first_end, (last_end - first_end) // 7 as last_week from bounds
),
counts_in_scope as (
    select c.status, c.counted_from, c.counted_until, c.nominations
    from agg_nomination_counts as c
    semi join scope_units($campaign_code, $unit_codes) as u on u.unit_code = c.proposing_unit
    where c.campaign_code = $campaign_code
),
spread as (
    select c.status, c.nominations, w.first_end,
           unnest(range(
               cast(ceil((c.counted_from - w.first_end) / 7.0) as bigint),
               least(w.last_week, coalesce((c.counted_until - 1 - w.first_end) // 7,
                                           w.last_week)) + 1)) as week
    from counts_in_scope as c
    cross join weeks as w
),
on_week_end as (
    select first_end + cast(7 * week as integer) as day, status,
           sum(nominations)::bigint as nominations
    from spread
    group by day, status
),
final as (
    select least(o.day, cast($as_of as date)) as week_end, o.status, s.sort_order,
           o.nominations
    from on_week_end as o
    join statuses as s using (status)
)
select * from final order by week_end, sort_order

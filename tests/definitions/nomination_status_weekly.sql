-- Nominations by status at the end of each week, from the week of the first proposal to the
-- week of $as_of (so after the campaign window too): one row per week end and status that has
-- nominations. $campaign_code $as_of $unit_codes
with bounds as (
    select min(proposed_on) as first_day from nominations where campaign_code = $campaign_code
),
week_ends as (
    select list(cast(d as date)) as days
    from bounds,
         generate_series(date_trunc('week', first_day) + interval 6 day,
                         cast($as_of as date) + interval 6 day, interval 7 day) as g(d)
    where cast(d as date) - 6 <= cast($as_of as date)
),
statuses_on_week_end as (
    select least(day, cast($as_of as date)) as week_end, status_as_of as status
    from nomination_status_on_days($campaign_code, (select days from week_ends), $unit_codes)
),
final as (
    select w.week_end, w.status, s.sort_order, count(*) as nominations
    from statuses_on_week_end as w
    join statuses as s using (status)
    group by w.week_end, w.status, s.sort_order
)
select * from final order by week_end, sort_order

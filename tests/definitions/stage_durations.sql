-- Days spent in each stage, from the history up to $as_of: a stage lasts from its entry to the
-- next entry (or to $as_of while a nomination is still in it); final statuses have no
-- duration. One row per non-final status with at least one stay. $campaign_code $as_of
-- $unit_codes
with nominations_in_scope as (
    select nomination_code from nomination_status_as_of($campaign_code, $as_of, $unit_codes)
),
history as (
    select h.nomination_code, h.status, h.event_date, s.sort_order, s.is_final
    from nomination_events as h
    join nominations_in_scope using (nomination_code)
    join statuses as s using (status)
    where h.campaign_code = $campaign_code and h.event_date <= cast($as_of as date)
),
stays as (
    select status, sort_order, is_final,
           coalesce(lead(event_date) over (
               partition by nomination_code order by event_date, sort_order),
               cast($as_of as date)) - event_date as days,
           lead(event_date) over (
               partition by nomination_code order by event_date, sort_order) is null
               as is_ongoing
    from history
),
final as (
    select status, sort_order, count(*) as stays,
           count(*) filter (where is_ongoing) as ongoing,
           round(median(days), 1) as median_days,
           round(avg(days), 1) as mean_days,
           max(days) as max_days
    from stays
    where not is_final
    group by status, sort_order
)
select * from final order by sort_order

-- Days spent in each stage, from the history up to $as_of: a stage lasts from its entry to the
-- next entry (or to $as_of while a nomination is still in it); final statuses have no
-- duration. One row per non-final status with at least one stay. Reads agg_nomination_steps.
-- $campaign_code $as_of $unit_codes
with steps as (
    select s.status, s.sort_order, s.is_final, s.event_date, s.next_date
    from agg_nomination_steps as s
    semi join scope_units($campaign_code, $unit_codes) as u on u.unit_code = s.proposing_unit
    where s.campaign_code = $campaign_code and s.proposed_on <= cast($as_of as date)
      and s.event_date <= cast($as_of as date)
),
stays as (
    select status, sort_order, is_final,
           case when next_date <= cast($as_of as date) then next_date
                else cast($as_of as date) end - event_date as days,
           next_date is null or next_date > cast($as_of as date) as is_ongoing
    from steps
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

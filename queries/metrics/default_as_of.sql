-- The default as-of date of a campaign: $today, clipped to the latest date present in its data
-- (registrations, evaluation months, nomination history). One row. $campaign_code $today
with dates as (
    select max(registered_on) as d from registrations where campaign_code = $campaign_code
    union all
    select max(period) from evaluations where campaign_code = $campaign_code
    union all
    select max(event_date) from nomination_events where campaign_code = $campaign_code
    union all
    select max(status_date) from nominations where campaign_code = $campaign_code
),
final as (select least(cast($today as date), max(d)) as as_of from dates)
select coalesce(as_of, cast($today as date)) as as_of from final

-- Builds agg_nomination_counts for one campaign from agg_nomination_steps: nominations per
-- proposing unit, award form, status and counted days (run after the steps). $campaign_code
insert into agg_nomination_counts by name
with spans as (
    select proposing_unit, award_code, status,
           greatest(event_date, proposed_on) as counted_from, next_date as counted_until
    from agg_nomination_steps
    where campaign_code = $campaign_code
      and (next_date is null or next_date > greatest(event_date, proposed_on))
),
final as (
    select $campaign_code as campaign_code, proposing_unit, award_code, status, counted_from,
           counted_until, count(*) as nominations
    from spans
    group by proposing_unit, award_code, status, counted_from, counted_until
)
select * from final

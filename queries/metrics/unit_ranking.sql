-- The best units of $period: the $limit units with the highest mean of collective and
-- individual fulfilment (completeness breaks ties), units with neither left out; one row each.
-- $campaign_code $as_of $period $unit_codes $limit
with units as (
    select * from unit_metrics($campaign_code, $as_of, $period, $unit_codes)
),
scored as (
    select unit_code, unit_name, collective_fulfilment_pct, individual_fulfilment_pct,
           completeness_pct,
           (coalesce(collective_fulfilment_pct, 0) + coalesce(individual_fulfilment_pct, 0))
           / nullif((collective_fulfilment_pct is not null)::int
                    + (individual_fulfilment_pct is not null)::int, 0) as score_pct
    from units
),
final as (
    select * from scored where score_pct is not null
)
select * from final
order by score_pct desc, completeness_pct desc nulls last, unit_code
limit $limit

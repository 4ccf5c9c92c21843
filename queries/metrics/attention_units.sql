-- The units that need attention: the $limit units with the lowest of completeness, collective
-- and individual fulfilment in $period (a unit with none of the three first): one row per unit.
-- $campaign_code $as_of $period $unit_codes $limit
with units as (
    select * from unit_metrics($campaign_code, $as_of, $period, $unit_codes)
),
final as (
    select unit_code, unit_name, completeness_pct, collective_fulfilment_pct,
           individual_fulfilment_pct,
           coalesce(least(completeness_pct, individual_fulfilment_pct,
                          collective_fulfilment_pct), -1) as worst_pct
    from units
)
select * from final order by worst_pct, unit_code limit $limit

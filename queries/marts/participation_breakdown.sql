-- Staff participation of the units in scope as of $as_of by gender and staff type: one row per
-- (gender, staff_type) present. Reads agg_unit_staff. $campaign_code $as_of $unit_codes
with staff_in_scope as (
    select g.* from agg_unit_staff as g
    semi join scope_units($campaign_code, $unit_codes) as s using (unit_code)
    where g.campaign_code = $campaign_code
),
counted as (
    select gender, staff_type, sum(staff_count)::bigint as staff_total,
           coalesce(sum(staff_count) filter (
               where registered_on <= cast($as_of as date)), 0)::bigint as staff_registered
    from staff_in_scope
    group by gender, staff_type
),
final as (
    select gender, staff_type, staff_total, staff_registered,
           pct(staff_registered, staff_total) as staff_participation_pct
    from counted
)
select * from final order by gender nulls last, staff_type nulls last

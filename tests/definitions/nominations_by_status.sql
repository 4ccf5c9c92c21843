-- Nominations counted by status as of $as_of: one row per status of the reference list, in
-- pipeline order, zeros included. $campaign_code $as_of $unit_codes
with counted as (
    select status_as_of as status, count(*) as nominations
    from nomination_status_as_of($campaign_code, $as_of, $unit_codes)
    group by status_as_of
),
final as (
    select s.status, s.label_vi, s.label_en, s.is_final, s.sort_order,
           coalesce(c.nominations, 0) as nominations
    from statuses as s
    left join counted as c using (status)
)
select * from final order by sort_order

-- Nominations as of $as_of by award form and status: one row per pair that has nominations,
-- in reference order. $campaign_code $as_of $unit_codes
with final as (
    select n.award_code, a.sort_order as award_order, n.status_as_of as status,
           s.sort_order as status_order, count(*) as nominations
    from nomination_status_as_of($campaign_code, $as_of, $unit_codes) as n
    join award_forms as a using (award_code)
    join statuses as s on s.status = n.status_as_of
    group by n.award_code, a.sort_order, n.status_as_of, s.sort_order
)
select * from final order by award_order, status_order

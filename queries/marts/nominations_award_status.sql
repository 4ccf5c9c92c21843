-- Nominations as of $as_of by award form and status: one row per pair that has nominations,
-- in reference order. Reads agg_nomination_counts. $campaign_code $as_of $unit_codes
with final as (
    select n.award_code, a.sort_order as award_order, n.status,
           s.sort_order as status_order, n.nominations
    from nomination_counts_as_of($campaign_code, $as_of, $unit_codes) as n
    join award_forms as a using (award_code)
    join statuses as s using (status)
)
select * from final order by award_order, status_order

-- Nominations counted by award form as of $as_of, with how many of them are awarded by then:
-- one row per award form with at least one nomination, in reference order.
-- $campaign_code $as_of $unit_codes
with counted as (
    select award_code, sum(nominations)::bigint as nominations,
           coalesce(sum(nominations) filter (where status = 'da_khen_thuong'), 0)::bigint
               as awarded
    from nomination_counts_as_of($campaign_code, $as_of, $unit_codes)
    group by award_code
),
final as (
    select a.award_code, a.label_vi, a.label_en, a.sort_order, c.nominations, c.awarded
    from counted as c
    join award_forms as a using (award_code)
)
select * from final order by sort_order

-- Builds agg_subject_results for one campaign: non-blank results per period and subject,
-- stored in period order (a query for one period reads its row groups only). $campaign_code
insert into agg_subject_results by name
with final as (
    select $campaign_code as campaign_code, period, subject_type, subject_code,
           count(result) as evaluated
    from evaluations
    where campaign_code = $campaign_code
    group by period, subject_type, subject_code
)
select * from final order by period, subject_type, subject_code

-- The campaigns in the database, newest start first: one row per campaign, with the import
-- that last replaced it (file name and time). No parameters.
with final as (
    select c.campaign_code, c.campaign_name, c.start_date, c.end_date, c.plan_ref,
           c.target_participation_pct, c.import_id, i.file_name, i.finished_at as imported_at
    from campaigns as c
    left join imports as i using (import_id)
)
select * from final order by start_date desc, campaign_code

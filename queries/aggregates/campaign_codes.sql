-- Every campaign of the file, by code: the ones whose aggregates aggregates/campaign_is_stale
-- examines, one at a time. No parameters.
select campaign_code from campaigns order by campaign_code

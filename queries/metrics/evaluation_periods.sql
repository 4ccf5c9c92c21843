-- Every evaluation month of a campaign, oldest first (the period pickers): one row per month.
-- $campaign_code
select distinct period from evaluations where campaign_code = $campaign_code order by period

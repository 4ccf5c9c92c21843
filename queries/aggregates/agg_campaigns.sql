-- Records that the campaign's aggregates are built, from which import: its one row of
-- agg_campaigns. $campaign_code
insert into agg_campaigns
select campaign_code, import_id from campaigns where campaign_code = $campaign_code

-- Marks which import last replaced the campaign: its one row of campaigns.
-- $campaign_code $import_id
update campaigns set import_id = $import_id where campaign_code = $campaign_code

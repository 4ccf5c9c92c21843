-- Marks which import last replaced the campaign. $campaign_code $import_id
update campaigns set import_id = $import_id where campaign_code = $campaign_code

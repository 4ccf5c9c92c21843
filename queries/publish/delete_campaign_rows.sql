-- Removes one campaign's rows from {table} (allow-list) before its new rows go in.
-- Every row of the campaign in that table. $campaign_code
delete from {table} where campaign_code = $campaign_code

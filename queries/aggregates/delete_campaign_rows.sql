-- Removes one campaign's rows from the aggregate table {table} (allow-list) before it is built
-- again. Every row of the campaign in that table. $campaign_code
delete from {table} where campaign_code = $campaign_code

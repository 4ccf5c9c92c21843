-- Removes one campaign's rows from {table} (allow-list) before its new rows go in.
delete from {table} where campaign_code = $campaign_code

-- The number of rows the campaign has now in {table} (allow-list), before an import replaces them.
-- One row, one column n. $campaign_code
select count(*) as n from {table} where campaign_code = $campaign_code

-- Copies the typed rows of the import into {table} (allow-list), tagged with the campaign.
-- One row per typed row of typ_{table}. $campaign_code
insert into {table} by name
select $campaign_code as campaign_code, columns(lambda c: c not in ('_row', 'campaign_code'))
from typ_{table}

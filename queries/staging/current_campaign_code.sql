-- The campaign code of the import when its campaign sheet holds exactly one row, else NULL.
-- One row, one column; no parameters.
select case when count(*) = 1 then any_value(campaign_code) end as campaign_code
from typ_campaigns

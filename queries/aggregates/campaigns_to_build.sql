-- The campaigns whose aggregates are missing or older than their last import (a file written
-- by an older version, or restored): one row per campaign. No parameters.
select c.campaign_code
from campaigns as c
left join agg_campaigns as a using (campaign_code)
where a.campaign_code is null or a.import_id is distinct from c.import_id
order by c.campaign_code

-- The campaigns whose aggregates are missing or older than their last import (a file written
-- by an older version, or restored), or lack the named lists' tables added since (nominations
-- or registrations but no agg_nomination_rows or agg_registered_subjects; agg_missing_results
-- is built with the latter and may rightly be empty), or whose nomination steps lack the
-- name_rank added since, or have staff but no agg_staff_registration: one row per campaign. No parameters.
select c.campaign_code
from campaigns as c
left join agg_campaigns as a using (campaign_code)
where a.campaign_code is null or a.import_id is distinct from c.import_id
   or (exists (from nominations as n where n.campaign_code = c.campaign_code)
       and not exists (from agg_nomination_rows as r where r.campaign_code = c.campaign_code))
   or (exists (from registrations as g where g.campaign_code = c.campaign_code)
       and not exists (from agg_registered_subjects as r
                       where r.campaign_code = c.campaign_code))
   or exists (from agg_nomination_steps as s
              where s.campaign_code = c.campaign_code and s.name_rank is null)
   or (exists (from staff as f where f.campaign_code = c.campaign_code)
       and not exists (from agg_staff_registration as f
                       where f.campaign_code = c.campaign_code))
order by c.campaign_code

-- Period P: the latest evaluation month on or before $as_of (NULL when there is none).
-- One row. $campaign_code $as_of
select max(period) as period
from evaluations
where campaign_code = $campaign_code and period <= cast($as_of as date)

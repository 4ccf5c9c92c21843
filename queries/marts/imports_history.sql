-- Every import attempt, newest first: one row per attempt.
select import_id, campaign_code, file_name, sha256, started_at, finished_at, outcome,
       rows_per_table, error_count, warning_count
from imports
order by import_id desc

-- Every import attempt, newest first: one row per attempt (imported, unchanged, rejected or
-- unreadable), with its file, campaign, times and error and warning counts. No parameters.
select import_id, campaign_code, file_name, sha256, started_at, finished_at, outcome,
       rows_per_table, error_count, warning_count
from imports
order by import_id desc

-- Whether the aggregates of $campaign_code must be built: missing or older than its last import
-- (a file written by an older version, or restored), or lacking the named lists' tables added
-- since (nominations or registrations but no agg_nomination_rows or agg_registered_subjects;
-- agg_missing_results is built with the latter and may rightly be empty), or staff but no
-- agg_staff_registration, or nomination steps without the name_rank added since. One row, one
-- boolean. One campaign at a time, so each test reads a table only up to its first row of that
-- campaign (a test over every campaign at once is a join that reads all of them: a tenth of a
-- province's `thidua summary`, issue 10).
with campaign as (
    select import_id from campaigns where campaign_code = $campaign_code
),
built as (
    select import_id from agg_campaigns where campaign_code = $campaign_code
)
select
    not exists (from built)
    or exists (from built as b, campaign as c where b.import_id is distinct from c.import_id)
    or (exists (from nominations where campaign_code = $campaign_code)
        and not exists (from agg_nomination_rows where campaign_code = $campaign_code))
    or (exists (from registrations where campaign_code = $campaign_code)
        and not exists (from agg_registered_subjects where campaign_code = $campaign_code))
    or (exists (from staff where campaign_code = $campaign_code)
        and not exists (from agg_staff_registration where campaign_code = $campaign_code))
    or exists (from agg_nomination_steps
               where campaign_code = $campaign_code and name_rank is null)
    as stale

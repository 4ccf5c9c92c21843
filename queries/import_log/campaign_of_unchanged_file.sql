-- The campaign whose latest successful import came from a file with this $sha256, if any:
-- loading it again would change nothing.
with latest as (
    select campaign_code, arg_max(sha256, import_id) as sha256
    from imports
    where outcome = 'imported'
    group by campaign_code
)
select campaign_code from latest where sha256 = $sha256 limit 1

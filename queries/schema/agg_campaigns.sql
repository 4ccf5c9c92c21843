-- The campaigns whose aggregates are built, with the import they were built from: one row per
-- campaign. A campaign missing here (a file of an older version) is built on the next write.
create table if not exists agg_campaigns (
    campaign_code varchar not null,
    import_id integer
)

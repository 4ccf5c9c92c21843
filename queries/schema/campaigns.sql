-- One row per campaign (Đợt thi đua); import_id is the import that last replaced it.
-- No key constraints: the loader guarantees uniqueness (a DuckDB index would slow the
-- replace-in-one-transaction of a campaign and adds nothing the validation does not check).
create table if not exists campaigns (
    campaign_code varchar not null,
    campaign_name varchar not null,
    start_date date not null,
    end_date date not null,
    plan_ref varchar,
    target_participation_pct double not null default 100,
    import_id integer
)

-- One row per import attempt, accepted or not (outcome).
-- rows_per_table, errors and warnings are JSON text.
create table if not exists imports (
    import_id integer primary key,
    campaign_code varchar,
    file_name varchar not null,
    sha256 varchar,
    started_at timestamp not null,
    finished_at timestamp,
    outcome varchar not null,
    rows_per_table json,
    error_count integer not null default 0,
    warning_count integer not null default 0,
    errors json,
    warnings json
)

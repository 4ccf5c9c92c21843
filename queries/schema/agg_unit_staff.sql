-- Staff counts per campaign, unit, gender, staff type and individual registration date (NULL:
-- not registered): one row per such group. Built at import; participation as of any day.
create table if not exists agg_unit_staff (
    campaign_code varchar not null,
    unit_code varchar not null,
    gender varchar,
    staff_type varchar,
    registered_on date,
    staff_count bigint not null
)

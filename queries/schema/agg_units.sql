-- One row per unit of a campaign with its place in the hierarchy (level 0: top), how many
-- units are below it, its own registration date (Tập thể) and its staff count. Built at import.
create table if not exists agg_units (
    campaign_code varchar not null,
    unit_code varchar not null,
    unit_name varchar not null,
    unit_type varchar,
    parent_unit varchar,
    level integer not null,
    child_count integer not null,
    descendant_count integer not null,
    registered_on date,
    staff_count bigint not null
)

-- One row per staff member of a campaign (Cán bộ).
-- staff_type: công chức, viên chức, người lao động; unit_code names a row of units.
create table if not exists staff (
    campaign_code varchar not null,
    staff_code varchar not null,
    full_name varchar not null,
    unit_code varchar not null,
    position varchar,
    staff_type varchar,
    gender varchar
)

-- One row per staff member (công chức, viên chức, người lao động) of a campaign.
create table if not exists staff (
    campaign_code varchar not null,
    staff_code varchar not null,
    full_name varchar not null,
    unit_code varchar not null,
    position varchar,
    staff_type varchar,
    gender varchar
)

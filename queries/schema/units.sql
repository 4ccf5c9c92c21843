-- One row per unit (phòng, ban, trung tâm) of a campaign.
create table if not exists units (
    campaign_code varchar not null,
    unit_code varchar not null,
    unit_name varchar not null,
    unit_type varchar
)

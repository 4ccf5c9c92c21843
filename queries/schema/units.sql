-- One row per unit (phòng, ban, trung tâm) of a campaign (Đơn vị).
-- unit_type is free text (Lãnh đạo, Phòng, Ban, Trung tâm in the template).
create table if not exists units (
    campaign_code varchar not null,
    unit_code varchar not null,
    unit_name varchar not null,
    unit_type varchar
)

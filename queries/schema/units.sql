-- One row per unit (phòng, ban, trung tâm; in a province: agencies and their units) of a
-- campaign (Đơn vị). unit_type is free text; parent_unit is the unit_code above it (NULL: top).
create table if not exists units (
    campaign_code varchar not null,
    unit_code varchar not null,
    unit_name varchar not null,
    unit_type varchar,
    parent_unit varchar
)

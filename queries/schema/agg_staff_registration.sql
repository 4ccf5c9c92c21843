-- Every staff member with the unit's name, the day of their first individual registration
-- (NULL: none) and list_rank, their place in (unit_code, full_name, staff_code) order within
-- the campaign (marts/unregistered_staff's order). One row per staff member, stored in that
-- order. Built at import.
create table if not exists agg_staff_registration (
    campaign_code varchar not null,
    unit_code varchar not null,
    unit_name varchar,
    staff_code varchar not null,
    full_name varchar,
    position varchar,
    staff_type varchar,
    gender varchar,
    registered_on date,
    list_rank bigint not null
)

-- The nomination statuses in pipeline order (sort_order): one row per status.
-- Written by store.schema from thidua.contract.reference.
create table if not exists statuses (
    status varchar primary key,
    label_vi varchar not null,
    label_en varchar not null,
    meaning varchar not null,
    is_final boolean not null,
    sort_order integer not null
)

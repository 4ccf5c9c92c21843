-- The award forms of the reference list, in their display order.
-- One row per award form; written by store.schema from thidua.contract.reference.
create table if not exists award_forms (
    award_code varchar primary key,
    label_vi varchar not null,
    label_en varchar not null,
    decided_by varchar not null,
    level varchar not null,
    sort_order integer not null
)

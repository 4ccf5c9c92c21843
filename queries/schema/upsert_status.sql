-- Writes one status of the reference list: one row of statuses.
-- $status $label_vi $label_en $meaning $is_final $sort_order
insert or replace into statuses
values ($status, $label_vi, $label_en, $meaning, $is_final, $sort_order)

-- Writes one award form of the reference list: one row of award_forms.
-- $award_code $label_vi $label_en $decided_by $level $sort_order
insert or replace into award_forms
values ($award_code, $label_vi, $label_en, $decided_by, $level, $sort_order)

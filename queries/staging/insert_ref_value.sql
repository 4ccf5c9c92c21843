-- Adds one matching key of a fixed list, once (a code and its label may fold to the same key).
-- $kind $label $value
insert into ref_values
select $kind, fold_key($label), $value
where not exists (select 1 from ref_values where kind = $kind and key = fold_key($label))

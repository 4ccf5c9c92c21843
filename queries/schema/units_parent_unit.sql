-- A database written before units had parent_unit gains the column (NULL: every unit on top).
-- No rows, no parameters.
alter table units add column if not exists parent_unit varchar

-- The fixed lists of the contract as matching keys: one row per (kind, folded key) -> stored value.
-- kinds: award, status, gender, staff_type. Filled by ingest.stage from the contract.
create or replace temp table ref_values (kind varchar, key varchar, value varchar)

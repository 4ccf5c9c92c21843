-- The column specs of dashboard.reference as rows, for the generic cell checks:
-- one row per (table_name, column_name). Filled by the validator.
create or replace temp table import_columns (
    table_name varchar, column_name varchar, column_type varchar, is_required boolean
)

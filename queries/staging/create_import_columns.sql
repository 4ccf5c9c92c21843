-- The column specs of thidua.contract.reference as rows, for the generic cell checks:
-- one row per (table_name, column_name). Filled by ingest.stage.
create or replace temp table import_columns (
    table_name varchar, column_name varchar, column_type varchar, is_required boolean
)

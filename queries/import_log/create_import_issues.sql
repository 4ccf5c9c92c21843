-- The problems found by the checks of one import: one row per problem.
-- Temp table filled by import_log/collect_issues; table_name is the table the row points at.
create or replace temp table import_issues (
    table_name varchar, severity varchar, code varchar, row_number integer,
    column_name varchar, value varchar, detail varchar
)

-- Appends the rows of one check query (a file of queries/checks, put in the braces below)
-- to import_issues. $table_name names the table its rows point at.
insert into import_issues
select $table_name as table_name, severity, code, row_number, column_name, value, detail
from ({check})

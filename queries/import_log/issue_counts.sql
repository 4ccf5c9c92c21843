-- How many problems of each severity the checks found: one row per severity.
-- No parameters; reads the temp table import_issues.
select severity, count(*) as n from import_issues group by severity

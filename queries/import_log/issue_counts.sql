-- How many problems of each severity the checks found: one row per severity.
select severity, count(*) as n from import_issues group by severity

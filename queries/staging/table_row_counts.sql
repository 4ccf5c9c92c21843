-- The row count of each typed table of the import: one row per table.
-- No parameters; reads the temp tables typ_*.
select 'campaigns' as table_name, count(*) as n from typ_campaigns
union all select 'units', count(*) from typ_units
union all select 'staff', count(*) from typ_staff
union all select 'criteria', count(*) from typ_criteria
union all select 'registrations', count(*) from typ_registrations
union all select 'evaluations', count(*) from typ_evaluations
union all select 'nominations', count(*) from typ_nominations
union all select 'nomination_events', count(*) from typ_nomination_events

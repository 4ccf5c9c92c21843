-- The nominations table as of $as_of: one row per nomination in scope, with the subject's name,
-- its unit, the award form, the status as of that date (agg_nomination_steps), the days in it
-- and the decision, ordered by award, status and the subject's name (name_rank, precomputed in
-- agg_nomination_rows and kept with the steps). $campaign_code $as_of $unit_codes
-- $scope_units (NULL: every unit) keeps the rows of those proposing units only, and
-- $row_limit (NULL: all) the first rows: both before the names are joined, so a page asking
-- for its first 2,000 rows of the country's 500,000 joins 2,000 rows, not 500,000.
with picked as (
    select n.*
    from nomination_status_from_steps($campaign_code, $as_of, $unit_codes) as n
    where $scope_units is null or list_contains($scope_units, n.proposing_unit)
    order by n.award_code, n.status_as_of, n.name_rank
    limit $row_limit
),
final as (
    select
        n.nomination_code, n.subject_type, r.subject_name, r.position,
        n.proposing_unit, r.proposing_unit_name,
        n.award_code, a.label_vi as award_label_vi, a.label_en as award_label_en,
        n.proposed_on, n.status_as_of as status, st.label_vi as status_label_vi,
        st.label_en as status_label_en, n.status_since,
        cast($as_of as date) - n.status_since as days_in_status,
        case when n.status_as_of = 'da_khen_thuong' then r.decision_ref end as decision_ref,
        r.achievement, n.name_rank
    from picked as n
    join agg_nomination_rows as r
        on r.campaign_code = $campaign_code and r.nomination_code = n.nomination_code
    join award_forms as a on a.award_code = n.award_code
    join statuses as st on st.status = n.status_as_of
)
select * exclude (name_rank) from final order by award_code, status, name_rank

-- The nominations table as of $as_of: one row per nomination in scope, with the subject's name,
-- its unit, the award form, the status as of that date, the days in it and the decision.
-- $campaign_code $as_of $unit_codes
with final as (
    select
        n.nomination_code, n.subject_type,
        coalesce(s.full_name, u.unit_name) as subject_name,
        s.position,
        n.proposing_unit, pu.unit_name as proposing_unit_name,
        n.award_code, a.label_vi as award_label_vi, a.label_en as award_label_en,
        n.proposed_on, n.status_as_of as status, st.label_vi as status_label_vi,
        st.label_en as status_label_en, n.status_since,
        cast($as_of as date) - n.status_since as days_in_status,
        n.decision_ref, n.achievement
    from nomination_status_as_of($campaign_code, $as_of, $unit_codes) as n
    left join staff as s
        on n.subject_type = 'ca_nhan' and s.campaign_code = $campaign_code
       and s.staff_code = n.subject_code
    left join units as u
        on n.subject_type = 'tap_the' and u.campaign_code = $campaign_code
       and u.unit_code = n.subject_code
    left join units as pu on pu.campaign_code = $campaign_code and pu.unit_code = n.proposing_unit
    join award_forms as a using (award_code)
    join statuses as st on st.status = n.status_as_of
)
select * from final order by award_code, status, subject_name, nomination_code

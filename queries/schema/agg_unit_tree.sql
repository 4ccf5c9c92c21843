-- Every unit with each of its ancestors and itself (depth 0: itself, 1: its parent, ...): one
-- row per campaign, unit and ancestor. Built at import (queries/aggregates): the unit scope.
create table if not exists agg_unit_tree (
    campaign_code varchar not null,
    ancestor_code varchar not null,
    unit_code varchar not null,
    depth integer not null
)

-- Lineage read model (docs/lineage.md); rebuilt identically by a replay.

-- Every vacant of the graph, numbered by the global index of its GENESIS or BIRTH event.
create table lineage_node (
    vacant_id varchar(64) primary key,
    node      bigint      not null,
    constraint lineage_node_node_uk unique (node)
);

-- The graph parent -> child: one primary edge per BIRTH, plus D4's marked secondary edge (same path and time).
-- position is the BIRTH's global index, i.e. the child's node.
create table lineage_edge (
    parent     varchar(64)              not null,
    child      varchar(64)              not null,
    path       varchar(2)               not null,
    secondary  boolean                  not null,
    created_at timestamp with time zone not null,
    position   bigint                   not null,
    constraint lineage_edge_pk primary key (parent, child),
    constraint lineage_edge_position_uk unique (position, secondary)
);
create index lineage_edge_child_idx on lineage_edge (child, secondary);

-- Transitive closure over both kinds of edge: every (ancestor, descendant) pair at its shortest distance, and
-- whether that shortest path enters the descendant through its secondary edge (the primary one wins ties).
-- Written once per BIRTH, never updated: a newborn has no descendants yet.
create table lineage_closure (
    ancestor      bigint  not null,
    descendant    bigint  not null,
    depth         integer not null,
    via_secondary boolean not null,
    constraint lineage_closure_pk primary key (descendant, ancestor)
);
-- Descendant pages in (depth, descendant) order straight off the index, with no heap access.
create index lineage_closure_descendants_idx on lineage_closure (ancestor, depth, descendant, via_secondary);

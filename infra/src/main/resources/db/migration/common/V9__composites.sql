-- Composite read model (see CompositeProjector); rebuilt identically by a replay.

-- Registered children with their axes and the manifest in force (the graduation manifest once graduated).
create table composite_child (
    child_id              varchar(64)              primary key,
    parent_id             varchar(64)              not null,
    registered_at         timestamp with time zone not null,
    schema_version        varchar(4)               not null,
    birth_path            varchar(4)               not null,
    closed_by_default     boolean                  not null,
    registry_visibility   varchar(16)              not null,
    endpoint_reachability varchar(16)              not null,
    outbound_policy       varchar(24)              not null,
    manifest              text                     not null,
    graduated_at          timestamp with time zone,
    capability_text       text,
    same_controller_milli bigint,
    same_substrate_milli  bigint,
    same_stylo_milli      bigint
);
create index composite_child_parent_idx on composite_child (parent_id, child_id);

-- Peers a composite allows its PARENT_PERMITTED children to call.
create table composite_allowlist (
    parent_id varchar(64) not null,
    peer_id   varchar(64) not null,
    constraint composite_allowlist_pk primary key (parent_id, peer_id)
);

-- Tree-Only verdicts per caller.
create table composite_outbound (
    vacant_id varchar(64) primary key,
    allowed   bigint      not null,
    denied    bigint      not null
);

-- Delegations and their results, in plan order.
create table composite_delegation (
    delegation_id  varchar(64)              primary key,
    parent_id      varchar(64)              not null,
    parent_seq     bigint                   not null,
    child_id       varchar(64)              not null,
    plan_id        varchar(64)              not null,
    plan_index     integer                  not null,
    parallel       boolean                  not null,
    subtask_digest varchar(64)              not null,
    delegated_at   timestamp with time zone not null,
    result_digest  varchar(64),
    result         text,
    completed_at   timestamp with time zone
);
create index composite_delegation_parent_idx on composite_delegation (parent_id, parent_seq);

-- Capability cards of graduated children, signed by the child.
create table capability_card (
    vacant_id varchar(64)              primary key,
    card      text                     not null,
    issued_at timestamp with time zone not null
);

-- The last composite entry applied per vacant (idempotency).
create table composite_head (
    vacant_id varchar(64) primary key,
    head_seq  bigint      not null
);

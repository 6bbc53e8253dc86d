-- Tasks read model and rewards ledger (docs/tasks.md); both rebuilt identically by a replay.

-- One row per task, as its chain last left it (seq: the last entry applied, so a redelivered event changes nothing).
create table task_view (
    task_id           varchar(64)              primary key,
    state             varchar(16)              not null,
    attempt           integer                  not null,
    submitter         varchar(128)             not null,
    assignee          varchar(64),
    mode              varchar(8)               not null,
    model             varchar(128),
    prompt            text                     not null,
    min_budget_micros bigint                   not null,
    max_budget_micros bigint                   not null,
    cost_micros       bigint                   not null,
    reason            text,
    output            text,
    tool_route        varchar(8),
    tool_name         varchar(64),
    tool_confidence_milli integer,
    seq               bigint                   not null,
    updated_at        timestamp with time zone not null
);
create index task_view_state_idx on task_view (state, task_id);

-- The rewards ledger: one grant per (task, identity), whatever replays or redeliveries happen.
create table reward_grant (
    task_id       varchar(64)              not null,
    identity      varchar(64)              not null,
    amount_micros bigint                   not null,
    granted_at    timestamp with time zone not null,
    constraint reward_grant_pk primary key (task_id, identity)
);
create index reward_grant_identity_idx on reward_grant (identity);

-- Who waits on whom: one row per (task, dependency), so a dependency's outcome reaches its dependants.
create table task_dependency (
    task_id    varchar(64) not null,
    depends_on varchar(64) not null,
    constraint task_dependency_pk primary key (task_id, depends_on)
);
create index task_dependency_depends_on_idx on task_dependency (depends_on);

-- Registry read model: one row per vacant (see RegistryRow); rebuilt identically by a replay.
create table vacant_registry (
    vacant_id           varchar(64)              primary key,
    state               varchar(16)              not null,
    controller          varchar(128)             not null,
    registry_visibility varchar(16)              not null,
    provider            varchar(256)             not null,
    model               varchar(256)             not null,
    model_family        varchar(256)             not null,
    bundle_digest       varchar(64)              not null,
    substrate_digest    varchar(64)              not null,
    birth_path          varchar(4),
    parent              varchar(64),
    secondary_parent    varchar(64),
    capability_text     text,
    created_at          timestamp with time zone not null,
    last_active         timestamp with time zone not null,
    state_since         timestamp with time zone not null,
    last_heartbeat      timestamp with time zone,
    heartbeat_count     bigint                   not null,
    drift_latest_milli  bigint,
    drift_detections    bigint                   not null,
    samples             bigint                   not null,
    head_seq            bigint                   not null,
    head_hash           varchar(64)              not null,
    position            bigint                   not null
);
create index vacant_registry_state_idx on vacant_registry (state, vacant_id);
create index vacant_registry_controller_idx on vacant_registry (controller, vacant_id);

-- Bundle and substrate contents, addressed by their BLAKE2b-256 digests over JCS.
create table vacant_content (
    digest  varchar(64) primary key,
    kind    varchar(16) not null,
    content text        not null
);

-- Every signed logbook entry, served raw.
create table vacant_logbook (
    vacant_id varchar(64)              not null,
    seq       bigint                   not null,
    kind      varchar(32)              not null,
    ts        timestamp with time zone not null,
    body      text                     not null,
    sig       varchar(128)             not null,
    hash      varchar(64)              not null,
    position  bigint                   not null,
    constraint vacant_logbook_pk primary key (vacant_id, seq)
);

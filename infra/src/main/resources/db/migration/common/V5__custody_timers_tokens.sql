-- Custody: private seeds encrypted with AES-256-GCM under the KEK; destroyed keys keep a tombstone row.
create table custody_key (
    vacant_id    varchar(64)              primary key,
    nonce        bytea,
    ciphertext   bytea,
    created_at   timestamp with time zone not null,
    destroyed_at timestamp with time zone
);

-- The persistent per-vacant timer (dormancy steps, SUNK custody heartbeats).
create table vacant_timer (
    vacant_id varchar(64)              primary key,
    due_at    timestamp with time zone not null
);
create index vacant_timer_due_idx on vacant_timer (due_at);

-- Bearer API tokens, stored as SHA-256 hex; the token itself is never stored.
create table api_token (
    token_hash varchar(64)              primary key,
    principal  varchar(128)             not null,
    role       varchar(16)              not null,
    created_at timestamp with time zone not null
);

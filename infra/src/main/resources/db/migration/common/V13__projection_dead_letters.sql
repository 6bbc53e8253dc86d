-- Axon's sequenced dead-letter queue of the projections' processor (JdbcSequencedDeadLetterQueue, docs/architecture.md):
-- an event a projection cannot apply is parked here with every later event of its vacant (its sequence), while
-- the other vacants keep projecting. Columns as Axon's GenericDeadLetterTableFactory declares them (timestamps are
-- ISO-8601 text), in snake_case (AxonJdbcSchemaConfiguration). Portable SQL: identical on PostgreSQL and H2.
create table dead_letter_entry (
    dead_letter_id      varchar(255) not null primary key,
    processing_group    varchar(255) not null,
    sequence_identifier varchar(255) not null,
    sequence_index      bigint       not null,
    message_type        varchar(255) not null,
    event_identifier    varchar(255) not null,
    time_stamp          varchar(255) not null,
    payload_type        varchar(255) not null,
    payload_revision    varchar(255),
    payload             bytea        not null,
    meta_data           bytea,
    aggregate_type      varchar(255),
    aggregate_identifier varchar(255),
    sequence_number     bigint,
    token_type          varchar(255),
    token               bytea,
    enqueued_at         varchar(255) not null,
    last_touched        varchar(255),
    processing_started  varchar(255),
    cause_type          varchar(255),
    cause_message       text,
    diagnostics         bytea,
    constraint dead_letter_entry_sequence_uq unique (processing_group, sequence_identifier, sequence_index)
);
create index dead_letter_entry_group_idx on dead_letter_entry (processing_group);

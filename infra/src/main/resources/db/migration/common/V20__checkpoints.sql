-- The node's own identity: its id names the custody_key row holding its private seed (checkpoints.md).
create table node_identity (
    id      smallint    primary key check (id = 1),
    node_id varchar(64) not null
);

-- The append-only Merkle tree (RFC 6962) over every logbook entry, in the order entries entered it.
-- A leaf is an entry's hash; merkle_node holds every perfect subtree (level 0: the leaf hashes).
create table merkle_leaf (
    leaf_index           bigint       primary key,
    global_index         bigint       not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    entry_hash           bytea        not null,
    constraint merkle_leaf_global_index_uk unique (global_index),
    constraint merkle_leaf_entry_uk unique (aggregate_identifier, sequence_number)
);

create table merkle_node (
    tree_level integer not null,
    node_index bigint  not null,
    hash       bytea   not null,
    constraint merkle_node_pk primary key (tree_level, node_index)
);

-- The tree builder's progress, locked by the builder: every global index up to settled_index is in the tree
-- or was a gap given up as empty (a later commit into it is appended at the end).
create table merkle_state (
    id            smallint primary key check (id = 1),
    tree_size     bigint   not null,
    settled_index bigint   not null
);
insert into merkle_state (id, tree_size, settled_index) values (1, 0, 0);

-- Signed checkpoints (C2SP tlog-checkpoint notes) and witnesses' cosignatures (C2SP tlog-cosignature lines).
create table checkpoint (
    tree_size  bigint                   primary key,
    root_hash  bytea                    not null,
    note       varchar(4000)            not null,
    created_at timestamp with time zone not null
);

create table checkpoint_cosignature (
    tree_size   bigint                   not null,
    witness     varchar(255)             not null,
    line        varchar(1000)            not null,
    received_at timestamp with time zone not null,
    constraint checkpoint_cosignature_pk primary key (tree_size, witness),
    constraint checkpoint_cosignature_checkpoint_fk foreign key (tree_size) references checkpoint (tree_size)
);

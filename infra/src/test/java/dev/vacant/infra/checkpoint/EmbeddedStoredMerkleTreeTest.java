package dev.vacant.infra.checkpoint;

import dev.vacant.infra.audit.MigratedDatabase;

/** The stored Merkle tree contract on H2 in PostgreSQL mode (the embedded default's settings). */
class EmbeddedStoredMerkleTreeTest extends StoredMerkleTreeContract {

    private final MigratedDatabase database = MigratedDatabase.h2("merkle");

    @Override
    MigratedDatabase database() {
        return database;
    }
}

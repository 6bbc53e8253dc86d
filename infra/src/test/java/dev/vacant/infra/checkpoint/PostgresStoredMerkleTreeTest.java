package dev.vacant.infra.checkpoint;

import dev.vacant.infra.audit.DedicatedDatabase;
import dev.vacant.infra.audit.MigratedDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stored Merkle tree contract on a real PostgreSQL, in a database of its own. */
@ExtendWith(DedicatedDatabase.class)
class PostgresStoredMerkleTreeTest extends StoredMerkleTreeContract {

    @Override
    MigratedDatabase database() {
        return MigratedDatabase.postgres(getClass());
    }
}

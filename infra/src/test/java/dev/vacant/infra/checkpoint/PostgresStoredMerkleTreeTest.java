package dev.vacant.infra.checkpoint;

import dev.vacant.infra.audit.DedicatedDatabase;
import org.junit.jupiter.api.extension.ExtendWith;

/** The stored Merkle tree contract on a real PostgreSQL, in a database of its own. */
@ExtendWith(DedicatedDatabase.class)
class PostgresStoredMerkleTreeTest extends StoredMerkleTreeContract {

    @Override
    String jdbcUrl() {
        return DedicatedDatabase.of(getClass()).jdbcUrl();
    }

    @Override
    String user() {
        return DedicatedDatabase.of(getClass()).user();
    }

    @Override
    String password() {
        return DedicatedDatabase.of(getClass()).password();
    }

    @Override
    String vendor() {
        return "postgresql";
    }
}

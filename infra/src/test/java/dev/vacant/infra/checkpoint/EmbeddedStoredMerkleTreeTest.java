package dev.vacant.infra.checkpoint;

import java.util.UUID;

/** The stored Merkle tree contract on H2 in PostgreSQL mode (the embedded default's settings). */
class EmbeddedStoredMerkleTreeTest extends StoredMerkleTreeContract {

    private final String url = "jdbc:h2:mem:merkle_" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Override
    String jdbcUrl() {
        return url;
    }

    @Override
    String user() {
        return "sa";
    }

    @Override
    String password() {
        return "";
    }

    @Override
    String vendor() {
        return "h2";
    }
}

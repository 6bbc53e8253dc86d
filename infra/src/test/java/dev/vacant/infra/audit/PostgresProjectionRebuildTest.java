package dev.vacant.infra.audit;

import org.junit.jupiter.api.extension.ExtendWith;

/** The projection rebuild contract on a real PostgreSQL, in a database of its own. */
@ExtendWith(DedicatedDatabase.class)
class PostgresProjectionRebuildTest extends ProjectionRebuildContract {

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

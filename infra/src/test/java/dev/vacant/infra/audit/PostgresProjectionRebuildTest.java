package dev.vacant.infra.audit;

import org.junit.jupiter.api.extension.ExtendWith;

/** The projection rebuild contract on a real PostgreSQL, in a database of its own. */
@ExtendWith(DedicatedDatabase.class)
class PostgresProjectionRebuildTest extends ProjectionRebuildContract {

    @Override
    MigratedDatabase database() {
        return MigratedDatabase.postgres(getClass());
    }
}

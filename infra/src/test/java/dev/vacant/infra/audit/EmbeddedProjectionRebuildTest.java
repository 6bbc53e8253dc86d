package dev.vacant.infra.audit;

/** The projection rebuild contract on H2 in PostgreSQL mode (the embedded default's settings). */
class EmbeddedProjectionRebuildTest extends ProjectionRebuildContract {

    private final MigratedDatabase database = MigratedDatabase.h2("audit");

    @Override
    MigratedDatabase database() {
        return database;
    }
}

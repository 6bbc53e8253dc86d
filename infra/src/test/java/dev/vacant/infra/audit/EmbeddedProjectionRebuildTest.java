package dev.vacant.infra.audit;

import java.util.UUID;

/** The projection rebuild contract on H2 in PostgreSQL mode (the embedded default's settings). */
class EmbeddedProjectionRebuildTest extends ProjectionRebuildContract {

    private final String url = "jdbc:h2:mem:audit_" + UUID.randomUUID()
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

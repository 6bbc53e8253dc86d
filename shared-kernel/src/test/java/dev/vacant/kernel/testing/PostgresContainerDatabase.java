package dev.vacant.kernel.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The Testcontainers fallback: one {@code postgres:15} container per JVM, removed by
 * Testcontainers' reaper when the JVM exits. Kept apart so that Testcontainers classes load only
 * when the environment variables are absent.
 */
final class PostgresContainerDatabase {

    private static final String IMAGE = "postgres:15";

    private PostgresContainerDatabase() {
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    @SuppressWarnings("resource") // lives as long as the JVM; the reaper removes it
    static PostgresDatabase start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(IMAGE);
        container.start();
        return new PostgresDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
}

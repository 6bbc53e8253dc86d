package dev.vacant.kernel.testing;

/**
 * Connection coordinates of the real PostgreSQL database shared by every test of one JVM.
 * Inject it as a test parameter of a {@link RealPostgres} test.
 */
public record PostgresDatabase(String jdbcUrl, String user, String password) {
}

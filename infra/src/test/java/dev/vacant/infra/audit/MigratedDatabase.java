package dev.vacant.infra.audit;

import dev.vacant.kernel.testing.PostgresDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database for the plain-JDBC contract tests (no Spring context): where it is, and its engine's folder of
 * migrations ({@code db/migration/<vendor>}, next to {@code db/migration/common}).
 */
public record MigratedDatabase(String jdbcUrl, String user, String password, String vendor) {

    /** A fresh in-memory H2 in PostgreSQL mode (the embedded default's settings), its name starting with {@code name}. */
    public static MigratedDatabase h2(String name) {
        return new MigratedDatabase("jdbc:h2:mem:" + name + "_" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", "h2");
    }

    /** The PostgreSQL database of {@code testClass} alone ({@link DedicatedDatabase}, which the class must extend with). */
    public static MigratedDatabase postgres(Class<?> testClass) {
        PostgresDatabase database = DedicatedDatabase.of(testClass);
        return new MigratedDatabase(database.jdbcUrl(), database.user(), database.password(), "postgresql");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    public DriverManagerDataSource dataSource() {
        return new DriverManagerDataSource(jdbcUrl, user, password);
    }

    /** Flyway over this engine's migrations, allowed to clean. */
    public FluentConfiguration flyway() {
        return Flyway.configure().dataSource(dataSource()).cleanDisabled(false)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor);
    }
}

package dev.vacant.infra.support;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database migrated by the application's Flyway migrations, without a Spring context: for tests of offline tools. */
public final class MigratedDatabase {

    private MigratedDatabase() {
    }

    /** Migrates the database at {@code url} (PostgreSQL or H2) and answers a template on it. */
    public static JdbcTemplate migrate(String url, String user, String password) {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
        String vendor = url.startsWith("jdbc:h2:") ? "h2" : "postgresql";
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
        return new JdbcTemplate(dataSource);
    }

    /** The URL of an embedded store (the application's H2 settings) in {@code dataDir}. */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("vacant")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
}

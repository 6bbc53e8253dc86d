package dev.vacant.infra.audit;

import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.testing.PostgresDatabase;
import dev.vacant.kernel.testing.PostgresExtension;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh PostgreSQL database per test class ({@code vacant_audit_<random>}) on the server of the shared test
 * database, so audit tests can tamper with a whole event store without touching the data of other test classes.
 * Created on first use by {@link #of}; dropped after the class. Declare this extension before
 * {@code @SpringBootTest} so that it runs after Spring has closed a context bound to the database.
 */
public final class DedicatedDatabase implements AfterAllCallback {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(.*)");
    private static final Map<Class<?>, PostgresDatabase> CREATED = new HashMap<>();

    /** The dedicated database of {@code testClass}, created on first use. */
    public static synchronized PostgresDatabase of(Class<?> testClass) {
        return CREATED.computeIfAbsent(testClass, type -> create());
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        PostgresDatabase database;
        synchronized (DedicatedDatabase.class) {
            database = CREATED.remove(context.getRequiredTestClass());
        }
        if (database != null) {
            execute("drop database if exists " + name(database) + " with (force)");
        }
    }

    private static PostgresDatabase create() {
        byte[] suffix = new byte[6];
        new SecureRandom().nextBytes(suffix);
        String name = "vacant_audit_" + Hex.encode(suffix);
        try {
            execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the dedicated audit database", e);
        }
        PostgresDatabase shared = PostgresExtension.database();
        Matcher url = matcher(shared);
        return new PostgresDatabase(url.group(1) + name + url.group(3), shared.user(), shared.password());
    }

    private static void execute(String sql) throws SQLException {
        PostgresDatabase shared = PostgresExtension.database();
        try (Connection admin = DriverManager.getConnection(shared.jdbcUrl(), shared.user(), shared.password());
             Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String name(PostgresDatabase database) {
        return matcher(database).group(2);
    }

    private static Matcher matcher(PostgresDatabase database) {
        Matcher url = URL.matcher(database.jdbcUrl());
        if (!url.matches()) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL: " + database.jdbcUrl());
        }
        return url;
    }
}

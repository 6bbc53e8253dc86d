package dev.vacant.kernel.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Provides the JVM-wide {@link PostgresDatabase} (see {@link PostgresResolver} for where it comes
 * from), injects it as a test parameter, and exposes it to Spring Boot as the
 * {@code spring.datasource.*} system properties while the test class runs.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final String PREVIOUS_PROPERTIES = "previousProperties";

    private static PostgresDatabase shared;

    /** The database shared by every test of this JVM, resolved on first use. */
    public static synchronized PostgresDatabase database() {
        if (shared == null) {
            shared = PostgresResolver.resolve(System.getenv(),
                    PostgresContainerDatabase::dockerAvailable, PostgresContainerDatabase::start,
                    PostgresEmbeddedDatabase::start);
        }
        return shared;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        PostgresDatabase database = database();
        context.getStore(NAMESPACE).put(PREVIOUS_PROPERTIES, DataSourceProperties.current());
        DataSourceProperties.of(database).apply();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        DataSourceProperties previous = context.getStore(NAMESPACE).remove(PREVIOUS_PROPERTIES, DataSourceProperties.class);
        if (previous != null) { // null when beforeAll failed to resolve a database
            previous.apply();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PostgresDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return database();
    }

    /** The Spring Boot datasource system properties; a {@code null} value means "unset". */
    private record DataSourceProperties(Map<String, String> values) {

        private static final String URL = "spring.datasource.url";
        private static final String USERNAME = "spring.datasource.username";
        private static final String PASSWORD = "spring.datasource.password";

        static DataSourceProperties of(PostgresDatabase database) {
            return new DataSourceProperties(Map.of(
                    URL, database.jdbcUrl(), USERNAME, database.user(), PASSWORD, database.password()));
        }

        static DataSourceProperties current() {
            Map<String, String> values = new HashMap<>();
            List.of(URL, USERNAME, PASSWORD).forEach(key -> values.put(key, System.getProperty(key)));
            return new DataSourceProperties(values);
        }

        void apply() {
            values.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }
}

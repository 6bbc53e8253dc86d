package dev.vacant.infra.cli;

import dev.vacant.infra.audit.ConnectionSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where an offline command finds the application's database: {@code --jdbc-url} (any JDBC URL, the application's own
 * H2 URL, or the plain path of an embedded store: its data directory or its {@code vacant.mv.db} file) or
 * {@code --data-dir} (an embedded store's data directory). H2 URLs get the settings the application uses (PostgreSQL
 * mode, lower-case names) and never create a database that does not exist.
 */
public final class StoreOptions {

    /** The H2 settings of the application's embedded store ({@code application.yml}), plus never creating one. */
    private static final Map<String, String> H2_SETTINGS = Map.of("MODE", "PostgreSQL", "DATABASE_TO_LOWER", "TRUE",
            "DEFAULT_NULL_ORDERING", "HIGH", "IFEXISTS", "TRUE");
    private static final String H2_FILE = "jdbc:h2:file:";
    private static final String STORE_NAME = "vacant";
    private static final String STORE_FILE = ".mv.db";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--jdbc-url", paramLabel = "URL|PATH",
            description = "JDBC URL of the database, or the path of an embedded store (directory or vacant.mv.db).")
    String jdbcUrl;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory of an embedded (H2) store.")
    Path dataDir;

    @Option(names = "--user", defaultValue = "${env:VACANT_DB_USER}",
            description = "Database user (default: $VACANT_DB_USER; sa for an embedded store).")
    String user;

    @Option(names = "--password", defaultValue = "${env:VACANT_DB_PASSWORD}",
            description = "Database password (default: $VACANT_DB_PASSWORD).")
    String password;

    /** The JDBC URL named by the options; a usage error unless exactly one of them is given. */
    String url() {
        if ((jdbcUrl == null) == (dataDir == null)) {
            throw new ParameterException(command.commandLine(), "Give the database: one of --jdbc-url or --data-dir");
        }
        return dataDir != null ? embedded(dataDir) : resolve(jdbcUrl);
    }

    /**
     * Opens connections to the database the options name. PostgreSQL connections send a JDBC batch of inserts as
     * multi-row inserts, as the server's data source does ({@code application-postgres.yml}): an audit's rebuild
     * writes its scratch tables in such batches.
     */
    ConnectionSource connections() {
        String url = url();
        boolean h2 = url.startsWith("jdbc:h2:");
        Properties properties = new Properties();
        String login = user != null ? user : h2 ? "sa" : null;
        String secret = password != null ? password : h2 ? "" : null;
        if (login != null) {
            properties.setProperty("user", login);
        }
        if (secret != null) {
            properties.setProperty("password", secret);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        return () -> DriverManager.getConnection(url, properties);
    }

    /** A data source on one connection, for a command's few statements; {@code destroy()} it when done. */
    SingleConnectionDataSource dataSource() throws SQLException {
        return new SingleConnectionDataSource(connections().open(), true);
    }

    /** The JDBC URL of {@code urlOrPath}: a JDBC URL (H2 ones completed) or the path of an embedded store. */
    static String resolve(String urlOrPath) {
        if (urlOrPath.startsWith("jdbc:h2:")) {
            return withH2Settings(urlOrPath);
        }
        if (urlOrPath.startsWith("jdbc:")) {
            return urlOrPath;
        }
        Path path = Path.of(urlOrPath);
        if (Files.isDirectory(path)) {
            return embedded(path);
        }
        String file = path.toAbsolutePath().normalize().toString();
        return withH2Settings(H2_FILE + (file.endsWith(STORE_FILE) ? file.substring(0, file.length() - STORE_FILE.length()) : file));
    }

    /** The JDBC URL of the embedded store in {@code dataDir}. */
    static String embedded(Path dataDir) {
        return withH2Settings(H2_FILE + dataDir.toAbsolutePath().normalize().resolve(STORE_NAME));
    }

    private static String withH2Settings(String url) {
        StringBuilder completed = new StringBuilder(url);
        String upper = url.toUpperCase(Locale.ROOT);
        H2_SETTINGS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .filter(setting -> !upper.contains(";" + setting.getKey() + "="))
                .forEach(setting -> completed.append(';').append(setting.getKey()).append('=').append(setting.getValue()));
        return completed.toString();
    }
}

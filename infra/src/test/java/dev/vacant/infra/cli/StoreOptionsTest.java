package dev.vacant.infra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.testing.PostgresDatabase;
import dev.vacant.kernel.testing.RealPostgres;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.PgConnection;

/** The offline commands' connections to a PostgreSQL store. */
@RealPostgres
class StoreOptionsTest {

    @Test
    void postgresConnections_sendBatchedInsertsAsMultiRowInserts_asTheServersDataSourceDoes(PostgresDatabase database)
            throws Exception {
        StoreOptions options = new StoreOptions();
        options.jdbcUrl = database.jdbcUrl();
        options.user = database.user();
        options.password = database.password();

        try (Connection connection = options.connections().open()) {
            assertThat(connection.unwrap(PgConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled())
                    .isTrue();
        }
    }
}

package dev.vacant.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.PgConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

class PostgresBootTest extends PostgresApplicationTest implements BootContract {

    @Autowired
    private ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }

    @Test
    void axonAndSchedulerTables_exist_withSnakeCaseNames() {
        List<String> tables = jdbc().queryForList(
                "select table_name from information_schema.tables where table_schema = current_schema()", String.class);

        assertThat(tables).contains("domain_event_entry", "snapshot_event_entry", "token_entry",
                "saga_entry", "association_value_entry", "scheduled_tasks");
    }

    @Test
    void binaryColumns_areBytea_neverLargeObjects() {
        List<String> bytea = jdbc().queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = current_schema() and data_type = 'bytea'""", String.class);
        Integer oidColumns = jdbc().queryForObject("""
                select count(*) from information_schema.columns
                where table_schema = current_schema() and udt_name in ('oid', 'lo')""", Integer.class);

        assertThat(bytea).contains(
                "domain_event_entry.payload", "domain_event_entry.meta_data",
                "snapshot_event_entry.payload", "snapshot_event_entry.meta_data",
                "token_entry.token", "saga_entry.serialized_saga", "scheduled_tasks.task_data");
        assertThat(oidColumns).isZero();
    }

    @Test
    void batchedInserts_goToTheServerAsMultiRowInserts(@Autowired DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.unwrap(PgConnection.class).getQueryExecutor().isReWriteBatchedInsertsEnabled())
                    .isTrue();
        }
    }

    @Test
    void globalIndex_isAnIdentityPrimaryKey() {
        String identity = jdbc().queryForObject("""
                select is_identity from information_schema.columns
                where table_schema = current_schema() and table_name = 'domain_event_entry'
                  and column_name = 'global_index'""", String.class);

        assertThat(identity).isEqualTo("YES");
    }
}

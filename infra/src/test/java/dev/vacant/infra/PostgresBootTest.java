package dev.vacant.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

class PostgresBootTest extends PostgresApplicationTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void health_isUp_onPostgres() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void flyway_appliesEveryMigrationSuccessfully_onPostgres() {
        List<Map<String, Object>> history = jdbc.queryForList(
                "select version, success from flyway_schema_history where version is not null order by installed_rank");

        assertThat(history).extracting(row -> row.get("version")).containsExactly("1", "2", "3", "4", "5", "6", "9");
        assertThat(history).extracting(row -> row.get("success")).containsOnly(true);
    }

    @Test
    void axonAndSchedulerTables_exist_withSnakeCaseNames() {
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = current_schema()", String.class);

        assertThat(tables).contains("domain_event_entry", "snapshot_event_entry", "token_entry",
                "saga_entry", "association_value_entry", "scheduled_tasks");
    }

    @Test
    void binaryColumns_areBytea_neverLargeObjects() {
        List<String> bytea = jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = current_schema() and data_type = 'bytea'""", String.class);
        Integer oidColumns = jdbc.queryForObject("""
                select count(*) from information_schema.columns
                where table_schema = current_schema() and udt_name in ('oid', 'lo')""", Integer.class);

        assertThat(bytea).contains(
                "domain_event_entry.payload", "domain_event_entry.meta_data",
                "snapshot_event_entry.payload", "snapshot_event_entry.meta_data",
                "token_entry.token", "saga_entry.serialized_saga", "scheduled_tasks.task_data");
        assertThat(oidColumns).isZero();
    }

    @Test
    void globalIndex_isAnIdentityPrimaryKey() {
        String identity = jdbc.queryForObject("""
                select is_identity from information_schema.columns
                where table_schema = current_schema() and table_name = 'domain_event_entry'
                  and column_name = 'global_index'""", String.class);

        assertThat(identity).isEqualTo("YES");
    }
}

package dev.vacant.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

class EmbeddedBootTest extends EmbeddedApplicationTest {

    @Autowired
    private MockMvc mvc;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void health_isUp_onTheEmbeddedDefault() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void database_isAnH2File_inTheConfiguredDataDir() {
        String url = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getURL());

        assertThat(url).startsWith("jdbc:h2:file:" + DATA_DIR);
        assertThat(DATA_DIR.resolve("vacant.mv.db")).isRegularFile();
    }

    @Test
    void flyway_appliesEveryMigration_onH2() {
        List<String> applied = jdbc.queryForList(
                "select version from flyway_schema_history where version is not null and success order by installed_rank", String.class);

        assertThat(applied).containsExactly("1", "2", "3", "4", "5", "6", "9");
    }

    @Test
    void openApiDescription_isServed_withTheLifecycleEndpoint() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/lifecycle/transitions")));
    }
}

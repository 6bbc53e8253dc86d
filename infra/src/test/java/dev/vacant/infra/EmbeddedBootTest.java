package dev.vacant.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;

class EmbeddedBootTest extends EmbeddedApplicationTest implements BootContract {

    @Autowired
    private ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }

    @Test
    void database_isAnH2File_inTheConfiguredDataDir() {
        String url = jdbc().execute((ConnectionCallback<String>) connection -> connection.getMetaData().getURL());

        assertThat(url).startsWith("jdbc:h2:file:" + DATA_DIR);
        assertThat(DATA_DIR.resolve("vacant.mv.db")).isRegularFile();
    }

    @Test
    void openApiDescription_isServed_withTheLifecycleEndpoint() throws Exception {
        mvc().perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/lifecycle/transitions")));
    }
}

package dev.vacant.infra.web.task;

import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.vacant.infra.EmbeddedApplicationTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

class TaskTransitionsEndpointTest extends EmbeddedApplicationTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void transitions_listAll88Cells_withElevenValid_withoutAToken() throws Exception {
        transitions()
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.cells", hasSize(88)))
                .andExpect(jsonPath("$.cells[?(@.valid == true)]", hasSize(11)))
                .andExpect(jsonPath("$.cells[?(@.valid == false)].next", everyItem(nullValue())));
    }

    @Test
    void transitions_sendARequeuedTaskBackToTheQueue() throws Exception {
        transitions()
                .andExpect(jsonPath("$.cells[?(@.state == 'REQUEUED' && @.event == 'RETRIED')].valid").value(true))
                .andExpect(jsonPath("$.cells[?(@.state == 'REQUEUED' && @.event == 'RETRIED')].next").value("QUEUED"));
    }

    @Test
    void transitions_rejectEveryEvent_whenApproved() throws Exception {
        transitions()
                .andExpect(jsonPath("$.cells[?(@.state == 'APPROVED')]", hasSize(11)))
                .andExpect(jsonPath("$.cells[?(@.state == 'APPROVED')].valid", everyItem(Matchers.is(false))));
    }

    @Test
    void transitions_listThePredicatesOfEveryState() throws Exception {
        transitions()
                .andExpect(jsonPath("$.predicates", hasSize(8)))
                .andExpect(jsonPath("$.predicates[?(@.state == 'REJECTED')].is_final").value(true))
                .andExpect(jsonPath("$.predicates[?(@.state == 'QUEUED')].is_takeable").value(true))
                .andExpect(jsonPath("$.predicates[?(@.state == 'BLOCKED')].is_takeable").value(false));
    }

    @Test
    void openApiDescription_documentsEveryTaskEndpoint() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/tasks'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/tasks'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/tasks/{id}'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/tasks/transitions'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/control/halt'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/control/pause'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/control/resume'].post").exists())
                .andExpect(jsonPath("$.paths['/api/v1/rewards/{vacant}'].get").exists());
    }

    private ResultActions transitions() throws Exception {
        return mvc.perform(get("/api/v1/tasks/transitions"));
    }
}

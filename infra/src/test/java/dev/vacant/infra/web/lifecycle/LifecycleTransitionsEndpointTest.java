package dev.vacant.infra.web.lifecycle;

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

class LifecycleTransitionsEndpointTest extends EmbeddedApplicationTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void transitions_listAll42Cells_withTwentyValid() throws Exception {
        transitions()
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.cells", hasSize(42)))
                .andExpect(jsonPath("$.cells[?(@.valid == true)]", hasSize(20)))
                .andExpect(jsonPath("$.cells[?(@.valid == false)].next", everyItem(nullValue())));
    }

    @Test
    void transitions_wakeAHibernatingVacant_whenACallIsReceived() throws Exception {
        transitions()
                .andExpect(jsonPath("$.cells[?(@.state == 'HIBERNATING' && @.event == 'CALL_RECEIVED')].valid").value(true))
                .andExpect(jsonPath("$.cells[?(@.state == 'HIBERNATING' && @.event == 'CALL_RECEIVED')].next").value("ACTIVE"));
    }

    @Test
    void transitions_rejectEveryEvent_whenArchived() throws Exception {
        transitions()
                .andExpect(jsonPath("$.cells[?(@.state == 'ARCHIVED')]", hasSize(7)))
                .andExpect(jsonPath("$.cells[?(@.state == 'ARCHIVED')].valid", everyItem(Matchers.is(false))));
    }

    @Test
    void transitions_listThePredicatesOfEveryState() throws Exception {
        transitions()
                .andExpect(jsonPath("$.predicates", hasSize(6)))
                .andExpect(jsonPath("$.predicates[?(@.state == 'STALE')].requiresRevive").value(true))
                .andExpect(jsonPath("$.predicates[?(@.state == 'STALE')].canReview").value(false))
                .andExpect(jsonPath("$.predicates[?(@.state == 'HIBERNATING')].canBeCalled").value(true))
                .andExpect(jsonPath("$.predicates[?(@.state == 'HIBERNATING')].isRunnable").value(false));
    }

    private ResultActions transitions() throws Exception {
        return mvc.perform(get("/api/v1/lifecycle/transitions"));
    }
}

package dev.vacant.infra.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.vacant.infra.PostgresApplicationTest;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.kernel.json.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Metrics and health groups of the in-process default (profile {@code postgres}); the Kafka fleet: {@code FleetTest}.
 */
class OperationsEndpointsTest extends PostgresApplicationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void prometheus_showsCommandsByOutcomeGroupSizesProjectionLagAndTheInProcessBacklog() throws Exception {
        mvc.perform(post("/api/v1/vacants/genesis").contentType(MediaType.APPLICATION_JSON)
                        .content(Json.write(VacantFixtures.genesis("ops-metrics", null))))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/vacants/vac_" + "a".repeat(52) + "/calls")).andExpect(status().isNotFound());

        String metrics = mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(metrics)
                .containsPattern("vacant_commands_seconds_count\\{[^}]*command=\"CreateGenesisCommand\""
                        + "[^}]*outcome=\"OK\"")
                .containsPattern("vacant_commands_seconds_count\\{[^}]*outcome=\"NOT_FOUND\"")
                .contains("vacant_commands_group_size_commands_count", "vacant_lanes_backlog_ops")
                .containsPattern("vacant_projection_lag_seconds\\{[^}]*processor=\"projections\"")
                .containsPattern("vacant_projection_parked_sequences\\{[^}]*processor=\"projections\"")
                .containsPattern("vacant_projection_parked_events\\{[^}]*processor=\"projections\"");
    }

    @Test
    void prometheus_needsAnOperatorToken() throws Exception {
        mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer nope"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @Test
    void readiness_holdsTheDatabaseAndTheProjections_butNoBrokerWithoutKafka() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.projections.status").value("UP"))
                .andExpect(jsonPath("$.components.broker").doesNotExist());
    }
}

package dev.vacant.infra.vacant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.PostgresApplicationTest;
import dev.vacant.infra.security.ApiTokens;
import dev.vacant.infra.support.ApiClient;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.time.MutableClock;
import dev.vacant.kernel.vacant.VacantEvent;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared setup of the vacant API tests: a client, fresh principals with tokens, and store inspection. */
abstract class VacantApiTestBase extends PostgresApplicationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    EventStore eventStore;

    ApiClient api;
    String operator;
    String alice;
    String aliceToken;
    String bobToken;

    @BeforeEach
    void principals() {
        api = new ApiClient(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        alice = "alice-" + suffix;
        operator = tokens.create("ops-" + suffix, Role.OPERATOR);
        aliceToken = tokens.create(alice, Role.CONTROLLER);
        bobToken = tokens.create("bob-" + suffix, Role.CONTROLLER);
    }

    long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    List<LogbookEntry> logbook(String vacantId) {
        return eventStore.readEvents(vacantId).asStream().map(m -> ((VacantEvent) m.getPayload()).entry()).toList();
    }

    /** Asserts an error answer: status, problem+json code, and that nothing was written. */
    void assertRejected(long eventsBefore, ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }
}

package dev.vacant.infra.vacant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.PostgresApplicationTest;
import dev.vacant.infra.security.ApiTokens;
import dev.vacant.infra.support.ApiClient;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.time.MutableClock;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Shared setup of the vacant API tests: a client, fresh principals with tokens, and store inspection. */
public abstract class VacantApiTestBase extends PostgresApplicationTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected ApiTokens tokens;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected EventStore eventStore;

    protected ApiClient api;
    protected String operator;
    protected String alice;
    protected String aliceToken;
    protected String bobToken;

    @BeforeEach
    void principals() {
        api = new ApiClient(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        alice = "alice-" + suffix;
        operator = tokens.create("ops-" + suffix, Role.OPERATOR);
        aliceToken = tokens.create(alice, Role.CONTROLLER);
        bobToken = tokens.create("bob-" + suffix, Role.CONTROLLER);
    }

    protected long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    protected List<LogbookEntry> logbook(String vacantId) {
        return eventStore.readEvents(vacantId).asStream().map(m -> ((VacantEvent) m.getPayload()).entry()).toList();
    }

    /** Asserts an error answer: status, problem+json code, and that nothing was written. */
    protected void assertRejected(long eventsBefore, ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(storedEvents()).isEqualTo(eventsBefore);
    }
}

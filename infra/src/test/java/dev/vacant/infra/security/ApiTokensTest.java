package dev.vacant.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.support.MigratedDatabase;
import dev.vacant.infra.support.Polling;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.auth.TokenGrant;
import dev.vacant.kernel.testing.PostgresDatabase;
import dev.vacant.kernel.testing.RealPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tokens on a real PostgreSQL, seen by two instances with their own caches (two application nodes on one database):
 * only the hash is stored, and a revoked or deleted token stops working on the other instance within one second.
 */
@RealPostgres
class ApiTokensTest {

    /** How long after {@link ApiTokens#REMEMBERED} a revocation may still take to be seen (polling, a slow machine). */
    private static final Duration SLACK = Duration.ofMillis(400);

    private JdbcTemplate jdbc;
    private ApiTokens node1;
    private ApiTokens node2;
    private String principal;

    @BeforeEach
    void twoNodes(PostgresDatabase database) {
        jdbc = MigratedDatabase.migrate(database.jdbcUrl(), database.user(), database.password());
        node1 = new ApiTokens(jdbc, Clock.systemUTC());
        node2 = new ApiTokens(new JdbcTemplate(jdbc.getDataSource()), Clock.systemUTC());
        principal = "alice-" + UUID.randomUUID();
    }

    @Test
    void issue_storesOnlyTheSha256OfTheSecret_underAPublicId() {
        IssuedToken issued = node1.issue(new TokenGrant(Role.CONTROLLER, principal, "laptop"));

        assertThat(issued.token()).startsWith("vat_");
        assertThat(issued.id()).startsWith("tok_");
        assertThat(jdbc.queryForObject("select token_hash from api_token where id = ?", String.class, issued.id()))
                .isEqualTo(ApiTokens.hash(issued.token())).hasSize(64);
        assertThat(jdbc.queryForObject("select count(*) from api_token where token_hash = ? or principal = ? and label = ?",
                Integer.class, issued.token(), issued.token(), issued.token())).isZero();
        assertThat(node1.list()).contains(new TokenInfo(issued.id(), Role.CONTROLLER, principal, "laptop", issued.createdAt()));
        assertThat(node2.authenticate(issued.token())).contains(new Actor(principal, Role.CONTROLLER));
    }

    @Test
    void revoke_onOneNode_stopsTheTokenOnTheOtherWithinOneSecond() {
        String token = node1.issue(new TokenGrant(Role.CONTROLLER, principal, null)).token();
        String id = node1.list().stream().filter(info -> info.principal().equals(principal)).findFirst().orElseThrow().id();
        assertThat(node2.authenticate(token)).isPresent(); // now remembered by node 2

        assertThat(node1.revoke(id)).isTrue();

        assertThat(node1.authenticate(token)).isEmpty();
        assertRefusedByWithin(node2, token);
        assertThat(node1.revoke(id)).isFalse();
    }

    @Test
    void deletingTheRow_stopsTheTokenOnEveryNodeWithinOneSecond() {
        String token = node1.create(principal, Role.OPERATOR);
        assertThat(node1.authenticate(token)).isPresent();
        assertThat(node2.authenticate(token)).isPresent();

        jdbc.update("delete from api_token where principal = ?", principal);

        assertRefusedByWithin(node1, token);
        assertRefusedByWithin(node2, token);
    }

    private static void assertRefusedByWithin(ApiTokens node, String token) {
        long started = System.nanoTime();
        Polling.awaitUntil("the token is refused", ApiTokens.REMEMBERED.plus(SLACK),
                () -> node.authenticate(token).isEmpty());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThanOrEqualTo(ApiTokens.REMEMBERED.plus(SLACK));
    }
}

package dev.vacant.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.Polling;
import dev.vacant.infra.vacant.VacantApiTestBase;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/tokens} over HTTP on the {@code postgres} profile: operators issue, list and revoke tokens. */
class TokenApiTest extends VacantApiTestBase {

    private int tokenRows() {
        return jdbc.queryForObject("select count(*) from api_token", Integer.class);
    }

    private void assertRefused(Response response, int status, String code, int rowsBefore) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(tokenRows()).isEqualTo(rowsBefore);
    }

    @Test
    void create_issuesAControllerTokenThatWorks_showingTheSecretOnlyInTheAnswer() {
        String carol = "carol-" + UUID.randomUUID();

        Response created = api.post("/api/v1/tokens", operator, Map.of("role", "controller", "controller", carol, "label", "ci"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("id")).startsWith("tok_");
        assertThat(created.text("role")).isEqualTo("CONTROLLER");
        assertThat(created.text("principal")).isEqualTo(carol);
        assertThat(created.body().has("created_at")).isTrue();
        String token = created.text("token");
        assertThat(api.get("/api/v1/vacants?controller=" + carol, token).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select token_hash from api_token where id = ?", String.class, created.text("id")))
                .isEqualTo(ApiTokens.hash(token));
    }

    @Test
    void list_answersEveryTokenWithoutSecrets() {
        Response created = api.post("/api/v1/tokens", operator, Map.of("role", "operator", "label", "night shift"));

        Response listed = api.get("/api/v1/tokens", operator);

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("items").findValuesAsText("id")).contains(created.text("id"));
        assertThat(listed.body().path("items").findValuesAsText("label")).contains("night shift");
        assertThat(listed.body().findValues("token")).isEmpty();
        assertThat(listed.body().toString()).doesNotContain(created.text("token"));
    }

    @Test
    void revoke_stopsTheTokenWithinOneSecond_andAnUnknownIdIsNotFound() {
        Response created = api.post("/api/v1/tokens", operator, Map.of("role", "controller", "controller", alice));
        String token = created.text("token");
        assertThat(api.get("/api/v1/vacants", token).status()).isEqualTo(200);

        Response revoked = api.delete("/api/v1/tokens/" + created.text("id"), operator);

        assertThat(revoked.status()).isEqualTo(204);
        Polling.awaitUntil("the revoked token is refused", ApiTokens.REMEMBERED.plus(Duration.ofMillis(400)),
                () -> api.get("/api/v1/vacants", token).status() == 401);
        assertThat(api.delete("/api/v1/tokens/" + created.text("id"), operator).code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aController_mayNotManageTokens() {
        int before = tokenRows();

        assertRefused(api.post("/api/v1/tokens", aliceToken, Map.of("role", "operator")), 403, "FORBIDDEN", before);
        assertThat(api.get("/api/v1/tokens", aliceToken).code()).isEqualTo("FORBIDDEN");
        String id = api.get("/api/v1/tokens", operator).body().path("items").get(0).path("id").asText();
        assertRefused(api.delete("/api/v1/tokens/" + id, aliceToken), 403, "FORBIDDEN", before);
    }

    @Test
    void create_rejectsBadGrants_withValidationFailed_andWritesNothing() {
        int before = tokenRows();

        assertRefused(api.post("/api/v1/tokens", operator, Map.of("role", "root")), 400, "VALIDATION_FAILED", before);
        assertRefused(api.post("/api/v1/tokens", operator, Map.of("role", "controller")), 400, "VALIDATION_FAILED", before);
        assertRefused(api.post("/api/v1/tokens", operator, Map.of("role", "operator", "secret", "x")), 400,
                "VALIDATION_FAILED", before);
        assertRefused(api.post("/api/v1/tokens", operator, "{\"role\":"), 400, "MALFORMED_JSON", before);
        assertRefused(api.post("/api/v1/tokens", null, Map.of("role", "operator")), 401, "UNAUTHENTICATED", before);
    }
}

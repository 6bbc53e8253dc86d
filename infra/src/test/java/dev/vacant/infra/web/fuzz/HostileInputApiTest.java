package dev.vacant.infra.web.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.command.vacant.VacantCommands.SpawnVacantCommand;
import dev.vacant.infra.support.ApiClient;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.command.tuple.gateway.TupleGateway;
import dev.vacant.infra.vacant.VacantApiTestBase;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.input.FieldViolation;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.spawn.SpawnRequest;
import dev.vacant.kernel.tuple.Authority;
import dev.vacant.kernel.tuple.TupleMap;
import dev.vacant.kernel.tuple.TupleOp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The hostile inputs of issue 12 (NUL, C0 controls and lone surrogates in text; numbers that canonical JSON would
 * sign rounded or truncated), through REST and through the services every other adapter calls.
 */
class HostileInputApiTest extends VacantApiTestBase {

    @Autowired
    private CommandGateway commandGateway;
    @Autowired
    private TupleGateway tupleGateway;

    private String genesis() {
        return api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null)).text("id");
    }

    private long tupleRows() {
        return jdbc.queryForObject("select (select count(*) from tuple_entry) + (select count(*) from tuple_op)",
                Long.class);
    }

    private static void assertNamesField(ApiClient.Response response, String field) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.body().path("errors").findValuesAsText("field")).contains(field);
    }

    @Test
    void capabilityForkWithNul_isRefusedNamingTheField_andWritesNothing() {
        String parent = genesis();
        long events = storedEvents();

        ApiClient.Response response = api.post("/api/v1/vacants/" + parent + "/spawn", operator,
                "{\"path\":\"D3\",\"new_capability_text\":\"sum\\u0000mary\",\"new_system_prompt\":\"p\"}");

        assertNamesField(response, "new_capability_text");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void crossSubstrateRespawnWithNulProvider_isRefusedNamingTheNestedField() {
        String parent = genesis();
        long events = storedEvents();

        ApiClient.Response response = api.post("/api/v1/vacants/" + parent + "/spawn", operator,
                "{\"path\":\"D5\",\"new_substrate_spec\":{\"provider\":\"open\\u0000ai\",\"model\":\"m\","
                        + "\"model_family\":\"f\"}}");

        assertNamesField(response, "new_substrate_spec.provider");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void c0ControlsAndLoneSurrogates_areRefused_butTabLineFeedAndCarriageReturnAreText() {
        String id = genesis();
        long events = storedEvents();

        assertNamesField(api.post("/api/v1/vacants/" + id + "/samples", operator, "{\"text\":\"bell\\u0007\"}"), "text");
        assertNamesField(api.post("/api/v1/vacants/" + id + "/samples", operator, "{\"text\":\"half \\ud83d\"}"), "text");
        assertNamesField(api.post("/api/v1/vacants/" + id + "/heartbeats", operator,
                "{\"extra\":{\"note\":[\"ok\",\"\\udc00\"]}}"), "extra.note[1]");
        assertThat(storedEvents()).isEqualTo(events);

        assertThat(api.post("/api/v1/vacants/" + id + "/samples", operator,
                "{\"text\":\"tab\\tline\\nreturn\\r \\ud83d\\ude00\"}").status()).isEqualTo(200);
    }

    @Test
    void tupleOutWithLoneSurrogateOrNulInData_isRefusedNamingTheField_andStoresNoTuple() {
        long tuples = tupleRows();

        assertNamesField(api.post("/api/v1/lanes/hostile/out", operator, "{\"yool\":\"y\\ud800\",\"map\":[1,2]}"),
                "yool");
        assertNamesField(api.post("/api/v1/lanes/hostile/out", operator,
                "{\"yool\":\"y\",\"map\":[1,2],\"data\":{\"k\":\"a\\u0000\"}}"), "data.k");
        assertThat(tupleRows()).isEqualTo(tuples);
    }

    @Test
    void commandsSentByAnyAdapter_areHeldToThePolicyOnTheCommandBus() {
        String parent = genesis();
        long events = storedEvents();
        SpawnVacantCommand spawn = new SpawnVacantCommand(parent, new Actor("ops", Role.OPERATOR),
                new SpawnRequest.CapabilityFork("fork\u0000", "prompt"), null);

        assertThatThrownBy(() -> commandGateway.sendAndWait(spawn)).isInstanceOfSatisfying(VacantException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(e.details().get("errors")).isEqualTo(List.of(new FieldViolation("request.new_capability_text",
                    "must not contain the control character U+0000")));
        });
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void tupleOpsSentByAnyAdapter_areHeldToThePolicyOnTheTupleGateway() {
        String vacant = genesis();
        long tuples = tupleRows();
        TupleOp out = new TupleOp.Out("hostile-op-1", "hostile", new Authority(VacantId.parse(vacant), Set.of()),
                "yool\u0001", TupleMap.of(1), "test", null, null, null, null);

        assertThatThrownBy(() -> tupleGateway.request(out)).isInstanceOfSatisfying(VacantException.class,
                e -> assertThat(e.getMessage()).isEqualTo("yool: must not contain the control character U+0001"));
        assertThat(tupleRows()).isEqualTo(tuples);
    }

    @Test
    void heartbeatExtraIntegersBeyondTwoToThe53_areRefused_notSignedRounded() {
        String id = genesis();
        long events = storedEvents();

        assertNamesField(api.post("/api/v1/vacants/" + id + "/heartbeats", operator,
                "{\"extra\":{\"n\":9007199254740993}}"), "extra.n");
        assertNamesField(api.post("/api/v1/vacants/" + id + "/heartbeats", operator,
                "{\"extra\":{\"n\":1e21}}"), "extra.n");
        assertNamesField(api.post("/api/v1/vacants/" + id + "/heartbeats", operator,
                "{\"extra\":{\"n\":1000000000000000000000}}"), "extra.n");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void heartbeatExtraFractions_areRefusedNamingTheField_notAnInternalError() {
        String id = genesis();
        long events = storedEvents();

        assertNamesField(api.post("/api/v1/vacants/" + id + "/heartbeats", operator,
                "{\"extra\":{\"load\":{\"avg\":1.5}}}"), "extra.load.avg");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void substrateParamsWithFractions_areAccepted_sinceTheyAreDigestAddressedNotSigned() {
        ObjectNode genesis = VacantFixtures.genesis(alice, null);
        ((ObjectNode) genesis.get("substrate")).putObject("params").put("temperature", 0.7).put("top_p", 0.95);

        ApiClient.Response response = api.post("/api/v1/vacants/genesis", operator, genesis);

        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(201);
    }

    @Test
    void reviewScoreOfOnePointFive_isRefused_neverTruncatedToOne() {
        String id = genesis();
        String reviewer = genesis();
        long events = storedEvents();

        assertNamesField(api.post("/api/v1/vacants/" + id + "/reviews", operator,
                "{\"reviewer\":\"" + reviewer + "\",\"verdict\":\"good\",\"score\":1.5}"), "score");
        assertThat(storedEvents()).isEqualTo(events);
    }

    @Test
    void largestExactInteger_isSignedStoredAndServedWithTheSameDigits() {
        String id = genesis();

        ApiClient.Response beat = api.post("/api/v1/vacants/" + id + "/heartbeats", operator,
                "{\"extra\":{\"n\":9007199254740991,\"m\":-9007199254740991}}");

        assertThat(beat.status()).as(String.valueOf(beat.body())).isEqualTo(200);
        String signed = new String(logbook(id).get(1).body().canonicalBytes(), StandardCharsets.UTF_8);
        assertThat(signed).contains("\"extra\":{\"m\":-9007199254740991,\"n\":9007199254740991}");
        JsonNode served = api.get("/api/v1/vacants/" + id + "/logbook?consistency=strong", operator).body();
        JsonNode extra = served.findValue("extra");
        assertThat(Json.write(extra)).isEqualTo("{\"m\":-9007199254740991,\"n\":9007199254740991}");
    }
}

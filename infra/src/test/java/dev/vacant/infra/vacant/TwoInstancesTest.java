package dev.vacant.infra.vacant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.infra.VacantApplication;
import dev.vacant.infra.support.ApiClient;
import dev.vacant.infra.support.TestProperties;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.LogbookEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one PostgreSQL database, each caching the aggregates it loaded: eight clients alternating between
 * them on the same vacants (calls, heartbeats, spawns) never get a server error, because a write that collides with
 * the other instance's append evicts the stale aggregate and runs again; every chain verifies afterwards. Tuple takes
 * on one lane through both instances (whose in-process lane workers share the tuple tables) take every tuple once.
 */
class TwoInstancesTest extends VacantApiTestBase {

    private static final int CLIENTS = 8;
    private static final int ROUNDS = 16;

    @Test
    void tupleTakesThroughBothInstances_neverFailWithAServerError_andTakeEveryTupleOnce() throws Exception {
        String vacant = api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null)).text("id");
        assertThat(api.get("/api/v1/vacants/" + vacant + "?consistency=strong", operator).status()).isEqualTo(200);
        String lane = "two-" + UUID.randomUUID().toString().substring(0, 8);
        int written = 48;
        List<String> taken = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        try (ConfigurableApplicationContext second = secondInstance()) {
            List<ApiClient> instances = List.of(api, client(second));
            for (int n = 0; n < written; n++) {
                assertThat(instances.get(n % 2).post("/api/v1/lanes/" + lane + "/out", aliceToken, Json.object()
                        .put("vacant", vacant).put("yool", "job").set("map", Json.mapper().createArrayNode().add(n)))
                        .status()).isEqualTo(201);
            }
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int c = client;
                clients.add(pool.submit(() -> {
                    for (int round = 0; ; round++) {
                        ApiClient.Response take = instances.get((c + round) % 2).post("/api/v1/lanes/" + lane + "/in",
                                aliceToken, Json.object().put("vacant", vacant));
                        statuses.computeIfAbsent(take.status(), s -> new AtomicInteger()).incrementAndGet();
                        if (take.status() == 200 && take.body().get("tuple").isNull()) {
                            return;
                        }
                        if (take.status() == 200) {
                            taken.add(take.body().at("/tuple/id").asText());
                        }
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdown();
        }

        assertThat(statuses.keySet()).as("statuses %s", statuses).allMatch(status -> status < 500);
        assertThat(taken).hasSize(written).doesNotHaveDuplicates();
    }

    @Test
    void commandsAlternatingBetweenTwoInstances_neverFailWithAServerError_andEveryChainVerifies() throws Exception {
        List<String> parents = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parents.add(api.post("/api/v1/vacants/genesis", operator, VacantFixtures.genesis(alice, null, "read"))
                    .text("id"));
        }
        Map<String, Boolean> children = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        try (ConfigurableApplicationContext second = secondInstance()) {
            List<ApiClient> instances = List.of(api, client(second));
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int c = client;
                clients.add(pool.submit(() -> {
                    for (int round = 0; round < ROUNDS; round++) {
                        ApiClient instance = instances.get((c + round) % 2);
                        String vacant = parents.get((c + round) % parents.size());
                        ApiClient.Response answer = send(instance, vacant, c + round);
                        statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                        if (answer.status() == 201 && !answer.text("child_id").isEmpty()) {
                            children.put(answer.text("child_id"), true);
                        }
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
            pool.shutdown();
        }

        assertThat(statuses.keySet()).as("statuses %s", statuses).allMatch(status -> status < 500);
        assertThat(statuses.getOrDefault(200, new AtomicInteger()).get()).isGreaterThan(CLIENTS * ROUNDS / 2);
        assertThat(children).isNotEmpty();
        List<String> vacants = new ArrayList<>(parents);
        vacants.addAll(children.keySet());
        for (String vacant : vacants) {
            List<LogbookEntry> chain = logbook(vacant);
            for (int seq = 0; seq < chain.size(); seq++) {
                assertThat(chain.get(seq).seq()).isEqualTo(seq);
            }
            assertThat(ChainVerifier.verify(vacant, chain)).as("chain of " + vacant).isEmpty();
        }
    }

    /** Mostly calls; every fourth a heartbeat (429 once too soon), every fifth a D2 spawn. */
    private ApiClient.Response send(ApiClient instance, String vacant, int step) {
        if (step % 5 == 4) {
            return instance.post("/api/v1/vacants/" + vacant + "/spawn", aliceToken, Json.object().put("path", "D2")
                    .set("narrowed_tools", Json.mapper().createArrayNode().add("read")));
        }
        String kind = step % 4 == 3 ? "/heartbeats" : "/calls";
        return instance.post("/api/v1/vacants/" + vacant + kind, aliceToken, null);
    }

    private static ApiClient client(ConfigurableApplicationContext instance) {
        return new ApiClient(((WebServerApplicationContext) instance).getWebServer().getPort());
    }

    /** A second instance of the application on the same database, with the same clock. */
    private ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(VacantApplication.class)
                .web(WebApplicationType.SERVLET)
                .profiles("postgres")
                .initializers(context -> context.getBeanFactory().registerSingleton("sharedTestClock", clock))
                .properties("server.port=0", "vacant.timers.polling=false", "vacant.custody.kek=" + TestProperties.KEK,
                        "vacant.lanes.deployment=second-" + UUID.randomUUID())
                .run();
    }
}

package dev.vacant.infra.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.infra.VacantApplication;
import dev.vacant.infra.audit.DedicatedDatabase;
import dev.vacant.infra.projection.ProjectionPositions;
import dev.vacant.infra.security.ApiTokens;
import dev.vacant.infra.support.ApiClient;
import dev.vacant.infra.support.ApiClient.Response;
import dev.vacant.infra.support.Polling;
import dev.vacant.infra.support.SharedClockConfiguration;
import dev.vacant.infra.support.TestProperties;
import dev.vacant.infra.support.VacantFixtures;
import dev.vacant.infra.timer.VacantTimerPoller;
import dev.vacant.kernel.auth.Role;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.testing.PostgresDatabase;
import dev.vacant.kernel.testing.RealPostgres;
import dev.vacant.kernel.time.MutableClock;
import dev.vacant.query.projection.ProjectionCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two instances of the application (profile {@code production}: PostgreSQL and the Kafka lanes) against one database
 * of their own and one in-process KRaft broker that takes SASL/PLAIN connections only. The instances reach the broker
 * through {@code spring.kafka.*} properties alone, and work as one service: lane partitions are spread over both,
 * the projections run on one of them, every tuple is taken once, every timer fires once, every chain verifies, and
 * no request answers 5xx.
 */
@RealPostgres
@ExtendWith(DedicatedDatabase.class)
class FleetTest {

    private static final String USER = "lanes";
    private static final String SECRET = "lanes-secret";
    private static final String COMMANDS = "vacant.tuple.commands";
    private static final int PARTITIONS = 4;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final MutableClock CLOCK = SharedClockConfiguration.CLOCK;

    private static EmbeddedKafkaKraftBroker broker;
    private static final List<Instance> instances = new ArrayList<>();

    /** A running instance, its HTTP client and an operator token of the shared database. */
    private record Instance(ConfigurableApplicationContext context, ApiClient api, String operator) {

        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        int port() {
            return ((WebServerApplicationContext) context).getWebServer().getPort();
        }

        MessageListenerContainer laneWorkers() {
            return context.getBean("laneWorkerContainer", MessageListenerContainer.class);
        }

        StreamingEventProcessor projections() {
            return bean(EventProcessingConfiguration.class)
                    .eventProcessor(ProjectionCatalog.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        }
    }

    @BeforeAll
    static void startBrokerAndTwoInstances() {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperties(Map.of(
                "listener.security.protocol.map", "EXTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT",
                "sasl.enabled.mechanisms", "PLAIN",
                "sasl.mechanism.inter.broker.protocol", "PLAIN",
                "listener.name.external.plain.sasl.jaas.config", jaas("admin", "admin-secret")
                        .replace(";", " user_admin=\"admin-secret\" user_" + USER + "=\"" + SECRET + "\";")));
        broker.afterPropertiesSet();
        PostgresDatabase db = DedicatedDatabase.of(FleetTest.class);
        for (String name : List.of("fleet-a", "fleet-b")) {
            instances.add(start(db, name));
        }
    }

    @AfterAll
    static void stopInstancesThenBroker() {
        instances.forEach(instance -> instance.context().close());
        if (broker != null) {
            broker.destroy();
        }
    }

    private static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Settings as command-line arguments: they win over the shared test database's system properties. */
    private static Instance start(PostgresDatabase db, String clientId) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(VacantApplication.class,
                SharedClockConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .profiles("production")
                .run(Stream.of("spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password(), "server.port=0",
                        "vacant.custody.kek=" + TestProperties.KEK, "vacant.timers.polling=false",
                        "vacant.lanes.kafka.partitions=" + PARTITIONS, "vacant.lanes.deployment=fleet",
                        "vacant.health.projection-lag-threshold=3s",
                        // no lane runner: its blocking takes would wait for deadlines of the clock nobody moves
                        "vacant.lanes.execution-lanes=",
                        // the broker is reached through spring.kafka.* alone (vacant.lanes.kafka.bootstrap-servers
                        // keeps its default, where no broker listens)
                        "spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "spring.kafka.security.protocol=SASL_PLAINTEXT",
                        "spring.kafka.properties.sasl.mechanism=PLAIN",
                        "spring.kafka.properties.sasl.jaas.config=" + jaas(USER, SECRET),
                        "spring.kafka.client-id=" + clientId).map(setting -> "--" + setting).toArray(String[]::new));
        String operator = context.getBean(ApiTokens.class).create("ops-" + clientId, Role.OPERATOR);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new Instance(context, new ApiClient(port), operator);
    }

    private static Instance a() {
        return instances.get(0);
    }

    private static Instance b() {
        return instances.get(1);
    }

    /** Asserts the answer is no server error and has the expected status. */
    private static Response expect(int status, Response response) {
        assertThat(response.status()).as(String.valueOf(response.body())).isLessThan(500).isEqualTo(status);
        return response;
    }

    private static String genesis(Instance instance, String controller, String... tools) {
        return expect(201, instance.api().post("/api/v1/vacants/genesis", instance.operator(),
                VacantFixtures.genesis(controller, null, tools))).text("id");
    }

    @Test
    void twoInstances_workAsOneService_partitionsSpread_projectionsOnce_tuplesTakenOnce_timersFiredOnce()
            throws Exception {
        Polling.awaitUntil("both lane workers own command partitions", PATIENCE, () ->
                instances.stream().allMatch(i -> !i.laneWorkers().getAssignedPartitions().isEmpty())
                        && instances.stream().mapToInt(i -> i.laneWorkers().getAssignedPartitions().size()).sum()
                        == PARTITIONS);
        Polling.awaitUntil("one instance runs the projections", PATIENCE, () ->
                instances.stream().mapToInt(i -> i.projections().processingStatus().size()).sum() == 1);

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String controller = "alice-" + suffix;
        String token = a().bean(ApiTokens.class).create(controller, Role.CONTROLLER);
        // commands on different vacants through each instance
        Map<Instance, List<String>> vacants = new HashMap<>();
        for (Instance instance : instances) {
            List<String> made = IntStream.range(0, 4).mapToObj(n -> genesis(instance, controller)).toList();
            made.forEach(id -> expect(200, instance.api().post("/api/v1/vacants/" + id + "/calls", token, null)));
            vacants.put(instance, made);
        }
        List<String> all = vacants.values().stream().flatMap(List::stream).toList();
        String authority = all.get(0);
        Polling.awaitUntil("the registry shows every vacant", PATIENCE, () ->
                all.stream().allMatch(id -> a().api().get("/api/v1/vacants/" + id, token).status() == 200));

        Set<String> written = writeTuples(authority, token, "fleet-" + suffix);
        List<String> taken = takeAll(authority, token, "fleet-" + suffix);
        assertThat(taken).hasSameSizeAs(written).doesNotHaveDuplicates();
        assertThat(new HashSet<>(taken)).isEqualTo(written);

        CLOCK.advance(Duration.ofHours(2));
        Long due = a().bean(JdbcTemplate.class).queryForObject("select count(*) from vacant_timer where due_at <= ?",
                Long.class, OffsetDateTime.ofInstant(CLOCK.instant(), ZoneOffset.UTC));
        assertThat(due).isGreaterThanOrEqualTo(all.size());
        assertThat(fireTimersOnBothAtOnce()).isEqualTo(due);
        EventStore events = b().bean(EventStore.class);
        for (String id : all) {
            assertThat(events.readEvents(id).asStream().map(m -> ((VacantEvent) m.getPayload()).entry().kind())
                    .filter("DORMANCY_ELAPSED"::equals).count()).as(id).isEqualTo(1);
        }

        // the audit compares the live read models with a rebuild: let the projections apply the timers' events first
        ProjectionPositions positions = b().bean(ProjectionPositions.class);
        Polling.awaitUntil("the projections caught up", PATIENCE, () -> positions.position() >= positions.head());
        JsonNode report = audit(b());
        assertThat(report.path("failure_count").asInt()).as(report.toString()).isZero();
        assertThat(report.path("projection_differences").asInt()).as(report.toString()).isZero();
        assertThat(report.path("clean").asBoolean()).as(report.toString()).isTrue();
    }

    /** Ten tuples on each of eight lanes, written alternately through both instances; answers their ids. */
    private static Set<String> writeTuples(String authority, String token, String prefix) {
        Set<String> ids = new HashSet<>();
        for (int n = 0; n < 80; n++) {
            ObjectNode body = Json.object().put("vacant", authority).put("yool", prefix);
            body.putArray("map").add(n);
            String path = "/api/v1/lanes/" + prefix + "-" + (n % 8) + "/out";
            Response out = expect(201, instances.get(n % 2).api().post(path, token, body));
            ids.add(out.body().at("/tuple/id").asText());
        }
        return ids;
    }

    /** Both instances take from every lane at once until the lanes are empty; answers the ids taken. */
    private static List<String> takeAll(String authority, String token, String prefix) throws Exception {
        List<String> taken = new CopyOnWriteArrayList<>();
        ExecutorService takers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int lane = 0; lane < 8; lane++) {
                for (Instance instance : instances) {
                    String path = "/api/v1/lanes/" + prefix + "-" + lane + "/in";
                    work.add(() -> {
                        ObjectNode body = Json.object().put("vacant", authority);
                        body.putObject("template").put("yool", prefix);
                        JsonNode tuple;
                        while (!(tuple = expect(200, instance.api().post(path, token, body)).body().get("tuple"))
                                .isNull()) {
                            taken.add(tuple.get("id").asText());
                        }
                        return null;
                    });
                }
            }
            for (Future<Void> done : takers.invokeAll(work)) {
                done.get();
            }
        } finally {
            takers.shutdownNow();
        }
        return taken;
    }

    /** Both instances' pollers fire due timers at the same moment; answers how many they fired together. */
    private static long fireTimersOnBothAtOnce() throws Exception {
        CyclicBarrier together = new CyclicBarrier(instances.size());
        ExecutorService pollers = Executors.newFixedThreadPool(instances.size());
        try {
            List<Callable<Integer>> polls = instances.stream().<Callable<Integer>>map(instance -> () -> {
                together.await();
                return instance.bean(VacantTimerPoller.class).fireDue();
            }).toList();
            long fired = 0;
            for (Future<Integer> poll : pollers.invokeAll(polls)) {
                fired += poll.get();
            }
            return fired;
        } finally {
            pollers.shutdownNow();
        }
    }

    private static JsonNode audit(Instance instance) {
        String job = expect(202, instance.api().post("/api/v1/audit/replays", instance.operator(), null)).text("job");
        JsonNode[] status = new JsonNode[1];
        Polling.awaitUntil("the audit replay is done", PATIENCE, () -> {
            status[0] = expect(200, instance.api().get("/api/v1/audit/replays/" + job, instance.operator())).body();
            return "DONE".equals(status[0].path("status").asText());
        });
        return status[0].get("report");
    }

    /** The body of an {@code out} for {@code vacant}. */
    private static ObjectNode out(String vacant) {
        ObjectNode body = Json.object().put("vacant", vacant).put("yool", "job");
        body.putArray("map").add(1);
        return body;
    }

    @Test
    void wallDeniedOp_isRefusedAtTheFront_andProducesNoRecordOnTheCommandsTopic() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String controller = "carol-" + suffix;
        String token = a().bean(ApiTokens.class).create(controller, Role.CONTROLLER);
        String reader = genesis(a(), controller, "read");
        String outsider = genesis(a(), controller);
        Polling.awaitUntil("the registry shows both vacants", PATIENCE, () -> List.of(reader, outsider).stream()
                .allMatch(id -> a().api().get("/api/v1/vacants/" + id, token).status() == 200));
        String lane = "walled-" + suffix;
        expect(200, a().api().post("/api/v1/walls/" + lane + "/hook", a().operator(),
                Json.object().put("capability", "read")));

        String deniedOp = "denied-" + suffix;
        Response denied = b().api().post("/api/v1/lanes/" + lane + "/out", token,
                out(outsider).put("op_id", deniedOp));
        expect(422, denied);
        assertThat(denied.code()).isEqualTo("WALL_DENIED");
        expect(201, b().api().post("/api/v1/lanes/" + lane + "/out", token, out(reader)));

        List<ConsumerRecord<String, String>> onTopic = records(COMMANDS).stream()
                .filter(record -> lane.equals(record.key())).toList();
        assertThat(onTopic).hasSize(2); // the hook and the admitted out
        assertThat(onTopic).noneMatch(record -> record.value().contains(deniedOp));
    }

    @Test
    void prometheus_isForOperators_andShowsTheFleetSeries() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String controller = "dave-" + suffix;
        String token = b().bean(ApiTokens.class).create(controller, Role.CONTROLLER);
        String vacant = genesis(b(), controller);
        Polling.awaitUntil("the registry shows the vacant", PATIENCE,
                () -> b().api().get("/api/v1/vacants/" + vacant, token).status() == 200);
        expect(201, b().api().post("/api/v1/lanes/metrics-" + suffix + "/out", token, out(vacant)));
        audit(b());

        assertThat(scrape(b(), null).status()).isEqualTo(401);
        assertThat(scrape(b(), token).status()).isEqualTo(403);
        Text metrics = scrape(b(), b().operator());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("vacant_commands_seconds_count\\{[^}]*command=\"CreateGenesisCommand\""
                        + "[^}]*outcome=\"OK\"")
                .containsPattern("vacant_commands_seconds_bucket\\{[^}]*command=\"CreateGenesisCommand\"")
                .contains("vacant_commands_group_size_commands_count")
                .containsPattern("vacant_tuple_ops_seconds_count\\{[^}]*lane=\"metrics-" + suffix
                        + "\"[^}]*op=\"Out\"[^}]*outcome=\"OK\"")
                .contains("vacant_lanes_backlog_ops")
                .containsPattern("vacant_projection_lag_events\\{[^}]*processor=\"projections\"")
                .containsPattern("vacant_projection_lag_seconds\\{[^}]*processor=\"projections\"")
                .contains("vacant_audit_events_read_events", "vacant_audit_events_total_events")
                .containsPattern("vacant_audit_jobs\\{[^}]*status=\"DONE\"");
    }

    @Test
    void health_liveness_andReadiness_withDatabaseBrokerAndProjectionLag() {
        for (Instance instance : instances) {
            expect(200, instance.api().get("/actuator/health/liveness", null));
            Response readiness = expect(200, instance.api().get("/actuator/health/readiness", instance.operator()));
            assertThat(readiness.text("status")).isEqualTo("UP");
            assertThat(readiness.body().path("components").fieldNames()).toIterable()
                    .contains("db", "broker", "projections", "readinessState");
            assertThat(readiness.body().at("/components/broker/details/brokers").asInt()).isEqualTo(1);
        }
    }

    @Test
    void readiness_isOutOfService_whileTheProjectionsLagBeyondTheThreshold() {
        instances.forEach(instance -> instance.projections().shutDown());
        try {
            genesis(a(), "erin-" + UUID.randomUUID());
            Polling.awaitUntil("readiness reports the lag", PATIENCE,
                    () -> a().api().get("/actuator/health/readiness", null).status() == 503);
            Response lagging = a().api().get("/actuator/health/readiness", a().operator());
            assertThat(lagging.body().at("/components/projections/status").asText()).isEqualTo("OUT_OF_SERVICE");
            assertThat(lagging.body().at("/components/projections/details/lag_events").asLong()).isPositive();
        } finally {
            instances.forEach(instance -> instance.projections().start());
        }
        Polling.awaitUntil("readiness is back once the projections caught up", PATIENCE,
                () -> a().api().get("/actuator/health/readiness", null).status() == 200);
    }

    /** A plain-text answer. */
    private record Text(int status, String body) {
    }

    private static Text scrape(Instance instance, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + instance.port() + "/actuator/prometheus"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Text(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record on {@code topic}, read from the beginning by a consumer of its own over SASL. */
    private static List<ConsumerRecord<String, String>> records(String topic) {
        Map<String, Object> config = Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, "PLAIN",
                SaslConfigs.SASL_JAAS_CONFIG, jaas(USER, SECRET),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            Collection<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Polling.awaitUntil("the topic is read to its end", PATIENCE, () -> {
                consumer.poll(Duration.ofMillis(100)).forEach(read::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
        }
        return read;
    }
}

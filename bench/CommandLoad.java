import dev.vacant.grpc.vacants.v1.Bundle;
import dev.vacant.grpc.vacants.v1.CallRequest;
import dev.vacant.grpc.vacants.v1.GenesisRequest;
import dev.vacant.grpc.vacants.v1.HeartbeatRequest;
import dev.vacant.grpc.vacants.v1.SpawnRequest;
import dev.vacant.grpc.vacants.v1.Substrate;
import dev.vacant.grpc.vacants.v1.VacantsGrpc;
import dev.vacant.infra.grpc.client.GrpcClients;
import io.grpc.ManagedChannel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for signed vacant commands (issue 3). For each client count it drives the running app with
 * genesis + heartbeat + spawn + calls, then measures raw single-row INSERT+COMMIT transactions (600-byte
 * rows) into the same PostgreSQL at the same concurrency, and prints commands/s, p50/p99 and the ratio.
 * It also measures the HTTP floor: authenticated reads of one registry row at the same concurrency.
 * After each load phase it also measures projection catch-up: how long the tracking processors (token store)
 * take to reach the event store's head, and the events/s they applied over the phase plus that lag.
 * Last, the same command mix over gRPC (its own columns: commands/s and p99), through the app's gRPC port.
 *
 * A discarded warm-up phase (8 clients, WARMUP seconds) lets the JIT compile the server's hot paths first: on two
 * busy cores C2 is still compiling Spring's, Jackson's and the JDBC driver's largest methods a minute in (30 s of
 * warm-up measured half the commands/s of 90 s).
 *
 * Usage: java -cp postgresql.jar:infra-classpath CommandLoad.java BASE_URL GRPC_TARGET TOKEN JDBC_URL USER PASSWORD
 * SECONDS WARMUP CLIENTS...
 */
public class CommandLoad {

    private static final Pattern ID = Pattern.compile("\"(?:id|child_id)\"\\s*:\\s*\"(vac_[a-z2-7]{52})\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String grpcTarget = args[1];
        String token = args[2];
        String jdbcUrl = args[3];
        String user = args[4];
        String password = args[5];
        int seconds = Integer.parseInt(args[6]);
        int warmup = Integer.parseInt(args[7]);
        int[] clients = Arrays.stream(args, 8, args.length).mapToInt(Integer::parseInt).toArray();
        try (Connection setup = DriverManager.getConnection(jdbcUrl, user, password)) {
            setup.createStatement().execute("create table if not exists bench_raw (id bigserial primary key, payload bytea)");
        }
        run(8, warmup, () -> new VacantClient(base, token));
        run(8, warmup / 3, () -> new GrpcVacantClient(grpcTarget, token));
        String probe = new VacantClient(base, token).genesis(new ArrayList<>());
        System.out.printf("%-8s %12s %9s %9s %14s %7s %14s %16s %14s %12s %9s%n", "clients", "commands/s", "p50 ms",
                "p99 ms", "raw commits/s", "ratio", "catch-up s", "applied events/s", "http reads/s", "grpc cmd/s",
                "grpc p99");
        for (int n : clients) {
            long headBefore = head(jdbcUrl, user, password);
            Result app = run(n, seconds, () -> new VacantClient(base, token));
            long caughtUpStart = System.nanoTime();
            long headAfter = head(jdbcUrl, user, password);
            awaitProjections(jdbcUrl, user, password, headAfter);
            double lag = (System.nanoTime() - caughtUpStart) / 1e9;
            double applied = (headAfter - headBefore) / (app.elapsedSeconds() + lag);
            Result raw = run(n, seconds, () -> new RawInserts(jdbcUrl, user, password));
            Result reads = run(n, seconds, () -> new RegistryReads(base, token, probe));
            Result grpc = run(n, seconds, () -> new GrpcVacantClient(grpcTarget, token));
            awaitProjections(jdbcUrl, user, password, head(jdbcUrl, user, password));
            System.out.printf("%-8d %12.0f %9.2f %9.2f %14.0f %7.2f %14.2f %16.0f %14.0f %12.0f %9.2f%n", n, app.rate(),
                    app.percentile(50), app.percentile(99), raw.rate(), app.rate() / raw.rate(), lag, applied,
                    reads.rate(), grpc.rate(), grpc.percentile(99));
        }
    }

    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

    static long head(String url, String user, String password) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            var rs = c.createStatement().executeQuery("select coalesce(max(global_index), 0) from domain_event_entry");
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until every tracking processor's token (JSON in token_entry) has reached {@code head}. */
    static void awaitProjections(String url, String user, String password, long head) throws Exception {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            while (true) {
                long lowest = Long.MAX_VALUE;
                var rs = c.createStatement().executeQuery("select token from token_entry where token is not null");
                while (rs.next()) {
                    Matcher m = TOKEN_INDEX.matcher(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8));
                    lowest = Math.min(lowest, m.find() ? Long.parseLong(m.group(1)) : -1);
                }
                if (lowest != Long.MAX_VALUE && lowest >= head) {
                    return;
                }
                Thread.sleep(20);
            }
        }
    }

    interface Worker extends AutoCloseable {
        /** Does some operations, recording each one's latency in nanoseconds. */
        void step(List<Long> latencies) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface WorkerFactory {
        Worker create() throws Exception;
    }

    record Result(long operations, double elapsedSeconds, long[] sortedNanos) {
        double rate() {
            return operations / elapsedSeconds;
        }

        double percentile(int p) {
            return sortedNanos.length == 0 ? 0 : sortedNanos[(int) Math.min(sortedNanos.length - 1,
                    Math.ceil(p / 100.0 * sortedNanos.length) - 1)] / 1e6;
        }
    }

    static Result run(int n, int seconds, WorkerFactory factory) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                try (Worker worker = factory.create()) {
                    while (System.nanoTime() < deadline) {
                        worker.step(latencies);
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(all.size(), elapsed, all.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    /** One vacant's worth of commands: genesis, heartbeat, spawn (D1), five calls. */
    static final class VacantClient implements Worker {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;
        private final String token;

        VacantClient(String base, String token) {
            this.base = base;
            this.token = token;
        }

        /** Creates a vacant; answers its id. */
        String genesis(List<Long> latencies) throws Exception {
            String genesis = "{\"bundle\":{\"system_prompt\":\"bench\",\"policy_dsl\":\"allow\",\"tool_whitelist\":[\"read\"]},"
                    + "\"substrate\":{\"provider\":\"p\",\"model\":\"m\",\"model_family\":\"f\",\"params\":{}}}";
            return id(post("/api/v1/vacants/genesis", genesis, latencies));
        }

        @Override
        public void step(List<Long> latencies) throws Exception {
            String id = genesis(latencies);
            post("/api/v1/vacants/" + id + "/heartbeats", "{}", latencies);
            post("/api/v1/vacants/" + id + "/spawn", "{\"path\":\"D1\",\"policy_mutation\":\"be brief\"}", latencies);
            for (int i = 0; i < 5; i++) {
                post("/api/v1/vacants/" + id + "/calls", "{}", latencies);
            }
        }

        private String post(String path, String body, List<Long> latencies) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - t0);
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }

        private static String id(String body) {
            Matcher m = ID.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no id in " + body);
            }
            return m.group(1);
        }
    }

    /** The same mix as {@link VacantClient} through the gRPC API, one channel per client. */
    static final class GrpcVacantClient implements Worker {
        private final ManagedChannel channel;
        private final VacantsGrpc.VacantsBlockingStub vacants;

        GrpcVacantClient(String target, String token) {
            channel = GrpcClients.channel(target);
            vacants = GrpcClients.withToken(VacantsGrpc.newBlockingStub(channel), token);
        }

        private <T> T timed(java.util.function.Supplier<T> call, List<Long> latencies) {
            long t0 = System.nanoTime();
            T answer = call.get();
            latencies.add(System.nanoTime() - t0);
            return answer;
        }

        @Override
        public void step(List<Long> latencies) {
            GenesisRequest genesis = GenesisRequest.newBuilder()
                    .setBundle(Bundle.newBuilder().setSystemPrompt("bench").setPolicyDsl("allow").addToolWhitelist("read"))
                    .setSubstrate(Substrate.newBuilder().setProvider("p").setModel("m").setModelFamily("f")).build();
            String id = timed(() -> vacants.genesis(genesis), latencies).getId();
            timed(() -> vacants.heartbeat(HeartbeatRequest.newBuilder().setId(id).build()), latencies);
            timed(() -> vacants.spawn(SpawnRequest.newBuilder().setId(id).setPath("D1").setPolicyMutation("be brief")
                    .build()), latencies);
            for (int i = 0; i < 5; i++) {
                timed(() -> vacants.call(CallRequest.newBuilder().setId(id).build()), latencies);
            }
        }

        @Override
        public void close() {
            channel.shutdownNow();
        }
    }

    /**
     * The floor of the HTTP path: authenticated reads of one registry row, with the same client and concurrency.
     * No command can be faster than this round trip.
     */
    static final class RegistryReads implements Worker {
        private final HttpClient http = HttpClient.newHttpClient();
        private final HttpRequest request;

        RegistryReads(String base, String token, String vacant) {
            request = HttpRequest.newBuilder(URI.create(base + "/api/v1/vacants/" + vacant))
                    .header("Authorization", "Bearer " + token).GET().build();
        }

        @Override
        public void step(List<Long> latencies) throws Exception {
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            latencies.add(System.nanoTime() - t0);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("read -> " + response.statusCode() + " " + response.body());
            }
        }
    }

    /** Raw single-row INSERT + COMMIT of 600-byte rows. */
    static final class RawInserts implements Worker {
        private final Connection connection;
        private final PreparedStatement insert;
        private final byte[] row = new byte[600];

        RawInserts(String url, String user, String password) throws Exception {
            connection = DriverManager.getConnection(url, user, password);
            connection.setAutoCommit(false);
            insert = connection.prepareStatement("insert into bench_raw (payload) values (?)");
        }

        @Override
        public void step(List<Long> latencies) throws Exception {
            long t0 = System.nanoTime();
            insert.setBytes(1, row);
            insert.executeUpdate();
            connection.commit();
            latencies.add(System.nanoTime() - t0);
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }
}

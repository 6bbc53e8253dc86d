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
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Load generator for signed vacant commands (issues 3 and 18). For each client count it drives the running app with
 * genesis + heartbeat + spawn + calls, then the plain-Axon baseline ({@code bench/plain-axon}: the same mix, unsigned,
 * same JDBC event store, one tracking projection) with the same mix, then measures raw single-row INSERT+COMMIT
 * transactions (600-byte rows) into the same PostgreSQL at the same concurrency, and prints commands/s, p50/p99 and
 * the ratios (Vacant / plain, Vacant / raw). It also measures authenticated reads of one registry row on both
 * applications at the same concurrency (the HTTP floor, and the cost of Vacant's filter chain against the plain one).
 * After each load phase it measures projection catch-up on both: how long the tracking processors (token store)
 * take to reach the event store's head, and the events/s produced during the phase against the events/s applied over
 * the phase plus that lag. Last, the same command mix over Vacant's gRPC API (its own columns and ratio).
 *
 * A discarded warm-up phase (8 clients, WARMUP seconds, on each application) lets the JIT compile the servers' hot
 * paths first: on two busy cores C2 is still compiling Spring's, Jackson's and the JDBC driver's largest methods a
 * minute in (30 s of warm-up measured half the commands/s of 90 s); a third of it again over gRPC, and a third of it
 * of the authenticated reads on each application, whose first read phase otherwise ran on a read path still being
 * compiled ({@code docs/performance.md}, "Session 16"). Each measured command phase is also preceded by
 * {@link #RAMP_SECONDS} of the same mix at the same client count, discarded, and the projections' catch-up from it
 * (each read phase by the same reads), so that no phase starts right after a different mix: the first measured phase
 * (Vacant over REST, right after the gRPC warm-up) often ran at up to twice the CPU per command in the load
 * generator of the plain application's phase after it, with the same client code ({@code docs/performance.md},
 * "Session 10").
 *
 * The baseline brackets each of Vacant's command phases: per client count the order is plain, Vacant over REST,
 * plain, Vacant over gRPC, plain (and for reads plain, Vacant, plain), and each Vacant phase is compared with the
 * mean of the two baseline phases around it. On this shared host the machine's speed drifts by up to half between
 * phases minutes apart ({@code docs/performance.md}, "Session 14"), and a single baseline phase two minutes away
 * from the phase it is compared with carried that drift into the ratio; with a linear drift the mean of the phases
 * just before and just after cancels it. All three baseline rates are printed.
 *
 * Usage: java -cp postgresql.jar:infra-classpath CommandLoad.java BASE_URL GRPC_TARGET TOKEN JDBC_URL PLAIN_URL
 * PLAIN_JDBC_URL USER PASSWORD SECONDS WARMUP CLIENTS...
 */
public class CommandLoad {

    /** The discarded ramp before each measured command phase: the same mix at the same client count. */
    private static final int RAMP_SECONDS = 5;

    private static final Pattern ID = Pattern.compile("\"(?:id|child_id)\"\\s*:\\s*\"(vac_[a-z0-9-]+)\"");

    /**
     * CPU time spent serving one application, from Linux's {@code /proc}: its JVM (pid, 0 when unknown), the
     * PostgreSQL backends connected to its database, and this load generator. On a shared or busy machine rates
     * swing with the load; CPU per command barely does, so it compares the applications' cost even there.
     */
    record CpuMeter(long appPid, String database) {
        private static final double TICKS_PER_MS = 0.1; // USER_HZ = 100 on Linux

        double[] millis() throws Exception {
            double load = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
            return new double[] {appPid == 0 ? 0 : ticks(appPid) / TICKS_PER_MS, databaseTicks() / TICKS_PER_MS, load};
        }

        private long databaseTicks() throws Exception {
            long sum = 0;
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String title = Files.readString(proc.resolve("cmdline")).replace('\0', ' ');
                        if (title.startsWith("postgres:") && title.contains(" " + database + " ")) {
                            sum += ticks(Long.parseLong(proc.getFileName().toString()));
                        }
                    } catch (java.io.IOException gone) {
                        // the process ended while listed
                    }
                }
            }
            return sum;
        }

        private static long ticks(long pid) throws java.io.IOException {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        }

        static CpuMeter of(String pidVariable, String jdbcUrl) {
            String pid = System.getenv(pidVariable);
            return new CpuMeter(pid == null || pid.isBlank() ? 0 : Long.parseLong(pid),
                    jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1));
        }
    }

    /** CPU milliseconds per command of a phase: application JVM, its database, the load generator. */
    record CpuPerCommand(double app, double database, double load) {
        static CpuPerCommand between(double[] before, double[] after, long commands) {
            return new CpuPerCommand((after[0] - before[0]) / commands, (after[1] - before[1]) / commands,
                    (after[2] - before[2]) / commands);
        }

        static CpuPerCommand weighted(CpuPerCommand a, long commandsA, CpuPerCommand b, long commandsB) {
            double total = commandsA + commandsB;
            return new CpuPerCommand((a.app * commandsA + b.app * commandsB) / total,
                    (a.database * commandsA + b.database * commandsB) / total,
                    (a.load * commandsA + b.load * commandsB) / total);
        }

        double total() {
            return app + database + load;
        }

        String columns() {
            return String.format("%6.2f %6.2f %6.2f", app, database, load);
        }
    }

    /** One application under load: its REST base URL and its event store. */
    record Target(String base, String jdbcUrl, String user, String password, String token, CpuMeter cpu) {
        long head() throws Exception {
            return CommandLoad.head(jdbcUrl, user, password);
        }

        /** Runs the command mix for SECONDS and waits for the projections to catch up. */
        CommandPhase commands(int n, int seconds) throws Exception {
            return commands(n, seconds, base, () -> new VacantClient(base, token));
        }

        /** Runs a command mix for SECONDS and waits for the projections to catch up (CPU counted over both). */
        CommandPhase commands(int n, int seconds, String label, WorkerFactory clients) throws Exception {
            run(n, RAMP_SECONDS, clients);
            awaitProjections(jdbcUrl, user, password, head());
            long headBefore = head();
            double[] cpuBefore = cpu.millis();
            long startMillis = System.currentTimeMillis();
            Result result = run(n, seconds, clients);
            // the window of the phase, for bench/JfrTop.java
            System.err.printf("phase %s %d clients: %d %d%n", label, n, startMillis, System.currentTimeMillis());
            long caughtUpStart = System.nanoTime();
            long headAfter = head();
            awaitProjections(jdbcUrl, user, password, headAfter);
            double lag = (System.nanoTime() - caughtUpStart) / 1e9;
            long events = headAfter - headBefore;
            return new CommandPhase(result, lag, events / result.elapsedSeconds(),
                    events / (result.elapsedSeconds() + lag),
                    CpuPerCommand.between(cpuBefore, cpu.millis(), result.operations()));
        }

        /** Runs authenticated reads of one registry row for SECONDS (CPU counted per read). */
        ReadPhase reads(int n, int seconds, String probe) throws Exception {
            run(n, RAMP_SECONDS, () -> new RegistryReads(base, token, probe));
            double[] cpuBefore = cpu.millis();
            long startMillis = System.currentTimeMillis();
            Result result = run(n, seconds, () -> new RegistryReads(base, token, probe));
            System.err.printf("phase %s GET %d clients: %d %d%n", base, n, startMillis, System.currentTimeMillis());
            return new ReadPhase(result, CpuPerCommand.between(cpuBefore, cpu.millis(), result.operations()));
        }

        /** Average stored bytes (payload and metadata) of one event. */
        long averageEventBytes() throws Exception {
            try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
                var rs = c.createStatement().executeQuery(
                        "select coalesce(avg(length(payload) + coalesce(length(meta_data), 0)), 0) from domain_event_entry");
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A command phase: the commands, the projections' catch-up after it, events/s produced and applied. */
    record CommandPhase(Result result, double catchUpSeconds, double producedPerSecond, double appliedPerSecond,
                        CpuPerCommand cpu) {
        /** Two phases of one application as one: commands merged, the other figures averaged (CPU by command). */
        static CommandPhase mean(CommandPhase a, CommandPhase b) {
            long ca = a.result.operations();
            long cb = b.result.operations();
            return new CommandPhase(Result.merge(a.result, b.result), (a.catchUpSeconds + b.catchUpSeconds) / 2,
                    (a.producedPerSecond + b.producedPerSecond) / 2, (a.appliedPerSecond + b.appliedPerSecond) / 2,
                    CpuPerCommand.weighted(a.cpu, ca, b.cpu, cb));
        }
    }

    /** A read phase: the reads and the CPU per read. */
    record ReadPhase(Result result, CpuPerCommand cpu) {
        /** Two phases of one application as one: reads merged, CPU by read. */
        static ReadPhase mean(ReadPhase a, ReadPhase b) {
            return new ReadPhase(Result.merge(a.result, b.result), CpuPerCommand.weighted(a.cpu, a.result.operations(),
                    b.cpu, b.result.operations()));
        }
    }

    public static void main(String[] args) throws Exception {
        String token = args[2];
        String user = args[6];
        String password = args[7];
        Target vacant = new Target(args[0], args[3], user, password, token, CpuMeter.of("BENCH_APP_PID", args[3]));
        String grpcTarget = args[1];
        Target plain = new Target(args[4], args[5], user, password, token, CpuMeter.of("BENCH_PLAIN_PID", args[5]));
        int seconds = Integer.parseInt(args[8]);
        int warmup = Integer.parseInt(args[9]);
        int[] clients = Arrays.stream(args, 10, args.length).mapToInt(Integer::parseInt).toArray();
        try (Connection setup = DriverManager.getConnection(vacant.jdbcUrl(), user, password)) {
            setup.createStatement().execute("create table if not exists bench_raw (id bigserial primary key, payload bytea)");
        }
        String loadBefore = loadAverage();
        run(8, warmup, () -> new VacantClient(vacant.base(), token));
        run(8, warmup, () -> new VacantClient(plain.base(), token));
        run(8, warmup / 3, () -> new GrpcVacantClient(grpcTarget, token));
        String vacantProbe = new VacantClient(vacant.base(), token).genesis(new ArrayList<>());
        String plainProbe = new VacantClient(plain.base(), token).genesis(new ArrayList<>());
        run(8, warmup / 3, () -> new RegistryReads(vacant.base(), token, vacantProbe));
        run(8, warmup / 3, () -> new RegistryReads(plain.base(), token, plainProbe));
        List<String> commandRows = new ArrayList<>();
        List<String> projectionRows = new ArrayList<>();
        List<String> cpuRows = new ArrayList<>();
        List<String> readCpuRows = new ArrayList<>();
        List<String> baselineRows = new ArrayList<>();
        for (int n : clients) {
            // each Vacant phase between two of the baseline's, compared with their mean (see the class comment)
            CommandPhase plainBefore = plain.commands(n, seconds);
            CommandPhase app = vacant.commands(n, seconds);
            CommandPhase plainBetween = plain.commands(n, seconds);
            CommandPhase grpcPhase = vacant.commands(n, seconds, "grpc://" + grpcTarget,
                    () -> new GrpcVacantClient(grpcTarget, token));
            CommandPhase plainAfter = plain.commands(n, seconds);
            CommandPhase base = CommandPhase.mean(plainBefore, plainBetween);
            CommandPhase grpcBase = CommandPhase.mean(plainBetween, plainAfter);
            Result raw = run(n, seconds, () -> new RawInserts(vacant.jdbcUrl(), user, password));
            ReadPhase plainReadsBefore = plain.reads(n, seconds, plainProbe);
            ReadPhase readPhase = vacant.reads(n, seconds, vacantProbe);
            ReadPhase plainReadsAfter = plain.reads(n, seconds, plainProbe);
            ReadPhase plainReadPhase = ReadPhase.mean(plainReadsBefore, plainReadsAfter);
            Result reads = readPhase.result();
            Result plainReads = plainReadPhase.result();
            Result grpc = grpcPhase.result();
            commandRows.add(String.format("%-8d %10.0f %8.2f %8.2f %10.0f %8.2f %7.2f %10.0f %8.2f %10.0f %7.2f %10.0f %7.2f",
                    n, app.result().rate(), app.result().percentile(50), app.result().percentile(99),
                    base.result().rate(), base.result().percentile(99), app.result().rate() / base.result().rate(),
                    grpc.rate(), grpc.percentile(99), grpcBase.result().rate(), grpc.rate() / grpcBase.result().rate(),
                    raw.rate(), app.result().rate() / raw.rate()));
            baselineRows.add(String.format("%-8d %10.0f %10.0f %10.0f %10.0f %10.0f", n,
                    plainBefore.result().rate(), plainBetween.result().rate(), plainAfter.result().rate(),
                    plainReadsBefore.result().rate(), plainReadsAfter.result().rate()));
            projectionRows.add(String.format("%-8d %10.0f %10.0f %8.2f %10.0f %10.0f %8.2f %10.0f %10.0f %7.2f", n,
                    app.producedPerSecond(), app.appliedPerSecond(), app.catchUpSeconds(), base.producedPerSecond(),
                    base.appliedPerSecond(), base.catchUpSeconds(), reads.rate(), plainReads.rate(),
                    reads.rate() / plainReads.rate()));
            cpuRows.add(String.format("%-8d %s %s %7.2f %s %7.2f", n, app.cpu().columns(), base.cpu().columns(),
                    base.cpu().total() / app.cpu().total(), grpcPhase.cpu().columns(),
                    grpcBase.cpu().total() / grpcPhase.cpu().total()));
            readCpuRows.add(String.format("%-8d %s %s %7.2f", n, readPhase.cpu().columns(),
                    plainReadPhase.cpu().columns(), plainReadPhase.cpu().app() / readPhase.cpu().app()));
            System.err.println("done: " + n + " clients");
        }
        System.out.printf("load average before: %s, after: %s%n", loadBefore, loadAverage());
        System.out.printf("stored bytes per event: vacant %d, plain %d%n", vacant.averageEventBytes(),
                plain.averageEventBytes());
        System.out.println("commands (REST signed vs plain Axon; gRPC signed vs plain REST; targets: REST ratio >= 1.5 at 32"
                + " and >= 1.3 at 8 clients, p99 < 25 ms at 8, gRPC ratio >= 2.5 at 32)");
        System.out.printf("%-8s %10s %8s %8s %10s %8s %7s %10s %8s %10s %7s %10s %7s%n", "clients", "vacant/s", "p50 ms",
                "p99 ms", "plain/s", "p99 ms", "ratio", "grpc/s", "p99 ms", "plain/s", "ratio", "raw/s", "of raw");
        commandRows.forEach(System.out::println);
        System.out.println("the baseline's phases around Vacant's (each ratio against the mean of the two around it:"
                + " REST's before and between, gRPC's between and after; GET's before and after)");
        System.out.printf("%-8s %10s %10s %10s %10s %10s%n", "clients", "before/s", "between/s", "after/s",
                "GET bef/s", "GET aft/s");
        baselineRows.forEach(System.out::println);
        System.out.println("projections after each command phase (targets: vacant catch-up <= 1 s, applied >= produced)"
                + " and authenticated GET/s (target: vacant >= plain)");
        System.out.printf("%-8s %10s %10s %8s %10s %10s %8s %10s %10s %7s%n", "clients", "vac prod/s", "vac appl/s",
                "catch s", "pln prod/s", "pln appl/s", "catch s", "GET vac/s", "GET pln/s", "ratio");
        projectionRows.forEach(System.out::println);
        System.out.println("CPU ms per command over each command phase and its catch-up: application JVM, its database's"
                + " backends, load generator (ratio: plain total / vacant total; not bounded by the machine's load)");
        System.out.printf("%-8s %20s %20s %7s %20s %7s%n", "clients", "vacant app db load", "plain app db load", "ratio",
                "grpc app db load", "ratio");
        cpuRows.forEach(System.out::println);
        System.out.println("CPU ms per authenticated GET over each read phase: application JVM, its database's backends,"
                + " load generator (ratio: plain app / vacant app; target >= 1: the GET costs no more than the plain one)");
        System.out.printf("%-8s %20s %20s %7s%n", "clients", "vacant app db load", "plain app db load", "ratio");
        readCpuRows.forEach(System.out::println);
    }

    static String loadAverage() throws Exception {
        return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
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

        /** Two phases as one: their operations and seconds added, their latencies together. */
        static Result merge(Result a, Result b) {
            long[] nanos = java.util.stream.LongStream.concat(Arrays.stream(a.sortedNanos), Arrays.stream(b.sortedNanos))
                    .sorted().toArray();
            return new Result(a.operations + b.operations, a.elapsedSeconds + b.elapsedSeconds, nanos);
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

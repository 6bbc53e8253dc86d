import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task-loop benchmark (issue 16), over the REST API of a running node only (JDK classes, no classpath). For each
 * concurrency N it runs N closed-loop clients, each submitting a task routed to a local skill ("Count the words:
 * ...", {@code text.count}) and polling {@code GET /tasks/{id}} until the task reaches its terminal state; it prints
 * tasks/s and the p50/p99 submission-to-terminal latency. In the same run, at the same N, it measures the tuple
 * out+in pairs/s of the same node over REST ({@code POST /lanes/{lane}/out}, then {@code /in} of that tuple, one lane
 * per client).
 *
 * <p>Terminal state: before measuring, one probe task is submitted. If it reaches APPROVED, FAILED or REJECTED within
 * PROBE seconds, a worker runs the loop (execution on the {@code tasks} lane, review, reward) and the bench measures
 * submission to that final state ("loop" mode). If it does not, no worker executes tasks on this node (the execution
 * lane is not deployed), and the bench measures what runs: submission through the gate and the task's signed
 * SUBMITTED entry until the tasks read model shows it QUEUED ("queued" mode). The mode is printed with the figures.
 *
 * <p>Usage: java bench/TaskLoad.java BASE_URL OPERATOR_TOKEN MODEL SECONDS WARMUP PROBE CLIENTS...
 */
public class TaskLoad {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATE = Pattern.compile("\"state\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Set<String> FINAL = Set.of("APPROVED", "FAILED", "REJECTED");
    private static final long POLL_MILLIS = 5;
    private static final String CONTROLLER = "bench-tasks";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Http operator = new Http(base, args[1]);
        String model = args[2];
        int seconds = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int probe = Integer.parseInt(args[5]);
        List<Integer> clients = new ArrayList<>();
        for (int i = 6; i < args.length; i++) {
            clients.add(Integer.parseInt(args[i]));
        }

        Http controller = new Http(base, match(TOKEN, operator.post("/api/v1/tokens",
                "{\"role\":\"controller\",\"controller\":\"" + CONTROLLER + "\",\"label\":\"task bench\"}")));
        String vacant = match(ID, operator.post("/api/v1/vacants/genesis", "{\"controller\":\"" + CONTROLLER + "\","
                + "\"bundle\":{\"system_prompt\":\"bench\",\"policy_dsl\":\"allow: read\",\"tool_whitelist\":[\"read\"]},"
                + "\"substrate\":{\"provider\":\"p\",\"model\":\"m\",\"model_family\":\"f\",\"params\":{}}}"));
        Set<String> terminal = probe(controller, model, vacant, probe);
        String mode = terminal.equals(FINAL) ? "loop" : "queued";
        System.out.printf("mode: %s (%s)%n", mode, mode.equals("loop")
                ? "submission to APPROVED/FAILED/REJECTED through the execution lane"
                : "no worker executed the probe task within " + probe + " s: submission to QUEUED in the read model");

        int largest = clients.stream().mapToInt(Integer::intValue).max().orElse(1);
        if (warmup > 0) {
            run(largest, warmup, () -> new TaskClient(controller, model, vacant, terminal));
            run(largest, Math.max(1, warmup / 3), () -> new TupleClient(controller, vacant));
        }
        System.out.println("| clients | tasks/s | p50 ms | p99 ms | failed | tuple pairs/s | pair p50 ms | pair p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int n : clients) {
            List<TaskClient> taskClients = new ArrayList<>();
            Result tasks = run(n, seconds, () -> {
                TaskClient client = new TaskClient(controller, model, vacant, terminal);
                synchronized (taskClients) {
                    taskClients.add(client);
                }
                return client;
            });
            long failed = taskClients.stream().mapToLong(c -> c.failed).sum();
            Result pairs = run(n, seconds, () -> new TupleClient(controller, vacant));
            System.out.printf("| %d | %.1f | %.1f | %.1f | %d | %.1f | %.1f | %.1f |%n", n, tasks.rate(),
                    tasks.percentile(50), tasks.percentile(99), failed, pairs.rate(), pairs.percentile(50),
                    pairs.percentile(99));
        }
    }

    /** The states that end a task here: the final ones if a worker takes the probe task within the time, else QUEUED. */
    private static Set<String> probe(Http controller, String model, String vacant, int seconds) throws Exception {
        TaskClient client = new TaskClient(controller, model, vacant, FINAL);
        String id = client.submit();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            String state = client.state(id);
            if (state != null && FINAL.contains(state)) {
                return FINAL;
            }
            Thread.sleep(50);
        }
        return Set.of("QUEUED");
    }

    interface Worker {
        /** Does one operation, adding its latency in nanoseconds. */
        void step(List<Long> latencies) throws Exception;
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
                Worker worker = factory.create();
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                    worker.step(latencies);
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

    /** Submits a task routed to a local skill and waits until it is in a terminal state. */
    static final class TaskClient implements Worker {
        private final Http http;
        private final String model;
        private final String vacant;
        private final Set<String> terminal;
        long failed;

        TaskClient(Http http, String model, String vacant, Set<String> terminal) {
            this.http = http;
            this.model = model;
            this.vacant = vacant;
            this.terminal = terminal;
        }

        String submit() throws Exception {
            String words = UUID.randomUUID().toString().replace('-', ' ');
            return match(ID, http.post("/api/v1/tasks", "{\"prompt\":\"Count the words: " + words + "\","
                    + "\"mode\":\"llm\",\"model\":\"" + model + "\",\"min_budget_micros\":0,"
                    + "\"max_budget_micros\":1000,\"assignee\":\"" + vacant + "\"}"));
        }

        /** The task's state in the read model, or null while it is not projected yet. */
        String state(String id) throws Exception {
            HttpResponse<String> response = http.get("/api/v1/tasks/" + id);
            return response.statusCode() == 200 ? match(STATE, response.body()) : null;
        }

        @Override
        public void step(List<Long> latencies) throws Exception {
            long t0 = System.nanoTime();
            String id = submit();
            String state;
            while ((state = state(id)) == null || !terminal.contains(state)) {
                Thread.sleep(POLL_MILLIS);
            }
            latencies.add(System.nanoTime() - t0);
            if (!state.equals("APPROVED") && !state.equals("QUEUED")) {
                failed++;
            }
        }
    }

    /** One tuple out and the in that takes it back, on a lane of its own. */
    static final class TupleClient implements Worker {
        private final Http http;
        private final String vacant;
        private final String lane = "bench-" + UUID.randomUUID().toString().substring(0, 8);

        TupleClient(Http http, String vacant) {
            this.http = http;
            this.vacant = vacant;
        }

        @Override
        public void step(List<Long> latencies) throws Exception {
            long t0 = System.nanoTime();
            http.post("/api/v1/lanes/" + lane + "/out", "{\"vacant\":\"" + vacant + "\",\"yool\":\"job\",\"map\":[3,4]}");
            String taken = http.post("/api/v1/lanes/" + lane + "/in", "{\"vacant\":\"" + vacant + "\","
                    + "\"template\":{\"yool\":\"job\"}}");
            latencies.add(System.nanoTime() - t0);
            if (taken.contains("\"tuple\":null")) {
                throw new IllegalStateException("the in found no tuple: " + taken);
            }
        }
    }

    /** Bearer-token JSON calls; any answer >= 300 to a POST stops the bench. */
    record Http(String base, String token, HttpClient client) {
        Http(String base, String token) {
            this(base, token, HttpClient.newHttpClient());
        }

        String post(String path, String body) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body();
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String match(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return m.group(1);
    }
}

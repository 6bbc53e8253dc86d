import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command load on one running server with nothing but the JDK (bench/run-embedded-command-bench.sh): CLIENTS threads
 * each repeat CommandLoad's mix (genesis, heartbeat, D1 spawn, five calls) over REST for SECONDS, then it prints one
 * line: "COMMANDS SECONDS P99_MS".
 *
 * Usage: java bench/EmbeddedCommandLoad.java BASE_URL TOKEN CLIENTS SECONDS
 */
public class EmbeddedCommandLoad {

    private static final Pattern ID = Pattern.compile("\"(?:id|child_id)\"\\s*:\\s*\"(vac_[a-z0-9-]+)\"");
    private static final String GENESIS = "{\"bundle\":{\"system_prompt\":\"bench\",\"policy_dsl\":\"allow\","
            + "\"tool_whitelist\":[\"read\"]},\"substrate\":{\"provider\":\"p\",\"model\":\"m\",\"model_family\":\"f\","
            + "\"params\":{}}}";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int clients = Integer.parseInt(args[2]);
        long end = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long started = System.nanoTime();
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                HttpClient http = HttpClient.newHttpClient();
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    Matcher id = ID.matcher(post(http, base, token, "/api/v1/vacants/genesis", GENESIS, latencies));
                    if (!id.find()) {
                        throw new IllegalStateException("genesis answered no id");
                    }
                    String vacant = "/api/v1/vacants/" + id.group(1);
                    post(http, base, token, vacant + "/heartbeats", "{}", latencies);
                    post(http, base, token, vacant + "/spawn", "{\"path\":\"D1\",\"policy_mutation\":\"be brief\"}",
                            latencies);
                    for (int call = 0; call < 5; call++) {
                        post(http, base, token, vacant + "/calls", "{}", latencies);
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%d %.1f %.1f%n", sorted.length, seconds,
                sorted.length == 0 ? 0 : sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6);
    }

    private static String post(HttpClient http, String base, String token, String path, String body,
                               List<Long> latencies) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long sent = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        latencies.add(System.nanoTime() - sent);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}

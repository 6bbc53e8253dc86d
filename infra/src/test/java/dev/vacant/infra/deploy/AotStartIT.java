package dev.vacant.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.vacant.infra.config.aot.AotConditionInputs;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * The packaged jar in Spring's AOT mode, as the launcher starts the embedded default ({@code -Dspring.aot.enabled=true}):
 * the context the build processed ahead of time starts and takes commands; a start with a property that would have
 * decided one of the build's conditions otherwise goes on in the regular mode, which honours it, instead of silently
 * running the build's beans; and the AOT context serves the same API (its OpenAPI document) as the regular one.
 * Runs after {@code package} (failsafe), on the jar itself.
 */
class AotStartIT {

    private static final Path JAR = Path.of("target", "vacant.jar");
    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(vac_[a-z0-9-]+)\"");
    private static final String GENESIS = "{\"bundle\":{\"system_prompt\":\"aot\",\"policy_dsl\":\"allow\","
            + "\"tool_whitelist\":[\"read\"]},\"substrate\":{\"provider\":\"p\",\"model\":\"m\",\"model_family\":\"f\","
            + "\"params\":{}}}";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void theBuildsContext_startsInAotMode_andTakesACommand() throws Exception {
        try (Server server = start(dir, true)) {
            String token = token(dir);

            HttpResponse<String> genesis = send(server, "POST", "/api/v1/vacants/genesis", token, GENESIS);
            Matcher id = ID.matcher(genesis.body());
            assertThat(genesis.statusCode()).isEqualTo(201);
            assertThat(id.find()).isTrue();
            assertThat(send(server, "GET", "/api/v1/vacants/" + id.group(1) + "?consistency=strong", token, null)
                    .statusCode()).isEqualTo(200);
            // Axon's aggregate lookup, which would find the build's registrars and say so, is left out
            assertThat(server.log()).contains("Starting AOT-processed VacantApplication")
                    .doesNotContain("Starting without the AOT-processed context")
                    .doesNotContainPattern("Registrar for \\w+ already available");
        }
    }

    @Test
    void aPropertyThatWouldSwitchABean_startsTheRegularContext_whichHonoursIt() throws Exception {
        try (Server server = start(dir, true, "--vacant.security.bootstrap-operator-token=false")) {
            assertThat(server.log()).contains("Starting without the AOT-processed context: "
                            + "vacant.security.bootstrap-operator-token is 'false', the build's 'true'")
                    .doesNotContain("Starting AOT-processed");
            assertThat(dir.resolve("operator.token")).doesNotExist();
        }
    }

    @Test
    void theAotContext_servesTheSameApi_asTheRegularOne() throws Exception {
        Path aot = Files.createDirectories(dir.resolve("aot"));
        Path regular = Files.createDirectories(dir.resolve("regular"));
        try (Server aotServer = start(aot, true); Server regularServer = start(regular, false)) {
            assertThat(aotServer.log()).contains("Starting AOT-processed");
            assertThat(regularServer.log()).doesNotContain("Starting AOT-processed");

            assertThat(apiDocs(aotServer, aot)).isEqualTo(apiDocs(regularServer, regular));
        }
    }

    /** The OpenAPI document, without its servers (their URLs name the port). */
    private JsonNode apiDocs(Server server, Path data) throws Exception {
        ObjectNode docs = (ObjectNode) JSON.readTree(send(server, "GET", "/v3/api-docs", token(data), null).body());
        docs.remove("servers");
        return docs;
    }

    private static String token(Path data) throws IOException {
        return Files.readString(data.resolve("operator.token")).trim();
    }

    @Test
    void theBuildsInputs_holdEveryPropertyThatOneOfOurConditionsReads() throws IOException {
        Set<String> ours = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.vacant")) {
            Stream.concat(Stream.of(type.tryGetAnnotationOfType(ConditionalOnProperty.class)),
                            type.getMethods().stream().map(method -> method.tryGetAnnotationOfType(ConditionalOnProperty.class)))
                    .flatMap(Optional::stream).forEach(condition -> ours.addAll(names(condition)));
        }

        AotConditionInputs inputs;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(AotConditionInputs.RESOURCE)) {
            assertThat(in).as(AotConditionInputs.RESOURCE).isNotNull();
            inputs = AotConditionInputs.read(in);
        }
        assertThat(ours).contains("vacant.lanes.transport", "vacant.security.bootstrap-operator-token");
        assertThat(inputs.values()).containsKeys(ours.toArray(String[]::new));
        assertThat(inputs.profiles()).isEmpty();
    }

    private static List<String> names(ConditionalOnProperty condition) {
        String prefix = condition.prefix().isEmpty() || condition.prefix().endsWith(".") ? condition.prefix()
                : condition.prefix() + ".";
        String[] names = condition.name().length > 0 ? condition.name() : condition.value();
        return Arrays.stream(names).map(name -> prefix + name).toList();
    }

    private HttpResponse<String> send(Server server, String method, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Starts the jar, in AOT mode or not, on {@code data} and loopback ports; answers once it is UP. */
    private Server start(Path data, boolean aotMode, String... args) throws Exception {
        Path log = data.resolve("server.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dspring.aot.enabled=" + aotMode, "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString(),
                "--vacant.data-dir=" + data, "--server.port=0", "--server.address=127.0.0.1", "--vacant.grpc.port=0"));
        command.addAll(List.of(args));
        Server server = new Server(new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start(), log);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline) && server.process().isAlive()) {
            Matcher port = PORT.matcher(server.log());
            if (port.find() && health(Integer.parseInt(port.group(1)))) {
                return server.at(Integer.parseInt(port.group(1)));
            }
            Thread.sleep(200);
        }
        server.close();
        throw new AssertionError("the jar did not come UP:\n" + server.log());
    }

    private boolean health(int port) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body().contains("\"status\":\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A started jar: its process, its log and, once UP, its HTTP port. */
    private record Server(Process process, Path logFile, int port) implements AutoCloseable {

        Server(Process process, Path logFile) {
            this(process, logFile, 0);
        }

        Server at(int httpPort) {
            return new Server(process, logFile, httpPort);
        }

        String log() throws IOException {
            return Files.readString(logFile);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}

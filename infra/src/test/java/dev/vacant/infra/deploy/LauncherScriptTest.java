package dev.vacant.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code infra/deploy/vacant.sh} (the README's run command) picks its JVM command line by what starts:
 * the embedded default's server gets the small-node options and the class-data sharing archive, a profile or a CLI
 * command gets plain {@code java -jar}. Checked through its dry run, which prints the command and prepares nothing,
 * and, for the class-data sharing archive's training run, with a stand-in {@code java} on the {@code PATH} (or in
 * {@code JAVA_HOME}) that "starts" on the port of a small HTTP server of the test and writes the archive when it is
 * stopped with SIGTERM. On a JDK 25 or later the archive is the JDK's AOT cache.
 */
class LauncherScriptTest {

    private static final Path LAUNCHER = Path.of("deploy", "vacant.sh").toAbsolutePath();
    private static final List<String> EMBEDDED = List.of("-XX:+UseSerialGC", "-Xms128m", "-Xmx256m",
            "-XX:TieredStopAtLevel=1", "-Dspring.aot.enabled=true");
    private static final List<String> NATIVE_ACCESS = List.of("--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow");

    @TempDir
    Path dir;

    @Test
    void embeddedServer_getsTheSmallNodeOptions_andStartsTheExtractedJarWithItsArchive() throws Exception {
        jar();
        String cds = dir.resolve("vacant-cds").toString();

        assertThat(dryRun(Map.of())).containsExactly(concat(List.of("java"), EMBEDDED,
                List.of("-XX:SharedArchiveFile=" + cds + "/vacant.jsa", "-jar", cds + "/app/vacant.jar")).toArray(String[]::new));
        assertThat(dryRun(Map.of(), "serve", "--server.port=8081")).containsSubsequence(EMBEDDED)
                .endsWith("-jar", cds + "/app/vacant.jar", "serve", "--server.port=8081");
        assertThat(dryRun(Map.of(), "--vacant.data-dir=./elsewhere")).containsSubsequence(EMBEDDED)
                .endsWith("--vacant.data-dir=./elsewhere");
    }

    @Test
    void userOptions_comeAfterTheDefaults_soTheyWin() throws Exception {
        jar();

        assertThat(dryRun(Map.of("VACANT_JAVA_OPTS", "-Xmx1g -XX:TieredStopAtLevel=4")))
                .containsSubsequence("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xmx1g", "-XX:TieredStopAtLevel=4");
    }

    @Test
    void withoutCds_theEmbeddedServerStartsTheJarItself() throws Exception {
        Path jar = jar();

        assertThat(dryRun(Map.of("VACANT_CDS", "off"))).containsExactly(
                concat(List.of("java"), EMBEDDED, List.of("-jar", jar.toString())).toArray(String[]::new));
    }

    @Test
    void aProfileOrACliCommand_runsThePlainJarWithTheJvmDefaults() throws Exception {
        String jar = jar().toString();

        assertThat(dryRun(Map.of("SPRING_PROFILES_ACTIVE", "postgres"))).containsExactly("java", "-jar", jar);
        assertThat(dryRun(Map.of(), "--spring.profiles.active=production"))
                .containsExactly("java", "-jar", jar, "--spring.profiles.active=production");
        assertThat(dryRun(Map.of(), "token", "list")).containsExactly("java", "-jar", jar, "token", "list");
        assertThat(dryRun(Map.of(), "--help")).containsExactly("java", "-jar", jar, "--help");
    }

    @Test
    void onAJdk25_theEmbeddedServerMapsTheAotCache_andEveryStartAllowsNativeAccess() throws Exception {
        String jar = jar().toString();
        String cds = dir.resolve("vacant-cds").toString();
        Path jdk = jdk("25.0.3");
        String java = jdk.resolve("bin/java").toString();
        Map<String, String> jdk25 = Map.of("JAVA_HOME", jdk.toString());

        assertThat(dryRun(jdk25)).containsExactly(concat(List.of(java), EMBEDDED, NATIVE_ACCESS,
                List.of("-XX:AOTCache=" + cds + "/vacant.aot", "-jar", cds + "/app/vacant.jar")).toArray(String[]::new));
        assertThat(dryRun(jdk25, "token", "list"))
                .containsExactly(concat(List.of(java), NATIVE_ACCESS, List.of("-jar", jar, "token", "list"))
                        .toArray(String[]::new));
    }

    @Test
    void anOlderJdkInJavaHome_isTheJvm_withTheCdsArchive() throws Exception {
        jar();
        String cds = dir.resolve("vacant-cds").toString();
        Path jdk = jdk("21.0.9");

        assertThat(dryRun(Map.of("JAVA_HOME", jdk.toString()))).containsExactly(concat(
                List.of(jdk.resolve("bin/java").toString()), EMBEDDED,
                List.of("-XX:SharedArchiveFile=" + cds + "/vacant.jsa", "-jar", cds + "/app/vacant.jar"))
                .toArray(String[]::new));
    }

    @Test
    void aFailedPreparation_saysWhereItsLogIs_andFails() throws Exception {
        jar();
        ProcessBuilder builder = launcher(Map.of("VACANT_LAUNCHER_PREPARE", "1"), List.of()).redirectErrorStream(true);
        builder.environment().remove("VACANT_LAUNCHER_DRY_RUN");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(1);
        assertThat(output).contains("the CDS training run failed (log: " + dir.resolve("vacant-cds/training.log"));
        assertThat(dir.resolve("vacant-cds/vacant.jsa")).doesNotExist();
    }

    @Test
    void theTrainingRun_startsTheServerAllTheWay_waitsForItsHealth_andStopsIt_soTheArchiveCoversAWholeStart()
            throws Exception {
        jar();
        AtomicInteger healthRequests = new AtomicInteger();

        prepareAgainstAHealthyServer(healthRequests, null);

        Path cds = dir.resolve("vacant-cds");
        assertThat(Files.readAllLines(dir.resolve("training.args"))).containsSubsequence(EMBEDDED)
                .contains("-XX:ArchiveClassesAtExit=" + cds.resolve("training.jsa"), "--server.port=0",
                        "--vacant.grpc.port=0")
                .containsSubsequence("-jar", cds.resolve("app/vacant.jar").toString())
                .noneMatch(arg -> arg.contains("spring.context.exit"));
        assertThat(healthRequests.get()).isPositive();
        assertThat(cds.resolve("vacant.jsa")).content().contains("written at exit after SIGTERM");
    }

    @Test
    void onAJdk25_theTrainingRunRecordsTheAotCache() throws Exception {
        jar();

        prepareAgainstAHealthyServer(new AtomicInteger(), jdk("25"));

        Path cds = dir.resolve("vacant-cds");
        assertThat(Files.readAllLines(dir.resolve("training.args"))).containsSubsequence(EMBEDDED)
                .containsSubsequence(NATIVE_ACCESS)
                .contains("-XX:AOTCacheOutput=" + cds.resolve("training.aot"))
                .noneMatch(arg -> arg.startsWith("-XX:ArchiveClassesAtExit"));
        assertThat(cds.resolve("vacant.aot")).content().contains("written at exit after SIGTERM");
        assertThat(cds.resolve("vacant.jsa")).doesNotExist();
    }

    @Test
    void aTrainingRunThatIsNotUpInTime_isKilled_andThePreparationFails() throws Exception {
        jar();
        HttpServer server = health("DOWN", 503, new AtomicInteger());
        Process process;
        String output;
        try {
            ProcessBuilder builder = prepare(server, null);
            builder.environment().put("VACANT_CDS_TRAINING_SECONDS", "2");
            process = builder.start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
        assertThat(output).contains("the CDS training run failed");
        assertThat(dir.resolve("vacant-cds/training.log")).content().contains("not UP within 2 s");
        long pid = Long.parseLong(Files.readString(dir.resolve("training.pid")).strip());
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(dir.resolve("vacant-cds/vacant.jsa")).doesNotExist();
    }

    @Test
    void aMissingJar_isAUsageError_sayingHowToBuildIt() throws Exception {
        Process process = launcher(Map.of(), List.of()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output).contains("no " + dir.resolve("vacant.jar"), "./mvnw -B -q -DskipTests package");
    }

    /** A stand-in for the server's health endpoint on a loopback port, answering STATUS with CODE. */
    private static HttpServer health(String status, int code, AtomicInteger requests) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health", exchange -> {
            requests.incrementAndGet();
            byte[] body = ("{\"status\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** The launcher preparing its cache ({@link #prepare}) against a stand-in server answering UP: it succeeds. */
    private void prepareAgainstAHealthyServer(AtomicInteger healthRequests, Path javaHome) throws Exception {
        HttpServer server = health("UP", 200, healthRequests);
        try {
            Process process = prepare(server, javaHome).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.waitFor()).as(output).isZero();
        } finally {
            server.stop(0);
        }
    }

    /**
     * The launcher preparing its cache with a stand-in {@code java} first on the {@code PATH}, or in
     * {@code javaHome} (then {@code JAVA_HOME}) unless null: it "extracts" an empty jar; as the training run it
     * records its arguments and pid, logs Spring Boot's "Tomcat started" line with the port of {@code server}, and
     * writes the archive only when stopped with SIGTERM (as the JVM does at exit).
     */
    private ProcessBuilder prepare(HttpServer server, Path javaHome) throws IOException {
        Path bin = Files.createDirectories(javaHome == null ? dir.resolve("bin") : javaHome.resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), """
                #!/usr/bin/env bash
                if [[ " $* " == *" -Djarmode=tools "* ]]; then
                  while [[ "$1" != --destination ]]; do shift; done
                  mkdir -p "$2" && touch "$2/vacant.jar"
                  exit 0
                fi
                printf '%%s\\n' "$@" > "%1$s/training.args"
                echo $$ > "%1$s/training.pid"
                for arg in "$@"; do
                  [[ "$arg" == -XX:ArchiveClassesAtExit=* || "$arg" == -XX:AOTCacheOutput=* ]] && archive="${arg#*=}"
                done
                trap 'echo "written at exit after SIGTERM" > "$archive"; exit 143' TERM
                echo "o.s.b.w.embedded.tomcat.TomcatWebServer : Tomcat started on port %2$d (http) with context path '/'"
                for (( i = 0; i < 300; i++ )); do sleep 0.1; done
                exit 1
                """.formatted(dir, server.getAddress().getPort()));
        assertThat(java.toFile().setExecutable(true)).isTrue();
        ProcessBuilder builder = launcher(Map.of("VACANT_LAUNCHER_PREPARE", "1"), List.of()).redirectErrorStream(true);
        builder.environment().remove("VACANT_LAUNCHER_DRY_RUN");
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        if (javaHome != null) {
            builder.environment().put("JAVA_HOME", javaHome.toString());
        }
        return builder;
    }

    /** A JDK home of the given version: its release file, and a {@code bin/java} that a dry run never runs. */
    private Path jdk(String version) throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk-" + version));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.writeString(Files.createDirectories(home.resolve("bin")).resolve("java"), "#!/bin/sh\nexit 3\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        return home;
    }

    private Path jar() throws IOException {
        return Files.writeString(dir.resolve("vacant.jar"), "not read by a dry run");
    }

    private List<String> dryRun(Map<String, String> environment, String... args) throws Exception {
        Process process = launcher(environment, List.of(args)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor()).isZero();
        return List.of(output.split(" "));
    }

    private ProcessBuilder launcher(Map<String, String> environment, List<String> args) {
        ProcessBuilder builder = new ProcessBuilder(concat(List.of("bash", LAUNCHER.toString()), args));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("VACANT_") || name.equals("SPRING_PROFILES_ACTIVE")
                || name.equals("JAVA_HOME"));
        env.put("VACANT_JAR", dir.resolve("vacant.jar").toString());
        env.put("VACANT_LAUNCHER_DRY_RUN", "1");
        env.putAll(environment);
        return builder;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}

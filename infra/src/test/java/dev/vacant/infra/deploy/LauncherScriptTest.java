package dev.vacant.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code infra/deploy/vacant.sh} (the README's run command) picks its JVM command line by what starts:
 * the embedded default's server gets the small-node options and the class-data sharing archive, a profile or a CLI
 * command gets plain {@code java -jar}. Checked through its dry run, which prints the command and prepares nothing.
 */
class LauncherScriptTest {

    private static final Path LAUNCHER = Path.of("deploy", "vacant.sh").toAbsolutePath();
    private static final List<String> EMBEDDED = List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx256m",
            "-XX:TieredStopAtLevel=1");

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
    void aMissingJar_isAUsageError_sayingHowToBuildIt() throws Exception {
        Process process = launcher(Map.of(), List.of()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).isEqualTo(2);
        assertThat(output).contains("no " + dir.resolve("vacant.jar"), "./mvnw -B -q -DskipTests package");
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
        env.keySet().removeIf(name -> name.startsWith("VACANT_") || name.equals("SPRING_PROFILES_ACTIVE"));
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

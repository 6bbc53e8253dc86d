package dev.vacant.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The packaging under {@code infra/deploy} without Docker: the compose file parses as YAML (merge keys resolved)
 * and holds the fleet {@code docs/deploy.md} describes; the Dockerfile is multi-stage, non-root, with a health check.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("deploy");

    @Test
    void compose_parsesAndDeclaresPostgresKraftKafkaTwoInstancesAndAProxy() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();

        assertThat(services).containsOnlyKeys("postgres", "kafka", "vacant-1", "vacant-2", "proxy");
        assertThat(environment(services.get("kafka"))).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .doesNotContainKey("KAFKA_ZOOKEEPER_CONNECT");
        assertThat((List<?>) services.get("proxy").get("volumes")).anySatisfy(
                volume -> assertThat(volume.toString()).startsWith("./nginx.conf:"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void compose_runsBothInstancesOnPostgresAndKafka_withTheSameRequiredKek() throws IOException {
        Map<String, Map<String, Object>> services = composeServices();

        for (String instance : List.of("vacant-1", "vacant-2")) {
            Map<String, Object> environment = environment(services.get(instance));
            assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "postgres")
                    .containsEntry("VACANT_LANES_TRANSPORT", "kafka")
                    .containsEntry("VACANT_DB_URL", "jdbc:postgresql://postgres:5432/vacant")
                    .containsEntry("VACANT_LANES_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
            assertThat(environment.get("VACANT_CUSTODY_KEK").toString()).startsWith("${VACANT_CUSTODY_KEK:?");
            assertThat((Map<String, Object>) services.get(instance).get("depends_on")).containsOnlyKeys("postgres", "kafka");
        }
    }

    @Test
    void proxy_balancesOverBothInstances() throws IOException {
        String nginx = Files.readString(DEPLOY.resolve("nginx.conf"));

        assertThat(nginx).contains("server vacant-1:8080", "server vacant-2:8080", "proxy_pass http://vacant;");
    }

    @Test
    void dockerfile_isMultiStage_runsAsNonRoot_andChecksHealth() throws IOException {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("Dockerfile"));

        assertThat(lines).filteredOn(line -> line.startsWith("FROM ")).hasSize(2);
        assertThat(lines).filteredOn(line -> line.startsWith("USER ")).singleElement()
                .satisfies(user -> assertThat(user).doesNotContain("root").isNotEqualTo("USER 0"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("COPY --from=build "));
        assertThat(String.join("\n", lines)).contains("HEALTHCHECK", "/actuator/health");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> composeServices() throws IOException {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        Map<String, Object> compose = yaml.load(Files.readString(DEPLOY.resolve("compose.yaml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> service) {
        return (Map<String, Object>) service.get("environment");
    }
}

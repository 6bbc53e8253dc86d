package dev.vacant.infra.tuple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import ch.qos.logback.classic.Level;
import dev.vacant.infra.support.ExpectedLog;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

class YoolLaneAliasesTest {

    private final MockEnvironment environment = new MockEnvironment();

    private LanePolicyProperties bind(Map<String, Object> variables) {
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        new YoolLaneAliases().postProcessEnvironment(environment, null);
        return Binder.get(environment).bindOrCreate("vacant.lanes", LanePolicyProperties.class);
    }

    @Test
    void bind_givesSpecDefaults_whenNoAliasIsSet() {
        assertThat(bind(Map.of())).isEqualTo(new LanePolicyProperties(32, 64, 32, 6000, 16384,
                Duration.ofSeconds(3600), 3, Duration.ofMillis(100), Duration.ofMillis(5000), 0.25, 5,
                Duration.ofSeconds(30)));
    }

    @Test
    void bind_takesEveryYoolAliasInItsUnit_whenOnlyYoolAliasesAreSet() {
        LanePolicyProperties properties = bind(Map.ofEntries(
                Map.entry("YOOL_LANE_CONCURRENCY", "8"), Map.entry("YOOL_MAX_LANE_CONCURRENCY", "16"),
                Map.entry("YOOL_BATCH_SMALL_TASK_SIZE", "4"), Map.entry("YOOL_CONTEXT_COMPRESSION_CHARS", "100"),
                Map.entry("YOOL_CACHE_MAX_ENTRIES", "10"), Map.entry("YOOL_CACHE_TTL", "60"),
                Map.entry("YOOL_API_MAX_RETRIES", "2"), Map.entry("YOOL_RETRY_BASE_MS", "50"),
                Map.entry("YOOL_RETRY_MAX_MS", "400"), Map.entry("YOOL_RETRY_JITTER", "0.1"),
                Map.entry("YOOL_CIRCUIT_FAILURE_THRESHOLD", "7"), Map.entry("YOOL_CIRCUIT_COOLDOWN", "9")));

        assertThat(properties).isEqualTo(new LanePolicyProperties(8, 16, 4, 100, 10, Duration.ofSeconds(60), 2,
                Duration.ofMillis(50), Duration.ofMillis(400), 0.1, 7, Duration.ofSeconds(9)));
    }

    @Test
    void bind_honoursTheTupleKernelsOriginalNames_forBackoffCacheTtlAndCooldown() {
        LanePolicyProperties properties = bind(Map.of("YOOL_TUPLE_API_BACKOFF_BASE_MS", "70",
                "YOOL_API_BACKOFF_MAX_MS", "900", "YOOL_TUPLE_CACHE_TTL_S", "120", "YOOL_CIRCUIT_COOLDOWN_S", "11"));

        assertThat(properties.retryBase()).isEqualTo(Duration.ofMillis(70));
        assertThat(properties.retryMax()).isEqualTo(Duration.ofMillis(900));
        assertThat(properties.cacheTtl()).isEqualTo(Duration.ofSeconds(120));
        assertThat(properties.circuitCooldown()).isEqualTo(Duration.ofSeconds(11));
    }

    @Test
    void bind_prefersTheOriginalName_overThisProjectsEarlierAlias_andValidatesIt() {
        LanePolicyProperties properties = bind(Map.of("YOOL_RETRY_BASE_MS", "50", "YOOL_API_BACKOFF_BASE_MS", "80"));

        assertThat(properties.retryBase()).isEqualTo(Duration.ofMillis(80));
        assertThatThrownBy(() -> bind(Map.of("YOOL_TUPLE_CACHE_TTL_S", "1.5")))
                .hasMessage("YOOL_TUPLE_CACHE_TTL_S must be a positive integer, was '1.5'");
    }

    @Test
    void bind_prefersTupleAlias_whenBothAliasesAreSet() {
        LanePolicyProperties properties = bind(Map.of(
                "YOOL_TUPLE_LANE_CONCURRENCY", "12", "YOOL_LANE_CONCURRENCY", "8"));

        assertThat(properties.laneConcurrency()).isEqualTo(12);
    }

    @Test
    void bind_prefersExplicitProperty_whenAnAliasIsAlsoSet() {
        environment.setProperty("vacant.lanes.lane-concurrency", "3");

        LanePolicyProperties properties = bind(Map.of("YOOL_TUPLE_LANE_CONCURRENCY", "12"));

        assertThat(properties.laneConcurrency()).isEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({
            "YOOL_TUPLE_LANE_CONCURRENCY, many",
            "YOOL_LANE_CONCURRENCY, 0",
            "YOOL_CACHE_TTL, -5",
            "YOOL_API_MAX_RETRIES, 2.5",
            "YOOL_RETRY_JITTER, 0"})
    void postProcess_failsNamingTheVariable_whenValueIsNotAPositiveNumber(String variable, String value) {
        assertThatThrownBy(() -> bind(Map.of(variable, value)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith(variable + " must be a positive")
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void startup_failsNamingTheVariable_whenBootRunsWithABadAlias() {
        StandardEnvironment bootEnvironment = new StandardEnvironment();
        bootEnvironment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("YOOL_TUPLE_CIRCUIT_COOLDOWN", "soon")));
        SpringApplication application = new SpringApplication(PolicyOnly.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setEnvironment(bootEnvironment);

        try (ExpectedLog log = ExpectedLog.of(SpringApplication.class)) {
            assertThatThrownBy(application::run)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("YOOL_TUPLE_CIRCUIT_COOLDOWN must be a positive integer, was 'soon'");
            assertThat(log.messages(Level.ERROR)).contains("Application run failed");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LanePolicyProperties.class)
    static class PolicyOnly {
    }
}

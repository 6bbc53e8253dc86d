package dev.vacant.infra.tuple;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Maps the original environment names onto {@code vacant.lanes.*}: {@code YOOL_TUPLE_<NAME>}, else
 * {@code YOOL_<NAME>}; where a property has two names (the tuple kernel's original one, such as
 * {@code API_BACKOFF_BASE_MS}, and this project's earlier one, such as {@code RETRY_BASE_MS}), the original wins.
 * The aliases are added last, so any explicit {@code vacant.lanes.*} wins. A present
 * alias that is not a positive number fails startup with an exception naming the variable.
 */
public class YoolLaneAliases implements EnvironmentPostProcessor {

    /** The property source holding the mapped aliases. */
    public static final String SOURCE_NAME = "yoolLaneAliases";

    private static final List<Alias> ALIASES = List.of(
            new Alias(List.of("LANE_CONCURRENCY"), "lane-concurrency", Unit.INTEGER),
            new Alias(List.of("MAX_LANE_CONCURRENCY"), "max-lane-concurrency", Unit.INTEGER),
            new Alias(List.of("BATCH_SMALL_TASK_SIZE"), "batch-small-task-size", Unit.INTEGER),
            new Alias(List.of("CONTEXT_COMPRESSION_CHARS"), "context-compression-chars", Unit.INTEGER),
            new Alias(List.of("CACHE_MAX_ENTRIES"), "cache-max-entries", Unit.INTEGER),
            new Alias(List.of("CACHE_TTL_S", "CACHE_TTL"), "cache-ttl", Unit.SECONDS),
            new Alias(List.of("API_MAX_RETRIES"), "api-max-retries", Unit.INTEGER),
            new Alias(List.of("API_BACKOFF_BASE_MS", "RETRY_BASE_MS"), "retry-base", Unit.MILLIS),
            new Alias(List.of("API_BACKOFF_MAX_MS", "RETRY_MAX_MS"), "retry-max", Unit.MILLIS),
            new Alias(List.of("RETRY_JITTER"), "retry-jitter", Unit.DECIMAL),
            new Alias(List.of("CIRCUIT_FAILURE_THRESHOLD"), "circuit-failure-threshold", Unit.INTEGER),
            new Alias(List.of("CIRCUIT_COOLDOWN_S", "CIRCUIT_COOLDOWN"), "circuit-cooldown", Unit.SECONDS));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> mapped = new LinkedHashMap<>();
        for (Alias alias : ALIASES) {
            alias.variables().stream().filter(variable -> environment.getProperty(variable) != null).findFirst()
                    .ifPresent(variable -> mapped.put("vacant.lanes." + alias.property(),
                            alias.unit().convert(variable, environment.getProperty(variable).trim())));
        }
        if (!mapped.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, mapped));
        }
    }

    /** One property and its names, the original first: {@code YOOL_TUPLE_<NAME>} then {@code YOOL_<NAME>} per name. */
    private record Alias(List<String> names, String property, Unit unit) {
        List<String> variables() {
            return names.stream().flatMap(name -> Stream.of("YOOL_TUPLE_" + name, "YOOL_" + name)).toList();
        }
    }

    /** How an alias's number becomes a property value. */
    private enum Unit {
        INTEGER(""), DECIMAL(""), MILLIS("ms"), SECONDS("s");

        private final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        String convert(String variable, String value) {
            BigDecimal number;
            try {
                number = new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw invalid(variable, value);
            }
            if (number.signum() <= 0 || (this != DECIMAL && number.stripTrailingZeros().scale() > 0)) {
                throw invalid(variable, value);
            }
            return number.toPlainString() + suffix;
        }

        private IllegalStateException invalid(String variable, String value) {
            String kind = this == DECIMAL ? "a positive number" : "a positive integer";
            return new IllegalStateException(variable + " must be " + kind + ", was '" + value + "'");
        }
    }
}

package dev.vacant.infra.config.aot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the build's ahead-of-time (AOT) processed application context was decided on: every property its conditions
 * looked up, with its value at build time ({@code null}: absent), and the active profiles. Spring's AOT mode fixes
 * the outcome of every condition ({@code @ConditionalOnProperty}, {@code @Profile}, an endpoint's exposure, ...) at
 * build time, so a start whose inputs differ must not run that context: {@link #mismatch} names the first input that
 * differs ({@code docs/performance.md}, "Session 13").
 *
 * @param values   the properties the conditions looked up, by name, with their build-time values (null: absent)
 * @param profiles the active profiles at build time
 */
public record AotConditionInputs(Map<String, String> values, List<String> profiles) {

    /** Where the build writes the inputs, on the class path. */
    public static final String RESOURCE = "META-INF/vacant/aot-condition-inputs.properties";

    /**
     * Inputs whose value no condition decides on, only whether they are set, so a start may give them any value:
     * Spring Boot's embedded-database conditions ask whether {@code spring.datasource.url} is set (its default names
     * {@code vacant.data-dir}, looked up to resolve it).
     */
    static final Set<String> PRESENCE_ONLY = Set.of("spring.datasource.url", "vacant.data-dir");

    /**
     * Inputs that decide a condition only together with another one, by name: Spring Boot's management port type
     * compares {@code server.port} only with a set {@code management.server.port}. Where the build had the other one
     * unset (it is an input itself, so a start that sets it differs anyway), a start may give them any value.
     */
    static final Map<String, String> ONLY_WITH = Map.of("server.port", "management.server.port");

    private static final String PROFILES = "profiles";
    private static final String VALUE = "value.";
    private static final String ABSENT = "absent.";

    public AotConditionInputs {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
        profiles = List.copyOf(profiles);
    }

    /** The inputs of {@code names}, each valued by {@code property} (null: absent), under {@code profiles}. */
    public static AotConditionInputs of(Collection<String> names, Function<String, String> property,
                                        List<String> profiles) {
        Map<String, String> values = new TreeMap<>();
        names.forEach(name -> values.put(name, property.apply(name)));
        return new AotConditionInputs(values, profiles);
    }

    /**
     * Why a start whose properties {@code property} answers (null: absent) under {@code activeProfiles} cannot run
     * the context these inputs decided, or empty if it can: the first property whose value differs, else different
     * profiles. A property that cannot be read (a placeholder that does not resolve) differs; of the
     * {@link #PRESENCE_ONLY} ones only being set or not counts, and an {@link #ONLY_WITH} one only where the build
     * had the other one set.
     */
    public Optional<String> mismatch(Function<String, String> property, List<String> activeProfiles) {
        if (!profiles.equals(activeProfiles)) {
            return Optional.of("the active profiles are " + activeProfiles + ", the build's " + profiles);
        }
        for (Map.Entry<String, String> input : values.entrySet()) {
            if (ONLY_WITH.containsKey(input.getKey()) && values.get(ONLY_WITH.get(input.getKey())) == null) {
                continue;
            }
            String now;
            try {
                now = property.apply(input.getKey());
            } catch (RuntimeException e) {
                return Optional.of(input.getKey() + " cannot be read (" + e.getMessage() + ")");
            }
            if (PRESENCE_ONLY.contains(input.getKey()) ? (now == null) != (input.getValue() == null)
                    : !Objects.equals(now, input.getValue())) {
                return Optional.of(input.getKey() + " is " + shown(now) + ", the build's " + shown(input.getValue()));
            }
        }
        return Optional.empty();
    }

    private static String shown(String value) {
        return value == null ? "absent" : "'" + value + "'";
    }

    /** The inputs as the properties file {@link #RESOURCE} holds. */
    public byte[] toBytes() {
        Properties file = new Properties();
        file.setProperty(PROFILES, String.join(",", profiles));
        values.forEach((name, value) -> {
            if (value == null) {
                file.setProperty(ABSENT + name, "");
            } else {
                file.setProperty(VALUE + name, value);
            }
        });
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            file.store(bytes, "the properties and profiles the AOT-processed context's conditions were decided on");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The inputs a properties file written by {@link #toBytes()} holds. */
    public static AotConditionInputs read(InputStream in) throws IOException {
        Properties file = new Properties();
        file.load(in);
        Map<String, String> values = new TreeMap<>();
        for (String key : file.stringPropertyNames()) {
            if (key.startsWith(VALUE)) {
                values.put(key.substring(VALUE.length()), file.getProperty(key));
            } else if (key.startsWith(ABSENT)) {
                values.put(key.substring(ABSENT.length()), null);
            }
        }
        String profiles = file.getProperty(PROFILES, "");
        return new AotConditionInputs(values, profiles.isEmpty() ? List.of() : Arrays.asList(profiles.split(",")));
    }
}

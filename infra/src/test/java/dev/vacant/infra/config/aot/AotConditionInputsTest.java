package dev.vacant.infra.config.aot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** A start may run the AOT-processed context only where its conditions would have decided the same. */
class AotConditionInputsTest {

    private static final Map<String, String> BUILD = new HashMap<>();

    static {
        BUILD.put("vacant.security.bootstrap-operator-token", "true");
        BUILD.put("vacant.lanes.transport", null);
        BUILD.put("spring.datasource.url", "jdbc:h2:file:./data/vacant");
        BUILD.put("vacant.data-dir", "./data");
        BUILD.put("server.port", null);
        BUILD.put("management.server.port", null);
    }

    private final AotConditionInputs inputs = AotConditionInputs.of(BUILD.keySet(), BUILD::get, List.of());

    private static Function<String, String> startWith(String name, String value) {
        Map<String, String> start = new HashMap<>(BUILD);
        start.put(name, value);
        return start::get;
    }

    @Test
    void theBuildsOwnProperties_runTheContext() {
        assertThat(inputs.mismatch(BUILD::get, List.of())).isEmpty();
    }

    @Test
    void aPropertySetOtherwise_orSetWhereTheBuildHadNone_orUnset_leavesIt() {
        assertThat(inputs.mismatch(startWith("vacant.security.bootstrap-operator-token", "false"), List.of()))
                .contains("vacant.security.bootstrap-operator-token is 'false', the build's 'true'");
        assertThat(inputs.mismatch(startWith("vacant.lanes.transport", "kafka"), List.of()))
                .contains("vacant.lanes.transport is 'kafka', the build's absent");
        assertThat(inputs.mismatch(startWith("vacant.security.bootstrap-operator-token", null), List.of()))
                .contains("vacant.security.bootstrap-operator-token is absent, the build's 'true'");
    }

    @Test
    void anotherProfile_leavesIt() {
        assertThat(inputs.mismatch(BUILD::get, List.of("postgres")))
                .contains("the active profiles are [postgres], the build's []");
    }

    @Test
    void aPropertyThatCannotBeRead_leavesIt() {
        Function<String, String> unresolvable = name -> {
            throw new IllegalArgumentException("Could not resolve placeholder 'nowhere'");
        };

        assertThat(inputs.mismatch(unresolvable, List.of())).hasValueSatisfying(reason ->
                assertThat(reason).contains("cannot be read (Could not resolve placeholder 'nowhere')"));
    }

    @Test
    void theConditionsThatOnlyAskWhetherAPropertyIsSet_takeAnyValue_butNotItsAbsence() {
        assertThat(inputs.mismatch(startWith("vacant.data-dir", "/var/lib/vacant"), List.of())).isEmpty();
        assertThat(inputs.mismatch(startWith("spring.datasource.url", "jdbc:h2:mem:x"), List.of())).isEmpty();
        assertThat(inputs.mismatch(startWith("spring.datasource.url", null), List.of()))
                .contains("spring.datasource.url is absent, the build's 'jdbc:h2:file:./data/vacant'");
    }

    @Test
    void theServerPort_decidesOnlyWithAManagementPort() {
        Map<String, String> managed = new HashMap<>(BUILD);
        managed.put("management.server.port", "9000");
        AotConditionInputs withManagementPort = AotConditionInputs.of(managed.keySet(), managed::get, List.of());

        assertThat(inputs.mismatch(startWith("server.port", "8081"), List.of())).isEmpty();
        assertThat(inputs.mismatch(startWith("management.server.port", "9000"), List.of()))
                .contains("management.server.port is '9000', the build's absent");
        managed.put("server.port", "8081");
        assertThat(withManagementPort.mismatch(managed::get, List.of()))
                .contains("server.port is '8081', the build's absent");
    }

    @Test
    void theWrittenInputs_readBackTheSame() throws Exception {
        AotConditionInputs profiled = AotConditionInputs.of(BUILD.keySet(), BUILD::get, List.of("a", "b"));

        assertThat(AotConditionInputs.read(new ByteArrayInputStream(inputs.toBytes()))).isEqualTo(inputs);
        assertThat(AotConditionInputs.read(new ByteArrayInputStream(profiled.toBytes()))).isEqualTo(profiled);
    }
}

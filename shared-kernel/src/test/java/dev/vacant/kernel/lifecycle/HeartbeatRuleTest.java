package dev.vacant.kernel.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.json.Json;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeartbeatRuleTest {

    private static final Instant LAST_ACTIVE = Instant.parse("2026-01-01T00:00:00.123456Z");

    private static String payloadOf(LifecycleState state) {
        return Json.write(HeartbeatRule.of(state).orElseThrow().payload(LAST_ACTIVE, null));
    }

    @Test
    void payload_followsStateTable_forEveryState() {
        assertThat(payloadOf(LifecycleState.LOCAL)).isEqualTo("{\"liveness\":true}");
        assertThat(payloadOf(LifecycleState.ACTIVE)).isEqualTo("{\"liveness\":true}");
        assertThat(payloadOf(LifecycleState.HIBERNATING))
                .isEqualTo("{\"liveness\":\"dormant\",\"last_active\":\"2026-01-01T00:00:00.123Z\"}");
        assertThat(payloadOf(LifecycleState.STALE)).isEqualTo("{\"liveness\":false,\"awaiting_revive\":true}");
        assertThat(payloadOf(LifecycleState.SUNK)).isEqualTo("{\"liveness\":false,\"key_in_custody\":true}");
        assertThat(HeartbeatRule.of(LifecycleState.ARCHIVED)).isEmpty();
    }

    @Test
    void kind_isHeartbeatSunk_onlyWhenSunk() {
        assertThat(HeartbeatRule.of(LifecycleState.SUNK).orElseThrow().kind()).isEqualTo("HEARTBEAT_SUNK");
        assertThat(HeartbeatRule.of(LifecycleState.STALE).orElseThrow().kind()).isEqualTo("HEARTBEAT");
    }

    @Test
    void extra_isSigned_soItCarriesIntegersOnly_namingTheFieldOtherwise() {
        HeartbeatRule rule = HeartbeatRule.of(LifecycleState.ACTIVE).orElseThrow();

        assertThatThrownBy(() -> rule.payload(LAST_ACTIVE, Json.parse("{\"load\":{\"avg\":1.5}}")))
                .isInstanceOfSatisfying(VacantException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.getMessage()).startsWith("extra.load.avg: must be an integer");
                });
        assertThatThrownBy(() -> rule.payload(LAST_ACTIVE, Json.parse("{\"n\":1e21}")))
                .hasMessageStartingWith("extra.n: ");
        assertThat(rule.payload(LAST_ACTIVE, Json.parse("{\"n\":9007199254740991}")).at("/extra/n").asLong())
                .isEqualTo(9007199254740991L);
    }

    @Test
    void extra_isNestedAndCannotOverrideStateFields() {
        ObjectNode extra = Json.object().put("liveness", "spoofed").put("load", 3);

        ObjectNode payload = HeartbeatRule.of(LifecycleState.SUNK).orElseThrow().payload(LAST_ACTIVE, extra);

        assertThat(payload.get("liveness").asBoolean(true)).isFalse();
        assertThat(payload.get("key_in_custody").asBoolean()).isTrue();
        assertThat(payload.get("extra").get("load").asInt()).isEqualTo(3);
        assertThatThrownBy(() -> HeartbeatRule.of(LifecycleState.ACTIVE).orElseThrow()
                .payload(LAST_ACTIVE, Json.parse("[1]"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tooSoon_isTrueBeforeHalfThePeriod_perCadence() {
        HeartbeatRule active = HeartbeatRule.of(LifecycleState.ACTIVE).orElseThrow();
        HeartbeatRule hibernating = HeartbeatRule.of(LifecycleState.HIBERNATING).orElseThrow();
        Instant previous = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(active.tooSoon(null, previous, HeartbeatPeriods.DEFAULTS)).isFalse();
        assertThat(active.tooSoon(previous, previous.plusSeconds(29), HeartbeatPeriods.DEFAULTS)).isTrue();
        assertThat(active.tooSoon(previous, previous.plusSeconds(30), HeartbeatPeriods.DEFAULTS)).isFalse();
        assertThat(hibernating.tooSoon(previous, previous.plusSeconds(449), HeartbeatPeriods.DEFAULTS)).isTrue();
        assertThat(hibernating.tooSoon(previous, previous.plus(Duration.ofSeconds(450)), HeartbeatPeriods.DEFAULTS)).isFalse();
    }
}

package dev.vacant.kernel.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.input.InputPolicy;
import dev.vacant.kernel.input.NumberRule;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cadence, entry kind and payload of a heartbeat in one state, as the table in {@code lifecycle.md}.
 * ARCHIVED has no rule: its heartbeats are invalid transitions.
 */
public record HeartbeatRule(HeartbeatCadence cadence, String kind, Function<Instant, ObjectNode> statePayload) {

    public static final String KIND = "HEARTBEAT";
    public static final String SUNK_KIND = "HEARTBEAT_SUNK";

    private static final Map<LifecycleState, HeartbeatRule> RULES = new EnumMap<>(LifecycleState.class);

    static {
        RULES.put(LifecycleState.LOCAL, new HeartbeatRule(HeartbeatCadence.BASE, KIND, lastActive -> live()));
        RULES.put(LifecycleState.ACTIVE, new HeartbeatRule(HeartbeatCadence.BASE, KIND, lastActive -> live()));
        RULES.put(LifecycleState.HIBERNATING, new HeartbeatRule(HeartbeatCadence.HIBERNATING, KIND,
                lastActive -> Json.object().put("liveness", "dormant").put("last_active", Timestamps.format(lastActive))));
        RULES.put(LifecycleState.STALE, new HeartbeatRule(HeartbeatCadence.HIBERNATING, KIND,
                lastActive -> Json.object().put("liveness", false).put("awaiting_revive", true)));
        RULES.put(LifecycleState.SUNK, new HeartbeatRule(HeartbeatCadence.SUNK, SUNK_KIND,
                lastActive -> Json.object().put("liveness", false).put("key_in_custody", true)));
    }

    /** The rule of {@code state}; empty for ARCHIVED. */
    public static Optional<HeartbeatRule> of(LifecycleState state) {
        return Optional.ofNullable(RULES.get(state));
    }

    /**
     * The payload: the state fields, plus the caller's {@code extra} object nested under {@code extra}. The payload
     * is signed, so {@code extra} carries integers only ({@link NumberRule#INTEGERS}; {@code VALIDATION_FAILED}
     * naming the field otherwise).
     */
    public ObjectNode payload(Instant lastActive, JsonNode extra) {
        ObjectNode payload = statePayload.apply(lastActive);
        if (extra != null && !extra.isNull()) {
            if (!extra.isObject()) {
                throw new IllegalArgumentException("heartbeat extra must be a JSON object");
            }
            InputPolicy.require("extra", extra, NumberRule.INTEGERS);
            payload.set("extra", extra);
        }
        return payload;
    }

    /** Whether a heartbeat at {@code now} comes sooner than half the period after {@code previous}. */
    public boolean tooSoon(Instant previous, Instant now, HeartbeatPeriods periods) {
        if (previous == null) {
            return false;
        }
        Duration half = periods.of(cadence).dividedBy(2);
        return Duration.between(previous, now).compareTo(half) < 0;
    }

    private static ObjectNode live() {
        return Json.object().put("liveness", true);
    }
}

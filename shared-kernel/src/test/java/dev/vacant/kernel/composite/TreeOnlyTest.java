package dev.vacant.kernel.composite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.spawn.SpawnPath;
import dev.vacant.kernel.vacant.RegistryVisibility;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the Tree-Only table against every kind of callee ({@code composite.md}). */
class TreeOnlyTest {

    private static final String PARENT = Party.fresh().id().value();
    private static final String CALLER = Party.fresh().id().value();
    private static final String SIBLING = Party.fresh().id().value();
    private static final String PEER = Party.fresh().id().value();
    private static final String STRANGER = Party.fresh().id().value();

    /** A caller row: null = not a composite child; else closed, or open with an outbound policy. */
    private static ChildManifest caller(Boolean closed, OutboundPolicy policy) {
        if (closed == null) {
            return null;
        }
        return new ChildManifest(ManifestVersion.V2, PARENT, CALLER, SpawnPath.D2, closed, List.of(),
                RegistryVisibility.NONE, "2026-05-01T10:00:00.000Z", EndpointReachability.PARENT_ONLY, policy, null, null);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // caller row                                 callee    state                      allowed
                Arguments.of(true, OutboundPolicy.UNRESTRICTED, PARENT, LifecycleState.ACTIVE, true),
                Arguments.of(true, OutboundPolicy.UNRESTRICTED, SIBLING, LifecycleState.LOCAL, true),
                Arguments.of(true, OutboundPolicy.UNRESTRICTED, PEER, LifecycleState.ACTIVE, false),
                Arguments.of(true, OutboundPolicy.UNRESTRICTED, STRANGER, LifecycleState.ACTIVE, false),
                Arguments.of(false, OutboundPolicy.NO_EXTERNAL, PARENT, LifecycleState.ACTIVE, true),
                Arguments.of(false, OutboundPolicy.NO_EXTERNAL, SIBLING, LifecycleState.ACTIVE, false),
                Arguments.of(false, OutboundPolicy.NO_EXTERNAL, PEER, LifecycleState.ACTIVE, false),
                Arguments.of(false, OutboundPolicy.NO_EXTERNAL, STRANGER, LifecycleState.ACTIVE, false),
                Arguments.of(false, OutboundPolicy.PARENT_PERMITTED, PARENT, LifecycleState.ACTIVE, true),
                Arguments.of(false, OutboundPolicy.PARENT_PERMITTED, PEER, LifecycleState.ACTIVE, true),
                Arguments.of(false, OutboundPolicy.PARENT_PERMITTED, SIBLING, LifecycleState.ACTIVE, false),
                Arguments.of(false, OutboundPolicy.PARENT_PERMITTED, STRANGER, LifecycleState.ACTIVE, false),
                Arguments.of(false, OutboundPolicy.UNRESTRICTED, STRANGER, LifecycleState.ACTIVE, true),
                Arguments.of(false, OutboundPolicy.UNRESTRICTED, STRANGER, LifecycleState.HIBERNATING, true),
                Arguments.of(false, OutboundPolicy.UNRESTRICTED, STRANGER, LifecycleState.STALE, false),
                Arguments.of(false, OutboundPolicy.UNRESTRICTED, PARENT, LifecycleState.SUNK, false),
                Arguments.of(null, null, STRANGER, LifecycleState.ACTIVE, true),
                Arguments.of(null, null, STRANGER, LifecycleState.ARCHIVED, false));
    }

    @ParameterizedTest(name = "closed={0} policy={1} -> {4}")
    @MethodSource("table")
    void decide_followsTheTable_forEveryCallerRowAndCallee(Boolean closed, OutboundPolicy policy, String callee,
                                                           LifecycleState calleeState, boolean allowed) {
        OutboundDecision decision = TreeOnly.decide(caller(closed, policy), callee, calleeState,
                Set.of(CALLER, SIBLING), Set.of(PEER));

        assertThat(decision.allowed()).isEqualTo(allowed);
        assertThat(decision.code()).isEqualTo(allowed ? null : ErrorCode.TREE_ONLY_VIOLATION);
        assertThat(decision.rule()).isEqualTo(OutboundRule.of(caller(closed, policy)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void ruleOf_mapsEveryCallerToItsRow(Boolean closed, OutboundPolicy policy, OutboundRule rule) {
        assertThat(OutboundRule.of(caller(closed, policy))).isEqualTo(rule);
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(true, OutboundPolicy.UNRESTRICTED, OutboundRule.CLOSED_CHILD),
                Arguments.of(false, OutboundPolicy.NO_EXTERNAL, OutboundRule.NO_EXTERNAL),
                Arguments.of(false, OutboundPolicy.PARENT_PERMITTED, OutboundRule.PARENT_PERMITTED),
                Arguments.of(false, OutboundPolicy.UNRESTRICTED, OutboundRule.UNRESTRICTED),
                Arguments.of(null, null, OutboundRule.UNRESTRICTED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v1Rows")
    void ruleOf_readsAV1ManifestWithLeastPrivilege(boolean closed, OutboundRule rule) {
        ChildManifest v1 = new ChildManifest(ManifestVersion.V1, PARENT, CALLER, SpawnPath.D2, closed, List.of(),
                RegistryVisibility.NONE, Instant.EPOCH.toString(), null, null, null, null);

        assertThat(OutboundRule.of(v1)).isEqualTo(rule);
    }

    static Stream<Arguments> v1Rows() {
        return Stream.of(Arguments.of(true, OutboundRule.CLOSED_CHILD), Arguments.of(false, OutboundRule.NO_EXTERNAL));
    }
}

package dev.vacant.kernel.spawn;

import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.lifecycle.LifecycleState;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives a child from its parent(s) per the table in {@code spawn.md}. Closure is inherited: a child of a
 * LOCAL parent starts LOCAL whatever the path, and D2 buds always start LOCAL.
 */
public final class SpawnDesigner {

    private SpawnDesigner() {
    }

    /** The child of {@code a} (and, for D4 only, {@code b}) for {@code request}. */
    public static ChildDesign design(ParentTraits a, ParentTraits b, SpawnRequest request) {
        BehaviorBundle bundle = a.bundle();
        SubstrateSpec substrate = a.substrate();
        String capabilityText = null;
        boolean closed = a.state() == LifecycleState.LOCAL;
        if (request instanceof SpawnRequest.CloneWithMutation d1) {
            bundle = bundle.withPolicyDsl(bundle.policyDsl() + "\n" + d1.policyMutation());
        } else if (request instanceof SpawnRequest.SubagentBud d2) {
            bundle = bundle.withTools(requireSubset(d2.narrowedTools(), bundle.toolWhitelist()));
            closed = true;
        } else if (request instanceof SpawnRequest.CapabilityFork d3) {
            bundle = bundle.withSystemPrompt(d3.newSystemPrompt());
            capabilityText = d3.newCapabilityText();
        } else if (request instanceof SpawnRequest.LineageMerge d4) {
            List<String> tools = new ArrayList<>(bundle.toolWhitelist());
            tools.addAll(b.bundle().toolWhitelist());
            bundle = new BehaviorBundle(d4.mergedSystemPrompt(), bundle.policyDsl() + "\n" + b.bundle().policyDsl(), tools);
            closed = closed || b.state() == LifecycleState.LOCAL;
        } else if (request instanceof SpawnRequest.CrossSubstrateRespawn d5) {
            substrate = d5.newSubstrate();
        }
        return new ChildDesign(bundle, substrate, closed ? LifecycleState.LOCAL : LifecycleState.ACTIVE, capabilityText);
    }

    private static List<String> requireSubset(List<String> narrowed, List<String> whitelist) {
        List<String> outside = narrowed.stream().filter(tool -> !whitelist.contains(tool)).toList();
        if (!outside.isEmpty()) {
            throw new VacantException(ErrorCode.TOOLS_NOT_SUBSET, "tools not in the parent's whitelist: " + outside,
                    java.util.Map.of("tools", outside));
        }
        return narrowed;
    }
}

package dev.vacant.kernel.spawn;

import dev.vacant.kernel.lifecycle.LifecycleState;

/** The child a spawn will create: bundle, substrate, start state and (D3) capability text. */
public record ChildDesign(BehaviorBundle bundle, SubstrateSpec substrate, LifecycleState startState,
                          String capabilityText) {
}

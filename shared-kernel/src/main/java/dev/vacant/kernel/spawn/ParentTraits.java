package dev.vacant.kernel.spawn;

import dev.vacant.kernel.lifecycle.LifecycleState;

/** What a child inherits from a parent: its bundle, substrate and (for closure) its state. */
public record ParentTraits(BehaviorBundle bundle, SubstrateSpec substrate, LifecycleState state) {
}

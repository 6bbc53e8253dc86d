package dev.vacant.kernel.composite;

import dev.vacant.kernel.drift.Drift;
import dev.vacant.kernel.drift.DriftSettings;
import dev.vacant.kernel.spawn.SubstrateSpec;

/**
 * The real detector of {@code composite.md}: same controller, same substrate, and same STYLO-16 style
 * ({@link Drift#sameStylo}, 0 when either party has no anchor yet). With the default weights only behaviour can
 * reach the default threshold: a bud that still writes like its parent is held back.
 */
public record BehaviourCollusionDetector(CollusionWeights weights, DriftSettings drift) implements CollusionDetector {

    @Override
    public CollusionSignals signals(CollusionParty parent, CollusionParty child) {
        double controller = parent.controller().equals(child.controller()) ? weights.controller() : 0;
        return CollusionSignals.of(controller, substrate(parent.substrate(), child.substrate()),
                Drift.sameStylo(child.anchor(), parent.anchor(), drift));
    }

    private double substrate(SubstrateSpec parent, SubstrateSpec child) {
        if (parent.provider().equals(child.provider()) && parent.model().equals(child.model())) {
            return weights.sameModel();
        }
        return parent.modelFamily().equals(child.modelFamily()) ? weights.sameFamily() : 0;
    }
}

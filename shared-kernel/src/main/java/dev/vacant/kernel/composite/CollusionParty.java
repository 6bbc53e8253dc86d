package dev.vacant.kernel.composite;

import dev.vacant.kernel.drift.Anchor;
import dev.vacant.kernel.spawn.SubstrateSpec;

/** What the collusion detector compares of a parent and a child: controller, substrate and drift anchor. */
public record CollusionParty(String controller, SubstrateSpec substrate, Anchor anchor) {
}

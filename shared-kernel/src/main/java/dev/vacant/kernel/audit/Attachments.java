package dev.vacant.kernel.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.vacant.VacantEvent;
import dev.vacant.kernel.vacant.VacantEvents.GenesisRecordedEvent;
import dev.vacant.kernel.vacant.VacantEvents.VacantBornEvent;

/**
 * The content-addressed attachments of genesis and birth events: the bundle and substrate travel beside the
 * signed entry and must hash to the {@code bundle_digest} and {@code substrate_digest} its payload names.
 */
final class Attachments {

    private Attachments() {
    }

    /** Whether every attachment of {@code event} matches its signed digest (true for events without any). */
    static boolean match(VacantEvent event) {
        if (event instanceof GenesisRecordedEvent genesis) {
            return match(genesis.entry(), genesis.bundle(), genesis.substrate());
        }
        if (event instanceof VacantBornEvent birth) {
            return match(birth.entry(), birth.bundle(), birth.substrate());
        }
        return true;
    }

    private static boolean match(LogbookEntry entry, BehaviorBundle bundle, SubstrateSpec substrate) {
        ObjectNode payload = entry.body().payload();
        return payload != null && bundle != null && substrate != null
                && bundle.digest().equals(payload.path("bundle_digest").asText(null))
                && substrate.digest().equals(payload.path("substrate_digest").asText(null));
    }
}

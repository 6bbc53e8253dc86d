package dev.vacant.kernel.composite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.crypto.Base64Url;
import dev.vacant.kernel.spawn.SpawnPath;
import dev.vacant.kernel.vacant.Payloads;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A capability card is signed by the child and verifiable with nothing but the child's id. */
class CapabilityCardTest {

    private final Party parent = Party.fresh();
    private final Party child = Party.fresh();
    private final ChildManifest manifest = ChildManifest.v2(parent.id(), child.id(), SpawnPath.D2, false,
            List.of("search", "read"), ChildManifest.Axes.graduated(null), Instant.parse("2026-05-01T10:00:00Z"));

    @Test
    void issue_describesTheChild_andVerifiesUnderItsId() {
        CapabilityCard card = CapabilityCard.issue(manifest, "Finds papers", child.signer());

        assertThat(card.id()).isEqualTo(child.id().value());
        assertThat(card.description()).isEqualTo("Finds papers");
        assertThat(card.skills()).extracting(CapabilityCard.Skill::id).containsExactly("read", "search");
        assertThat(card.reachability()).isEqualTo(EndpointReachability.PUBLIC_A2A);
        assertThat(card.outboundPolicy()).isEqualTo(OutboundPolicy.NO_EXTERNAL);
        assertThat(card.lineage().parent()).isEqualTo(parent.id().value());
        assertThat(Base64Url.decode(card.publicKey())).isEqualTo(child.id().publicKey());
        assertThat(card.verifies()).isTrue();
        assertThat(Payloads.read(Payloads.toJson(card), CapabilityCard.class).verifies()).isTrue();
    }

    @Test
    void verifies_isFalse_whenTheCardWasAlteredOrSignedByAnother() {
        CapabilityCard card = CapabilityCard.issue(manifest, "Finds papers", child.signer());
        CapabilityCard altered = new CapabilityCard(card.v(), card.id(), card.name(), "Does anything", card.skills(),
                card.reachability(), card.outboundPolicy(), card.publicKey(), card.lineage(), card.issuedAt(),
                card.signature());
        CapabilityCard byParent = new CapabilityCard(card.v(), card.id(), card.name(), card.description(), card.skills(),
                card.reachability(), card.outboundPolicy(), card.publicKey(), card.lineage(), card.issuedAt(),
                CapabilityCard.issue(manifest, "Finds papers", new Party(child.id(), parent.signer()).signer()).signature());

        assertThat(altered.verifies()).isFalse();
        assertThat(byParent.verifies()).isFalse();
    }
}

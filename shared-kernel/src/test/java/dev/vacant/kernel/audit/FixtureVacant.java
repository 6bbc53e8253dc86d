package dev.vacant.kernel.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Ed25519KeyPair;
import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.event.VacantEvents.CallReceivedEvent;
import dev.vacant.kernel.event.VacantEvents.GenesisRecordedEvent;
import dev.vacant.kernel.event.VacantEvents.HeartbeatRecordedEvent;
import dev.vacant.kernel.event.VacantEvents.ReviewReceivedEvent;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.logbook.LogbookChain;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.LogbookSigner;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.kernel.spawn.SubstrateSpec;
import dev.vacant.kernel.vacant.BirthPayload;
import dev.vacant.kernel.vacant.CallPayload;
import dev.vacant.kernel.vacant.LogbookKind;
import dev.vacant.kernel.vacant.Payloads;
import dev.vacant.kernel.vacant.RegistryVisibility;
import dev.vacant.kernel.vacant.ReviewPayload;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/**
 * A vacant whose key the test holds, writing its own signed chain: genesis (with bundle and substrate), then
 * heartbeats, calls and reviews (shipped in the test-jar for the audit tests of other modules).
 */
public final class FixtureVacant {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final LogbookSigner signer;
    private LogbookChain head;

    public FixtureVacant() {
        Ed25519KeyPair key = Ed25519.generate(RANDOM);
        VacantId id = VacantId.of(key.publicKey());
        this.signer = new KeyPairSigner(id, key.privateSeed());
        this.head = LogbookChain.empty(id.value());
    }

    public String id() {
        return head.vacant();
    }

    public static BehaviorBundle bundle() {
        return new BehaviorBundle("You audit.", "allow: read", List.of("read", "search"));
    }

    public static SubstrateSpec substrate() {
        return new SubstrateSpec("openai", "gpt-x", "gpt", Json.object().put("max_tokens", 256));
    }

    /** The GENESIS event (seq 0). */
    public VacantEvent genesis(Instant at) {
        BehaviorBundle bundle = bundle();
        SubstrateSpec substrate = substrate();
        BirthPayload birth = new BirthPayload(LifecycleState.ACTIVE, "alice", bundle.digest(), substrate.digest(),
                RegistryVisibility.PUBLIC, null, null, null, null);
        return new GenesisRecordedEvent(append(LogbookKind.GENESIS, at, Payloads.toJson(birth)), bundle, substrate);
    }

    /** A HEARTBEAT event. */
    public VacantEvent heartbeat(Instant at) {
        return new HeartbeatRecordedEvent(append(LogbookKind.HEARTBEAT, at, Json.object().put("state", "ACTIVE")));
    }

    /** A CALL_RECEIVED event. */
    public VacantEvent call(Instant at, String caller) {
        return new CallReceivedEvent(append(LogbookKind.CALL_RECEIVED, at, Payloads.toJson(new CallPayload(caller, LifecycleState.ACTIVE))));
    }

    /** A REVIEW_RECEIVED event by {@code reviewer}, with {@code comment} if not null (revision 2 only). */
    public VacantEvent review(Instant at, String reviewer, String comment) {
        return new ReviewReceivedEvent(append(LogbookKind.REVIEW_RECEIVED, at,
                Payloads.toJson(new ReviewPayload(reviewer, "positive", 4, comment))));
    }

    private LogbookEntry append(LogbookKind kind, Instant at, ObjectNode payload) {
        LogbookEntry entry = head.append(kind.name(), at, payload, signer);
        head = head.after(entry);
        return entry;
    }
}

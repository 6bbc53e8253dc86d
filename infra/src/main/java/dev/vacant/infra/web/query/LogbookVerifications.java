package dev.vacant.infra.web.query;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.infra.web.vacant.VacantRequests;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.logbook.ChainVerifier;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.VerificationFailure;
import dev.vacant.kernel.logbook.VerificationFailureReason;
import dev.vacant.query.registry.RegistryQueries;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

/**
 * Verifies one vacant's chain as the event store holds it (the signed source, not a projection) with the kernel's
 * {@link ChainVerifier}: signatures, hashes, links and seqs. Visible to whoever may see the vacant; anyone else gets
 * {@code NOT_FOUND}. Shared by REST ({@code GET /vacants/{id}/logbook/verification}) and gRPC
 * ({@code Vacants.VerifyLogbook}).
 */
@Service
public class LogbookVerifications {

    private final RegistryQueries registry;
    private final EventStore eventStore;

    public LogbookVerifications(RegistryQueries registry, EventStore eventStore) {
        this.registry = registry;
        this.eventStore = eventStore;
    }

    /** The chain's verdict: entries read, the head, and each failure (empty when the chain verifies). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Verification(String vacant, boolean verified, long entries, Head head, List<Failure> failures) {
    }

    /** The last entry read. */
    public record Head(long seq, String hash) {
    }

    /** One entry that failed, and why. */
    public record Failure(long seq, VerificationFailureReason reason) {
    }

    public Verification verify(Actor actor, String id) {
        VacantRequests.vacantId("id", id);
        registry.find(actor, id).orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no such vacant: " + id));
        List<LogbookEntry> entries = eventStore.readEvents(id).asStream()
                .map(message -> message.getPayload())
                .filter(VacantEvent.class::isInstance)
                .map(event -> ((VacantEvent) event).entry())
                .toList();
        List<VerificationFailure> failures = ChainVerifier.verify(id, entries);
        LogbookEntry last = entries.isEmpty() ? null : entries.get(entries.size() - 1);
        return new Verification(id, failures.isEmpty() && last != null, entries.size(),
                last == null ? null : new Head(last.seq(), last.hash()),
                failures.stream().map(failure -> new Failure(failure.seq(), failure.reason())).toList());
    }
}

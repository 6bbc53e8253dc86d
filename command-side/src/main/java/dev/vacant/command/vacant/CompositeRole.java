package dev.vacant.command.vacant;

import dev.vacant.command.composite.ChildStanding;
import dev.vacant.kernel.composite.AllowlistPayload;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.composite.DelegatedPayload;
import dev.vacant.kernel.composite.DelegationCompletedPayload;
import dev.vacant.kernel.composite.GraduatedPayload;
import dev.vacant.kernel.composite.ManifestPayload;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.logbook.Timestamps;
import dev.vacant.kernel.vacant.Payloads;
import dev.vacant.kernel.vacant.VacantEvent;
import dev.vacant.kernel.vacant.VacantEvents.AllowlistChangedEvent;
import dev.vacant.kernel.vacant.VacantEvents.ChildGraduatedEvent;
import dev.vacant.kernel.vacant.VacantEvents.ChildRegisteredEvent;
import dev.vacant.kernel.vacant.VacantEvents.DelegationCompletedEvent;
import dev.vacant.kernel.vacant.VacantEvents.SubtaskDelegatedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The composite role of a vacant, kept inside its own aggregate so that its chain keeps one writer: the registered
 * children with their manifests, the peer allowlist, the graduation times (for the sliding rate limit) and the
 * delegations still open. It changes only from the vacant's own signed entries ({@link #on}).
 */
final class CompositeRole {

    private final Map<String, ChildManifest> children = new HashMap<>();
    private final Set<String> allowlist = new HashSet<>();
    private final List<Instant> graduations = new ArrayList<>();
    private final Set<String> graduated = new HashSet<>();
    private final Map<String, String> openDelegations = new HashMap<>();
    private final Set<String> completedDelegations = new HashSet<>();

    /** Evolves the role from one of the vacant's entries (the other kinds leave it as it is). */
    void on(VacantEvent event, String self) {
        var payload = event.entry().body().payload();
        if (event instanceof ChildRegisteredEvent) {
            ChildManifest manifest = Payloads.read(payload, ManifestPayload.class).manifest();
            children.put(manifest.childId(), manifest);
        } else if (event instanceof AllowlistChangedEvent) {
            AllowlistPayload change = Payloads.read(payload, AllowlistPayload.class);
            allowlist.addAll(change.added());
            change.removed().forEach(allowlist::remove);
        } else if (event instanceof SubtaskDelegatedEvent) {
            DelegatedPayload delegated = Payloads.read(payload, DelegatedPayload.class);
            openDelegations.put(delegated.delegationId(), delegated.child());
        } else if (event instanceof DelegationCompletedEvent) {
            DelegationCompletedPayload completed = Payloads.read(payload, DelegationCompletedPayload.class);
            if (self.equals(completed.parent())) {
                openDelegations.remove(completed.delegationId());
                completedDelegations.add(completed.delegationId());
            }
        } else if (event instanceof ChildGraduatedEvent) {
            GraduatedPayload graduated = Payloads.read(payload, GraduatedPayload.class);
            if (self.equals(graduated.parent())) {
                children.put(graduated.child(), graduated.manifest());
                this.graduated.add(graduated.child());
                graduations.add(Timestamps.parse(event.entry().body().ts()));
            }
        }
    }

    /** The manifest of a registered child, else {@code NOT_FOUND}. */
    ChildManifest child(String childId) {
        ChildManifest manifest = children.get(childId);
        if (manifest == null) {
            throw new VacantException(ErrorCode.NOT_FOUND, childId + " is not a child of this composite");
        }
        return manifest;
    }

    /** Where {@code childId} stands in this composite. */
    ChildStanding standing(String childId) {
        if (graduated.contains(childId)) {
            return ChildStanding.GRADUATED;
        }
        return children.containsKey(childId) ? ChildStanding.INSIDE : ChildStanding.UNREGISTERED;
    }

    Set<String> children() {
        return Set.copyOf(children.keySet());
    }

    Set<String> allowlist() {
        return Set.copyOf(allowlist);
    }

    List<Instant> graduations() {
        return List.copyOf(graduations);
    }

    /**
     * Checks that {@code delegationId} is open and went to {@code child}: {@code CONFLICT} when it was already
     * completed, {@code NOT_FOUND} when this composite never delegated it, {@code VALIDATION_FAILED} for another child.
     */
    void requireOpenDelegation(String delegationId, String child) {
        if (completedDelegations.contains(delegationId)) {
            throw new VacantException(ErrorCode.CONFLICT, "delegation " + delegationId + " is already completed");
        }
        String delegate = openDelegations.get(delegationId);
        if (delegate == null) {
            throw new VacantException(ErrorCode.NOT_FOUND, "no delegation " + delegationId + " in this composite");
        }
        if (!delegate.equals(child)) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, "delegation " + delegationId + " went to " + delegate);
        }
    }
}

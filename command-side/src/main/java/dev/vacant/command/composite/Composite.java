package dev.vacant.command.composite;

import dev.vacant.kernel.composite.AllowlistPayload;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.composite.DelegatedPayload;
import dev.vacant.kernel.composite.DelegationCompletedPayload;
import dev.vacant.kernel.composite.GraduatedPayload;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.event.VacantEvent;
import dev.vacant.kernel.event.VacantEvents.AllowlistChangedEvent;
import dev.vacant.kernel.event.VacantEvents.ChildGraduatedEvent;
import dev.vacant.kernel.event.VacantEvents.ChildRegisteredEvent;
import dev.vacant.kernel.event.VacantEvents.DelegationCompletedEvent;
import dev.vacant.kernel.event.VacantEvents.SubtaskDelegatedEvent;
import dev.vacant.kernel.logbook.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A composite's state, an aggregate member of the parent's {@code Vacant} so that the parent's chain keeps one writer:
 * the registered children with their manifests, the peer allowlist, the graduation times (for the sliding rate limit)
 * and the delegations still open. It changes only from the parent's own signed entries ({@link #on}); its commands
 * are handled by {@link CompositeCommandHandlers}.
 */
public final class Composite {

    private final Map<String, ChildManifest> children = new HashMap<>();
    private final Set<String> allowlist = new HashSet<>();
    private final List<Instant> graduations = new ArrayList<>();
    private final Set<String> graduated = new HashSet<>();
    private final Map<String, String> openDelegations = new HashMap<>();
    private final Set<String> completedDelegations = new HashSet<>();

    /** Evolves the composite from one of its vacant's entries (the other kinds leave it as it is). */
    public void on(VacantEvent event, String self) {
        if (event instanceof ChildRegisteredEvent registered) {
            ChildManifest manifest = registered.payload().manifest();
            children.put(manifest.childId(), manifest);
        } else if (event instanceof AllowlistChangedEvent changed) {
            AllowlistPayload change = changed.payload();
            allowlist.addAll(change.added());
            change.removed().forEach(allowlist::remove);
        } else if (event instanceof SubtaskDelegatedEvent delegation) {
            DelegatedPayload delegated = delegation.payload();
            openDelegations.put(delegated.delegationId(), delegated.child());
        } else if (event instanceof DelegationCompletedEvent completion) {
            DelegationCompletedPayload completed = completion.payload();
            if (self.equals(completed.parent())) {
                openDelegations.remove(completed.delegationId());
                completedDelegations.add(completed.delegationId());
            }
        } else if (event instanceof ChildGraduatedEvent graduation) {
            GraduatedPayload graduated = graduation.payload();
            if (self.equals(graduated.parent())) {
                children.put(graduated.child(), graduated.manifest());
                this.graduated.add(graduated.child());
                graduations.add(Timestamps.parse(event.entry().body().ts()));
            }
        }
    }

    /** The manifest of a registered child, else {@code NOT_FOUND}. */
    public ChildManifest child(String childId) {
        ChildManifest manifest = children.get(childId);
        if (manifest == null) {
            throw new VacantException(ErrorCode.NOT_FOUND, childId + " is not a child of this composite");
        }
        return manifest;
    }

    /** Where {@code childId} stands in this composite. */
    public ChildStanding standing(String childId) {
        if (graduated.contains(childId)) {
            return ChildStanding.GRADUATED;
        }
        return children.containsKey(childId) ? ChildStanding.INSIDE : ChildStanding.UNREGISTERED;
    }

    public Set<String> children() {
        return Set.copyOf(children.keySet());
    }

    public Set<String> allowlist() {
        return Set.copyOf(allowlist);
    }

    /** The effective part of an allowlist change (peers not yet listed, listed peers removed), empty when it changes nothing. */
    public Optional<AllowlistPayload> allowlistChange(Collection<String> add, Collection<String> remove) {
        List<String> added = add.stream().filter(peer -> !allowlist.contains(peer)).distinct().sorted().toList();
        List<String> removed = remove.stream().filter(allowlist::contains).distinct().sorted().toList();
        return added.isEmpty() && removed.isEmpty() ? Optional.empty() : Optional.of(new AllowlistPayload(added, removed));
    }

    public List<Instant> graduations() {
        return List.copyOf(graduations);
    }

    /**
     * Checks that {@code delegationId} is open and went to {@code child}: {@code CONFLICT} when it was already
     * completed, {@code NOT_FOUND} when this composite never delegated it, {@code VALIDATION_FAILED} for another child.
     */
    public void requireOpenDelegation(String delegationId, String child) {
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

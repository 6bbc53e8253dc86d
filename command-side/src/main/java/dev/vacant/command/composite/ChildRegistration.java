package dev.vacant.command.composite;

import dev.vacant.command.composite.CompositeResults.PairResult;
import dev.vacant.command.composite.CompositeResults.RegistrationResult;
import dev.vacant.command.vacant.Vacant;
import dev.vacant.command.vacant.VacantCommandResult;
import dev.vacant.command.vacant.VacantContext;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.composite.ManifestPayload;
import dev.vacant.kernel.id.VacantId;
import org.axonframework.modelling.command.Aggregate;

/**
 * Registers a child under a composite: verifies the manifest under its declared version, checks both sides (the
 * composite's rules, {@link CompositeAct#REGISTER_CHILD}; the child is no other composite's child), then
 * appends CHILD_REGISTERED to the parent's chain and MANIFEST_ACCEPTED to the child's, in the caller's unit of work.
 */
public final class ChildRegistration {

    private ChildRegistration() {
    }

    public static RegistrationResult register(Aggregate<Vacant> parent, Aggregate<Vacant> child, ChildManifest manifest,
                                       VacantContext ctx) {
        manifest.verify(VacantId.parse(parent.identifierAsString()));
        CompositeChecks.require(CompositeAct.REGISTER_CHILD, parent, child);
        child.execute(Vacant::requireCanAcceptManifest);
        ManifestPayload payload = new ManifestPayload(manifest);
        VacantCommandResult parentHead = parent.invoke(v -> v.record(CompositeEntry.CHILD_REGISTERED, payload, ctx));
        VacantCommandResult childHead = child.invoke(v -> v.record(CompositeEntry.MANIFEST_ACCEPTED, payload, ctx));
        return new RegistrationResult(manifest, new PairResult(parentHead, childHead));
    }
}

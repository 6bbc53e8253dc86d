package dev.vacant.command.vacant;

import dev.vacant.command.composite.CompositeAct;
import dev.vacant.command.vacant.CompositeResults.PairResult;
import dev.vacant.command.vacant.CompositeResults.RegistrationResult;
import dev.vacant.kernel.composite.ChildManifest;
import dev.vacant.kernel.id.VacantId;
import org.axonframework.modelling.command.Aggregate;

/**
 * Registers a child under a composite: verifies the manifest under its declared version, checks both sides (the
 * composite's rules, {@link CompositeAct#REGISTER_CHILD}; the child is no other composite's child), then
 * appends CHILD_REGISTERED to the parent's chain and MANIFEST_ACCEPTED to the child's, in the caller's unit of work.
 */
final class ChildRegistration {

    private ChildRegistration() {
    }

    static RegistrationResult register(Aggregate<Vacant> parent, Aggregate<Vacant> child, ChildManifest manifest,
                                       VacantContext ctx) {
        manifest.verify(VacantId.parse(parent.identifierAsString()));
        CompositeChecks.require(CompositeAct.REGISTER_CHILD, parent, child);
        child.execute(Vacant::requireCanAcceptManifest);
        VacantCommandResult parentHead = parent.invoke(v -> v.recordChildRegistered(manifest, ctx));
        VacantCommandResult childHead = child.invoke(v -> v.recordManifestAccepted(manifest, ctx));
        return new RegistrationResult(manifest, new PairResult(parentHead, childHead));
    }
}

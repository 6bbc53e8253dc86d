package dev.vacant.command.composite;

import dev.vacant.command.vacant.Vacant;
import org.axonframework.modelling.command.Aggregate;

/** Applies {@link CompositeRules} to the loaded parent and child aggregates of a composite command. */
final class CompositeChecks {

    private CompositeChecks() {
    }

    /** The child's standing after {@code act}, or the refusal (see {@link CompositeRules#require}). */
    static ChildStanding require(CompositeAct act, Aggregate<Vacant> parent, Aggregate<Vacant> child) {
        String childId = child.identifierAsString();
        return CompositeRules.require(act, parent.invoke(v -> v.result().state()), child.invoke(v -> v.result().state()),
                childId, parent.invoke(v -> v.composite().standing(childId)));
    }
}

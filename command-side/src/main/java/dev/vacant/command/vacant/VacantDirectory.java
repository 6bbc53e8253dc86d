package dev.vacant.command.vacant;

import dev.vacant.kernel.lifecycle.LifecycleState;
import java.util.Optional;

/**
 * Resolves any vacant's current state without taking its aggregate's lock, for commands that only need to know of
 * a third vacant (the callee of an outbound call): locking it could invert the parent-before-child lock order.
 */
public interface VacantDirectory {

    /** The vacant's state, or empty when no such vacant exists. */
    Optional<LifecycleState> state(String vacantId);

    /** The composite (parent) that {@code vacantId} is a registered child of, or empty when it is none's child. */
    Optional<String> compositeOf(String vacantId);
}

package dev.vacant.kernel.lifecycle;

import java.util.Optional;

/** One cell of the transition table: {@code next} is empty when the cell is invalid. */
public record Transition(LifecycleState state, LifecycleEvent event, Optional<LifecycleState> next) {

    public boolean valid() {
        return next.isPresent();
    }
}

package dev.vacant.query.registry;

import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.vacant.RegistryVisibility;

/**
 * A registry listing: optional filters, the keyset cursor ({@code after}, the last id of the previous page) and
 * the page size; {@code viewer} decides what is visible.
 */
public record RegistryFilter(Actor viewer, LifecycleState state, String controller, RegistryVisibility visibility,
                             String after, int limit) {
}

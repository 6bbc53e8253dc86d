package dev.vacant.command.tuple.space;

import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.tuple.Authority;

/** Spawns the vacant an agent becomes when it is materialized {@code as_vacant}. */
@FunctionalInterface
public interface BudSpawner {

    /**
     * The LOCAL D2 bud of {@code parent} spawned under {@code spawnKey}: the first call spawns it, every later call
     * with the same key answers the same bud. The spawn commits on its own, whatever becomes of the caller's
     * transaction; a rejection is a {@link dev.vacant.kernel.error.VacantException} and spawns nothing.
     */
    VacantId spawnBud(Authority parent, String spawnKey);
}

package dev.vacant.command.tuple.space;

import dev.vacant.kernel.id.VacantId;
import java.util.Optional;

/** Where the tree of a composite-internal lane comes from: the composite a vacant is inside, if any. */
@FunctionalInterface
public interface CompositeTrees {

    /** The parent of {@code vacant} while it is a registered child of that composite that has not graduated. */
    Optional<VacantId> parentOf(VacantId vacant);
}

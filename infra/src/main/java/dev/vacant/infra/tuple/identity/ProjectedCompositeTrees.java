package dev.vacant.infra.tuple.identity;

import dev.vacant.command.tuple.space.CompositeTrees;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.query.composite.CompositeQueries;
import java.util.Optional;

/**
 * Composite trees as the composite projection holds them: like every projection it follows the event store
 * closely but not instantly, so a child registered or graduated a moment ago may not count yet.
 */
public class ProjectedCompositeTrees implements CompositeTrees {

    private final CompositeQueries composites;

    public ProjectedCompositeTrees(CompositeQueries composites) {
        this.composites = composites;
    }

    @Override
    public Optional<VacantId> parentOf(VacantId vacant) {
        return composites.treeParentOf(vacant.value()).map(VacantId::parse);
    }
}

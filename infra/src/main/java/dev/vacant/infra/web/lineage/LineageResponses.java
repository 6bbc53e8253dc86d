package dev.vacant.infra.web.lineage;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.query.lineage.LineageLink;
import dev.vacant.query.lineage.LineageTree;
import java.util.List;

/** Response bodies of the lineage endpoint. */
public final class LineageResponses {

    private LineageResponses() {
    }

    /** Either answer of {@code GET /vacants/{id}/lineage}. */
    public sealed interface LineageAnswer permits LineageList, LineageSubtree {
    }

    /**
     * Related vacants in the direction asked for; {@code next_after} is the cursor of the next page of descendants
     * or children ({@code null} on a page that is not full, and for ancestors and parents).
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LineageList(String vacant, LineageDirection direction, int depth, List<LineageLink> items,
                              String nextAfter) implements LineageAnswer {
    }

    /** The subtree as nested JSON; {@code truncated} when it was cut at the node limit. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record LineageSubtree(String vacant, int depth, boolean truncated, LineageTree tree) implements LineageAnswer {
    }
}

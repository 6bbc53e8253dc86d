package dev.vacant.query.lineage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.kernel.spawn.SpawnPath;
import java.time.Instant;
import java.util.List;

/**
 * A subtree of the lineage as nested JSON: each vacant under the parent through which it is nearest to the root
 * of the subtree (the primary parent on ties, else {@code secondary}). The root itself has no path or time.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LineageTree(String id, SpawnPath path, Boolean secondary, Instant createdAt, List<LineageTree> children) {

    public LineageTree {
        children = List.copyOf(children);
    }
}

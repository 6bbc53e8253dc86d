package dev.vacant.query.lineage;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.vacant.kernel.spawn.SpawnPath;
import java.time.Instant;

/**
 * A vacant related to the queried one ({@code id}, {@code depth} steps away) and the edge that links it on the
 * way: for descendants and children the edge into {@code id}, for ancestors and parents the edge out of it.
 * {@code position} is the child's BIRTH position; {@code secondary} marks D4's second-parent edge.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LineageLink(String id, int depth, String parent, String child, SpawnPath path, boolean secondary,
                          Instant createdAt, long position) {
}

package dev.vacant.infra.web.lineage;

import dev.vacant.infra.projection.ReadConsistency;
import dev.vacant.infra.web.lineage.LineageResponses.LineageAnswer;
import dev.vacant.infra.web.lineage.LineageResponses.LineageList;
import dev.vacant.infra.web.lineage.LineageResponses.LineageSubtree;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.query.lineage.DescendantPage;
import dev.vacant.query.lineage.LineageProjector;
import dev.vacant.query.lineage.LineageQueries;
import dev.vacant.query.lineage.Subtree;
import java.util.List;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lineage of a vacant ({@code docs/lineage.md}): parents, children, ancestors, paged descendants, or the
 * subtree as nested JSON. Any authenticated caller; {@code position} or {@code consistency=strong} make the read
 * wait for earlier writes, as for every query.
 */
@RestController
@RequestMapping("/api/v1/vacants")
public class LineageController {

    private static final List<String> LINEAGE = List.of(LineageProjector.NAME);

    private final LineageQueries lineage;
    private final KnownVacants vacants;
    private final ReadConsistency consistency;

    public LineageController(LineageQueries lineage, KnownVacants vacants, ReadConsistency consistency) {
        this.lineage = lineage;
        this.vacants = vacants;
        this.consistency = consistency;
    }

    @GetMapping("/{id}/lineage")
    public LineageAnswer lineage(@PathVariable String id,
                                 @RequestParam(required = false) String direction,
                                 @RequestParam(required = false) String format,
                                 @RequestParam(required = false) Integer depth,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size,
                                 @RequestParam(required = false) String after,
                                 @RequestParam(required = false) Long position,
                                 @RequestParam(required = false) String consistency) {
        if (!VacantId.isValid(id)) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, "'" + id + "' is not a vacant id");
        }
        LineageRequest request = LineageRequest.of(direction, format, depth, page, size, after);
        this.consistency.await(LINEAGE, position, strong(consistency));
        if (!vacants.exists(id)) {
            throw new VacantException(ErrorCode.NOT_FOUND, "no such vacant: " + id);
        }
        if (request.tree()) {
            Subtree subtree = lineage.subtree(id, request.depth(), LineageRequest.MAX_TREE_NODES);
            return new LineageSubtree(id, request.depth(), subtree.truncated(), subtree.tree());
        }
        return switch (request.direction()) {
            case PARENTS -> new LineageList(id, request.direction(), request.depth(), lineage.parents(id), null);
            case ANCESTORS -> new LineageList(id, request.direction(), request.depth(),
                    lineage.ancestors(id, request.depth()), null);
            case CHILDREN, DESCENDANTS -> {
                DescendantPage items = lineage.descendants(id, request.depth(), request.after(), request.offset(),
                        request.size());
                yield new LineageList(id, request.direction(), request.depth(), items.items(),
                        Objects.toString(items.next(), null));
            }
        };
    }

    private static boolean strong(String consistency) {
        if (consistency == null || consistency.equals("eventual")) {
            return false;
        }
        if (consistency.equals("strong")) {
            return true;
        }
        throw new VacantException(ErrorCode.VALIDATION_FAILED, "consistency must be strong or eventual");
    }
}

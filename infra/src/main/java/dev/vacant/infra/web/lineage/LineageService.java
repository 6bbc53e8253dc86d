package dev.vacant.infra.web.lineage;

import java.util.Set;
import java.util.ArrayList;
import dev.vacant.query.lineage.LineageTree;
import dev.vacant.query.lineage.LineageLink;
import dev.vacant.query.registry.RegistryProjector;
import dev.vacant.query.registry.RegistryQueries;
import dev.vacant.infra.web.vacant.VacantRequests;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.infra.projection.ReadConsistency;
import dev.vacant.infra.custody.KnownVacants;
import dev.vacant.infra.web.lineage.LineageResponses.LineageAnswer;
import dev.vacant.infra.web.lineage.LineageResponses.LineageList;
import dev.vacant.infra.web.lineage.LineageResponses.LineageSubtree;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.query.lineage.DescendantPage;
import dev.vacant.query.lineage.LineageProjector;
import dev.vacant.query.lineage.LineageQueries;
import dev.vacant.query.lineage.Subtree;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * The lineage of a vacant ({@code docs/lineage.md}) as the REST and gRPC adapters share it: parents, children,
 * ancestors, paged descendants, or the subtree. Any authenticated caller; {@code position} or
 * {@code consistency=strong} make the read wait for earlier writes, as for every query.
 */
@Service
public class LineageService {

    /** Lineage answers are filtered by registry visibility, so a consistent read waits for both. */
    private static final List<String> LINEAGE = List.of(LineageProjector.NAME, RegistryProjector.NAME);

    private final LineageQueries lineage;
    private final KnownVacants vacants;
    private final ReadConsistency consistency;

    private final RegistryQueries registry;

    public LineageService(LineageQueries lineage, KnownVacants vacants, ReadConsistency consistency,
                             RegistryQueries registry) {
        this.lineage = lineage;
        this.vacants = vacants;
        this.consistency = consistency;
        this.registry = registry;
    }

    /** The lineage of {@code id}; absent parameters take their defaults ({@link LineageRequest}). */
    public LineageAnswer lineage(Actor actor, String id, String direction, String format, Integer depth, Integer page,
                                 Integer size, String after, Long position, String consistency) {
        VacantRequests.vacantId("id", id);
        LineageRequest request = LineageRequest.of(direction, format, depth, page, size, after);
        this.consistency.await(LINEAGE, position, ReadConsistency.strong(consistency));
        boolean visible = actor.isOperator() ? vacants.exists(id) : registry.find(actor, id).isPresent();
        if (!visible) {
            throw new VacantException(ErrorCode.NOT_FOUND, "no such vacant: " + id);
        }
        if (request.tree()) {
            Subtree subtree = lineage.subtree(id, request.depth(), LineageRequest.MAX_TREE_NODES);
            return new LineageSubtree(id, request.depth(), subtree.truncated(), visibleTree(actor, subtree.tree()));
        }
        return switch (request.direction()) {
            case PARENTS -> new LineageList(id, request.direction(), request.depth(), visibleLinks(actor, lineage.parents(id)), null);
            case ANCESTORS -> new LineageList(id, request.direction(), request.depth(),
                    visibleLinks(actor, lineage.ancestors(id, request.depth())), null);
            case CHILDREN, DESCENDANTS -> {
                DescendantPage items = lineage.descendants(id, request.depth(), request.after(), request.offset(),
                        request.size());
                yield new LineageList(id, request.direction(), request.depth(), visibleLinks(actor, items.items()),
                        Objects.toString(items.next(), null));
            }
        };
    }

    /** Drops the vacants the caller may not see (a page may then hold fewer items; its cursor stays valid). */
    private List<LineageLink> visibleLinks(Actor actor, List<LineageLink> links) {
        Set<String> visible = registry.visibleAmong(actor, links.stream().map(LineageLink::id).toList());
        return links.stream().filter(link -> visible.contains(link.id())).toList();
    }

    /** Prunes the subtrees of vacants the caller may not see. */
    private LineageTree visibleTree(Actor actor, LineageTree tree) {
        List<String> ids = new ArrayList<>();
        collectIds(tree, ids);
        Set<String> visible = registry.visibleAmong(actor, ids);
        return prune(tree, visible);
    }

    private static void collectIds(LineageTree tree, List<String> ids) {
        ids.add(tree.id());
        tree.children().forEach(child -> collectIds(child, ids));
    }

    private static LineageTree prune(LineageTree tree, Set<String> visible) {
        return new LineageTree(tree.id(), tree.path(), tree.secondary(), tree.createdAt(), tree.children().stream()
                .filter(child -> visible.contains(child.id())).map(child -> prune(child, visible)).toList());
    }
}

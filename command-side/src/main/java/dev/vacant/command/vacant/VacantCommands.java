package dev.vacant.command.vacant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.consent.ConsentRequest;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.lifecycle.LifecycleState;
import dev.vacant.kernel.spawn.BehaviorBundle;
import dev.vacant.kernel.spawn.SpawnRequest;
import dev.vacant.kernel.spawn.SubstrateSpec;
import org.axonframework.commandhandling.RoutingKey;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of a vacant's life; each names the acting principal. */
public final class VacantCommands {

    private VacantCommands() {
    }

    /** Operator-only: mint a root vacant, ACTIVE (default) or LOCAL. */
    public record CreateGenesisCommand(Actor actor, String controller, LifecycleState startState,
                                       BehaviorBundle bundle, SubstrateSpec substrate) {
    }

    /** Operator-only: flip a LOCAL genesis root to ACTIVE. */
    public record PublishVacantCommand(@TargetAggregateIdentifier String vacantId, Actor actor) {
    }

    /** A heartbeat with an optional {@code extra} object. */
    public record RecordHeartbeatCommand(@TargetAggregateIdentifier String vacantId, Actor actor, ObjectNode extra) {
    }

    /**
     * An external call reached the vacant ({@code caller}, optional, is a free label; calls between vacants are
     * {@code CompositeCommands.CallVacantCommand}); a closed composite child refuses it ({@code TREE_ONLY_VIOLATION}).
     */
    public record ReceiveCallCommand(@TargetAggregateIdentifier String vacantId, Actor actor, String caller) {
    }

    /** {@code reviewer} (which must be able to review) reviews the vacant, with an optional score and comment. */
    public record ReceiveReviewCommand(@RoutingKey String vacantId, Actor actor,
                                       VacantId reviewer, String verdict, Integer score, String comment) {
    }

    /** Revive a hibernating or stale vacant. */
    public record ReviveVacantCommand(@TargetAggregateIdentifier String vacantId, Actor actor) {
    }

    /** Operator-only: archive a vacant sunk for long enough; destroys its key. */
    public record ArchiveVacantCommand(@TargetAggregateIdentifier String vacantId, Actor actor) {
    }

    /**
     * Spawn a child of {@code parentId} along the request's path; {@code controller} is optional. {@code spawnKey}
     * (optional) makes the spawn idempotent: the parent spawns at most one child per key, and a repeated command
     * answers that child.
     */
    public record SpawnVacantCommand(@RoutingKey String parentId, Actor actor, SpawnRequest request,
                                     String controller, String spawnKey) {

        /** A spawn without an idempotency key. */
        public SpawnVacantCommand(String parentId, Actor actor, SpawnRequest request, String controller) {
            this(parentId, actor, request, controller, null);
        }
    }

    /** Report one output window; the server computes its STYLO-16 fingerprint. */
    public record ReportBehaviorSampleCommand(@TargetAggregateIdentifier String vacantId, Actor actor, String text) {
    }

    /** Start a new drift anchor from the next samples. */
    public record ResetAnchorCommand(@TargetAggregateIdentifier String vacantId, Actor actor) {
    }

    /** Internal: the vacant's timer came due (dormancy step or SUNK custody heartbeat). */
    public record FireVacantTimerCommand(@TargetAggregateIdentifier String vacantId) {
    }

    /**
     * The vacant's controller asks it to sign {@code request} (custody signs), or hands in a {@code signature} its
     * owner produced elsewhere (the server verifies it); either way CONSENT_GRANTED is recorded on its chain.
     */
    public record GrantConsentCommand(@TargetAggregateIdentifier String vacantId, Actor actor, ConsentRequest request,
                                      String signature) {
    }
}

package dev.vacant.infra.checkpoint;

import dev.vacant.infra.checkpoint.CheckpointResponses.CheckpointView;
import dev.vacant.infra.checkpoint.CheckpointResponses.ConsistencyView;
import dev.vacant.infra.checkpoint.CheckpointResponses.InclusionView;
import dev.vacant.infra.checkpoint.CheckpointService.Made;
import dev.vacant.infra.web.vacant.VacantRequests;
import dev.vacant.kernel.auth.Actor;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.kernel.id.NodeId;

/**
 * The answers of the checkpoint API, the same for every adapter (REST {@link CheckpointController}, the gRPC twin
 * {@code vacant.checkpoints.v1.Checkpoints}): {@link CheckpointService}'s results as views, {@code NOT_FOUND} for a
 * checkpoint that does not exist, {@code VALIDATION_FAILED} for an inclusion request naming no entry (or two).
 */
public final class CheckpointAnswers {

    /** A checkpoint made on demand, and whether it is new (REST 201) or that size existed (REST 200). */
    public record MadeView(CheckpointView checkpoint, boolean created) {
    }

    private final CheckpointService checkpoints;

    public CheckpointAnswers(CheckpointService checkpoints) {
        this.checkpoints = checkpoints;
    }

    /** Extends the tree and signs a checkpoint of its size; {@code FORBIDDEN} unless {@code actor} is an operator. */
    public MadeView make(Actor actor) {
        actor.requireOperator();
        Made made = checkpoints.checkpoint();
        return new MadeView(view(made.checkpoint()), made.created());
    }

    public CheckpointView latest() {
        return view(checkpoints.latest().orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no checkpoint yet")));
    }

    public CheckpointView at(long size) {
        return view(checkpoints.at(size)
                .orElseThrow(() -> new VacantException(ErrorCode.NOT_FOUND, "no checkpoint of size " + size)));
    }

    /** The first checkpoint whose tree includes the entry at a command answer's {@code global_index}. */
    public CheckpointView firstIncluding(long position) {
        return view(checkpoints.firstIncluding(position));
    }

    public CheckpointView cosign(long size, String line) {
        return view(checkpoints.cosign(size, line));
    }

    /** By {@code vacant} and {@code seq}, or by {@code position}; in checkpoint {@code size} (default: latest). */
    public InclusionView inclusion(String vacant, Long seq, Long position, Long size) {
        if (position != null && vacant == null && seq == null) {
            return InclusionView.of(checkpoints.inclusionAt(position, size), nodeId());
        }
        if (vacant == null || seq == null || position != null) {
            throw new VacantException(ErrorCode.VALIDATION_FAILED, "give either vacant and seq, or position");
        }
        return InclusionView.of(checkpoints.inclusion(VacantRequests.vacantId("vacant", vacant).value(), seq, size), nodeId());
    }

    /** From tree size {@code from} to checkpoint {@code to} (default: latest). */
    public ConsistencyView consistency(long from, Long to) {
        return ConsistencyView.of(checkpoints.consistency(from, to), nodeId());
    }

    private CheckpointView view(CheckpointService.Served served) {
        return CheckpointView.of(served, nodeId());
    }

    private String nodeId() {
        return NodeId.of(checkpoints.nodeKey().publicKey()).value();
    }
}

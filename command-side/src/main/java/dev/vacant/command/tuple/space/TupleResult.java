package dev.vacant.command.tuple.space;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.command.tuple.space.TupleStore.SpaceCounts;
import dev.vacant.kernel.tuple.Tuple;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an applied op answers, one record per kind of answer ({@code docs/tuples.md}). The core returns these; their
 * JSON (the wire and stored reply form) is {@link TupleResultJson}'s alone. Only a tuple's {@code data} and the
 * snapshot's free-form {@code execution} and {@code policy} blocks are JSON values here.
 */
public sealed interface TupleResult {

    /** This result as {@code kind}; a result of another kind is a broken contract between an op and its answer. */
    default <R extends TupleResult> R as(Class<R> kind) {
        if (!kind.isInstance(this)) {
            throw new IllegalStateException("expected a " + kind.getSimpleName() + " result, got " + this);
        }
        return kind.cast(this);
    }

    /**
     * {@code out}, {@code in}, {@code rd}, {@code route}: the tuple written, taken, read or routed; null when an
     * {@code in} or {@code rd} found none.
     */
    record Single(Tuple tuple) implements TupleResult {

        /** The tuple, if there is one. */
        public Optional<Tuple> found() {
            return Optional.ofNullable(tuple);
        }
    }

    /** A lane {@code scan} (and the lane-less one): the visible tuples, in order. */
    record Scanned(List<Tuple> tuples) implements TupleResult {

        public Scanned {
            tuples = List.copyOf(tuples);
        }
    }

    /** A hookwall action: whether the wall holds the capability afterwards. */
    record Wall(String wall, String capability, boolean held) implements TupleResult {
    }

    /** {@code spawn} and {@code restore}: the agent tuple. */
    record Agent(Tuple agent) implements TupleResult {

        public Agent {
            Objects.requireNonNull(agent, "agent");
        }
    }

    /** {@code materialize}: the virtual agent's tuple, and whether this call created it. */
    record Materialized(boolean created, Tuple agent) implements TupleResult {

        public Materialized {
            Objects.requireNonNull(agent, "agent");
        }
    }

    /** {@code batch-spawn}: the subtree's receipt, its size and its controller agent. */
    record BatchSpawned(String receipt, long virtualAgents, Tuple controller) implements TupleResult {

        public BatchSpawned {
            Objects.requireNonNull(receipt, "receipt");
            Objects.requireNonNull(controller, "controller");
        }
    }

    /**
     * {@code compress}: the agent's token (its tuple without data, which went cold) and the digest of its cold data.
     */
    record Compressed(Tuple token, String dataDigest) implements TupleResult {

        public Compressed {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(dataDigest, "data_digest");
        }
    }

    /** {@code prune-idle}: the agents compressed, least recently active first. */
    record Pruned(List<String> compressed) implements TupleResult {

        public Pruned {
            compressed = List.copyOf(compressed);
        }
    }

    /**
     * The space snapshot: the store's counts, and this process's free-form parts, the execution lanes' metrics and
     * the guardrail numbers in force.
     */
    record Snapshot(SpaceCounts counts, JsonNode execution, JsonNode policy) implements TupleResult {

        public Snapshot {
            Objects.requireNonNull(counts, "counts");
        }

        /** Agents in every state. */
        public long totalAgents() {
            return counts.activeAgents() + counts.compressedAgents() + counts.virtualAgents();
        }
    }
}

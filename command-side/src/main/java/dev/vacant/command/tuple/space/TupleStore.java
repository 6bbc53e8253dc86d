package dev.vacant.command.tuple.space;

import dev.vacant.kernel.tuple.ColdData;
import dev.vacant.kernel.tuple.Template;
import dev.vacant.kernel.tuple.Tuple;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The persistence port of the tuple space. "Visible" tuples are those whose lease has not run out and that
 * are not compressed agents. All calls made inside {@link #inTransaction} commit or roll back together; inside
 * it, every call sees the effects of the calls before it.
 */
public interface TupleStore {

    /** Runs {@code work} in one database transaction. */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Reads at once, in the transaction in progress, what ops on {@code lanes} would otherwise ask one lane at a
     * time (their walls, their first visible tuples). It only saves round trips.
     */
    void readAhead(Collection<String> lanes, Instant now);

    /** The stored replies of those of {@code opIds} that were applied, by op id. */
    Map<String, EncodedReply> replies(Collection<String> opIds);

    /**
     * Records an op's reply under its op id. An op id with a stored reply already makes the transaction fail with
     * {@link AppliedBefore}, at the latest when it commits: an op has one effect, whoever applies it.
     */
    void recordReply(String lane, EncodedReply reply, Instant at);

    /** A reply was recorded for an op id that has a stored reply already; the transaction rolls back. */
    final class AppliedBefore extends RuntimeException {

        public AppliedBefore(Throwable cause) {
            super("an op of this transaction was applied before (its op id has a stored reply)", cause);
        }
    }

    void insert(Tuple tuple, AgentState agentState);

    /** Persists a waiting {@code in} of {@code deployment}, so that whoever owns its lane there next resumes it. */
    void insertWaiter(String deployment, Waiter waiter);

    /** Removes a persisted waiter; false when it was gone already (answered by another owner of its lane). */
    boolean deleteWaiter(String opId);

    /** Every persisted waiter of {@code deployment}, oldest first. */
    List<Waiter> waiters(String deployment);

    /** The first visible tuple of the lane matching the template, in lane order. */
    Optional<Tuple> first(String lane, Template template, Instant now);

    /** Visible tuples of a lane in lane order, optionally of one yool and within a Hilbert range. */
    List<Tuple> scan(String lane, String yool, Long hilbertFrom, Long hilbertTo, int limit, Instant now);

    void delete(UUID id);

    /** Rewrites the data, receipts and last activity of a tuple. */
    void update(Tuple tuple);

    Set<String> wall(String wall);

    /** Adds a capability; false when the wall already held it. */
    boolean hook(String wall, String capability);

    /** Removes a capability; false when the wall did not hold it. */
    boolean unhook(String wall, String capability);

    Optional<Tuple> tuple(UUID id);

    Optional<StoredAgent> agent(String agentId);

    void insertSubtree(Subtree subtree);

    Optional<Subtree> subtree(String receipt);

    void countMaterialized(String receipt);

    /** Moves an agent's data to cold storage, leaving the compress token (envelope, receipts, digest). */
    void compress(Tuple token, ColdData cold);

    Optional<ColdData> cold(String agentId);

    /** Puts a compressed agent's data back and drops its cold copy. */
    void restore(Tuple agent);

    /** Active agents, least recently active first; only those whose id starts with {@code prefix} when given. */
    List<String> leastActiveAgents(String prefix, int limit);

    long activeAgents(String prefix);

    SpaceCounts counts(Instant now);

    /** Deletes tuples whose lease ran out; returns how many. */
    int reapExpired(Instant now);

    /**
     * Deletes the replies recorded before {@code recordedBefore}; returns how many. An op repeated after its reply
     * is gone is applied again.
     */
    int pruneReplies(Instant recordedBefore);

    /** Runs {@code work} in one read-only transaction that reads one snapshot of the store. */
    <T> T inReadOnlyTransaction(Supplier<T> work);

    /**
     * Unexpired tuples of the lanes named after {@code afterLane} (of every lane when null), optionally of one yool,
     * ordered by lane name and then lane order.
     */
    List<Tuple> scanLanesAfter(String afterLane, String yool, int limit, Instant now);

    /** Whether a tuple is an agent, and in which state. */
    enum AgentState { ACTIVE, COMPRESSED }

    /** An agent tuple with its state and, when compressed, its data digest. */
    record StoredAgent(Tuple tuple, AgentState state, String dataDigest) {
    }

    /** The descriptor of a lazy batch spawn. */
    record Subtree(String receipt, String controllerAgent, UUID controllerTuple, String lane, String yool, int depth,
                   int branching, long size, long materialized, Integer compressionThreshold) {
    }

    /** The counts of a snapshot. */
    record SpaceCounts(long tuples, Map<String, Long> lanes, long activeAgents, long compressedAgents,
                       long virtualAgents) {
    }
}

package dev.vacant.infra.checkpoint;

import dev.vacant.infra.checkpoint.JdbcMerkleTree.Leaf;
import dev.vacant.infra.checkpoint.JdbcMerkleTree.State;
import dev.vacant.kernel.audit.StoredEvent;
import dev.vacant.kernel.checkpoint.LogbookLeaf;
import dev.vacant.kernel.checkpoint.MerkleAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Extends the tree with the logbook entries committed since the last build, in the event store's global order,
 * off the command path. Entries committed together have consecutive global indexes and enter in that order.
 * <p>
 * A gap in the global index (a transaction that took an index and has not committed, or rolled back) holds the
 * tree back until it has been seen for {@code gapSettle}; then the tree moves past it. A commit into a gap given up
 * (later than {@code gapSettle}, seen within {@code lateRetention}) is appended at the tree's end: the tree never
 * loses an entry, and {@code merkle_leaf} records every leaf's global index. Each batch is one transaction under
 * the lock of {@code merkle_state}, so only one builder works at a time even with several nodes.
 */
public class TreeBuilder {

    private static final int BATCH = 1000;

    /** A range of global indexes given up as a gap, watched for late commits until {@code expiresAt}. */
    private record LateRange(long after, long before, long expiresAt) {
    }

    private final JdbcMerkleTree tree;
    private final TransactionTemplate transactions;
    private final long settleNanos;
    private final long retentionNanos;
    private final LongSupplier nanoTime;
    /** First sighting (nano time) of each open gap, by the gap's first missing global index. */
    private final Map<Long, Long> gapsSeen = new TreeMap<>();
    private final Set<LateRange> lateRanges = new LinkedHashSet<>();

    public TreeBuilder(JdbcMerkleTree tree, TransactionTemplate transactions, Duration gapSettle, Duration lateRetention,
                       LongSupplier nanoTime) {
        this.tree = tree;
        this.transactions = transactions;
        this.settleNanos = gapSettle.toNanos();
        this.retentionNanos = lateRetention.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Appends everything that can enter the tree now; answers the tree's size. */
    public synchronized long build() {
        BatchResult result;
        do {
            long now = nanoTime.getAsLong();
            try {
                result = transactions.execute(status -> buildBatch(now, false));
            } catch (DuplicateKeyException movedRow) {
                result = transactions.execute(status -> buildBatch(now, true));
            }
        } while (result.more());
        return result.treeSize();
    }

    private record BatchResult(long treeSize, boolean more) {
    }

    /**
     * One batch. An entry is in the event store once, so the fast path appends without looking: only a row moved
     * to another global index (tampering) can bring an entry back, which fails the batch on
     * {@code merkle_leaf_entry_uk}; the batch then runs again with {@code checkEach}, skipping entries already in
     * the tree.
     */
    private BatchResult buildBatch(long now, boolean checkEach) {
        State state = tree.lockState();
        Batch batch = new Batch(new MerkleAppender(tree, state.treeSize()), checkEach);
        appendLateCommits(batch, now);
        List<StoredEvent> rows = tree.rowsAfter(state.settledIndex(), BATCH);
        long settled = state.settledIndex();
        long previous = settled;
        boolean blocked = false;
        for (StoredEvent row : rows) {
            if (row.globalIndex() > previous + 1) {
                // every gap in sight starts its settle time now, not only the first: many gaps settle together
                long seen = gapsSeen.computeIfAbsent(previous + 1, gap -> now);
                if (!blocked && now - seen >= settleNanos) {
                    lateRanges.add(new LateRange(settled, row.globalIndex(), now + retentionNanos));
                } else {
                    blocked = true;
                }
            }
            previous = row.globalIndex();
            if (!blocked) {
                batch.append(row);
                settled = row.globalIndex();
            }
        }
        long done = settled;
        gapsSeen.keySet().removeIf(gap -> gap <= done);
        tree.write(batch.leaves, batch.appender.created(), new State(batch.appender.size(), settled));
        return new BatchResult(batch.appender.size(), !blocked && rows.size() == BATCH);
    }

    private void appendLateCommits(Batch batch, long now) {
        for (Iterator<LateRange> ranges = lateRanges.iterator(); ranges.hasNext(); ) {
            LateRange range = ranges.next();
            tree.lateRows(range.after(), range.before()).forEach(batch::append);
            if (now > range.expiresAt()) {
                ranges.remove();
            }
        }
    }

    /** The leaves of one batch. */
    private final class Batch {
        private final MerkleAppender appender;
        private final boolean checkEach;
        private final List<Leaf> leaves = new ArrayList<>();
        private final Set<String> entries = new HashSet<>();

        Batch(MerkleAppender appender, boolean checkEach) {
            this.appender = appender;
            this.checkEach = checkEach;
        }

        /** Appends the row's logbook entry, if it holds one (rows of other aggregates are not leaves). */
        void append(StoredEvent row) {
            if (checkEach && (!entries.add(row.aggregateIdentifier() + "/" + row.sequenceNumber())
                    || tree.leafOf(row.aggregateIdentifier(), row.sequenceNumber()).isPresent())) {
                return;
            }
            LogbookLeaf.of(row).ifPresent(hash -> leaves.add(new Leaf(appender.append(hash), row.globalIndex(),
                    row.aggregateIdentifier(), row.sequenceNumber(), hash)));
        }
    }
}

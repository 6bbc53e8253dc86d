package dev.vacant.query.logbook;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which logbook entries the table may hold already, so that {@link LogbookProjector} looks up only those before
 * inserting. {@link #unknown()}: any entry (the live table, which other writers fill too). {@link #remembered()}: an
 * audit replay rebuild, the only writer of its scratch table: the entries it has handed to the table so far, a
 * superset of those stored (a batch rolled back is not forgotten, so that its entries are looked up, not trusted,
 * when they are applied again). A chain's entries arrive in seq order, so a vacant costs two numbers, not a set.
 */
interface WrittenEntries {

    /** Whether the table may hold the entry {@code seq} of {@code vacant}. */
    boolean mayHold(String vacant, long seq);

    /** Notes that the entry is being written. */
    void add(String vacant, long seq);

    /** Every entry may be stored already. */
    static WrittenEntries unknown() {
        return Unknown.INSTANCE;
    }

    /** Only the entries added here may be stored. */
    static WrittenEntries remembered() {
        return new Remembered();
    }

    /** The live table's answer: look everything up. */
    enum Unknown implements WrittenEntries {
        INSTANCE;

        @Override
        public boolean mayHold(String vacant, long seq) {
            return true;
        }

        @Override
        public void add(String vacant, long seq) {
        }
    }

    /** A rebuild's memory, per vacant: every seq below {@code contiguous}, plus those added out of order. */
    final class Remembered implements WrittenEntries {

        private final Map<String, Chain> chains = new HashMap<>();

        /** One vacant's written seqs. */
        private static final class Chain {
            private long contiguous;
            private final Set<Long> beyond = new HashSet<>();

            boolean contains(long seq) {
                return (seq >= 0 && seq < contiguous) || beyond.contains(seq);
            }

            void add(long seq) {
                if (contains(seq)) {
                    return;
                }
                if (seq != contiguous) {
                    beyond.add(seq);
                    return;
                }
                contiguous++;
                while (beyond.remove(contiguous)) {
                    contiguous++;
                }
            }
        }

        @Override
        public boolean mayHold(String vacant, long seq) {
            Chain chain = chains.get(vacant);
            return chain != null && chain.contains(seq);
        }

        @Override
        public void add(String vacant, long seq) {
            chains.computeIfAbsent(vacant, v -> new Chain()).add(seq);
        }
    }
}

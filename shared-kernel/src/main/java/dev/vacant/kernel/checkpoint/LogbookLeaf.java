package dev.vacant.kernel.checkpoint;

import dev.vacant.kernel.audit.StoredEvent;
import dev.vacant.kernel.audit.StoredEventDecoder;
import dev.vacant.kernel.audit.VacantEventTypes;
import dev.vacant.kernel.crypto.Hex;
import java.util.Optional;

/** The leaf data of a stored event: its logbook entry's {@code hash} bytes, when the row holds an entry. */
public final class LogbookLeaf {

    private static final String HASH_FORM = "[0-9a-f]{64}";

    private LogbookLeaf() {
    }

    /** The entry hash of {@code row}; empty for rows of other aggregates and rows that do not decode. */
    public static Optional<byte[]> of(StoredEvent row) {
        if (!VacantEventTypes.isVacantRow(row)) {
            return Optional.empty();
        }
        return StoredEventDecoder.decode(row).map(event -> event.entry().hash())
                .filter(hash -> hash != null && hash.matches(HASH_FORM)).map(Hex::decode);
    }
}

package dev.vacant.kernel.checkpoint;

import dev.vacant.kernel.audit.StoredEvent;
import dev.vacant.kernel.audit.StoredEventDecoder;
import dev.vacant.kernel.crypto.Hex;
import dev.vacant.kernel.event.EventFamily;
import dev.vacant.kernel.logbook.LogbookEntry;
import java.util.Optional;
import java.util.regex.Pattern;

/** The leaf data of a stored event: its logbook entry's {@code hash} bytes, when the row holds an entry. */
public final class LogbookLeaf {

    private static final Pattern HASH_FORM = Pattern.compile("[0-9a-f]{64}");

    private LogbookLeaf() {
    }

    /** The entry hash of {@code row}; empty for rows of other chains than vacants' and rows that do not decode. */
    public static Optional<byte[]> of(StoredEvent row) {
        if (StoredEventDecoder.familyOf(row).filter(family -> family == EventFamily.VACANT).isEmpty()) {
            return Optional.empty();
        }
        return StoredEventDecoder.standard().entry(row).map(LogbookEntry::hash)
                .filter(hash -> hash != null && HASH_FORM.matcher(hash).matches()).map(Hex::decode);
    }
}

package dev.vacant.kernel.logbook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * The head of one vacant's chain, as its aggregate keeps it: the next seq and the hash of the last entry.
 * {@link #append} builds the next entry; {@link #after} moves the head past an applied entry.
 */
public record LogbookChain(String vacant, long nextSeq, String headHash) {

    /** The empty chain of {@code vacant}: the next entry is seq 0 with {@code prev = null}. */
    public static LogbookChain empty(String vacant) {
        return new LogbookChain(vacant, 0, null);
    }

    /** The next entry of this chain, signed by {@code signer}. */
    public LogbookEntry append(String kind, Instant ts, ObjectNode payload, LogbookSigner signer) {
        LogbookBody body = new LogbookBody(LogbookBody.VERSION, vacant, nextSeq, kind, Timestamps.format(ts),
                payload, headHash, signer.signerId());
        return LogbookEntry.seal(body, signer);
    }

    /** The head after {@code entry} was applied. */
    public LogbookChain after(LogbookEntry entry) {
        return new LogbookChain(vacant, entry.seq() + 1, entry.hash());
    }
}

package dev.vacant.infra.audit;

import dev.vacant.kernel.event.StoredEntry;
import dev.vacant.kernel.logbook.LogbookBody;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.LogbookSigner;
import dev.vacant.kernel.logbook.Timestamps;
import java.util.ArrayList;
import java.util.List;

/**
 * The attack the chains alone cannot show: a custodial server rewrites a vacant's history from one entry on
 * (here: every timestamp moved by a millisecond) and re-signs and re-chains it with the vacant's real key, storing
 * each event exactly as Axon would.
 */
record ChainRewrite(StoreTampering store) {

    StoreTampering.Undo from(String vacant, long firstSeq, LogbookSigner realKey) {
        List<StoreTampering.Undo> undo = new ArrayList<>();
        String prev = firstSeq == 0 ? null : store.entryField(vacant, firstSeq - 1, "hash");
        for (long seq = firstSeq; seq <= store.lastSeqOf(vacant); seq++) {
            LogbookBody body = StoredEntry.decodeCanonical(store.payload(vacant, seq)).orElseThrow().body();
            LogbookBody rewritten = new LogbookBody(body.v(), body.vacant(), body.seq(), body.kind(),
                    Timestamps.format(Timestamps.parse(body.ts()).plusMillis(1)), body.payload(), prev, body.signer());
            LogbookEntry entry = LogbookEntry.seal(rewritten, realKey);
            undo.add(store.replacePayload(vacant, seq, StoredEntry.encode(entry)));
            prev = entry.hash();
        }
        return () -> undo.forEach(StoreTampering.Undo::close);
    }

}

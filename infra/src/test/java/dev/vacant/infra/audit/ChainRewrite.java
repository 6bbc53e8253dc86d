package dev.vacant.infra.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.audit.StoredEvent;
import dev.vacant.kernel.audit.StoredEventDecoder;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.logbook.LogbookBody;
import dev.vacant.kernel.logbook.LogbookEntry;
import dev.vacant.kernel.logbook.LogbookSigner;
import dev.vacant.kernel.logbook.Timestamps;
import dev.vacant.kernel.vacant.VacantEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The attack the chains alone cannot show: a custodial server rewrites a vacant's history from one entry on
 * (here: every timestamp moved by a millisecond) and re-signs and re-chains it with the vacant's real key, storing
 * each event exactly as Axon would.
 */
record ChainRewrite(StoreTampering store) {

    private static final ObjectMapper READER = Json.mapper().copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    StoreTampering.Undo from(String vacant, long firstSeq, LogbookSigner realKey) {
        List<StoreTampering.Undo> undo = new ArrayList<>();
        String prev = firstSeq == 0 ? null : store.entryField(vacant, firstSeq - 1, "hash");
        for (long seq = firstSeq; seq <= store.lastSeqOf(vacant); seq++) {
            byte[] payload = store.payload(vacant, seq);
            VacantEvent event = StoredEventDecoder.decode(new StoredEvent(0, vacant, seq, "Vacant",
                    store.payloadType(vacant, seq), payload)).orElseThrow();
            LogbookBody body = event.entry().body();
            LogbookBody rewritten = new LogbookBody(body.v(), body.vacant(), body.seq(), body.kind(),
                    Timestamps.format(Timestamps.parse(body.ts()).plusMillis(1)), body.payload(), prev, body.signer());
            LogbookEntry entry = LogbookEntry.seal(rewritten, realKey);
            undo.add(store.replacePayload(vacant, seq, withEntry(payload, event.getClass(), entry)));
            prev = entry.hash();
        }
        return () -> undo.forEach(StoreTampering.Undo::close);
    }

    private static byte[] withEntry(byte[] payload, Class<? extends VacantEvent> type, LogbookEntry entry) {
        try {
            ObjectNode json = (ObjectNode) Json.mapper().readTree(payload);
            json.set("entry", Json.mapper().valueToTree(entry));
            return Json.mapper().writeValueAsBytes(READER.treeToValue(json, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

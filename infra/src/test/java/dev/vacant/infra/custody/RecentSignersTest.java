package dev.vacant.infra.custody;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.id.VacantId;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RecentSignersTest {

    private static final int CAPACITY = 1_000;
    private static final int CLIENTS = 32;
    private static final KeyPairSigner SIGNER = new KeyPairSigner(id(0), new byte[32]);

    private final AtomicInteger loads = new AtomicInteger();
    private final Function<VacantId, KeyPairSigner> load = vacant -> {
        loads.incrementAndGet();
        return SIGNER;
    };

    @Test
    void newKeys_areNeverLoadedAgain_whileTheCacheIsFullOfKeysUsedMoreOften() {
        RecentSigners signers = new RecentSigners(CAPACITY);
        VacantId[] current = new VacantId[CLIENTS];
        int created = 0;
        // the command bench's mix, 32 clients in turn: genesis stores a key, heartbeat, spawn (which stores the
        // child's key and signs with both) and five calls sign with it; 20 times the capacity in new keys
        for (int step = 0; created < 20 * CAPACITY; step++) {
            int client = step % CLIENTS;
            int phase = (step / CLIENTS) % 8;
            if (phase == 0) {
                current[client] = id(++created);
                signers.put(current[client], SIGNER);
            } else {
                signers.get(current[client], load);
            }
            if (phase == 2) {
                VacantId child = id(++created);
                signers.put(child, SIGNER);
                signers.get(child, load);
            }
        }
        assertEquals(0, loads.get());
    }

    @Test
    void theLeastRecentlyUsedKey_leavesFirst_andAKeyRemovedIsLoadedAgain() {
        RecentSigners signers = new RecentSigners(2);
        KeyPairSigner other = new KeyPairSigner(id(9), new byte[32]);
        signers.put(id(1), SIGNER);
        signers.put(id(2), SIGNER);
        signers.get(id(1), load);
        signers.put(id(3), SIGNER);
        assertSame(SIGNER, signers.get(id(1), load));
        assertEquals(0, loads.get());
        signers.get(id(2), load);
        assertEquals(1, loads.get());
        signers.remove(id(2));
        assertNotSame(SIGNER, signers.get(id(2), vacant -> other));
    }

    private static VacantId id(int n) {
        return VacantId.of(ByteBuffer.allocate(32).putInt(n).array());
    }
}

package dev.vacant.infra.custody;

import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.id.VacantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The decrypted signers of the vacants used most recently, at most {@code capacity}; the least recently used leaves
 * first. Not a Caffeine cache: its admission policy (W-TinyLFU) turns a new key away once the cache is full of keys
 * used more often than it, and a vacant's key is new exactly when it signs most (its genesis, heartbeat, spawn and
 * first calls). Under 32 clients of the command bench a third of the lookups missed a full cache that way and read
 * and decrypted the key again ({@code docs/performance.md}, session 17). A lookup that misses loads under the lock, so a
 * key destroyed meanwhile can never come back from a load that started before.
 */
final class RecentSigners {

    private final Map<VacantId, KeyPairSigner> signers;

    RecentSigners(int capacity) {
        this.signers = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<VacantId, KeyPairSigner> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized KeyPairSigner get(VacantId vacant, Function<VacantId, KeyPairSigner> load) {
        return signers.computeIfAbsent(vacant, load);
    }

    synchronized void put(VacantId vacant, KeyPairSigner signer) {
        signers.put(vacant, signer);
    }

    synchronized void remove(VacantId vacant) {
        signers.remove(vacant);
    }
}

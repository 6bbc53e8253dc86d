package dev.vacant.kernel.custody;

import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Ed25519KeyPair;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.logbook.LogbookSigner;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Custody in memory, for aggregate fixture tests (shipped in the test-jar). */
public final class InMemoryKeyCustody implements KeyCustody {

    private final SecureRandom random = new SecureRandom();
    private final Map<VacantId, byte[]> seeds = new ConcurrentHashMap<>();
    private final List<VacantId> destroyed = new CopyOnWriteArrayList<>();

    @Override
    public VacantId create() {
        Ed25519KeyPair pair = Ed25519.generate(random);
        VacantId id = VacantId.of(pair.publicKey());
        seeds.put(id, pair.privateSeed());
        return id;
    }

    /** Takes custody of a known pair (tests that need to sign as a vacant themselves, e.g. D4 consents). */
    public VacantId adopt(Ed25519KeyPair pair) {
        VacantId id = VacantId.of(pair.publicKey());
        seeds.put(id, pair.privateSeed());
        return id;
    }

    @Override
    public LogbookSigner signer(VacantId vacant) {
        byte[] seed = seeds.get(vacant);
        if (seed == null) {
            throw new KeyDestroyedException(vacant.value());
        }
        return new KeyPairSigner(vacant, seed);
    }

    @Override
    public void destroy(VacantId vacant) {
        seeds.remove(vacant);
        destroyed.add(vacant);
    }

    /** Every destruction asked for, in order (one per call, even of a key already gone). */
    public List<VacantId> destroyed() {
        return List.copyOf(destroyed);
    }

    @Override
    public boolean holds(VacantId vacant) {
        return seeds.containsKey(vacant);
    }
}

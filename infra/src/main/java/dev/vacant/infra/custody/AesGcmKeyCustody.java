package dev.vacant.infra.custody;

import dev.vacant.infra.persistence.BeforeCommitWrites;
import dev.vacant.kernel.crypto.Ed25519;
import dev.vacant.kernel.crypto.Ed25519KeyPair;
import dev.vacant.kernel.custody.KeyCustody;
import dev.vacant.kernel.custody.KeyDestroyedException;
import dev.vacant.kernel.custody.KeyPairSigner;
import dev.vacant.kernel.custody.NodeKeyCustody;
import dev.vacant.kernel.id.NodeId;
import dev.vacant.kernel.id.VacantId;
import dev.vacant.kernel.logbook.LogbookSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Default custody: each private seed is stored AES-256-GCM encrypted under the KEK, with the vacant id as
 * associated data (a ciphertext cannot be moved to another vacant). Writes join the command's transaction; the keys it
 * creates are stored together just before it commits ({@link BeforeCommitWrites}).
 * Destroying a key wipes its ciphertext and keeps a tombstone, so the vacant can never sign again. The node key is
 * kept the same way, under its node id, which {@code node_identity} names; the first node to need it creates it.
 */
public class AesGcmKeyCustody implements KeyCustody, NodeKeyCustody {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final JdbcTemplate jdbc;
    private final KeyEncryptionKey kek;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final RecentSigners signers;
    private final BeforeCommitWrites<Object[]> newKeys;
    private volatile KeyPairSigner nodeSigner;

    public AesGcmKeyCustody(JdbcTemplate jdbc, KeyEncryptionKey kek, Clock clock, int cacheSize) {
        this.jdbc = jdbc;
        this.kek = kek;
        this.clock = clock;
        this.signers = new RecentSigners(cacheSize);
        this.newKeys = new BeforeCommitWrites<>(this::insert);
    }

    /** A new vacant's key, stored with the others its transaction creates just before it commits. */
    @Override
    public VacantId create() {
        Ed25519.SigningKey key = Ed25519.generateSigningKey(random);
        VacantId id = VacantId.of(key.publicKey());
        newKeys.add(id.value(), encrypted(id.value(), key.seed()));
        signers.put(id, new KeyPairSigner(id, key));
        return id;
    }

    @Override
    public LogbookSigner node() {
        KeyPairSigner signer = nodeSigner;
        if (signer == null) {
            synchronized (this) {
                signer = nodeSigner == null ? loadOrCreateNodeKey() : nodeSigner;
                nodeSigner = signer;
            }
        }
        return signer;
    }

    private KeyPairSigner loadOrCreateNodeKey() {
        List<String> known = jdbc.queryForList("select node_id from node_identity where id = 1", String.class);
        if (!known.isEmpty()) {
            NodeId node = NodeId.parse(known.get(0));
            return new KeyPairSigner(node, decrypt(node.value()).orElseThrow(() -> new KeyDestroyedException(node.value())));
        }
        Ed25519KeyPair pair = Ed25519.generate(random);
        NodeId node = NodeId.of(pair.publicKey());
        insert(List.<Object[]>of(encrypted(node.value(), pair.privateSeed())));
        try {
            jdbc.update("insert into node_identity (id, node_id) values (1, ?)", node.value());
            return new KeyPairSigner(node, pair.privateSeed());
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            jdbc.update("delete from custody_key where vacant_id = ?", node.value());
            return loadOrCreateNodeKey();
        }
    }

    @Override
    public LogbookSigner signer(VacantId vacant) {
        return signers.get(vacant, this::load);
    }

    @Override
    public void destroy(VacantId vacant) {
        newKeys.flush();
        jdbc.update("update custody_key set nonce = null, ciphertext = null, destroyed_at = ? where vacant_id = ?",
                now(), vacant.value());
        signers.remove(vacant);
    }

    @Override
    public boolean holds(VacantId vacant) {
        newKeys.flush();
        Integer held = jdbc.queryForObject(
                "select count(*) from custody_key where vacant_id = ? and ciphertext is not null", Integer.class,
                vacant.value());
        return held != null && held > 0;
    }

    private KeyPairSigner load(VacantId vacant) {
        return new KeyPairSigner(vacant, decrypt(vacant.value()).orElseThrow(() -> new KeyDestroyedException(vacant.value())));
    }

    /** The {@code custody_key} row of {@code seed} encrypted under the KEK, bound to {@code keyId} (a vacant or node id). */
    private Object[] encrypted(String keyId, byte[] seed) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return new Object[] {keyId, nonce, crypt(Cipher.ENCRYPT_MODE, keyId, nonce, seed), now()};
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("insert into custody_key (vacant_id, nonce, ciphertext, created_at) values (?, ?, ?, ?)", rows);
    }

    private Optional<byte[]> decrypt(String keyId) {
        newKeys.flush();
        List<byte[][]> rows = jdbc.query("select nonce, ciphertext from custody_key where vacant_id = ? and ciphertext is not null",
                (rs, n) -> new byte[][] {rs.getBytes(1), rs.getBytes(2)}, keyId);
        return rows.stream().findFirst().map(row -> crypt(Cipher.DECRYPT_MODE, keyId, row[0], row[1]));
    }

    private byte[] crypt(int mode, String keyId, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, kek.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("custody cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
                    + " the key of " + keyId + " (wrong KEK?)", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

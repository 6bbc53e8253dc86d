package dev.vacant.infra.custody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The 32-byte AES key under which custody encrypts every private key. Never printed. */
public final class KeyEncryptionKey {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryptionKey.class);
    static final String FILE_NAME = "custody.kek";

    private final SecretKey key;

    private KeyEncryptionKey(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalStateException("vacant.custody.kek must be base64 of exactly 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** The configured KEK, or one generated into (or read back from) {@code dataDir} when allowed. */
    public static KeyEncryptionKey resolve(CustodyProperties properties, Path dataDir) {
        if (properties.kek() != null && !properties.kek().isBlank()) {
            return new KeyEncryptionKey(decode(properties.kek()));
        }
        if (!properties.generateKek()) {
            throw new IllegalStateException("vacant.custody.kek is not set (base64 of 32 random bytes)");
        }
        return new KeyEncryptionKey(developmentKey(dataDir.resolve(FILE_NAME)));
    }

    SecretKey secretKey() {
        return key;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("vacant.custody.kek is not valid base64");
        }
    }

    private static byte[] developmentKey(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardCharsets.US_ASCII);
            log.warn("Generated a DEVELOPMENT key-encryption key at {} (mode 0600). Set vacant.custody.kek in production.",
                    file.toAbsolutePath());
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the custody KEK at " + file, e);
        }
    }
}

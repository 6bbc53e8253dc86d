package dev.vacant.infra.custody;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Custody settings under {@code vacant.custody}.
 *
 * @param kek         the key-encryption key, base64 of 32 bytes; when absent and {@code generateKek} is set,
 *                    a development KEK is generated into the data directory
 * @param generateKek whether a missing KEK may be generated (the embedded default); false means a missing KEK
 *                    is a startup error
 * @param cacheSize   how many decrypted signing keys stay in memory
 */
@ConfigurationProperties("vacant.custody")
public record CustodyProperties(String kek, boolean generateKek, Integer cacheSize) {

    public int cacheSizeOrDefault() {
        return cacheSize == null ? 10_000 : cacheSize;
    }
}

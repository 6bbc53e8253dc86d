package dev.vacant.kernel.crypto;

import java.util.HexFormat;

/** Lowercase hexadecimal encoding. */
public final class Hex {

    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        return LOWER.formatHex(bytes);
    }

    public static byte[] decode(String hex) {
        return LOWER.parseHex(hex);
    }
}

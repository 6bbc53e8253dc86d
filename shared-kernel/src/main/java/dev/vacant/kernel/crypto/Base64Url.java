package dev.vacant.kernel.crypto;

import java.util.Base64;

/** Base64url without padding (RFC 4648 section 5), used for signatures. */
public final class Base64Url {

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Decodes strictly: padding, other alphabets and non-canonical trailing bits are rejected. */
    public static byte[] decode(String text) {
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        if (!encode(bytes).equals(text)) {
            throw new IllegalArgumentException("not canonical base64url without padding");
        }
        return bytes;
    }
}

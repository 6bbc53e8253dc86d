package dev.vacant.kernel.tuple;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUIDv7 tuple ids (RFC 9562): 48 bits of Unix milliseconds from the injected clock, the version and
 * variant bits, and 74 random bits from the injected {@link SecureRandom}.
 */
public final class TupleIds {

    private final Clock clock;
    private final SecureRandom random;

    public TupleIds(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** A fresh UUIDv7. */
    public UUID next() {
        long millis = clock.millis();
        long high = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}

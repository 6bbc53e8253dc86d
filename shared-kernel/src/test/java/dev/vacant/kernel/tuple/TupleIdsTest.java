package dev.vacant.kernel.tuple;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vacant.kernel.time.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TupleIdsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-02T03:04:05.678Z"));
    private final TupleIds ids = new TupleIds(clock, new SecureRandom());

    @Test
    void next_isVersion7WithTheClocksMillis_always() {
        UUID id = ids.next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
    }

    @Test
    void next_sortsByTime_whenTheClockMoves() {
        UUID earlier = ids.next();
        clock.advance(Duration.ofMillis(1));
        UUID later = ids.next();

        assertThat(later.toString()).isGreaterThan(earlier.toString());
    }
}

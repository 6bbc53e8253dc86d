package dev.vacant.command.tuple.lane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vacant.kernel.json.Json;
import dev.vacant.kernel.lane.InputDigest;
import dev.vacant.kernel.tuple.Receipts;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReceiptCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ReceiptCache cache = new ReceiptCache(3, Duration.ofSeconds(3600), nanos::get);
    private final JsonNode output = Json.object().put("summary", "short");

    @Test
    void hit_returnsTheOutputWithACacheHitReceipt_whenTheSameInputWasStored() {
        cache.put("summarise", Json.parse("{\"a\":1,\"b\":2}"), output);

        assertThat(cache.hit("summarise", Json.parse("{\"b\":2,\"a\":1}"))).contains(new LaneResult(output,
                Receipts.of("cache_hit", InputDigest.of("summarise", Json.parse("{\"a\":1,\"b\":2}")))));
    }

    @Test
    void hit_isEmpty_whenTheDataDiffers() {
        cache.put("summarise", Json.parse("{\"a\":1}"), output);

        assertThat(cache.hit("summarise", Json.parse("{\"a\":2}"))).isEmpty();
    }

    @Test
    void hit_isEmpty_whenTheTtlHasPassed() {
        cache.put("summarise", Json.object(), output);
        nanos.addAndGet(Duration.ofSeconds(3599).toNanos());
        assertThat(cache.hit("summarise", Json.object())).isPresent();

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(cache.hit("summarise", Json.object())).isEmpty();
    }

    @Test
    void put_evictsDownToMaxEntries_whenMoreInputsAreStored() {
        for (int i = 0; i < 10; i++) {
            cache.put("summarise", Json.object().put("i", i), output);
        }

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.hit("summarise", Json.object().put("i", 9))).isPresent();
    }
}

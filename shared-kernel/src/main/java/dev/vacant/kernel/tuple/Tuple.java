package dev.vacant.kernel.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vacant.kernel.id.VacantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A tuple of the space ({@code tuples.md}).
 *
 * @param id           UUIDv7 ({@link TupleIds})
 * @param yool         capability name
 * @param map          position in the coordination map; {@link #hilbert()} is its Hilbert index
 * @param authority    the writer: a vacant the caller controls, never taken from a request body
 * @param lane         {@code [a-z0-9._-]{1,64}}
 * @param parentId     the tuple this one was derived from, if any
 * @param agentId      set on agent tuples
 * @param data         a JSON object of at most 256 KiB
 * @param receipts     {@code kind@digest} of every op applied to the tuple ({@link Receipts})
 * @param leaseExpires after this instant the tuple is invisible and reaped; null: no lease
 */
public record Tuple(UUID id, String yool, TupleMap map, VacantId authority, String lane, String source,
                    UUID parentId, String agentId, ObjectNode data, List<String> receipts, Instant lastActive,
                    Instant leaseExpires) {

    public Tuple {
        Objects.requireNonNull(id, "id");
        TupleRules.text("yool", yool, 128);
        Objects.requireNonNull(map, "map");
        Objects.requireNonNull(authority, "authority");
        TupleRules.name("lane", lane);
        TupleRules.text("source", source, 256);
        data = TupleData.require("data", data);
        receipts = List.copyOf(receipts);
        Objects.requireNonNull(lastActive, "last_active");
    }

    /** The Hilbert index of {@link #map()}. */
    public long hilbert() {
        return map.hilbert();
    }

    /** Whether the lease has run out at {@code now}. */
    public boolean expiredAt(Instant now) {
        return leaseExpires != null && !leaseExpires.isAfter(now);
    }

    /** This tuple with one more receipt, active at {@code now}. */
    public Tuple withReceipt(String receipt, Instant now) {
        List<String> more = new ArrayList<>(receipts);
        more.add(receipt);
        return new Tuple(id, yool, map, authority, lane, source, parentId, agentId, data, more, now, leaseExpires);
    }

    /** This tuple with other data. */
    public Tuple withData(ObjectNode newData) {
        return new Tuple(id, yool, map, authority, lane, source, parentId, agentId, newData, receipts, lastActive,
                leaseExpires);
    }
}

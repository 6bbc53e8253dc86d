package dev.vacant.infra.audit;

import dev.vacant.kernel.audit.StoredEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes stored events into {@code domain_event_entry} the way Axon's JDBC storage engine does. */
public final class AxonRows {

    private AxonRows() {
    }

    public static void insert(JdbcTemplate jdbc, List<StoredEvent> rows) {
        jdbc.batchUpdate("insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                        + "time_stamp, payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.stream().map(row -> new Object[]{UUID.randomUUID().toString(), row.aggregateIdentifier(),
                        row.sequenceNumber(), row.aggregateType(), Instant.EPOCH.toString(), row.payloadType(),
                        row.payloadRevision(), row.payload(), row.metaData()}).toList());
    }
}

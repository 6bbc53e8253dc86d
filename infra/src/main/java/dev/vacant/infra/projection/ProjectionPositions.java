package dev.vacant.infra.projection;

import dev.vacant.infra.persistence.AppendedPositions;
import dev.vacant.kernel.error.ErrorCode;
import dev.vacant.kernel.error.VacantException;
import dev.vacant.query.projection.ProjectionCatalog;
import java.util.Collections;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Where the event store's head is, and how far each projection's tracking processor has come. */
@Component
public class ProjectionPositions {

    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Serializer tokenSerializer;
    private final AppendedPositions appended;

    /**
     * @param tokenSerializer the serializer of the token store (Axon's general serializer)
     * @param appended        the positions of the events this node appended, known without a query
     */
    public ProjectionPositions(JdbcTemplate jdbc, EventProcessingConfiguration processing, Serializer tokenSerializer,
                               AppendedPositions appended) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.tokenSerializer = tokenSerializer;
        this.appended = appended;
    }

    /** The global index of the newest stored event (0 when none). */
    public long head() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    /**
     * The global index of entry {@code seq} of {@code vacant}: where it stands in the event store and the checkpoint
     * tree. Known without a query when this node appended the entry (a command's answer); else looked up.
     */
    public long globalIndexOf(String vacant, long seq) {
        return appended.take(vacant, seq).orElseGet(() -> jdbc.queryForObject(
                "select global_index from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                Long.class, vacant, seq));
    }

    /**
     * Whether the projection has processed every stored event up to {@code target}. A token's position alone does
     * not say so: an event whose transaction committed after later ones is a gap until the processor has seen it.
     */
    public boolean reached(String projection, long target) {
        requireProjection(projection);
        List<TrackingToken> segments = storedTokens();
        return !segments.isEmpty() && segments.stream()
                .allMatch(token -> covers(WrappedToken.unwrapLowerBound(token), target));
    }

    /** How many events the projections' processor is behind the store's head. */
    public long lag() {
        return Math.max(0, head() - position());
    }

    /**
     * The lowest position every segment of the shared processor has reached (0 before the first token is stored):
     * {@code head() - position()} is how many stored events at most the projections have yet to apply.
     */
    public long position() {
        return storedTokens().stream()
                .mapToLong(token -> token == null ? 0 : WrappedToken.unwrapLowerBound(token).position().orElse(0))
                .min().orElse(0);
    }

    /**
     * The processor's tokens as stored, one per segment: whichever node owns a segment, every node reads the same
     * progress (the local processor may own none).
     */
    private List<TrackingToken> storedTokens() {
        return jdbc.query("select token, token_type from token_entry where processor_name = ?",
                (rs, n) -> token(rs.getBytes(1), rs.getString(2)), ProjectionCatalog.PROCESSING_GROUP);
    }

    private TrackingToken token(byte[] bytes, String type) {
        return bytes == null ? null
                : tokenSerializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

    private boolean covers(TrackingToken token, long target) {
        if (token == null || token.position().orElse(-1) < target) {
            return false;
        }
        if (!(token instanceof GapAwareTrackingToken gapAware)) {
            return true;
        }
        List<Long> open = List.copyOf(gapAware.getGaps().headSet(target + 1));
        return open.isEmpty() || storedAmong(open) == 0;
    }

    /** How many of {@code indexes} hold an event (a gap may be a rolled-back insert that never will). */
    private int storedAmong(List<Long> indexes) {
        String placeholders = String.join(", ", Collections.nCopies(indexes.size(), "?"));
        Integer stored = jdbc.queryForObject("select count(*) from domain_event_entry where global_index in ("
                + placeholders + ")", Integer.class, indexes.toArray());
        return stored == null ? 0 : stored;
    }

    /** The tracking processor of a projection (the one all projections share), or {@code NOT_FOUND}. */
    public StreamingEventProcessor processor(String projection) {
        requireProjection(projection);
        return processor();
    }

    /** The tracking processor all projections share. */
    public StreamingEventProcessor processor() {
        return processing.eventProcessor(ProjectionCatalog.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor " + ProjectionCatalog.PROCESSING_GROUP));
    }

    private static void requireProjection(String projection) {
        if (!ProjectionCatalog.contains(projection)) {
            throw new VacantException(ErrorCode.NOT_FOUND, "no projection " + projection);
        }
    }
}
